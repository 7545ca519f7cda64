// Migration 25 (propensity-models): frozen propensity model versions, their cards, and each version's stored scores.
export const propensityModelsSchema = `
-- A trained model version. Once written its weights never change (a frozen model is the public output of a
-- charged training run); only its state moves on: trained → approved (second person) → retired.
CREATE TABLE model_versions (
  id uuid PRIMARY KEY,
  -- The product it predicts taking up in the next 90 days, a product_catalog code (e.g. "mortgage").
  product text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  -- The versioned feature list (src/models/features.ts) the weights are in the order of.
  feature_list_version integer NOT NULL,
  weights double precision[] NOT NULL,
  bias double precision NOT NULL,
  -- How privacy was spent: e.g. "dp-sgd" (RDP-accounted (ε, δ)) or "output-perturbation" (pure ε, δ = 0).
  mechanism text NOT NULL,
  epsilon double precision NOT NULL CHECK (epsilon > 0),
  delta double precision NOT NULL CHECK (delta >= 0 AND delta < 1),
  -- The training window (labels are take-ups in the 90 days after trained_to).
  trained_from date NOT NULL,
  trained_to date NOT NULL,
  trained_by text NOT NULL,
  trained_at timestamptz NOT NULL DEFAULT now(),
  state text NOT NULL DEFAULT 'trained' CHECK (state IN ('trained', 'approved', 'retired')),
  approved_by text,
  approved_at timestamptz,
  retired_by text,
  retired_at timestamptz,
  -- The model card: every figure in it released through the guard (noised, charged); never an exact count.
  card jsonb NOT NULL DEFAULT '{}'::jsonb,
  UNIQUE (product, version),
  CHECK (approved_by IS NULL OR approved_by <> trained_by)
);

-- One score per customer per model version, for customers who granted profiling when it was scored.
-- Withdrawing profiling or objecting (Art. 21) deletes the customer's rows at once.
CREATE TABLE model_scores (
  model_version uuid NOT NULL REFERENCES model_versions (id) ON DELETE CASCADE,
  customer_id bigint NOT NULL REFERENCES customers (id),
  score double precision NOT NULL CHECK (score >= 0 AND score <= 1),
  PRIMARY KEY (model_version, customer_id)
);
CREATE INDEX model_scores_customer ON model_scores (customer_id);
`;
