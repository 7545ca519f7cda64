// Migration 10: compliance — data subject requests, restrictions of processing, legal holds, retention.

export const complianceSchema = `
-- A data subject request and its lifecycle. Nothing the requester claimed (external id, email, date of
-- birth) is stored: the claim is checked when it is made, and only the outcome is kept.
CREATE TABLE subject_requests (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('access', 'rectification', 'restriction', 'objection', 'erasure')),
  regime text NOT NULL CHECK (regime IN ('gdpr', 'ccpa')),
  status text NOT NULL CHECK (status IN ('received', 'verified', 'completed', 'rejected')),
  customer_id bigint REFERENCES customers (id),
  received_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  verified_at timestamptz,
  closed_at timestamptz,
  failed_checks integer NOT NULL DEFAULT 0,
  rejection text,
  outcome jsonb
);
CREATE INDEX subject_requests_open ON subject_requests (due_at) WHERE status IN ('received', 'verified');

-- Customers whose data may be stored but not processed: restriction (Art. 18), objection to profiling
-- (Art. 21). Every question and every delivery leaves them out while a row is not lifted.
CREATE TABLE processing_restrictions (
  customer_id bigint NOT NULL REFERENCES customers (id),
  reason text NOT NULL CHECK (reason IN ('restriction', 'objection')),
  request_id text REFERENCES subject_requests (id),
  since timestamptz NOT NULL DEFAULT now(),
  lifted_at timestamptz,
  PRIMARY KEY (customer_id, reason)
);

-- Records the law makes the bank keep after an erasure: the accounts (and so their transactions) of an
-- erased customer, unlinked from the customer, until the retention of transactions ends.
CREATE TABLE legal_holds (
  id text PRIMARY KEY,
  request_id text REFERENCES subject_requests (id),
  reason text NOT NULL,
  accounts bigint[] NOT NULL,
  transactions integer NOT NULL,
  held_until date,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Retention periods that differ from the defaults in code (vault/compliance/retention.ts).
CREATE TABLE retention_policies (
  kind text PRIMARY KEY,
  days integer NOT NULL CHECK (days >= 1),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Each enforcement of retention: when, and how many rows of each kind went. Counts only.
CREATE TABLE retention_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  as_of date NOT NULL,
  removed jsonb NOT NULL
);
`;
