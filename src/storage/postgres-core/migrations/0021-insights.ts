// Migration 21 (insights): the customer's own insight messages; deleted on withdrawal of spending_insights and on erasure.
export const insightsSchema = `
CREATE TABLE insight_messages (
  id bigserial PRIMARY KEY,
  public_id text NOT NULL UNIQUE,
  customer_id bigint NOT NULL REFERENCES customers(id),
  -- The insights as the customer saw them (JSON of src/insights/insights.ts): only the customer reads it.
  insights jsonb NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  delivered_at timestamptz NOT NULL,
  opened_at timestamptz
);
CREATE INDEX insight_messages_customer ON insight_messages (customer_id, delivered_at);

CREATE FUNCTION insights_forget_erased() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM insight_messages m USING changed c WHERE m.customer_id = c.id AND c.status = 'erased';
  RETURN NULL;
END;
$$;
CREATE TRIGGER insights_forget_erased AFTER UPDATE ON customers
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION insights_forget_erased();
`;
