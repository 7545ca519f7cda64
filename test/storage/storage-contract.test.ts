// The storage port's contract, run on every backend: one schema, one behaviour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/storage/ports.ts';
import { migrate, migrations, migrationStatus } from '../../src/storage/postgres-core/migrations.ts';
import { copyRow } from '../../src/storage/postgres-core/copy-text.ts';
import { testBackends } from '../support/backends.ts';

describe.each(testBackends)('storage contract on $name', (backend) => {
  let storage: Storage;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ storage, dispose } = await backend.create());
  });
  afterAll(async () => dispose());

  it('applies every migration once, then nothing', async () => {
    const first = await migrate(storage);
    expect(first).toEqual({
      ok: true,
      applied: migrations.map((m) => m.version),
      version: migrations.at(-1)!.version,
    });
    const second = await migrate(storage);
    expect(second).toEqual({ ok: true, applied: [], version: migrations.at(-1)!.version });
    const status = await migrationStatus(storage);
    expect(status.every((s) => s.appliedAt instanceof Date && s.checksumMatches)).toBe(true);
  });

  it('refuses a database that has a migration this code does not know', async () => {
    await storage.query(
      "INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'future', 'x')",
    );
    const outcome = await migrate(storage);
    expect(outcome).toEqual({ ok: false, reason: expect.stringContaining('9999') as unknown });
    await storage.query('DELETE FROM schema_migrations WHERE version = 9999');
  });

  it('maps types the same way on both engines', async () => {
    const { rows } = await storage.query<{
      big: number;
      day: string;
      bytes: Uint8Array;
      at: Date;
      flag: boolean;
    }>(
      `SELECT 9007199254740991::bigint AS big, DATE '2024-02-29' AS day, '\\x00ff'::bytea AS bytes,
              TIMESTAMPTZ '2024-01-01T00:00:00Z' AS at, true AS flag`,
    );
    const row = rows[0]!;
    expect(row.big).toBe(9007199254740991);
    expect(row.day).toBe('2024-02-29');
    expect([...row.bytes]).toEqual([0, 255]);
    expect(row.at.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(row.flag).toBe(true);
  });

  it('binds parameters, including arrays and bytea', async () => {
    const { rows } = await storage.query<{ n: number; b: Uint8Array }>(
      'SELECT cardinality($1::bigint[]) AS n, $2::bytea AS b',
      [[1, 2, 3], Buffer.from([1, 2])],
    );
    expect(rows[0]!.n).toBe(3);
    expect([...rows[0]!.b]).toEqual([1, 2]);
  });

  it('copies rows with tabs, newlines, backslashes, NULLs and bytea intact', async () => {
    await storage.exec('CREATE TABLE copy_probe (id bigint, label text, data bytea, day date)');
    const tricky = ['tab\there', 'new\nline', 'back\\slash', 'cr\rreturn', 'unicode ✓ é', ''];
    const rows = tricky.map((label, i) =>
      copyRow([i, label, Buffer.from([i, 0, 92]), i % 2 ? null : '2024-01-0' + (i + 1)]),
    );
    const loaded = await storage.copyFrom('copy_probe', ['id', 'label', 'data', 'day'], rows);
    expect(loaded).toBe(tricky.length);
    const back = await storage.query<{ id: number; label: string; data: Uint8Array; day: string | null }>(
      'SELECT id, label, data, day FROM copy_probe ORDER BY id',
    );
    expect(back.rows.map((r) => r.label)).toEqual(tricky);
    expect([...back.rows[3]!.data]).toEqual([3, 0, 92]);
    expect(back.rows[1]!.day).toBeNull();
    expect(back.rows[0]!.day).toBe('2024-01-01');
  });

  it('copies in bounded pieces from a generator', async () => {
    await storage.exec('CREATE TABLE copy_bulk (id bigint PRIMARY KEY, label text)');
    function* rows() {
      for (let i = 0; i < 200_000; i++) yield copyRow([i, `row number ${i} with some padding text`]);
    }
    expect(await storage.copyFrom('copy_bulk', ['id', 'label'], rows())).toBe(200_000);
    const { rows: count } = await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM copy_bulk');
    expect(count[0]!.n).toBe(200_000);
  });

  it('rolls a transaction back when its work throws, and reports unique violations as 23505', async () => {
    await storage.exec('CREATE TABLE tx_probe (id int PRIMARY KEY)');
    const failure = await storage
      .transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES (1)');
        await tx.copyFrom('tx_probe', ['id'], ['2\n', '1\n']);
      })
      .catch((error: unknown) => error);
    expect((failure as { code?: string }).code).toBe('23505');
    const { rows } = await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM tx_probe');
    expect(rows[0]!.n).toBe(0);
    await storage.transaction((tx) => tx.query('INSERT INTO tx_probe VALUES (1)'));
    const after = await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM tx_probe');
    expect(after.rows[0]!.n).toBe(1);
  });

  it('names itself and states its capabilities', () => {
    expect(storage.description).toMatch(backend.name === 'pglite' ? /PGlite/ : /PostgreSQL/);
    expect(storage.capabilities.concurrentConnections).toBe(backend.name === 'postgres');
    expect(storage.capabilities.localDataDirectory !== undefined).toBe(backend.name === 'pglite');
  });
});
