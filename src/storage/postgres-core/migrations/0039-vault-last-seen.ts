// Migration 39 (vault-last-seen): when the hub last reached each regional vault, and since when it cannot.
export const vaultLastSeenSchema = `
-- Written by the hub after each door call or health probe; no count and nothing of any customer.
ALTER TABLE hub.vaults
  ADD COLUMN last_seen_at timestamptz,
  ADD COLUMN unreachable_since timestamptz,
  ADD COLUMN last_failure text;
`;
