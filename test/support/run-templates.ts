// What a test run builds once and every suite copies: the migrated schema (built by the global setup) and the
// demo banks (built by the first suite that asks, under a lock, while the others wait).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';

/** Set by test/support/global-setup.ts for the whole run; absent when a script uses the test support. */
export const runVariables = {
  /** The run's directory: the demo banks' templates, and every PGlite database of the run. */
  directory: 'CURTAIN_TEST_RUN_DIR',
  /** Names the run's PostgreSQL databases, which the global teardown drops. */
  id: 'CURTAIN_TEST_RUN_ID',
  /** A PGlite data directory after initdb, and one after every migration too. */
  pgliteEmpty: 'CURTAIN_TEST_PGLITE_EMPTY',
  pgliteMigrated: 'CURTAIN_TEST_PGLITE_MIGRATED',
  /** The connection string of a migrated PostgreSQL database that serves as a template. */
  postgresMigrated: 'CURTAIN_TEST_POSTGRES_MIGRATED',
} as const;

export const runValue = (name: keyof typeof runVariables): string | undefined =>
  process.env[runVariables[name]];

/** The run's databases on PostgreSQL share this prefix, which the global teardown drops. */
export const postgresRunPrefix = (id: string): string => `curtain_run_${id}`;

const run = promisify(execFile);

/** Copies a directory tree with `cp -a`: a native copy, many times cheaper than fs.cp for a data directory. */
export async function copyDirectory(from: string, to: string): Promise<void> {
  await run('cp', ['-a', from, to]);
}

export interface RunTemplate<Meta> {
  /** The directory the builder filled; read-only for everyone else. */
  readonly directory: string;
  /** What the builder returned, as JSON. */
  readonly meta: Meta;
}

const pending = new Map<string, Promise<RunTemplate<unknown>>>();

/**
 * The template `key` of this run: built once by `build` into an empty directory, then shared by every suite
 * of every worker (the first caller builds under a lock directory, the others wait for its `ready` file).
 * Undefined outside a vitest run, where callers build what they need themselves.
 */
export function runTemplate<Meta>(
  key: string,
  build: (directory: string) => Promise<Meta>,
): Promise<RunTemplate<Meta>> | undefined {
  const root = runValue('directory');
  if (root === undefined) return undefined;
  let template = pending.get(key);
  if (template === undefined) {
    template = buildOrWait(root, key, build);
    pending.set(key, template);
    template.catch(() => pending.delete(key));
  }
  return template as Promise<RunTemplate<Meta>>;
}

async function buildOrWait<Meta>(
  root: string,
  key: string,
  build: (directory: string) => Promise<Meta>,
): Promise<RunTemplate<Meta>> {
  const directory = join(root, key);
  const lock = `${directory}.lock`;
  for (;;) {
    if (existsSync(join(directory, 'ready'))) {
      const meta = JSON.parse(await readFile(join(directory, 'ready'), 'utf8')) as Meta;
      return { directory, meta };
    }
    const locked = await mkdir(lock).then(
      () => true,
      () => false,
    );
    if (!locked) {
      await sleep(100);
      continue;
    }
    try {
      const staging = await mkdtemp(join(root, `${key}.staging-`));
      const meta = await build(staging);
      await writeFile(join(staging, 'ready'), JSON.stringify(meta ?? null));
      await rename(staging, directory);
      return { directory, meta };
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
}
