// The storage backends every contract suite runs on: PGlite always, PostgreSQL when a server is configured.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Storage } from '../../src/storage/ports.ts';
import { openPgliteStorage } from '../../src/storage/pglite/pglite-storage.ts';
import { openPostgresStorage } from '../../src/storage/postgres/postgres-storage.ts';

export interface TestBackend {
  readonly name: 'pglite' | 'postgres';
  /** A fresh, empty database; `dispose` removes it. */
  create(): Promise<{ storage: Storage; connection: string; dispose: () => Promise<void> }>;
}

/** The server used for PostgreSQL runs: CURTAIN_TEST_DATABASE_URL, set by .ci/run. */
export const postgresTestUrl = process.env['CURTAIN_TEST_DATABASE_URL'];

const pglite: TestBackend = {
  name: 'pglite',
  async create() {
    const directory = await mkdtemp(join(tmpdir(), 'curtain-pglite-'));
    const storage = await openPgliteStorage({ dataDirectory: directory });
    return {
      storage,
      connection: directory,
      async dispose() {
        await storage.close().catch(() => undefined);
        await rm(directory, { recursive: true, force: true });
      },
    };
  },
};

const postgres = (adminUrl: string): TestBackend => ({
  name: 'postgres',
  async create() {
    const name = `curtain_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const storage = await openPostgresStorage({ connectionString: url.toString() });
    return {
      storage,
      connection: url.toString(),
      async dispose() {
        await storage.close().catch(() => undefined);
        const cleanup = new pg.Client({ connectionString: adminUrl });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  },
});

export const testBackends: readonly TestBackend[] = postgresTestUrl
  ? [pglite, postgres(postgresTestUrl)]
  : [pglite];

if (!postgresTestUrl && process.env['CI']) {
  throw new Error('CI must set CURTAIN_TEST_DATABASE_URL so that storage suites run on PostgreSQL too');
}
