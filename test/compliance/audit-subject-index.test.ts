// The vault's index of log references: the export finds entries through it, old entries by the scan, erasure empties it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAuditSubject } from '../../src/vault/identity/identity-store.ts';
import { testBackends } from '../support/backends.ts';
import { customerOf, smallBankVault, type TestVault } from './support/compliance-fixtures.ts';

const clock = new Date('2026-11-02T09:00:00Z');

describe.each(testBackends)('audit subject index on $name', (backend) => {
  let vault: TestVault;

  // Each test its own copy of the bank: one moves the index's start, others erase.
  beforeEach(async () => {
    vault = await smallBankVault(backend, 12, { now: () => clock });
  }, 180_000);
  afterEach(async () => vault.dispose());

  /** Every entry index whose reference the customer's audit key recognises: the truth, by brute force. */
  async function truthFor(customerId: number): Promise<number[]> {
    const key = await vault.identity.auditKey(customerId);
    const { rows } = await vault.storage.query<{ idx: number; subject_ref: string }>(
      'SELECT idx, subject_ref FROM audit_entries WHERE subject_ref IS NOT NULL ORDER BY idx',
    );
    return rows.filter((r) => isAuditSubject(key, r.subject_ref)).map((r) => Number(r.idx));
  }

  const exported = async (customerId: number) =>
    (await vault.compliance.exportCustomer(customerId)).auditEntries.map((e) => e.index);

  it('indexes every reference minted for a customer, and the export finds exactly their entries', async () => {
    const { id } = await customerOf(vault, 2);
    const indexed = await vault.identity.indexedAuditSubjects(id);
    expect(indexed.refs.length).toBeGreaterThan(0);
    const truth = await truthFor(id);
    expect(truth.length).toBeGreaterThan(0);
    expect(await exported(id)).toEqual(truth);
    // The index holds references only; entries carry no customer id, and references stay distinct.
    expect(new Set(indexed.refs).size).toBe(indexed.refs.length);
  });

  it('reads entries at or above the start through the index, and older ones by the scan', async () => {
    const { id } = await customerOf(vault, 3);
    const before = await truthFor(id);
    // Pretend every entry so far predates the index: forget the rows, move the start to the head.
    await vault.storage.query('DELETE FROM audit_subject_index WHERE customer_id = $1', [id]);
    await vault.storage.query('UPDATE audit_subject_index_start SET first_indexed_idx = $1', [
      vault.audit.head().size,
    ]);
    expect(await exported(id)).toEqual(before);

    const updated = await vault.preferences.update([
      { customerId: id, change: { kind: 'not_interested', category: 'travel', on: true } },
    ]);
    expect(updated.ok).toBe(true);
    const after = await truthFor(id);
    expect(after.length).toBeGreaterThan(before.length);
    expect(await exported(id)).toEqual(after);

    // Above the start the index is what finds entries: without its rows the new entries are not found.
    await vault.storage.query('DELETE FROM audit_subject_index WHERE customer_id = $1', [id]);
    expect(await exported(id)).toEqual(before);
  });

  it('never exports an entry the index wrongly attributes to the customer', async () => {
    const { id } = await customerOf(vault, 4);
    const other = await customerOf(vault, 5);
    const theirs = await vault.identity.indexedAuditSubjects(other.id);
    await vault.storage.query(
      'INSERT INTO audit_subject_index (customer_id, subject_ref) SELECT $1, unnest($2::text[])',
      [id, theirs.refs],
    );
    expect(await exported(id)).toEqual(await truthFor(id));
  });

  it('erasure removes every row linking the customer to the log', async () => {
    const customer = await customerOf(vault, 6);
    expect((await vault.identity.indexedAuditSubjects(customer.id)).refs.length).toBeGreaterThan(0);
    const pii = await vault.identity.readPii(customer.id);
    const request = await vault.compliance.requests.receive('erasure', 'gdpr');
    await vault.compliance.requests.verify(request.id, {
      externalId: customer.externalId,
      dateOfBirth: pii.dateOfBirth,
    });
    const outcome = await vault.compliance.erase(request.id, customer.externalId);
    expect(outcome.statement.deleted['audit_subject_index']).toBeGreaterThan(0);
    const left = await vault.storage.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_subject_index WHERE customer_id = $1',
      [customer.id],
    );
    expect(left.rows[0]!.n).toBe(0);
  });

  it('refuses a receipt when a link survives the erasure', async () => {
    const customer = await customerOf(vault, 7);
    const pii = await vault.identity.readPii(customer.id);
    const request = await vault.compliance.requests.receive('erasure', 'gdpr');
    await vault.compliance.requests.verify(request.id, {
      externalId: customer.externalId,
      dateOfBirth: pii.dateOfBirth,
    });
    await vault.storage.exec('ALTER TABLE customers DISABLE TRIGGER audit_subject_index_forget_erased');
    try {
      await expect(vault.compliance.erase(request.id, customer.externalId)).rejects.toMatchObject({
        code: 'ERASURE_INCOMPLETE',
      });
    } finally {
      await vault.storage.exec('ALTER TABLE customers ENABLE TRIGGER audit_subject_index_forget_erased');
    }
  });
});
