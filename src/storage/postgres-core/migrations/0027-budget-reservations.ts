// Migration 27 (budget-reservations): ε an approved campaign holds back from the vault-wide budget of a period,
// and the hub's latest protected count of each segment (so an approver reads it without a new charge).
export const budgetReservationsSchema = `
-- One per campaign and period: what its admission and its results will cost, held from the vault-wide budget
-- so that later spending by anyone cannot starve it. What the campaign's own charges (ledger rows labelled
-- delivery:, audience: or results: with its id) have drawn is subtracted when the holding is read.
CREATE TABLE budget_reservations (
  campaign_id text NOT NULL,
  period_start timestamptz NOT NULL,
  -- The staff handle that approved the campaign (and so asked for the holding).
  holder text NOT NULL,
  purpose text NOT NULL,
  -- An exact rational, as the ledger's epsilon.
  epsilon text NOT NULL,
  reserved_at timestamptz NOT NULL,
  -- The campaign's end: the holding lapses then by itself.
  ends_at timestamptz,
  -- When it was given back early (campaign cancelled or refused), and why.
  ended_at timestamptz,
  ended_reason text,
  PRIMARY KEY (campaign_id, period_start)
);

-- The latest protected (noised) count the vault released for a segment expression under a purpose: already
-- outside the vault, kept so a campaign's reviewers see it without asking, and paying, again.
CREATE TABLE hub.protected_counts (
  purpose text NOT NULL,
  expression text NOT NULL,
  count integer NOT NULL CHECK (count >= 0),
  asked_by text NOT NULL,
  asked_at timestamptz NOT NULL,
  PRIMARY KEY (purpose, expression)
);
`;
