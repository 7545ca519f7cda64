// Import batches that reconcile, on both engines: their states, nothing created for a file with nothing stored,
// and the stored counts of all import batches equal to the rows in the tables, also after a kill -9 mid-file and
// its resumption.
import { createReadStream } from 'node:fs';
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
import { parseImportMapping } from '../../src/vault/import/import-mapping.ts';
import { testBackends } from '../support/backends.ts';
import { exitOf, runTsChild } from '../support/kill-nine.ts';

const childScript = join(import.meta.dirname, '../e2e/children/import-killed.ts');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const mappingInput = {
  columns: { externalId: 'id', givenName: 'given', familyName: 'family', dateOfBirth: 'born' },
} as const;
const parsedMapping = parseImportMapping('customers', mappingInput);
if (!parsedMapping.ok) throw new Error(parsedMapping.error);
const mapping = parsedMapping.value;
const header = 'id,given,family,born';
const customerRows = (count: number, prefix: string) =>
  Array.from(
    { length: count },
    (_, i) => `${prefix}-${i},Given${i},Family${i},1970-01-${String(1 + (i % 28)).padStart(2, '0')}`,
  );
const csv = (lines: readonly string[]) => Readable.from([`${header}\n${lines.join('\n')}\n`]);

async function reconcile(storage: Storage) {
  const { rows } = await storage.query<{ customers: number; stored: number }>(
    `SELECT (SELECT count(*)::int FROM customers) AS customers,
            (SELECT coalesce(sum(rows_stored), 0)::int FROM import_batches) AS stored`,
  );
  return rows[0]!;
}

async function batchRow(storage: Storage, id: number) {
  const { rows } = await storage.query<{ status: string; rows_stored: number; notice: string | null }>(
    'SELECT status, rows_stored::int AS rows_stored, notice FROM import_batches WHERE id = $1',
    [id],
  );
  return rows[0]!;
}

describe.each(testBackends)('import batches on $name', (backend) => {
  let connection: string;
  let keyDir: string;

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
    connection = database.connection;
    keyDir = await mkdtemp(join(tmpdir(), 'curtain-import-batch-keys-'));
    cleanups.push(async () => {
      await database.dispose();
      await rm(keyDir, { recursive: true, force: true });
    });
    await database.storage.close();
    const { storage, vault } = await open();
    try {
      const load = (lines: readonly string[]) =>
        vault.imports.importCsv('customers', csv(lines), mapping, { sourceName: 'c.csv' });
      const allBad = await load(['B-1,Ann,Lee,1970-02-31', 'B-2,,Lee,1970-01-01']);
      expect(allBad).toMatchObject({ status: 'failed', rowsRead: 2, rowsStored: 0, rowsQuarantined: 2 });
      expect(await reconcile(storage)).toEqual({ customers: 0, stored: 0 });
      expect((await load([])).status).toBe('failed');

      const partial = await load([...customerRows(3, 'S'), 'B-3,Bob,Lee,1970-13-01']);
      expect(partial).toMatchObject({ status: 'partial', rowsStored: 3, rowsQuarantined: 1 });
      expect(await load(customerRows(3, 'S'))).toMatchObject({
        status: 'done',
        rowsStored: 0,
        rowsUnchanged: 3,
      });
      expect(await reconcile(storage)).toEqual({ customers: 3, stored: 3 });
      expect((await batchRow(storage, partial.batchId)).status).toBe('partial');
    } finally {
      await storage.close();
    }
  });

  it('finds a batch killed mid-file interrupted, with its stored rows counted, and resumes it', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'curtain-import-batch-file-'));
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    const file = join(directory, 'customers.csv');
    const mappingFile = join(directory, 'customers.mapping.json');
    const rows = customerRows(400, 'K');
    await writeFile(file, `${header}\n${rows.join('\n')}\n`);
    await writeFile(mappingFile, JSON.stringify(mappingInput));

    // The child imports in chunks of 50 and kills itself with SIGKILL after the third.
    const args = [backend.name, connection, keyDir, 'customers', file, mappingFile, '3'];
    const exit = await exitOf(runTsChild(childScript, args));
    expect(exit).toEqual({ code: null, signal: 'SIGKILL' });

    const { storage, vault } = await open();
    try {
      const { rows: latest } = await storage.query<{ id: number }>(
        'SELECT max(id)::int AS id FROM import_batches',
      );
      const id = latest[0]!.id;
      const killed = await batchRow(storage, id);
      expect(killed).toMatchObject({ status: 'interrupted', rows_stored: 150 });
      expect(killed.notice).toMatch(/resume it with the same file/);
      // Every chunk committed its rows and its count together: the batches' stored counts are the table's rows.
      expect(await reconcile(storage)).toEqual({ customers: 153, stored: 153 });

      await expect(
        vault.imports.importCsv('accounts', createReadStream(file), mapping, {
          sourceName: 'customers.csv',
          resumeBatchId: id,
        }),
      ).rejects.toMatchObject({ code: 'USAGE' });
      const resumed = await vault.imports.importCsv('customers', createReadStream(file), mapping, {
        sourceName: 'customers.csv',
        resumeBatchId: id,
      });
      expect(resumed).toMatchObject({
        batchId: id,
        status: 'done',
        rowsRead: rows.length,
        rowsStored: rows.length,
        rowsUnchanged: 0,
      });
      expect(await batchRow(storage, id)).toEqual({ status: 'done', rows_stored: rows.length, notice: null });
      expect(await reconcile(storage)).toEqual({ customers: 403, stored: 403 });
      await expect(
        vault.imports.importCsv('customers', createReadStream(file), mapping, {
          sourceName: 'customers.csv',
          resumeBatchId: id,
        }),
      ).rejects.toThrow(/not an interrupted customers batch/);
    } finally {
      await storage.close();
    }
  });
});
