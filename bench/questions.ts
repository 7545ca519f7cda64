// Benchmark: segment questions on the reference bank — columnar engine against DuckDB's hand-written SQL in the
// same run, the SQL engine on PGlite and PostgreSQL, feature-store questions, memory, and targeting quality.
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { loadConfig } from '../src/config/config.ts';
import { questionPurpose } from '../src/core/question-purposes.ts';
import { checkExpression } from '../src/language/checker.ts';
import { parseExpression } from '../src/language/parser.ts';
import type { CustomerIds, Plan } from '../src/language/plan.ts';
import { openVault, type Vault } from '../src/app/vault-process.ts';
import type { Storage } from '../src/storage/ports.ts';
import { loadDemoBank } from '../src/demo/load-demo-bank.ts';
import { ColumnarEngine } from '../src/vault/questions/columnar/columnar-engine.ts';
import { VaultQuestionEngine } from '../src/vault/questions/vault-engine.ts';
import { SqlEngine } from '../src/vault/questions/sql-engine.ts';
import { realBankVersion } from '../src/demo/generate/index.ts';
import type { GroundTruthRecord } from '../src/demo/generate/types.ts';
import { openDuckDb, type DuckConnection } from './duckdb/duckdb.ts';
import { benchDirectory, fmt } from './support.ts';

/** The reference bank at real density (about 19 million transactions); docs/benchmarks.md. */
const customers = Number(process.env['BENCH_CUSTOMERS'] ?? 14_000);
const seed = 1;
const end = '2026-11-01';
const postgresUrl = process.env['CURTAIN_BENCH_DATABASE_URL'];
/** The SQL engine on PGlite scans the whole table per question: minutes each on the reference bank. */
const skipPgliteSql = process.env['BENCH_PGLITE_SQL'] === '0';
const root = join(benchDirectory, `questions-real-v${realBankVersion}-${customers}-seed-${seed}-to-${end}`);

interface Question {
  readonly name: string;
  readonly expression: string;
  /** The same question for DuckDB, written by hand over the exported tables (asOf is DATE '2026-11-01'). */
  readonly duckdb: string;
}

const asOf = `DATE '${end}'`;
const window = (days: number) => `booking_date > ${asOf} - ${days} AND booking_date <= ${asOf}`;
const active = `SELECT id FROM customers WHERE status = 'active'`;
const holds = (product: string) =>
  `SELECT DISTINCT customer_id FROM products_held WHERE product_code = '${product}' AND since <= ${asOf} ` +
  `AND (until IS NULL OR until >= ${asOf})`;
const perCustomer = (select: string, where: string) =>
  `SELECT customer_id, ${select} AS v FROM transactions WHERE ${where} GROUP BY customer_id`;

export const questions: readonly Question[] = [
  {
    name: 'seeds’ example',
    expression: 'spent(category: "home_inspection", within: 90d) > 0 and not holds("mortgage")',
    duckdb: `SELECT t.customer_id FROM (${perCustomer('sum(amount_minor)', `category = 'home_inspection' AND direction = 'D' AND currency = 'GBP' AND ${window(90)}`)}) t
             WHERE t.v > 0 AND t.customer_id IN (${active}) AND t.customer_id NOT IN (${holds('mortgage')})`,
  },
  {
    name: 'recurring payments',
    expression: 'recurring(category: "subscriptions", within: 180d) >= 2',
    duckdb: `SELECT customer_id FROM (
               SELECT customer_id, merchant_name FROM transactions
                WHERE category = 'subscriptions' AND direction = 'D' AND currency = 'GBP' AND merchant_name IS NOT NULL
                  AND ${window(180)}
                GROUP BY customer_id, merchant_name HAVING count(DISTINCT date_trunc('month', booking_date)) >= 3)
             WHERE customer_id IN (${active}) GROUP BY customer_id HAVING count(*) >= 2`,
  },
  {
    name: 'three-way boolean',
    expression:
      'spent(category: "groceries", within: 30d) > 300 GBP and (holds("credit_card") or ' +
      'count(category: "travel", within: 90d) >= 2) and not holds("savings")',
    duckdb: `SELECT g.customer_id FROM (${perCustomer('sum(amount_minor)', `category = 'groceries' AND direction = 'D' AND currency = 'GBP' AND ${window(30)}`)}) g
             WHERE g.v > 30000 AND g.customer_id IN (${active}) AND g.customer_id NOT IN (${holds('savings')})
               AND (g.customer_id IN (${holds('credit_card')}) OR g.customer_id IN (
                 SELECT customer_id FROM (${perCustomer('count(*)', `category = 'travel' AND currency = 'GBP' AND ${window(90)}`)}) WHERE v >= 2))`,
  },
  {
    name: 'long window',
    expression: 'sum(category: "travel", within: 730d) > 2000 GBP',
    duckdb: `SELECT customer_id FROM (${perCustomer('sum(amount_minor)', `category = 'travel' AND currency = 'GBP' AND ${window(730)}`)})
             WHERE v > 200000 AND customer_id IN (${active})`,
  },
  {
    name: 'new baby (life event)',
    expression: 'spent(category: "baby", within: 180d) > 0',
    duckdb: `SELECT customer_id FROM (${perCustomer('sum(amount_minor)', `category = 'baby' AND direction = 'D' AND currency = 'GBP' AND ${window(180)}`)})
             WHERE v > 0 AND customer_id IN (${active})`,
  },
  {
    name: 'new car (life event)',
    expression: 'spent(category: "car_purchase", within: 90d) > 0',
    duckdb: `SELECT customer_id FROM (${perCustomer('sum(amount_minor)', `category = 'car_purchase' AND direction = 'D' AND currency = 'GBP' AND ${window(90)}`)})
             WHERE v > 0 AND customer_id IN (${active})`,
  },
  {
    name: 'days since last and tenure',
    expression: 'days_since_last(category: "fuel", within: 365d) > 60d and tenure() > 2y',
    duckdb: `SELECT f.customer_id FROM (${perCustomer(`${asOf} - max(booking_date)`, `category = 'fuel' AND currency = 'GBP' AND ${window(365)}`)}) f
             JOIN (SELECT customer_id, min(opened_on) AS first FROM accounts WHERE customer_id IS NOT NULL AND opened_on <= ${asOf} GROUP BY customer_id) a
               ON a.customer_id = f.customer_id
             WHERE f.v > 60 AND ${asOf} - a.first > 730 AND f.customer_id IN (${active})`,
  },
  {
    name: 'mcc and amount range',
    expression: 'count(mcc: [5812, 5814], min_amount: 20 GBP, within: 90d) >= 5',
    duckdb: `SELECT customer_id FROM (${perCustomer('count(*)', `mcc IN (5812, 5814) AND amount_minor >= 2000 AND currency = 'GBP' AND ${window(90)}`)})
             WHERE v >= 5 AND customer_id IN (${active})`,
  },
  {
    name: 'average basket',
    expression: 'average(category: "groceries", within: 90d) > 40 GBP',
    duckdb: `SELECT customer_id FROM (${perCustomer('avg(amount_minor)', `category = 'groceries' AND currency = 'GBP' AND ${window(90)}`)})
             WHERE v > 4000 AND customer_id IN (${active})`,
  },
  {
    name: 'features: dining count',
    expression: 'count(category: "dining", within: 30d) >= 4',
    duckdb: `SELECT customer_id FROM (${perCustomer('count(*)', `category = 'dining' AND currency = 'GBP' AND ${window(30)}`)})
             WHERE v >= 4 AND customer_id IN (${active})`,
  },
  {
    name: 'features: grocery spend',
    expression: 'spent(category: "groceries", within: 90d) > 1000 GBP',
    duckdb: `SELECT customer_id FROM (${perCustomer('sum(amount_minor)', `category = 'groceries' AND direction = 'D' AND currency = 'GBP' AND ${window(90)}`)})
             WHERE v > 100000 AND customer_id IN (${active})`,
  },
];

/**
 * Life events and the question meant to find them: precision and recall against the generator's truth. The
 * truth is what happened, not what the question looks for: buyers who will complete within 180 days (some
 * pay no survey from this account; some surveys fall through), babies and cars whatever was paid for them.
 */
const targets = [
  {
    name: 'seeds’ example: will buy a home within 180 days, no mortgage yet',
    question: questions[0]!,
    isTarget: (t: GroundTruthRecord) =>
      t.lifeEvents.some((e) => e.type === 'home_purchase' && e.date > end && inWindow(e.date, 0, 180)) &&
      !(t.takeUps ?? []).some((u) => u.product === 'mortgage' && u.date <= end),
  },
  {
    name: 'a new baby in the last 180 days',
    question: questions[4]!,
    isTarget: (t: GroundTruthRecord) =>
      t.lifeEvents.some((e) => e.type === 'new_baby' && inWindow(e.date, 180)),
  },
  {
    name: 'a new car in the last 90 days',
    question: questions[5]!,
    isTarget: (t: GroundTruthRecord) =>
      t.lifeEvents.some((e) => e.type === 'new_car' && inWindow(e.date, 90)),
  },
];

/** Whether `date` is within `days` before the end (or, with `ahead`, within `ahead` days after it). */
function inWindow(date: string, days: number, ahead = 0): boolean {
  const age = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000;
  return ahead > 0 ? age < 0 && -age <= ahead : age >= 0 && age < days;
}

function planOf(expression: string): Plan {
  const parsed = parseExpression(expression);
  if (!parsed.ok) throw new Error(`${expression}: ${parsed.diagnostics[0]!.message}`);
  const checked = checkExpression(parsed.ast, {
    purpose: questionPurpose('bank_offers')!,
    currency: 'GBP',
    retentionDays: 2557,
    maxAttributes: 10,
    asOf: end,
  });
  if (!checked.ok) throw new Error(`${expression}: ${checked.error[0]!.message}`);
  return checked.value.plan;
}

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** A vault with the reference bank, loaded once and kept under .curtain-bench for later runs. */
async function referenceVault(name: string, databaseUrl?: string): Promise<Vault> {
  const config = loadConfig({
    dataDir: join(root, name),
    keyDir: join(root, 'keys'),
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    logLevel: 'silent',
  });
  const opened = await openVault(config, 'bench questions');
  if (!opened.ok) throw new Error(`the bench data directory ${config.dataDir} is busy`);
  const vault = opened.vault;
  const { rows } = await vault.storage.query<{ n: number }>('SELECT count(*)::int AS n FROM customers');
  if (rows[0]!.n === 0) {
    console.log(`[${name}] loading the reference bank: ${customers} customers (once; not timed)…`);
    const started = performance.now();
    let last = 0;
    await loadDemoBank(vault, {
      customers,
      seed,
      end,
      groundTruthFile: join(root, `truth-${name}.jsonl`),
      onProgress: (done, transactions) => {
        if (done - last >= 20_000) {
          last = done;
          console.log(`[${name}]   ${done} customers, ${transactions} transactions`);
        }
      },
    });
    console.log(`[${name}] loaded in ${fmt((performance.now() - started) / 1000)} s`);
  } else if (rows[0]!.n !== customers) {
    throw new Error(`[${name}] holds ${rows[0]!.n} customers, not ${customers}: remove ${root}`);
  }
  return vault;
}

/** The vault's tables as COPY text files for DuckDB, written once. */
async function exportTables(storage: Storage): Promise<Record<string, string>> {
  const tables = {
    transactions: `SELECT customer_id, booking_date, amount_minor, currency, direction, mcc, category, merchant_name
                     FROM transactions WHERE customer_id IS NOT NULL`,
    products_held: 'SELECT customer_id, product_code, since, until FROM products_held',
    accounts: 'SELECT customer_id, opened_on FROM accounts',
    customers: 'SELECT id, status FROM customers',
  };
  const files: Record<string, string> = {};
  for (const [table, sql] of Object.entries(tables)) {
    const file = join(root, `${table}.copy`);
    files[table] = file;
    if (existsSync(file)) continue;
    const out = createWriteStream(`${file}.partial`);
    for await (const chunk of storage.copyTo(sql)) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'close');
    await rename(`${file}.partial`, file);
  }
  return files;
}

async function loadDuckDb(files: Record<string, string>): Promise<{ db: DuckConnection; seconds: number }> {
  const db = await openDuckDb(cpus().length);
  const columns: Record<string, string> = {
    transactions: `{'customer_id': 'BIGINT', 'booking_date': 'DATE', 'amount_minor': 'BIGINT', 'currency': 'VARCHAR',
                    'direction': 'VARCHAR', 'mcc': 'INTEGER', 'category': 'VARCHAR', 'merchant_name': 'VARCHAR'}`,
    products_held: `{'customer_id': 'BIGINT', 'product_code': 'VARCHAR', 'since': 'DATE', 'until': 'DATE'}`,
    accounts: `{'customer_id': 'BIGINT', 'opened_on': 'DATE'}`,
    customers: `{'id': 'BIGINT', 'status': 'VARCHAR'}`,
  };
  const started = performance.now();
  for (const [table, file] of Object.entries(files)) {
    await db.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv('${file}', delim = '\t', header = false, quote = '',
         escape = '', nullstr = '\\N', columns = ${columns[table]})`,
    );
  }
  return { db, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
  console.log(`Curtain questions benchmark — ${new Date().toISOString().slice(0, 10)} — ${machine}`);
  await mkdir(root, { recursive: true });
  const pglite = await referenceVault('pglite');
  const pg =
    postgresUrl === undefined
      ? undefined
      : await referenceVault('postgres', await benchDatabase(postgresUrl));
  try {
    const files = await exportTables(pglite.storage);
    const duck = await loadDuckDb(files);
    console.log(`DuckDB loaded the exported tables in ${fmt(duck.seconds)} s`);

    const snapshot = join(root, 'columnar.snapshot');
    const vaultEngine = new VaultQuestionEngine(pglite.storage, { currency: 'GBP' });
    const loaded = await vaultEngine.loadColumnar({ snapshotPath: snapshot, features: { day: end } });
    if (loaded.source === 'database') await vaultEngine.saveSnapshot(snapshot);
    const store = vaultEngine.store!;
    console.log(
      `columnar store: ${store.transactionCount} transactions, ${store.customerCount} customers, ` +
        `${fmt(store.bytesPerTransaction())} B/transaction (features ${fmt(store.featureBytes() / store.transactionCount)}), ` +
        `loaded from the ${loaded.source} in ${fmt(loaded.seconds)} s`,
    );
    const columnar = new ColumnarEngine(store);
    const sqlPglite = new SqlEngine(pglite.storage);
    const sqlPg = pg === undefined ? undefined : new SqlEngine(pg.storage);

    // Columnar and DuckDB first, on a quiet process; the SQL engines, much slower, afterwards.
    const plans = questions.map((q) => planOf(q.expression));
    const fast: {
      ids: CustomerIds;
      features: string;
      columnarMs: number;
      duckRows: number;
      duckMs: number;
    }[] = [];
    const sets = new Map<string, CustomerIds>();
    for (const [i, question] of questions.entries()) {
      const plan = plans[i]!;
      const ids = await columnar.evaluate(plan, end);
      sets.set(question.name, ids);
      await columnar.evaluate(plan, end);
      const columnarMs = await median(7, () => columnar.evaluate(plan, end));
      const features = columnar.lastUsedFeatures ? 'features' : 'scan';
      const duckRows = (await duck.db.rows(question.duckdb)).length;
      const duckMs = await median(5, () => duck.db.rows(question.duckdb));
      fast.push({ ids, features, columnarMs, duckRows, duckMs });
      console.log(
        `${question.name}: columnar ${fmt(columnarMs, 1)} ms (${features}), DuckDB ${fmt(duckMs, 1)} ms`,
      );
    }
    const sqlRuns = customers >= 100_000 ? 1 : 3;
    const results: string[] = [];
    for (const [i, question] of questions.entries()) {
      const plan = plans[i]!;
      const { ids, features, columnarMs, duckRows, duckMs } = fast[i]!;
      const pgliteIds = skipPgliteSql ? ids : await sqlPglite.evaluate(plan, end);
      const pgliteMs = skipPgliteSql ? undefined : await median(sqlRuns, () => sqlPglite.evaluate(plan, end));
      const pgIds = sqlPg === undefined ? undefined : await sqlPg.evaluate(plan, end);
      const pgMs = sqlPg === undefined ? undefined : await median(sqlRuns, () => sqlPg.evaluate(plan, end));
      const agree =
        duckRows === ids.length &&
        pgliteIds.length === ids.length &&
        (pgIds === undefined || pgIds.length === ids.length);
      results.push(
        `| ${question.name} | ${features} | ${ids.length}${agree ? '' : ` (DuckDB ${duckRows}, PGlite ${pgliteIds.length}${pgIds ? `, PostgreSQL ${pgIds.length}` : ''}!)`} | ` +
          `${fmt(columnarMs, 1)} | ${fmt(duckMs, 1)} | ${fmt(columnarMs / duckMs)}× | ${pgliteMs === undefined ? '—' : fmt(pgliteMs, 0)} | ` +
          `${pgMs === undefined ? '—' : fmt(pgMs, 0)} |`,
      );
      console.log(results.at(-1));
    }
    console.log(
      '\n| question | columnar path | customers | columnar ms | DuckDB ms | columnar / DuckDB | PGlite SQL ms | PostgreSQL SQL ms |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const line of results) console.log(line);

    const truthFile = join(root, 'truth-pglite.jsonl');
    if (existsSync(truthFile)) {
      const truth = await readTruth(truthFile);
      const idOf = await customerIdsByExternalId(pglite);
      console.log('\n| life event | question | segment | truly in it | precision | recall |');
      console.log('| --- | --- | --- | --- | --- | --- |');
      for (const target of targets) {
        const truthIds = new Set(truth.filter(target.isTarget).map((t) => idOf(t.externalId)));
        const segment = sets.get(target.question.name)!;
        const hits = [...segment].filter((id) => truthIds.has(id)).length;
        console.log(
          `| ${target.name} | \`${target.question.expression}\` | ${segment.length} | ${truthIds.size} | ` +
            `${fmt(hits / Math.max(1, segment.length))} | ${fmt(hits / Math.max(1, truthIds.size))} |`,
        );
      }
    }
    duck.db.close();
  } finally {
    await pglite.close();
    await pg?.close();
  }
  await writeFile(join(root, 'last-run.txt'), new Date().toISOString());
}

/** A database of its own on the server, kept between runs like the PGlite directory. */
async function benchDatabase(serverUrl: string): Promise<string> {
  const { default: pg } = await import('pg');
  const name = `curtain_bench_questions_${customers}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (rows.length === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function readTruth(file: string): Promise<GroundTruthRecord[]> {
  const records: GroundTruthRecord[] = [];
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') records.push(JSON.parse(line) as GroundTruthRecord);
  return records;
}

/**
 * The generator numbers customers C00000001… and the loader creates them in that order; checked on a sample
 * through the identity store's blind index, so a change in the loader cannot skew the figures silently.
 */
async function customerIdsByExternalId(vault: Vault): Promise<(externalId: string) => number> {
  const { rows } = await vault.storage.query<{ first: number }>(
    'SELECT min(id)::int AS first FROM customers',
  );
  const first = rows[0]!.first;
  const idOf = (externalId: string) => first + Number(externalId.slice(1)) - 1;
  for (const n of [1, 2, 17, Math.floor(customers / 2), customers]) {
    const externalId = `C${String(n).padStart(8, '0')}`;
    if ((await vault.identity.findCustomer('external_id', externalId)) !== idOf(externalId)) {
      throw new Error(`customer ${externalId} is not where the benchmark expects it`);
    }
  }
  return idOf;
}

await main();
