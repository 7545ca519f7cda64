// Migration 29 (budget-requests): a person's request for more ε this period, and an approver's decision on it.
export const budgetRequestsSchema = `
-- A grant moves unspent vault-wide ε to one person for one period: it raises that person's allowance, never the
-- vault-wide budget (the guard still checks every charge against it). No customer data: handles, ε, reasons.
CREATE TABLE budget_requests (
  id text PRIMARY KEY,
  asker text NOT NULL,
  period_start timestamptz NOT NULL,
  -- Exact rationals as text ("5/4"), as the ledger keeps them.
  epsilon text NOT NULL,
  reason text NOT NULL,
  status text NOT NULL CHECK (status IN ('requested', 'granted', 'refused')),
  granted text,
  decided_by text,
  decision_reason text,
  requested_at timestamptz NOT NULL,
  decided_at timestamptz,
  CHECK ((status = 'granted') = (granted IS NOT NULL))
);
CREATE INDEX budget_requests_period ON budget_requests (period_start, asker) WHERE status = 'granted';
-- One open request per person and period: a second ask waits for the first's decision.
CREATE UNIQUE INDEX budget_requests_one_open ON budget_requests (asker, period_start) WHERE status = 'requested';
`;
