// What PGlite guarantees after a SIGKILL, and the data-directory lock that keeps it single-process.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgliteStorage } from '../../src/storage/pglite/pglite-storage.ts';
import { lockDataDir, readLockOwner } from '../../src/storage/data-dir-lock.ts';
import { killNine, linesPrinted, runTsChild } from '../support/kill-nine.ts';

const directories: string[] = [];

async function scratch(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'curtain-crash-'));
  directories.push(directory);
  return directory;
}

afterAll(async () => {
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

const child = (script: string, argument: string) =>
  runTsChild(join(import.meta.dirname, 'children', script), [argument], { stdout: 'pipe' });

describe('PGlite after SIGKILL', () => {
  it('reopens and keeps every transaction whose commit was acknowledged', async () => {
    const directory = await scratch();
    for (let round = 0; round < 2; round++) {
      const writer = child('crash-writer.ts', directory);
      const acknowledged = await linesPrinted(writer, 40 + round * 40);
      await killNine(writer);
      const lastAcknowledged = Number(acknowledged.at(-1));
      const storage = await openPgliteStorage({ dataDirectory: directory });
      const { rows } = await storage.query<{ n: number; max: number }>(
        'SELECT count(*)::int AS n, max(n)::int AS max FROM crash_probe',
      );
      await storage.close();
      // No acknowledged commit is lost, and there is no gap: recovery replays the WAL up to the crash.
      expect(rows[0]!.max).toBeGreaterThanOrEqual(lastAcknowledged);
      expect(rows[0]!.n).toBe(rows[0]!.max);
    }
  });
});

describe('data-directory lock', () => {
  it('refuses a second owner while the first lives and reports where it serves', async () => {
    const directory = await scratch();
    const holder = child('lock-holder.ts', directory);
    await linesPrinted(holder, 1);
    const second = await lockDataDir(directory, 'test');
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.owner.pid).toBe(holder.pid);
      expect(second.owner.url).toBe('http://127.0.0.1:1');
    }
    await killNine(holder);
    // The owner died without releasing: the lock is stale and can be taken over.
    expect(await readLockOwner(directory)).toBeUndefined();
    const third = await lockDataDir(directory, 'test');
    expect(third.ok).toBe(true);
    if (third.ok) await third.lock.release();
  });

  it('treats a lock file naming a dead process as stale', async () => {
    const directory = await scratch();
    await writeFile(
      join(directory, 'curtain.lock'),
      JSON.stringify({ pid: 2 ** 22 + 17, command: 'x', since: '' }),
    );
    const outcome = await lockDataDir(directory, 'test');
    expect(outcome.ok).toBe(true);
    if (outcome.ok) await outcome.lock.release();
  });
});
