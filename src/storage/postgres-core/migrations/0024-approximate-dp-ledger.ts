// Migration 24 (approximate-dp-ledger): the vault-wide (ε, δ) ledger's spends, each with its RDP curve.
export const approximateDpLedgerSchema = `
CREATE TABLE privacy_spends (
  id bigserial PRIMARY KEY,
  period_start timestamptz NOT NULL,
  asker text NOT NULL,
  purpose text NOT NULL,
  -- What was charged, unique per use, e.g. "training:<model id>"; never customer data.
  label text NOT NULL,
  mechanism text NOT NULL,
  -- ε_α at each order of src/privacy/accounting/rdp.ts (rdpOrders), in order.
  rdp double precision[] NOT NULL,
  spent_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (period_start, label)
);
`;
