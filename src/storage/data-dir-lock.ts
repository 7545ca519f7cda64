// An exclusive lock on the PGlite data directory: PGlite is single-process and does not lock it itself.
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface LockOwner {
  readonly pid: number;
  /** Where the owning server listens, when the owner is a server: CLI commands go through it. */
  readonly url?: string;
  readonly command: string;
  readonly since: string;
}

export interface DataDirLock {
  readonly path: string;
  /** Records the server's address so that other commands can reach it. */
  announce(url: string): Promise<void>;
  release(): Promise<void>;
}

export type LockOutcome =
  { readonly ok: true; readonly lock: DataDirLock } | { readonly ok: false; readonly owner: LockOwner };

const lockName = 'curtain.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function readLockOwner(dataDir: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(join(dataDir, lockName), 'utf8')) as LockOwner;
    return isAlive(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock with O_EXCL. A lock left by a process that no longer runs (SIGKILL, power loss)
 * is stale and taken over; a live owner is returned so that the caller can go through it.
 */
export async function lockDataDir(dataDir: string, command: string): Promise<LockOutcome> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, lockName);
  for (let attempt = 0; attempt < 3; attempt++) {
    const owner: LockOwner = { pid: process.pid, command, since: new Date().toISOString() };
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(JSON.stringify(owner));
      await handle.close();
      let current = owner;
      return {
        ok: true,
        lock: {
          path,
          async announce(url) {
            current = { ...current, url };
            const h = await open(path, 'w', 0o600);
            await h.writeFile(JSON.stringify(current));
            await h.close();
          },
          release: () => rm(path, { force: true }),
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const live = await readLockOwner(dataDir);
      if (live) return { ok: false, owner: live };
      await rm(path, { force: true });
    }
  }
  const live = await readLockOwner(dataDir);
  return { ok: false, owner: live ?? { pid: 0, command: 'unknown', since: '' } };
}
