// The storage port's contract, run on every backend: one schema, one behaviour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CopyToQuery, SqlExecutor, Storage } from '../../src/storage/ports.ts';
import { migrate, migrations, migrationStatus } from '../../src/storage/postgres-core/migrations.ts';
import { byteaFromCopy, copyRow, parseCopyRows } from '../../src/storage/postgres-core/copy-text.ts';
import { testBackends } from '../support/backends.ts';

/** Every row of a `copyTo`, its fields copied out, and the pieces it came in. */
async function copyOut(executor: SqlExecutor, query: string | CopyToQuery) {
  const rows: (string | null)[][] = [];
  const pieces: string[] = [];
  for await (const piece of executor.copyTo(query)) {
    pieces.push(piece);
    parseCopyRows(piece, (fields) => rows.push([...fields]));
  }
  return { rows, pieces };
}

describe.each(testBackends)('storage contract on $name', (backend) => {
  let storage: Storage;
  let dispose: () => Promise<void>;

  // A migrated database shared by the tests that only read or make tables of their own, with one large table
  // for the copy-out tests; the migration tests each take a database of their own.
  beforeAll(async () => {
    ({ storage, dispose } = await backend.createMigrated());
    await storage.exec(
      "CREATE TABLE copy_out_bulk AS SELECT g::bigint AS id, 'row number ' || g || ' with some padding text' AS label FROM generate_series(1, 200000) g",
    );
    await storage.exec('ALTER TABLE copy_out_bulk ADD PRIMARY KEY (id)');
  });
  afterAll(async () => dispose());

  async function withDatabase(kind: 'empty' | 'migrated', work: (database: Storage) => Promise<void>) {
    const database = kind === 'empty' ? await backend.create() : await backend.createMigrated();
    try {
      await work(database.storage);
    } finally {
      await database.dispose();
    }
  }

  it('answers a ping', async () => {
    await expect(storage.ping()).resolves.toBeUndefined();
  });

  it('applies every migration once, then nothing', async () => {
    await withDatabase('empty', async (storage) => {
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
  });

  it('refuses a database that has a migration this code does not know', async () => {
    await withDatabase('migrated', async (storage) => {
      await storage.query(
        "INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'future', 'x')",
      );
      const outcome = await migrate(storage);
      expect(outcome).toEqual({ ok: false, reason: expect.stringContaining('9999') as unknown });
      await storage.query('DELETE FROM schema_migrations WHERE version = 9999');
    });
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

  it('copies rows out exactly as they went in, in key order, with every type', async () => {
    await storage.exec(
      'CREATE TABLE copy_out_probe (id bigint PRIMARY KEY, label text, data bytea, day date, amount bigint)',
    );
    const labels = ['tab\there', 'new\nline', 'back\\slash', 'cr\rreturn', 'unicode ✓ é 𝄞', '', '\\N', null];
    const rows = labels.map(
      (label, i) =>
        [
          100 - i,
          label,
          i === 2 ? null : Buffer.from([i, 0, 92, 9, 10]),
          i % 2 ? null : `2024-02-2${i + 1}`,
          i === 0 ? 9007199254740991 : -i,
        ] as const,
    );
    await storage.copyFrom('copy_out_probe', ['id', 'label', 'data', 'day', 'amount'], rows.map(copyRow));
    const { rows: out } = await copyOut(storage, 'SELECT id, label, data, day, amount FROM copy_out_probe');
    expect(out.map((r) => Number(r[0]))).toEqual(rows.map((r) => r[0]).reverse());
    const byId = new Map(out.map((r) => [Number(r[0]), r]));
    for (const [id, label, data, day, amount] of rows) {
      const back = byId.get(id)!;
      expect(back[1]).toBe(label);
      expect(back[2] === null ? null : [...byteaFromCopy(back[2]!)]).toEqual(
        data === null ? null : [...data],
      );
      expect(back[3]).toBe(day);
      expect(back[4]).toBe(String(amount));
    }
  });

  it('renders parameters as literals, leaving quoted text and comments alone', async () => {
    const { rows } = await copyOut(storage, {
      select: `SELECT id, '$1' AS quoted, $tag$ $2 $tag$ AS dollar, $4::bigint AS big /* $1 */
                 FROM copy_out_bulk WHERE id >= $1 AND id = ANY($2::bigint[]) AND $3 AND $5 < now() -- $9`,
      parameters: [3, [1, 3, 7, 200001], true, 1234567890123456789n, new Date('2024-01-01T00:00:00Z')],
    });
    expect(rows).toEqual([
      ['3', '$1', ' $2 ', '1234567890123456789'],
      ['7', '$1', ' $2 ', '1234567890123456789'],
    ]);
    const empty = await copyOut(storage, {
      select: 'SELECT id FROM copy_out_bulk WHERE id = ANY($1)',
      parameters: [[]],
    });
    expect(empty.rows).toEqual([]);
  });

  it('streams a large result in pieces of whole rows', async () => {
    const { rows, pieces } = await copyOut(storage, 'SELECT id, label FROM copy_out_bulk');
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((piece) => piece.endsWith('\n'))).toBe(true);
    expect(rows.length).toBe(200_000);
    expect(
      rows.every(
        (row, i) => row[0] === String(i + 1) && row[1] === `row number ${i + 1} with some padding text`,
      ),
    ).toBe(true);
  });

  it('delivers every row when many rows share a key, and leaves out NULL keys', async () => {
    for (const size of [7, 150_000]) {
      const { rows } = await copyOut(storage, `SELECT id / ${size}, id FROM copy_out_bulk`);
      expect(rows.length).toBe(200_000);
      expect(rows.every((row, i) => i === 0 || Number(row[0]) >= Number(rows[i - 1]![0]))).toBe(true);
      expect(new Set(rows.map((row) => row[1])).size).toBe(200_000);
    }
    const { rows } = await copyOut(storage, 'SELECT NULLIF(id % 3, 0), id FROM copy_out_bulk WHERE id < 10');
    expect(rows.map((row) => row[1])).toEqual(['1', '4', '7', '2', '5', '8']);
  });

  it('rejects errors, and reads correctly after one', async () => {
    const failures = [
      'SELEKT 1',
      'SELECT id, 1 / (id - 150000) FROM copy_out_bulk',
      "SELECT 'not a key', 1",
      { select: 'SELECT id FROM copy_out_bulk WHERE id = $1', parameters: ['1' as unknown as number] },
      { select: 'SELECT id FROM copy_out_bulk WHERE id = $2', parameters: [1] },
      { select: "SELECT id FROM copy_out_bulk WHERE label = 'x", parameters: [] },
    ];
    for (const query of failures) await expect(copyOut(storage, query)).rejects.toThrow();
    const division = await copyOut(storage, 'SELECT id, 1 / (id - 150000) FROM copy_out_bulk').catch(
      (error: unknown) => error,
    );
    expect((division as { code?: string }).code).toBe('22012');
    const { rows } = await copyOut(storage, 'SELECT id FROM copy_out_bulk WHERE id <= 2');
    expect(rows).toEqual([['1'], ['2']]);
  });

  it('may be left early, and reads inside a transaction', async () => {
    for (let i = 0; i < 12; i++) {
      for await (const piece of storage.copyTo('SELECT id, label FROM copy_out_bulk')) {
        expect(piece.startsWith('1\t')).toBe(true);
        break;
      }
    }
    const seen = await storage.transaction(async (tx) => {
      await tx.query("INSERT INTO copy_out_bulk VALUES (200001, 'uncommitted')");
      for await (const piece of tx.copyTo('SELECT id FROM copy_out_bulk')) {
        expect(piece.startsWith('1\n')).toBe(true);
        break;
      }
      const { rows } = await copyOut(tx, 'SELECT id, label FROM copy_out_bulk WHERE id > 199999');
      await tx.query('DELETE FROM copy_out_bulk WHERE id = 200001');
      return rows;
    });
    expect(seen).toEqual([
      ['200000', 'row number 200000 with some padding text'],
      ['200001', 'uncommitted'],
    ]);
    const { rows } = await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM copy_out_bulk');
    expect(rows[0]!.n).toBe(200_000);
  });

  it('names itself and states its capabilities', () => {
    expect(storage.description).toMatch(backend.name === 'pglite' ? /PGlite/ : /PostgreSQL/);
    expect(storage.capabilities.concurrentConnections).toBe(backend.name === 'postgres');
    expect(storage.capabilities.localDataDirectory !== undefined).toBe(backend.name === 'pglite');
  });
});
