// Child process for the batch crash test: opens the parent's vault and ingests a CSV in small chunks, printing a
// line after each chunk, until the parent kills it (or, with a batch id, resumes that batch to the end).
import { createReadStream } from 'node:fs';
import { assembleVault, defaultVaultSettings } from '../../../src/app/vault-process.ts';
import { LocalKeyFile } from '../../../src/keys/local-key-file.ts';
import { openPgliteStorage } from '../../../src/storage/pglite/pglite-storage.ts';
import { openPostgresStorage } from '../../../src/storage/postgres/postgres-storage.ts';
import { parseCsvMapping } from '../../../src/vault/ingest/formats/csv-mapping.ts';

const [connection, keyDir, file, mappingJson] = process.argv.slice(2);
if (!connection || !keyDir || !file || !mappingJson) {
  throw new Error('usage: crash-ingest <pglite dir | postgres url> <key dir> <file.csv> <mapping json>');
}
const mapping = parseCsvMapping(mappingJson);
if (!mapping.ok) throw new Error(mapping.error);
const storage = connection.startsWith('postgres')
  ? await openPostgresStorage({ connectionString: connection })
  : await openPgliteStorage({ dataDirectory: connection });
const vault = await assembleVault(storage, await LocalKeyFile.open(keyDir), defaultVaultSettings);
const summary = await vault.ingest.ingestStream(createReadStream(file), {
  sourceName: 'crash.csv',
  mapping: mapping.value,
  chunkRows: 500,
  onProgress: (progress) => process.stdout.write(`${progress.rowsRead}\n`),
});
await storage.close();
process.stdout.write(`${JSON.stringify(summary)}\n`);
