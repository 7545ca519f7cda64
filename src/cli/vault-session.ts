// Opens the vault for one CLI command, or reports which live server holds the data directory.
import { CurtainError } from '../core/errors.ts';
import type { Vault } from '../vault/vault.ts';
import type { CliContext } from './host.ts';
import type { LockOwner } from '../storage/data-dir-lock.ts';
import { readLocalCliKey } from '../http/auth/local-cli-key.ts';

export type Session =
  | { readonly kind: 'local'; readonly vault: Vault }
  | { readonly kind: 'server'; readonly url: string; readonly apiKey: string | undefined };

export function busyError(owner: LockOwner): CurtainError {
  const where = owner.url ? ` serving ${owner.url}` : '';
  return new CurtainError(
    'DATA_DIR_BUSY',
    `the data directory is in use by process ${owner.pid} (${owner.command}${where}); stop it first`,
  );
}

/**
 * Embedded mode: when a server already runs on the data directory, commands that the API offers go
 * through it (`viaServer: true`); the others stop with DATA_DIR_BUSY rather than open it twice.
 */
export async function openSession(cli: CliContext, command: string, viaServer: boolean): Promise<Session> {
  const outcome = await cli.host.openVault(cli.config, command);
  if (outcome.ok) return { kind: 'local', vault: outcome.vault };
  if (viaServer && outcome.owner.url) {
    return { kind: 'server', url: outcome.owner.url, apiKey: await readLocalCliKey(cli.config.dataDir) };
  }
  throw busyError(outcome.owner);
}

export async function withVault<T>(
  cli: CliContext,
  command: string,
  work: (vault: Vault) => Promise<T>,
): Promise<T> {
  const session = await openSession(cli, command, false);
  if (session.kind !== 'local') throw new CurtainError('DATA_DIR_BUSY', 'the data directory is in use');
  try {
    return await work(session.vault);
  } finally {
    await session.vault.close();
  }
}

/** The local CLI's key as a header (the server issued it at start, or CURTAIN_API_KEY). */
export const authorization = (apiKey: string | undefined): Record<string, string> =>
  apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` };

/** Calls the running server's API; its error body carries the same stable codes as the CLI. */
export async function callServer<T>(
  server: { readonly url: string; readonly apiKey: string | undefined },
  path: string,
  init: RequestInit = {},
): Promise<T> {
  const response = await fetch(new URL(path, server.url), {
    ...init,
    headers: { ...(init.headers as Record<string, string>), ...authorization(server.apiKey) },
  });
  const body = (await response.json()) as T & { error?: { code: string; message: string } };
  if (!response.ok) {
    const code = body.error?.code ?? 'INTERNAL';
    throw new CurtainError(code as 'INTERNAL', body.error?.message ?? `server answered ${response.status}`);
  }
  return body;
}
