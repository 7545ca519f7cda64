// Opens the vault for one CLI command, or reaches the live server that holds the data directory.
import { request } from 'node:http';
import { pipeline, Readable } from 'node:stream';
import { CurtainError } from '../core/errors.ts';
import type { Vault } from '../vault/vault.ts';
import type { CliContext, ServerSession } from './host.ts';
import { readLockOwner, type LockOwner } from '../storage/data-dir-lock.ts';
import { readLocalCliKey } from '../http/auth/local-cli-key.ts';

export type Session = { readonly kind: 'local'; readonly vault: Vault } | ServerSession;

export function busyError(owner: LockOwner): CurtainError {
  const where = owner.url ? ` serving ${owner.url}` : '';
  return new CurtainError(
    'DATA_DIR_BUSY',
    `the data directory is in use by process ${owner.pid} (${owner.command}${where}); stop it first`,
  );
}

/** The live server that holds a PGlite data directory, read from its lock; undefined when none does. */
export async function findServer(dataDir: string): Promise<ServerSession | undefined> {
  const owner = await readLockOwner(dataDir);
  if (!owner?.url) return undefined;
  return { kind: 'server', url: owner.url, apiKey: await readLocalCliKey(dataDir) };
}

/**
 * Embedded mode: when a server already runs on the data directory, commands that the API offers go
 * through it (`viaServer: true`); the others stop with DATA_DIR_BUSY rather than open it twice.
 * The lock is read first, so that a command going through the server never loads the vault's code.
 */
export async function openSession(cli: CliContext, command: string, viaServer: boolean): Promise<Session> {
  if (viaServer && cli.config.databaseUrl === undefined) {
    const server = await findServer(cli.config.dataDir);
    if (server) return server;
  }
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

export interface ServerRequest {
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly body?: string | Readable;
}

export interface ServerAnswer {
  /** A 2xx status. */
  readonly ok: boolean;
  readonly status: number;
  readonly body: unknown;
}

/**
 * One request to the running server's API and its JSON answer, on a connection closed after the answer: a
 * kept-alive connection (as `fetch` keeps one) holds the command's process open after it has printed.
 */
export function requestServer(
  server: Pick<ServerSession, 'url' | 'apiKey'>,
  path: string,
  options: ServerRequest = {},
): Promise<ServerAnswer> {
  return new Promise((resolve, reject) => {
    const headers = { ...options.headers, ...authorization(server.apiKey) };
    const outgoing = request(
      new URL(path, server.url),
      { method: options.method ?? 'GET', headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          let body: unknown;
          try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            reject(new CurtainError('INTERNAL', `the server's answer (${status}) is not JSON`));
            return;
          }
          resolve({ ok: status >= 200 && status < 300, status, body });
        });
      },
    );
    outgoing.on('error', reject);
    if (options.body instanceof Readable) {
      pipeline(options.body, outgoing, (error) => error && reject(error));
    } else {
      outgoing.end(options.body);
    }
  });
}

/** Calls the running server's API; its error body carries the same stable codes as the CLI. */
export async function callServer<T>(
  server: Pick<ServerSession, 'url' | 'apiKey'>,
  path: string,
  options: ServerRequest = {},
): Promise<T> {
  const answer = await requestServer(server, path, options);
  const body = answer.body as T & { error?: { code: string; message: string } };
  if (!answer.ok) {
    const code = body.error?.code ?? 'INTERNAL';
    throw new CurtainError(code as 'INTERNAL', body.error?.message ?? `server answered ${answer.status}`);
  }
  return body;
}
