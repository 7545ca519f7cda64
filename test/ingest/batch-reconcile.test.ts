// Batches that reconcile, on both engines: their states, nothing created for a file with nothing stored, and the
// stored counts of all batches equal to the rows in the table, also after a kill -9 mid-file and its resumption.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleVault, defaultVaultSettings, type VaultServices } from '../../src/app/vault-process.ts';
import { LocalKeyFile } from '../../src/keys/local-key-file.ts';
import { openPgliteStorage } from '../../src/storage/pglite/pglite-storage.ts';
import { openPostgresStorage } from '../../src/storage/postgres/postgres-storage.ts';
import type { Storage } from '../../src/storage/ports.ts';
import { parseCsvMapping } from '../../src/vault/ingest/formats/csv-mapping.ts';
import { testBackends } from '../support/backends.ts';
import { killNine, linesPrinted, runTsChild } from '../support/kill-nine.ts';

const childScript = join(import.meta.dirname, 'children', 'crash-ingest.ts');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const mappingInput = {
  delimiter: ';',
  decimalSeparator: ',',
  dateFormat: 'DD.MM.YY',
  account: { column: 'konto', scheme: 'bban' },
  defaultCurrency: 'EUR',
  amount: { style: 'signed', column: 'betrag' },
  columns: { bookingDate: 'datum', description: 'text' },
} as const;
const parsedMapping = parseCsvMapping(mappingInput);
if (!parsedMapping.ok) throw new Error(parsedMapping.error);
const mapping = parsedMapping.value;

const header = 'konto;datum;betrag;text';
const recent = (i: number) =>
  `${String(1 + (i % 28)).padStart(2, '0')}.${String(1 + (i % 10)).padStart(2, '0')}.26`;

/** `rows` good rows over five accounts, each unique. */
function goodRows(rows: number, first = 0): string[] {
  return Array.from({ length: rows }, (_, k) => {
    const i = first + k;
    return `${1000 + (i % 5)};${recent(i)};-${1 + (i % 97)},${String(i % 100).padStart(2, '0')};Einkauf ${i}`;
  });
}

const csv = (lines: readonly string[]) => Readable.from([`${header}\n${lines.join('\n')}\n`]);

async function tableCounts(storage: Storage) {
  const { rows } = await storage.query<{ transactions: number; stored: number; accounts: number }>(
    `SELECT (SELECT count(*)::int FROM transactions) AS transactions,
            (SELECT coalesce(sum(rows_stored), 0)::int FROM ingest_batches) AS stored,
            (SELECT count(*)::int FROM accounts) AS accounts`,
  );
  return rows[0]!;
}

async function batchRow(storage: Storage, id: number) {
  const { rows } = await storage.query<{ status: string; rows_stored: number; in_table: number }>(
    `SELECT status, rows_stored::int AS rows_stored,
            (SELECT count(*)::int FROM transactions WHERE batch_id = $1) AS in_table
       FROM ingest_batches WHERE id = $1`,
    [id],
  );
  return rows[0]!;
}

describe.each(testBackends)('ingest batches on $name', (backend) => {
  let connection: string;
  let keyDir: string;
  let dispose: () => Promise<void>;

  async function open(): Promise<{ storage: Storage; vault: VaultServices }> {
    const storage =
      backend.name === 'pglite'
        ? await openPgliteStorage({ dataDirectory: connection })
        : await openPostgresStorage({ connectionString: connection });
    return {
      storage,
      vault: await assembleVault(storage, await LocalKeyFile.open(keyDir), defaultVaultSettings),
    };
  }

  it('ends done, partial or failed, and creates nothing for a file with nothing stored', async () => {
    const database = await backend.createMigrated();
    ({ connection, dispose } = database);
    keyDir = await mkdtemp(join(tmpdir(), 'curtain-batch-keys-'));
    cleanups.push(async () => {
      await dispose();
      await rm(keyDir, { recursive: true, force: true });
    });
    await database.storage.close();
    const { storage, vault } = await open();
    try {
      const ingest = (lines: readonly string[]) =>
        vault.ingest.ingestStream(csv(lines), { sourceName: 'f.csv', mapping });
      const before = await tableCounts(storage);
      const allBad = await ingest(['2000;31.02.26;-1,00;x', '2001;01.01.26;zwölf;y', '2002;01.01.26;;z']);
      expect(allBad).toMatchObject({
        status: 'failed',
        read: 3,
        stored: 0,
        quarantined: 3,
        accountsCreated: 0,
      });
      expect(await tableCounts(storage)).toEqual(before);
      expect((await vault.ingest.batches.withQuarantine(allBad.batchId))?.quarantine).toEqual([
        expect.objectContaining({
          location: 'line 2, column 2',
          field: 'bookingDate',
          reason_code: 'date.invalid',
        }),
        expect.objectContaining({
          location: 'line 3, column 3',
          field: 'amount',
          reason_code: 'amount.invalid',
        }),
        expect.objectContaining({
          location: 'line 4, column 3',
          field: 'amount',
          reason_code: 'amount.missing',
        }),
      ]);

      const partial = await ingest([...goodRows(4), '2003;01.01.26;zwölf;y']);
      expect(partial).toMatchObject({
        status: 'partial',
        read: 5,
        stored: 4,
        quarantined: 1,
        accountsCreated: 4,
      });
      const again = await ingest(goodRows(4));
      expect(again).toMatchObject({ status: 'done', stored: 0, duplicates: 4 });
      const empty = await ingest([]);
      expect(empty.status).toBe('failed');

      const counts = await tableCounts(storage);
      expect(counts.stored).toBe(counts.transactions);
      expect(counts.accounts).toBe(before.accounts + 4);
      expect((await batchRow(storage, partial.batchId)).status).toBe('partial');
    } finally {
      await storage.close();
    }
  });

  it('finds a batch killed mid-file interrupted, with its stored rows counted, and resumes it', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'curtain-batch-file-'));
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    const file = join(directory, 'crash.csv');
    const rows = goodRows(12_000, 100);
    await writeFile(file, `${header}\n${rows.join('\n')}\n`);

    const child = runTsChild(childScript, [connection, keyDir, file, JSON.stringify(mappingInput)], {
      stdout: 'pipe',
    });
    await linesPrinted(child, 4);
    await killNine(child);

    const { storage, vault } = await open();
    try {
      const latest = (await vault.ingest.batches.latest(1))[0]!;
      const killed = await batchRow(storage, latest.id);
      expect(killed.status).toBe('interrupted');
      // Every chunk committed its rows and its count together: what the batch says it stored is in the table.
      expect(killed.rows_stored).toBe(killed.in_table);
      expect(killed.rows_stored).toBeLessThan(rows.length);
      let counts = await tableCounts(storage);
      expect(counts.stored).toBe(counts.transactions);

      const { createReadStream } = await import('node:fs');
      const resumed = await vault.ingest.ingestStream(createReadStream(file), {
        sourceName: 'crash.csv',
        mapping,
        resumeBatchId: latest.id,
      });
      expect(resumed).toMatchObject({
        batchId: latest.id,
        status: 'done',
        stored: rows.length,
        duplicates: 0,
      });
      expect(await batchRow(storage, latest.id)).toEqual({
        status: 'done',
        rows_stored: rows.length,
        in_table: rows.length,
      });
      counts = await tableCounts(storage);
      expect(counts.stored).toBe(counts.transactions);
      await expect(
        vault.ingest.ingestStream(createReadStream(file), {
          sourceName: 'crash.csv',
          mapping,
          resumeBatchId: latest.id,
        }),
      ).rejects.toThrow(/not interrupted/);
    } finally {
      await storage.close();
    }
  });
});
