// Benchmark: importing customers, accounts with owners, products held and consents from CSV, each kind
// against a raw COPY of the very rows it stored into tables of the same definition, in the same engine and run.
import { cpus, totalmem } from 'node:os';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Vault } from '../src/app/vault-process.ts';
import { copyRow } from '../src/storage/postgres-core/copy-text.ts';
import type { Storage } from '../src/storage/ports.ts';
import { parseImportMapping, type ImportKind } from '../src/vault/import/import-mapping.ts';
import { benchDirectory, fmt, measure, onEachOpenVault } from './support.ts';

const customers = Number(process.env['BENCH_IMPORT_CUSTOMERS'] ?? 20_000);
const kinds = ['customers', 'accounts', 'products', 'consents'] as const satisfies readonly ImportKind[];

const mappings: Record<ImportKind, unknown> = {
  customers: {
    columns: {
      externalId: 'id',
      givenName: 'given',
      familyName: 'family',
      email: 'email',
      dateOfBirth: 'born',
      vulnerable: 'vulnerable',
    },
  },
  accounts: {
    columns: { accountNumber: 'number', ownerExternalId: 'owner', role: 'role', product: 'product' },
  },
  products: { columns: { ownerExternalId: 'owner', product: 'product', since: 'since' } },
  consents: {
    columns: {
      ownerExternalId: 'owner',
      purpose: 'purpose',
      channel: 'channel',
      granted: 'granted',
      decidedAt: 'at',
      noticeVersion: 'notice',
      evidence: 'evidence',
    },
  },
};

/** A deterministic export: every customer a current account, every fifth a joint owner of the one before. */
async function writeFiles(dir: string): Promise<Record<ImportKind, { file: string; rows: number }>> {
  const rows: Record<ImportKind, string[]> = {
    customers: ['id,given,family,email,born,vulnerable'],
    accounts: ['number,owner,role,product'],
    products: ['owner,product,since'],
    consents: ['owner,purpose,channel,granted,at,notice,evidence'],
  };
  const account = (i: number) => `CZ65080000001920${String(i).padStart(8, '0')}`;
  for (let i = 0; i < customers; i++) {
    const id = `C-${i}`;
    const born = `${1940 + (i % 60)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    rows.customers.push(`${id},Given${i},Family${i},c${i}@example.org,${born},${i % 50 === 0 ? 'yes' : ''}`);
    rows.accounts.push(`${account(i)},${id},primary,current_account`);
    if (i % 5 === 4) rows.accounts.push(`${account(i - 1)},${id},joint,`);
    rows.products.push(`${id},current_account,2020-01-0${1 + (i % 9)}`);
    if (i % 7 === 0) rows.products.push(`${id},mortgage,2021-03-0${1 + (i % 9)}`);
    rows.consents.push(
      `${id},bank_offers,all,${i % 3 === 0 ? 'no' : 'yes'},2025-06-01,bank_offers/v1,form ${i}`,
    );
  }
  const files = {} as Record<ImportKind, { file: string; rows: number }>;
  for (const kind of kinds) {
    const file = join(dir, `${kind}.csv`);
    await writeFile(file, `${rows[kind].join('\n')}\n`);
    files[kind] = { file, rows: rows[kind].length - 1 };
  }
  return files;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function tableCounts(storage: Storage): Promise<Map<string, number>> {
  const { rows } = await storage.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '%_reference'`,
  );
  const counts = new Map<string, number>();
  for (const { table_name: table } of rows) {
    const { rows: n } = await storage.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table)}`);
    counts.set(table, n[0]!.n);
  }
  return counts;
}

/** The `newest` rows of `table` as COPY text (every column cast to text), read before the clock starts. */
async function rowsAsCopy(
  storage: Storage,
  table: string,
  newest: number,
): Promise<{ columns: string[]; text: string[] }> {
  const { rows: columns } = await storage.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1
      AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  const names = columns.map((c) => c.column_name);
  const { rows } = await storage.query<Record<string, string | null>>(
    `SELECT ${names.map((n) => `${quote(n)}::text AS ${quote(n)}`).join(', ')} FROM ${quote(table)}
      ORDER BY ctid DESC LIMIT $1`,
    [newest],
  );
  return { columns: names, text: rows.map((row) => copyRow(names.map((n) => row[n] ?? null))) };
}

async function runEngine(name: string, vault: Vault, files: Awaited<ReturnType<typeof writeFiles>>) {
  const { storage } = vault;
  const results = [];
  for (const kind of kinds) {
    const mapping = parseImportMapping(kind, mappings[kind]);
    if (!mapping.ok) throw new Error(mapping.error);
    const before = await tableCounts(storage);
    const run = await measure(() =>
      vault.imports.importCsv(kind, createReadStream(files[kind].file), mapping.value, {
        sourceName: `${kind}.csv`,
      }),
    );
    const after = await tableCounts(storage);
    const grew = [...after].filter(([table, n]) => n > (before.get(table) ?? 0)).map(([table]) => table);
    // The reference: a raw COPY of what the grown tables hold, into copies with the same keys and indexes.
    const copies: { table: string; columns: string[]; text: string[] }[] = [];
    for (const table of grew) {
      await storage.exec(`CREATE TABLE ${quote(`${table}_reference`)} (LIKE ${quote(table)} INCLUDING ALL)`);
      const added = after.get(table)! - (before.get(table) ?? 0);
      copies.push({ table, ...(await rowsAsCopy(storage, table, added)) });
    }
    const reference = await measure(async () => {
      let copied = 0;
      for (const copy of copies)
        copied += await storage.copyFrom(`${copy.table}_reference`, copy.columns, copy.text);
      return copied;
    });
    for (const table of grew) await storage.exec(`DROP TABLE ${quote(`${table}_reference`)}`);
    const summary = run.result;
    console.log(
      `[${name}] ${kind}: ${summary.rowsStored} stored of ${summary.rowsRead} read (${summary.status}) in ` +
        `${fmt(run.seconds)} s; raw COPY of the ${reference.result} rows it left in ${grew.join(', ')}: ` +
        `${fmt(reference.seconds)} s`,
    );
    results.push({ name, kind, rows: summary.rowsRead, run, reference, tables: grew.length });
  }
  return results;
}

async function main() {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
  console.log(`Curtain import benchmark — ${new Date().toISOString().slice(0, 10)} — ${machine}`);
  await mkdir(benchDirectory, { recursive: true });
  const root = await mkdtemp(join(benchDirectory, 'import-'));
  const results: Awaited<ReturnType<typeof runEngine>> = [];
  try {
    const files = await writeFiles(root);
    console.log(
      `${customers} customers; rows per file: ${kinds.map((k) => `${k} ${files[k].rows}`).join(', ')}`,
    );
    await onEachOpenVault(root, async (engine, vault) => {
      results.push(...(await runEngine(engine, vault, files)));
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  console.log(
    `\n| engine | kind | rows | import s | rows/s | raw COPY s | import / raw COPY | peak RSS MB |`,
  );
  console.log(`| --- | --- | --- | --- | --- | --- | --- | --- |`);
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.kind} | ${r.rows} | ${fmt(r.run.seconds)} | ${fmt(r.rows / r.run.seconds, 0)} | ` +
        `${fmt(r.reference.seconds)} | ${fmt(r.reference.seconds / r.run.seconds, 2)}× | ${fmt(r.run.peakRssMb, 0)} |`,
    );
  }
  console.log(
    '\nratio = raw COPY time / import time (1.0× = as fast as a bare COPY of what the import stored).',
  );
}

await main();
