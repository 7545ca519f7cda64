// Migration 32 (model-scores-generation): a counter that moves whenever stored scores or model versions change, so a
// question reads one row to know whether its score columns are current instead of hashing every stored score.
export const modelScoresGenerationSchema = `
CREATE TABLE model_scores_generation (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  generation bigint NOT NULL
);
INSERT INTO model_scores_generation (generation) VALUES (1);

CREATE FUNCTION model_scores_bump_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE model_scores_generation SET generation = generation + 1;
  RETURN NULL;
END $$;

-- Statement-level, so a scoring run of 200,000 rows bumps it once; TRUNCATE has its own statement trigger.
CREATE TRIGGER model_scores_changed AFTER INSERT OR UPDATE OR DELETE ON model_scores
  FOR EACH STATEMENT EXECUTE FUNCTION model_scores_bump_generation();
CREATE TRIGGER model_scores_truncated AFTER TRUNCATE ON model_scores
  FOR EACH STATEMENT EXECUTE FUNCTION model_scores_bump_generation();
CREATE TRIGGER model_versions_changed AFTER INSERT OR UPDATE OR DELETE ON model_versions
  FOR EACH STATEMENT EXECUTE FUNCTION model_scores_bump_generation();
`;
