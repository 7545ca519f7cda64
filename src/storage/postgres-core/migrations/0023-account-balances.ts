// Migration 23 (account balances): each account's latest booked balance, from statements, imports and the demo.
export const accountBalancesSchema = `
CREATE TABLE account_balances (
  account_id bigint PRIMARY KEY REFERENCES accounts (id),
  -- The booked balance at the end of as_of (signed minor units); transactions booked after it move it on.
  balance_minor bigint,
  as_of date,
  overdraft_limit_minor bigint CHECK (overdraft_limit_minor >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((balance_minor IS NULL) = (as_of IS NULL))
);
`;
