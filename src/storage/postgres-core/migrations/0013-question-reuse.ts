// Migration 13: finding a question's reusable answer without walking past its repeats.

export const questionReuseSchema = `
-- A popular question is asked again and again; each repeat is a row of its own (the log and the budget need
-- it). Looking up the answer to reuse must not scan those repeats: this index holds only the rows that can be
-- reused (answered, too few, a differencing refusal), newest last.
CREATE INDEX questions_reusable ON questions (purpose, plan_key, period_start, id) WHERE outcome <> 'repeated';
`;
