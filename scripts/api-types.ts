// The console's API types, generated from the served OpenAPI document (npm run api:types writes
// console/src/api/schema.gen.ts; test/build/api-types.test.ts fails when the committed file is stale).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { openHub } from '../src/app/hub-process.ts';
import { assembleVault, defaultVaultSettings } from '../src/app/vault-process.ts';
import { buildServer } from '../src/http/server.ts';
import { LocalKeyFile } from '../src/keys/local-key-file.ts';
import { openPgliteStorage } from '../src/storage/pglite/pglite-storage.ts';
import { migrate } from '../src/storage/postgres-core/migrations.ts';

export const apiTypesFile = fileURLToPath(new URL('../console/src/api/schema.gen.ts', import.meta.url));

const header = `// GENERATED from the OpenAPI document (/openapi.json) by scripts/api-types.ts: do not edit.
// Regenerate with \`npm run api:types\`; test/build/api-types.test.ts fails when this file is stale.
// Console code names these types by route through console/src/api/types.ts, not by component name.
`;

/** The document the full server (vault and hub, in-process, on an empty in-memory PGlite vault) serves. */
export async function servedOpenApiDocument(): Promise<OpenAPI3> {
  const storage = await openPgliteStorage({ dataDirectory: undefined });
  const keyDir = await mkdtemp(join(tmpdir(), 'curtain-api-types-'));
  try {
    const migrated = await migrate(storage);
    if (!migrated.ok) throw new Error(migrated.reason);
    const vault = await assembleVault(storage, await LocalKeyFile.open(keyDir), defaultVaultSettings);
    const hub = openHub(vault);
    const app = await buildServer(
      { vault, hub: { service: hub, door: vault.door, storage: vault.storage } },
      { logLevel: 'silent', rateLimitPerMinute: false },
    );
    try {
      const response = await app.inject({ method: 'GET', url: '/openapi.json' });
      if (response.statusCode !== 200) throw new Error(`/openapi.json answered ${response.statusCode}`);
      return response.json<OpenAPI3>();
    } finally {
      await app.close();
    }
  } finally {
    await storage.close();
    await rm(keyDir, { recursive: true, force: true });
  }
}

/** The TypeScript module for a document: alphabetised, read-only, formatted, so that one document gives one text. */
export async function generateApiTypes(document: OpenAPI3): Promise<string> {
  const ast = await openapiTS(document, { alphabetize: true, immutable: true, silent: true });
  const options = await resolveConfig(apiTypesFile);
  return format(header + '\n' + astToString(ast), { ...options, filepath: apiTypesFile });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(apiTypesFile, await generateApiTypes(await servedOpenApiDocument()));
  console.log(`wrote ${apiTypesFile}`);
}
