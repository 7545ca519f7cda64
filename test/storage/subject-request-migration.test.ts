// Migration 28 on a database that already holds duplicate open requests (made before one-open-per-kind): the later
// duplicates are closed as repeats, erasure requests get receipt ids, and the database then refuses a new duplicate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/storage/ports.ts';
import { subjectRequestReceiptsSchema } from '../../src/storage/postgres-core/migrations/0028-subject-request-receipts.ts';
import { testBackends } from '../support/backends.ts';

// The state before migration 28: its columns and indexes taken away again.
const before28 = `
DROP INDEX subject_requests_one_open;
DROP INDEX subject_requests_receipt_id;
ALTER TABLE subject_requests DROP COLUMN receipt_id;
ALTER TABLE subject_requests DROP COLUMN rejection_note;
`;

describe.each(testBackends)('migration 28 on $name', (backend) => {
  let storage: Storage;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ storage, dispose } = await backend.createMigrated());
    await storage.exec(before28);
  }, 120_000);
  afterAll(() => dispose());

  it('closes later duplicates of an open request, gives erasures receipt ids, then holds one open per kind', async () => {
    await storage.exec('INSERT INTO customers (id) VALUES (1), (2)');
    const insert = (id: string, customer: number, kind: string, day: number) =>
      storage.query(
        `INSERT INTO subject_requests (id, kind, regime, status, customer_id, received_at, due_at)
         VALUES ($1, $2, 'gdpr', 'verified', $3, $4, $4)`,
        [id, kind, customer, new Date(Date.UTC(2026, 10, day))],
      );
    await insert('a-first', 1, 'erasure', 1);
    await insert('b-second', 1, 'erasure', 2);
    await insert('c-third', 1, 'erasure', 3);
    await insert('d-other-kind', 1, 'restriction', 2);
    await insert('e-other-customer', 2, 'erasure', 2);
    await storage.exec(subjectRequestReceiptsSchema);

    const { rows } = await storage.query<{
      id: string;
      status: string;
      rejection: string | null;
      receipt_id: string | null;
    }>('SELECT id, status, rejection, receipt_id FROM subject_requests ORDER BY id');
    expect(rows.map((r) => [r.id, r.status, r.rejection])).toEqual([
      ['a-first', 'verified', null],
      ['b-second', 'rejected', 'duplicate-request'],
      ['c-third', 'rejected', 'duplicate-request'],
      ['d-other-kind', 'verified', null],
      ['e-other-customer', 'verified', null],
    ]);
    expect(rows.filter((r) => r.receipt_id !== null).map((r) => r.id)).toEqual([
      'a-first',
      'b-second',
      'c-third',
      'e-other-customer',
    ]);
    await expect(insert('f-again', 1, 'erasure', 4)).rejects.toThrow();
  });
});
