// How fast can the vault read a large transactions table: paged SELECT against copyTo + parseCopyRows.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Storage } from '../src/storage/ports.ts';
import { openPgliteStorage } from '../src/storage/pglite/pglite-storage.ts';
import { openPostgresStorage } from '../src/storage/postgres/postgres-storage.ts';
import { copyRow, parseCopyRows } from '../src/storage/postgres-core/copy-text.ts';
import { benchDirectory, fmt, measure } from './support.ts';

const rows = Number(process.env['BENCH_ROWS'] ?? 5_000_000);
const pageRows = 200_000;

// The columns of `transactions` (migration 0001) that the columnar loader reads, and their types.
const table = `CREATE TABLE bench_transactions (
  id bigint PRIMARY KEY, account_id bigint NOT NULL, customer_id bigint, batch_id bigint NOT NULL,
  booking_date date NOT NULL, amount_minor bigint NOT NULL, currency char(3) NOT NULL,
  direction char(1) NOT NULL, mcc smallint, category text NOT NULL, merchant_name text,
  description text, dedup_key bytea NOT NULL)`;
const columns = [
  'id',
  'account_id',
  'customer_id',
  'batch_id',
  'booking_date',
  'amount_minor',
  'currency',
].concat(['direction', 'mcc', 'category', 'merchant_name', 'description', 'dedup_key']);
const select = `SELECT id, customer_id, batch_id, booking_date - DATE '1970-01-01' AS day, amount_minor, currency,
                       direction, mcc, category, merchant_name FROM bench_transactions`;

function* fixture(): Generator<string> {
  const categories = ['groceries', 'rent', 'fuel', 'travel', 'salary', 'restaurants'];
  const key = Buffer.alloc(32);
  for (let id = 1; id <= rows; id++) {
    key.writeUInt32BE(id);
    const day = new Date(Date.UTC(2024, 0, 1 + (id % 700))).toISOString().slice(0, 10);
    yield copyRow([
      id,
      1 + (id % 50_000),
      1 + (id % 20_000),
      1 + (id >> 16),
      day,
      (id * 7919) % 100_000,
      'EUR',
      id % 9 ? 'D' : 'C',
      id % 5 ? 5411 : null,
      categories[id % 6]!,
      id % 3 ? `Merchant ${id % 997}` : null,
      `card payment\t#${id}`,
      key,
    ]);
  }
}

async function prepare(storage: Storage): Promise<void> {
  const present = await storage.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'bench_transactions'",
  );
  if (present.rows[0]!.n === 1) {
    const { rows: count } = await storage.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM bench_transactions',
    );
    if (count[0]!.n === rows) return;
    await storage.exec('DROP TABLE bench_transactions');
  }
  console.log(`  loading ${rows.toLocaleString('en')} rows …`);
  await storage.exec(table);
  await storage.copyFrom('bench_transactions', columns, fixture());
  await storage.exec('ANALYZE bench_transactions');
}

interface Row {
  id: number;
  customer_id: number | null;
  day: number;
  amount_minor: number;
}

async function pagedSelect(storage: Storage): Promise<number> {
  let after = 0;
  let read = 0;
  let sum = 0;
  for (;;) {
    const page = await storage.query<Row>(`${select} WHERE id > $1 ORDER BY id LIMIT ${pageRows}`, [after]);
    for (const row of page.rows) sum += row.amount_minor + row.day;
    read += page.rows.length;
    if (page.rows.length < pageRows) break;
    after = page.rows[page.rows.length - 1]!.id;
  }
  if (sum < 0) throw new Error('unreachable');
  return read;
}

async function copyToParse(storage: Storage): Promise<number> {
  let read = 0;
  let sum = 0;
  for await (const piece of storage.copyTo(select)) {
    read += parseCopyRows(piece, (fields) => {
      sum += Number(fields[4]) + Number(fields[3]);
    });
  }
  if (sum < 0) throw new Error('unreachable');
  return read;
}

async function compare(name: string, storage: Storage): Promise<void> {
  await prepare(storage);
  const paged = await measure(() => pagedSelect(storage));
  const copied = await measure(() => copyToParse(storage));
  if (paged.result !== rows || copied.result !== rows) throw new Error('a reader lost rows');
  const rate = (m: { seconds: number }) => fmt(rows / m.seconds / 1000, 0);
  console.log(`${name}: ${rows.toLocaleString('en')} rows`);
  console.log(
    `  paged SELECT (${pageRows.toLocaleString('en')}/page): ${rate(paged)}k rows/s, ${fmt(paged.seconds, 1)} s, peak RSS ${fmt(paged.peakRssMb, 0)} MB`,
  );
  console.log(
    `  copyTo + parseCopyRows:        ${rate(copied)}k rows/s, ${fmt(copied.seconds, 1)} s, peak RSS ${fmt(copied.peakRssMb, 0)} MB`,
  );
  console.log(`  ratio: ${fmt(paged.seconds / copied.seconds, 1)}× faster`);
}

const directory = join(benchDirectory, `storage-read-${rows}`);
if (!existsSync(directory)) console.log(`PGlite data directory: ${directory}`);
const pglite = await openPgliteStorage({ dataDirectory: directory });
try {
  await compare('PGlite', pglite);
} finally {
  await pglite.close();
}
const url = process.env['CURTAIN_BENCH_DATABASE_URL'];
if (url) {
  const postgres = await openPostgresStorage({ connectionString: url });
  try {
    await compare('PostgreSQL', postgres);
  } finally {
    await postgres.close();
  }
}
