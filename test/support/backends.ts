// The storage backends every contract suite runs on: PGlite always, PostgreSQL when a server is configured.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Storage } from '../../src/storage/ports.ts';
import { openPgliteStorage } from '../../src/storage/pglite/pglite-storage.ts';
import { openPostgresStorage } from '../../src/storage/postgres/postgres-storage.ts';
import { migrate } from '../../src/storage/postgres-core/migrations.ts';
import { copyDirectory, postgresRunPrefix, runValue } from './run-templates.ts';

export interface TestDatabase {
  readonly storage: Storage;
  /** The PGlite data directory, or the PostgreSQL connection string: what `copy` copies once it is closed. */
  readonly connection: string;
  /** Closes the storage and removes the database. */
  readonly dispose: () => Promise<void>;
}

export interface TestBackend {
  readonly name: 'pglite' | 'postgres';
  /** A fresh, empty database; `dispose` removes it. */
  create(): Promise<TestDatabase>;
  /** A fresh database with every migration applied: a copy of the run's migrated template. */
  createMigrated(): Promise<TestDatabase>;
  /** A fresh database holding what the closed database `template` (its `connection`) holds. */
  copy(template: string): Promise<TestDatabase>;
}

/** The server used for PostgreSQL runs: CURTAIN_TEST_DATABASE_URL, set by .ci/run. */
export const postgresTestUrl = process.env['CURTAIN_TEST_DATABASE_URL'];

async function migrated(database: TestDatabase): Promise<TestDatabase> {
  const outcome = await migrate(database.storage);
  if (!outcome.ok) throw new Error(outcome.reason);
  return database;
}

async function openPglite(template: string | undefined): Promise<TestDatabase> {
  // Inside the run's directory when there is one, so that the run's end removes what a failed suite left.
  const parent = await mkdtemp(join(runValue('directory') ?? tmpdir(), 'curtain-pglite-'));
  const directory = join(parent, 'pgdata');
  if (template !== undefined) await copyDirectory(template, directory);
  const storage = await openPgliteStorage({ dataDirectory: directory });
  return {
    storage,
    connection: directory,
    async dispose() {
      await storage.close().catch(() => undefined);
      await rm(parent, { recursive: true, force: true });
    },
  };
}

// PGlite's initdb costs seconds of CPU: within a run, each database is a copy of the global setup's templates.
const pglite: TestBackend = {
  name: 'pglite',
  create: () => openPglite(runValue('pgliteEmpty')),
  async createMigrated() {
    const template = runValue('pgliteMigrated');
    return template === undefined ? migrated(await openPglite(undefined)) : openPglite(template);
  },
  copy: (template) => openPglite(template),
};

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Within a run, every database's name starts with the run's prefix, so that the run's end drops what is left. */
const newDatabaseName = (): string => {
  const id = runValue('id');
  return `${id === undefined ? 'curtain_test' : postgresRunPrefix(id)}_${randomBytes(6).toString('hex')}`;
};

async function openPostgres(adminUrl: string, template: string | undefined): Promise<TestDatabase> {
  const name = newDatabaseName();
  const from = template === undefined ? '' : ` TEMPLATE ${new URL(template).pathname.slice(1)}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}${from}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const storage = await openPostgresStorage({ connectionString: url.toString() });
  return {
    storage,
    connection: url.toString(),
    async dispose() {
      await storage.close().catch(() => undefined);
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

const postgres = (adminUrl: string): TestBackend => ({
  name: 'postgres',
  create: () => openPostgres(adminUrl, undefined),
  async createMigrated() {
    const template = runValue('postgresMigrated');
    return template === undefined
      ? migrated(await openPostgres(adminUrl, undefined))
      : openPostgres(adminUrl, template);
  },
  copy: (template) => openPostgres(adminUrl, template),
});

export const testBackends: readonly TestBackend[] = postgresTestUrl
  ? [pglite, postgres(postgresTestUrl)]
  : [pglite];

if (!postgresTestUrl && process.env['CI']) {
  throw new Error('CI must set CURTAIN_TEST_DATABASE_URL so that storage suites run on PostgreSQL too');
}
