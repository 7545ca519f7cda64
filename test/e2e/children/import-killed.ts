// Child process of the onboarding test: imports one file in small chunks and kills itself with SIGKILL after
// the chunk named (0: never), as a crash in the middle of an import would.
// Arguments: backend (pglite|postgres), connection, key directory, kind, file, mapping file, kill after chunk.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { assembleVault, defaultVaultSettings } from '../../../src/app/vault-process.ts';
import { LocalKeyFile } from '../../../src/keys/local-key-file.ts';
import { openPgliteStorage } from '../../../src/storage/pglite/pglite-storage.ts';
import { openPostgresStorage } from '../../../src/storage/postgres/postgres-storage.ts';
import { parseImportMapping, type ImportKind } from '../../../src/vault/import/import-mapping.ts';

const [backend, connection, keyDir, kind, file, mappingFile, killAfter] = process.argv.slice(2) as [
  string,
  string,
  string,
  ImportKind,
  string,
  string,
  string,
];
const storage =
  backend === 'pglite'
    ? await openPgliteStorage({ dataDirectory: connection })
    : await openPostgresStorage({ connectionString: connection });
const vault = await assembleVault(storage, await LocalKeyFile.open(keyDir), defaultVaultSettings);
const mapping = parseImportMapping(kind, await readFile(mappingFile, 'utf8'));
if (!mapping.ok) throw new Error(mapping.error);
let chunks = 0;
await vault.imports.importCsv(kind, createReadStream(file), mapping.value, {
  sourceName: basename(file),
  rowsPerChunk: 50,
  onProgress: () => {
    if (++chunks === Number(killAfter)) process.kill(process.pid, 'SIGKILL');
  },
});
await storage.close();
