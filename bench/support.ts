// Shared benchmark plumbing: timing, peak-memory sampling, the reference bank on disk.
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { once } from 'node:events';
import { join } from 'node:path';
import { bankCsvHeader, bankCsvRows, generateBank, realBankVersion } from '../src/demo/generate/index.ts';
import { twoYearsBefore } from '../src/demo/load-demo-bank.ts';
import { openPgliteStorage } from '../src/storage/pglite/pglite-storage.ts';
import { openPostgresStorage } from '../src/storage/postgres/postgres-storage.ts';
import type { Storage } from '../src/storage/ports.ts';
import { migrate } from '../src/storage/postgres-core/migrations.ts';
import { LocalKeyFile } from '../src/keys/local-key-file.ts';
import {
  assembleVault,
  defaultVaultSettings,
  openVault,
  type Vault,
  type VaultServices,
} from '../src/app/vault-process.ts';
import { loadConfig } from '../src/config/config.ts';

export interface Measured<T> {
  readonly result: T;
  readonly seconds: number;
  readonly peakRssMb: number;
}

/** Runs `work` and samples the resident set every 50 ms for its peak. */
export async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = process.hrtime.bigint();
  try {
    const result = await work();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, seconds, peakRssMb: peak / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

export interface ReferenceBank {
  readonly customers: number;
  readonly seed: number;
  readonly end: string;
  readonly csvFile: string;
}

export const benchDirectory = process.env['CURTAIN_BENCH_DIR'] ?? join(process.cwd(), '.curtain-bench');

/** Writes the reference bank's transactions as the CSV export once; later runs reuse the file. */
export async function referenceBankCsv(customers: number, seed: number, end: string): Promise<ReferenceBank> {
  await mkdir(benchDirectory, { recursive: true });
  const csvFile = join(
    benchDirectory,
    `bank-real-v${realBankVersion}-${customers}-seed-${seed}-to-${end}.csv`,
  );
  if (!existsSync(csvFile)) {
    const partial = `${csvFile}.partial`;
    const out = createWriteStream(partial);
    out.write(`${bankCsvHeader}\n`);
    let lines: string[] = [];
    for (const customer of generateBank({ customers, seed, start: twoYearsBefore(end), end })) {
      for (const line of bankCsvRows(customer)) lines.push(line);
      if (lines.length >= 10_000) {
        if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
        lines = [];
      }
    }
    if (lines.length > 0) out.write(`${lines.join('\n')}\n`);
    out.end();
    await once(out, 'close');
    await rename(partial, csvFile);
  }
  return { customers, seed, end, csvFile };
}

export const fmt = (n: number, digits = 2) => n.toFixed(digits);

/** A new database on the server for this run, dropped afterwards. */
export async function freshDatabase(serverUrl: string) {
  const { default: pg } = await import('pg');
  const name = `curtain_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** The header line of a benchmark: its name, today and the machine. */
export function benchHeader(name: string): string {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
  return `Curtain ${name} benchmark — ${new Date().toISOString().slice(0, 10)} — ${machine}`;
}

/**
 * Runs `run` on a fresh PGlite data directory, then on a fresh database of `CURTAIN_BENCH_DATABASE_URL` when it
 * is set; `root` is a scratch directory for both, removed afterwards. `run` closes the storage it is given.
 */
export async function onEachEngine(
  prefix: string,
  run: (engine: 'PGlite' | 'PostgreSQL', storage: Storage, root: string) => Promise<void>,
): Promise<void> {
  const postgresUrl = process.env['CURTAIN_BENCH_DATABASE_URL'];
  await mkdir(benchDirectory, { recursive: true });
  const root = await mkdtemp(join(benchDirectory, prefix));
  try {
    await run('PGlite', await openPgliteStorage({ dataDirectory: join(root, 'pglite') }), root);
    if (postgresUrl !== undefined) {
      const database = await freshDatabase(postgresUrl);
      try {
        await run('PostgreSQL', await openPostgresStorage({ connectionString: database.url }), root);
      } finally {
        await database.drop();
      }
    } else {
      console.log(
        '\n(PostgreSQL skipped: set CURTAIN_BENCH_DATABASE_URL to a server where databases may be created)',
      );
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** A vault on a bench engine: the schema migrated, keys of its own under `root`, the clock pinned if given. */
export async function benchVault(
  storage: Storage,
  root: string,
  engine: string,
  now?: () => Date,
): Promise<VaultServices> {
  const migrated = await migrate(storage);
  if (!migrated.ok) throw new Error(migrated.reason);
  const keys = await LocalKeyFile.open(join(root, `keys-${engine}`));
  return assembleVault(storage, keys, { ...defaultVaultSettings, ...(now === undefined ? {} : { now }) });
}

/**
 * Runs `run` on a vault opened as `curtain` opens one: on a fresh PGlite data directory, then on a fresh database of
 * `CURTAIN_BENCH_DATABASE_URL` when it is set. `root` is the scratch directory for both (the caller removes it).
 */
export async function onEachOpenVault(
  root: string,
  run: (engine: 'pglite' | 'postgres', vault: Vault) => Promise<void>,
): Promise<void> {
  const postgresUrl = process.env['CURTAIN_BENCH_DATABASE_URL'];
  const pglite = await openVault(
    loadConfig({ dataDir: join(root, 'pglite'), keyDir: join(root, 'keys') }),
    'bench',
  );
  if (!pglite.ok) throw new Error('bench data directory busy');
  try {
    await run('pglite', pglite.vault);
  } finally {
    await pglite.vault.close();
  }
  if (postgresUrl === undefined) {
    console.log(
      '\n(PostgreSQL skipped: set CURTAIN_BENCH_DATABASE_URL to a server where databases may be created)',
    );
    return;
  }
  const database = await freshDatabase(postgresUrl);
  const pg = await openVault(loadConfig({ databaseUrl: database.url, keyDir: join(root, 'keys') }), 'bench');
  if (!pg.ok) throw new Error('unreachable');
  try {
    await run('postgres', pg.vault);
  } finally {
    await pg.vault.close();
    await database.drop();
  }
}
