// The local CLI's key: the server issues one at start into the data directory, so `curtain ingest` and
// `curtain ask` can go through it; readable by the server's own user only.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AccessStore } from './access-store.ts';

/** The staff handle of the local CLI (an operator); its keys are replaced at every start. */
export const cliHandle = 'cli';

/** The local CLI names the staff member it acts as; no other credential may name anyone but its holder. */
export const actAsHeader = 'x-curtain-act-as';

const keyFile = (dataDir: string) => join(dataDir, 'cli-api-key');

export async function issueLocalCliKey(store: AccessStore, dataDir: string): Promise<void> {
  await store.revokeKeysOf(cliHandle);
  const { key } = await store.createApiKey(cliHandle, 'local CLI, issued at server start');
  await writeFile(keyFile(dataDir), `${key}\n`, { mode: 0o600 });
}

/** CURTAIN_API_KEY, or else the key the local server issued; undefined when neither exists. */
export async function readLocalCliKey(dataDir: string): Promise<string | undefined> {
  const fromEnvironment = process.env['CURTAIN_API_KEY'];
  if (fromEnvironment !== undefined && fromEnvironment !== '') return fromEnvironment;
  return readFile(keyFile(dataDir), 'utf8').then(
    (text) => text.trim() || undefined,
    () => undefined,
  );
}
