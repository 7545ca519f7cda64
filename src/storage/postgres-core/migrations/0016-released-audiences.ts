// Migration 15: every release's audience as a bitset, with what it is about, for the differencing check.

export const guardReleasedAudiencesSchema = `
-- The differencing check compares a new release with every audience released in the period, whoever asked:
-- answered questions, admitted campaigns, released counts. Each keeps its audience as a bitset over customer
-- ids (25 kB at 200,000 customers; internal, never leaves the vault) and the subjects it was released under
-- (a question's purpose and normal form, a campaign): releases that share a subject are not compared.
ALTER TABLE questions ADD COLUMN subjects text[];
ALTER TABLE questions ADD COLUMN audience_bits bytea;
CREATE INDEX questions_released_audiences ON questions (period_start, id)
  WHERE audience_bits IS NOT NULL OR (audience IS NOT NULL AND outcome = 'answered');
`;
