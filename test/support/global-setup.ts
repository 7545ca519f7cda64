// Vitest's global setup: the migrated templates every suite's database is copied from, and a directory for
// what the run builds once (demo banks); the teardown removes the run's directory and databases.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPgliteStorage } from '../../src/storage/pglite/pglite-storage.ts';
import { openPostgresStorage } from '../../src/storage/postgres/postgres-storage.ts';
import { migrate, migrations } from '../../src/storage/postgres-core/migrations.ts';
import type { Storage } from '../../src/storage/ports.ts';
import { copyDirectory, postgresRunPrefix, runVariables } from './run-templates.ts';

const root = join(import.meta.dirname, '../..');
// Kept between runs: PGlite's initdb costs seconds of CPU, and its result changes only with PGlite and the schema.
const cacheDirectory = join(root, 'node_modules/.cache/curtain-tests');

async function migrated(storage: Storage): Promise<void> {
  try {
    const outcome = await migrate(storage);
    if (!outcome.ok) throw new Error(outcome.reason);
  } finally {
    await storage.close();
  }
}

/** The cached PGlite templates of this PGlite and this schema: { empty, migrated } data directories. */
async function pgliteTemplates(): Promise<{ empty: string; migrated: string }> {
  const pgliteVersion = JSON.parse(
    await readFile(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as { version: string };
  const hash = createHash('sha256').update(pgliteVersion.version);
  for (const migration of migrations) hash.update(`\n${migration.version}\n${migration.sql}`);
  const directory = join(cacheDirectory, `pglite-${hash.digest('hex').slice(0, 16)}`);
  const templates = { empty: join(directory, 'empty'), migrated: join(directory, 'migrated') };
  if (existsSync(directory)) return templates;
  await mkdir(cacheDirectory, { recursive: true });
  const staging = await mkdtemp(join(cacheDirectory, 'staging-'));
  try {
    await (await openPgliteStorage({ dataDirectory: join(staging, 'empty') })).close();
    await copyDirectory(join(staging, 'empty'), join(staging, 'migrated'));
    await migrated(await openPgliteStorage({ dataDirectory: join(staging, 'migrated') }));
    // Another run may have built the same templates meanwhile: either copy will do.
    await rename(staging, directory).catch(() => undefined);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return templates;
}

async function adminQuery(adminUrl: string, sql: string, parameters: unknown[] = []) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await admin.query<{ name: string }>(sql, parameters);
  } finally {
    await admin.end();
  }
}

/** A migrated database of this run that suites copy with CREATE DATABASE … TEMPLATE. */
async function postgresTemplate(adminUrl: string, id: string): Promise<string> {
  const name = `${postgresRunPrefix(id)}_migrated`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrated(await openPostgresStorage({ connectionString: url.toString() }));
  return url.toString();
}

export async function setup(): Promise<void> {
  const id = randomBytes(4).toString('hex');
  // Workers are forked after this has run, and inherit the environment.
  process.env[runVariables.directory] = await mkdtemp(join(tmpdir(), 'curtain-test-run-'));
  process.env[runVariables.id] = id;
  const pglite = await pgliteTemplates();
  process.env[runVariables.pgliteEmpty] = pglite.empty;
  process.env[runVariables.pgliteMigrated] = pglite.migrated;
  const adminUrl = process.env['CURTAIN_TEST_DATABASE_URL'];
  if (adminUrl !== undefined) {
    process.env[runVariables.postgresMigrated] = await postgresTemplate(adminUrl, id);
  }
}

export async function teardown(): Promise<void> {
  const directory = process.env[runVariables.directory];
  if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  const adminUrl = process.env['CURTAIN_TEST_DATABASE_URL'];
  const id = process.env[runVariables.id];
  if (adminUrl === undefined || id === undefined) return;
  const { rows } = await adminQuery(
    adminUrl,
    'SELECT datname AS name FROM pg_database WHERE datname LIKE $1',
    [`${postgresRunPrefix(id)}_%`],
  );
  for (const { name } of rows) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
