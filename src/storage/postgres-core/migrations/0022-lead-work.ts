// Migration 22 (lead-work): an advisor's work on a claimed lead — its status and its history of changes and notes.
export const leadWorkSchema = `
ALTER TABLE leads ADD COLUMN work_status text
  CHECK (work_status IN ('contacted', 'meeting', 'product_opened', 'closed'));

CREATE TABLE lead_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  lead_id bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  advisor text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('status', 'note')),
  status text CHECK (status IN ('contacted', 'meeting', 'product_opened', 'closed')),
  -- A note is personal data: sealed under the customer's data key, unreadable once that key is shredded.
  note_sealed bytea,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK ((kind = 'status') = (status IS NOT NULL) AND (kind = 'note') = (note_sealed IS NOT NULL))
);
CREATE INDEX lead_events_lead ON lead_events (lead_id, id);
`;
