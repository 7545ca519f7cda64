// Migration 4: the privacy guard — its versioned policy (two-person changes) and every question with its charge.

export const questionsSchema = `
-- The guard's policy, versioned. A version is proposed by one person and active once another approves it.
CREATE TABLE privacy_policies (
  version integer PRIMARY KEY,
  policy jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('proposed', 'active', 'superseded', 'rejected')),
  reason text NOT NULL,
  proposed_by text NOT NULL,
  proposed_at timestamptz NOT NULL DEFAULT now(),
  decided_by text,
  decided_at timestamptz,
  CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
CREATE UNIQUE INDEX privacy_policies_one_active ON privacy_policies ((status)) WHERE status = 'active';

-- Every question that reached the data, what the guard released and what it charged (epsilon, a rational
-- 'n/d'). audience holds the exact member ids (internal; never leaves the vault) for the differencing check
-- of later questions in the same period.
CREATE TABLE questions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  asker text NOT NULL,
  purpose text NOT NULL,
  expression text NOT NULL,
  plan_key text NOT NULL,
  period_start timestamptz NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('answered', 'too_few', 'differencing', 'repeated')),
  noisy_count bigint,
  epsilon text NOT NULL,
  policy_version integer NOT NULL,
  engine text NOT NULL,
  audience bytea,
  repeats bigint REFERENCES questions (id),
  asked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX questions_asker_period ON questions (asker, period_start);
CREATE INDEX questions_plan_period ON questions (purpose, plan_key, period_start);
`;
