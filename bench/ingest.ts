// Benchmark: end-to-end CSV ingest (parse, categorise, scrub, tokenise, store) against a raw COPY of the
// same rows into a table with the same definition, in the same engine and the same run.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import type { Vault } from '../src/app/vault-process.ts';
import { loadDemoBank } from '../src/demo/load-demo-bank.ts';
import { generatedBankCsvMapping } from '../src/vault/ingest/formats/csv.ts';
import { transactionColumns } from '../src/vault/ingest/ingest-service.ts';
import { copyRow } from '../src/storage/postgres-core/copy-text.ts';
import type { Storage } from '../src/storage/ports.ts';
import { benchDirectory, fmt, measure, onEachOpenVault, referenceBankCsv } from './support.ts';

/** The reference bank at real density (about 19 million transactions); docs/benchmarks.md. */
const customers = Number(process.env['BENCH_CUSTOMERS'] ?? 14_000);
const seed = 1;
const end = '2026-11-01';

/** Reads the stored rows back as COPY text, page by page (not timed): the reference's input. */
async function* storedRows(storage: Storage): AsyncGenerator<string> {
  let after = 0;
  const page = 200_000;
  for (;;) {
    const { rows } = await storage.query<Record<string, string | number | Uint8Array | null>>(
      `SELECT id, ${transactionColumns.join(', ')} FROM transactions WHERE id > $1 ORDER BY id LIMIT $2`,
      [after, page],
    );
    if (rows.length === 0) return;
    let text = '';
    for (const row of rows) text += copyRow(transactionColumns.map((c) => row[c] ?? null));
    yield text;
    after = Number(rows.at(-1)!['id']);
  }
}

async function runEngine(name: string, vault: Vault, csvFile: string) {
  const { storage } = vault;
  console.log(`\n[${name}] loading ${customers} customers and their accounts (not timed)…`);
  await loadDemoBank(vault, { customers, seed, end, withTransactions: false });

  const ingest = await measure(() =>
    vault.ingest.ingestGeneratedFile(createReadStream(csvFile), {
      sourceName: 'reference-bank.csv',
      format: 'csv',
      mapping: generatedBankCsvMapping,
    }),
  );
  const summary = ingest.result;
  console.log(
    `[${name}] ingest: ${summary.stored} stored of ${summary.read} read in ${fmt(ingest.seconds)} s`,
  );

  await storage.exec(`
    CREATE TABLE transactions_reference (LIKE transactions INCLUDING ALL);`);
  const exported = join(benchDirectory, `${name}-rows.copy`);
  {
    const out = createWriteStream(exported);
    for await (const text of storedRows(storage)) if (!out.write(text)) await once(out, 'drain');
    out.end();
    await once(out, 'close');
  }
  const reference = await measure(async () => {
    const lines = createInterface({ input: createReadStream(exported), crlfDelay: Infinity });
    async function* rows() {
      for await (const line of lines) yield `${line}\n`;
    }
    return storage.copyFrom('transactions_reference', transactionColumns, rows());
  });
  await rm(exported, { force: true });
  console.log(`[${name}] raw COPY of the same ${reference.result} rows: ${fmt(reference.seconds)} s`);
  return { name, rows: summary.stored, ingest, reference };
}

async function main() {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
  console.log(`Curtain ingest benchmark — ${new Date().toISOString().slice(0, 10)} — ${machine}`);
  const bank = await measure(() => referenceBankCsv(customers, seed, end));
  const csvSize = (await stat(bank.result.csvFile)).size;
  console.log(`reference bank CSV: ${bank.result.csvFile} (${fmt(csvSize / 2 ** 20, 0)} MB)`);

  const results: Awaited<ReturnType<typeof runEngine>>[] = [];
  const root = await mkdtemp(join(benchDirectory, 'run-'));
  try {
    await onEachOpenVault(root, async (engine, vault) => {
      results.push(await runEngine(engine, vault, bank.result.csvFile));
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }

  console.log(
    `\n| engine | rows | ingest s | raw COPY s | ingest / raw COPY | ingest rows/s | peak RSS MB |`,
  );
  console.log(`| --- | --- | --- | --- | --- | --- | --- |`);
  for (const r of results) {
    const ratio = r.reference.seconds / r.ingest.seconds;
    console.log(
      `| ${r.name} | ${r.rows} | ${fmt(r.ingest.seconds)} | ${fmt(r.reference.seconds)} | ${fmt(ratio)}× | ` +
        `${fmt(r.rows / r.ingest.seconds, 0)} | ${fmt(r.ingest.peakRssMb, 0)} |`,
    );
  }
  console.log(
    '\nratio = raw COPY time / ingest time: 1.0× means ingest is as fast as a bare COPY; goal ≥ 0.5×.',
  );
}

await main();
