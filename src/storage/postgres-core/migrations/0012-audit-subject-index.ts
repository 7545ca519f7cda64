// Migration 12: the vault's own index from a customer to the references minted for them in the log.

export const auditSubjectIndexSchema = `
-- Each transparency-log reference minted for a customer, written when it is minted (before its entry can
-- reach the log): the access export reads a customer's entries through it instead of testing every
-- reference with their audit key. Vault-internal: the log itself stays unlinkable. Erasure empties it.
CREATE TABLE audit_subject_index (
  customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  subject_ref text NOT NULL,
  PRIMARY KEY (customer_id, subject_ref)
);

-- Entries below this index may carry references minted before the index existed (already in the log or
-- still in the outbox): those are found by the scan under the customer's audit key, as before.
CREATE TABLE audit_subject_index_start (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  first_indexed_idx bigint NOT NULL
);
INSERT INTO audit_subject_index_start (first_indexed_idx)
  SELECT coalesce((SELECT max(idx) + 1 FROM audit_entries), 0) + (SELECT count(*) FROM audit_outbox);

CREATE INDEX audit_entries_subject_ref ON audit_entries (subject_ref) WHERE subject_ref IS NOT NULL;

CREATE FUNCTION audit_subject_index_forget_erased() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM audit_subject_index s USING changed c WHERE s.customer_id = c.id AND c.status = 'erased';
  RETURN NULL;
END;
$$;
CREATE TRIGGER audit_subject_index_forget_erased AFTER UPDATE ON customers
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION audit_subject_index_forget_erased();
`;
