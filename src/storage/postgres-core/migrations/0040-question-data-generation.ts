// Migration 40 (question-data-generation): counters that move whenever customers, products held or account ownership
// change, so the question engine reads one row per question to know whether its columnar store is current, instead
// of counting customers and hashing every account and joint owner (a full scan of each per question).
export const questionDataGenerationSchema = `
CREATE TABLE question_data_generation (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  customers bigint NOT NULL DEFAULT 0,
  products bigint NOT NULL DEFAULT 0,
  owners bigint NOT NULL DEFAULT 0
);
INSERT INTO question_data_generation DEFAULT VALUES;

CREATE FUNCTION question_data_bump_customers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE question_data_generation SET customers = customers + 1;
  RETURN NULL;
END $$;
CREATE FUNCTION question_data_bump_products() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE question_data_generation SET products = products + 1;
  RETURN NULL;
END $$;
CREATE FUNCTION question_data_bump_owners() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE question_data_generation SET owners = owners + 1;
  RETURN NULL;
END $$;

-- Statement-level, so an import chunk of thousands of rows bumps a counter once; TRUNCATE has its own triggers.
CREATE TRIGGER customers_generation AFTER INSERT OR UPDATE OR DELETE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION question_data_bump_customers();
CREATE TRIGGER customers_generation_truncated AFTER TRUNCATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION question_data_bump_customers();
CREATE TRIGGER products_held_generation AFTER INSERT OR UPDATE OR DELETE ON products_held
  FOR EACH STATEMENT EXECUTE FUNCTION question_data_bump_products();
CREATE TRIGGER products_held_generation_truncated AFTER TRUNCATE ON products_held
  FOR EACH STATEMENT EXECUTE FUNCTION question_data_bump_products();
CREATE TRIGGER accounts_generation AFTER INSERT OR UPDATE OR DELETE ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION question_data_bump_owners();
CREATE TRIGGER accounts_generation_truncated AFTER TRUNCATE ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION question_data_bump_owners();
CREATE TRIGGER account_owners_generation AFTER INSERT OR UPDATE OR DELETE ON account_owners
  FOR EACH STATEMENT EXECUTE FUNCTION question_data_bump_owners();
CREATE TRIGGER account_owners_generation_truncated AFTER TRUNCATE ON account_owners
  FOR EACH STATEMENT EXECUTE FUNCTION question_data_bump_owners();
`;
