// Benchmark: the consent filter over the reference bank's customers (goal < 10 ms for 200,000), against a
// plain count(*) over the customers table and the row-based query, measured in the same run and engine.
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEvent, TransactionalAuditSink } from '../src/core/audit-event.ts';
import type { ConsentDecision } from '../src/core/consent.ts';
import { openPgliteStorage } from '../src/storage/pglite/pglite-storage.ts';
import { migrate } from '../src/storage/postgres-core/migrations.ts';
import { ConsentLedger } from '../src/vault/consent/consent-ledger.ts';
import { demoConsentDecisions, toConsentDecisions } from '../src/demo/generate/consent.ts';
import { personaCodes } from '../src/demo/generate/types.ts';
import { LocalKeyFile } from '../src/keys/local-key-file.ts';
import { fmt, measure } from './support.ts';

const customers = Number(process.env['BENCH_CUSTOMERS'] ?? 200_000);
const runs = 50;

class CountingSink implements TransactionalAuditSink<unknown> {
  count = 0;
  record(events: readonly AuditEvent[]): Promise<void> {
    this.count += events.length;
    return Promise.resolve();
  }
  enqueue(_tx: unknown, events: readonly AuditEvent[]): Promise<void> {
    return this.record(events);
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }
}

/** Median wall time of `work` in milliseconds, after two warm-up runs. */
async function median(work: () => Promise<unknown>): Promise<number> {
  await work();
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const directory = await mkdtemp(join(tmpdir(), 'curtain-bench-consent-'));
try {
  const storage = await openPgliteStorage({ dataDirectory: join(directory, 'db') });
  const migrated = await migrate(storage);
  if (!migrated.ok) throw new Error(migrated.reason);
  await storage.query('INSERT INTO customers (id) SELECT generate_series(1, $1::int)', [customers]);
  const key = Buffer.from('bench');
  const sink = new CountingSink();
  const ledger = new ConsentLedger(storage, await LocalKeyFile.open(join(directory, 'keys')), sink, {
    subjectRef: (id) => Promise.resolve(createHmac('sha256', key).update(String(id)).digest('base64url')),
    receipts: {
      jurisdiction: 'EU',
      language: 'en',
      policyUrl: 'https://bank.example/privacy',
      service: 'bench',
      controllers: [],
    },
    chunkSize: 20_000,
  });

  const load = await measure(async () => {
    let batch: ConsentDecision[] = [];
    for (let i = 0; i < customers; i++) {
      const persona = personaCodes[i % personaCodes.length]!;
      batch.push(...toConsentDecisions(i + 1, demoConsentDecisions(1, i, persona), '2026-11-01'));
      if (batch.length >= 50_000 || i === customers - 1) {
        const outcome = await ledger.record(batch);
        if (!outcome.ok) throw new Error('demo decisions rejected');
        batch = [];
      }
    }
  });
  console.log(
    `consent: ${customers} customers, ${sink.count} demo decisions recorded in ${fmt(load.seconds)} s ` +
      `(${Math.round(sink.count / load.seconds)} decisions/s, PGlite)`,
  );

  const ids = Uint32Array.from({ length: customers }, (_, i) => i + 1);
  let allowedCount = 0;
  const countAll = await median(() => storage.query('SELECT count(*) FROM customers'));
  const rowBased = await median(() =>
    storage.query(
      `SELECT customer_id FROM consent_current WHERE purpose = 'bank_offers' AND channel = 'inbox' AND granted`,
    ),
  );
  const allowed = await median(async () => {
    allowedCount = (await ledger.allowed('bank_offers', 'inbox')).size;
  });
  const filter = await median(async () => {
    allowedCount = (await ledger.filter(ids, 'bank_offers', 'inbox')).length;
  });
  const goal = filter < 10 ? 'meets' : 'misses';
  console.log(`  reference: SELECT count(*) FROM customers       ${fmt(countAll)} ms`);
  console.log(`  reference: row-based SELECT of allowed ids      ${fmt(rowBased)} ms`);
  console.log(
    `  allowed('bank_offers', 'inbox') → ${allowedCount} ids   ${fmt(allowed)} ms (${fmt(allowed / countAll)}× count(*))`,
  );
  console.log(
    `  filter(${customers} ids) → ${allowedCount} allowed       ${fmt(filter)} ms (${fmt(filter / countAll)}× count(*), ` +
      `${fmt(rowBased / filter, 1)}× faster than row-based; ${goal} the 10 ms goal)`,
  );
  await storage.close();
} finally {
  await rm(directory, { recursive: true, force: true });
}
