// Benchmark: the access export of one customer (JSON and page), against reading the same customer's rows bare.
// The log section goes through the vault's index of references (migration 12); older entries would be scanned.
import type { Storage } from '../src/storage/ports.ts';
import { loadDemoBank } from '../src/demo/load-demo-bank.ts';
import { renderAccessPage } from '../src/vault/compliance/access-page.ts';
import { externalIdOf } from '../src/demo/generate/index.ts';
import { benchVault, benchHeader, fmt, measure, onEachEngine } from './support.ts';

const customers = Number(process.env['BENCH_COMPLIANCE_CUSTOMERS'] ?? 5_000);
const samples = 20;
const end = '2026-11-01';

async function run(engine: string, storage: Storage, root: string) {
  try {
    const vault = await benchVault(storage, root, engine);
    console.log(`\n${engine}: loading ${customers} customers with two years of transactions (not timed)…`);
    const report = await loadDemoBank(vault, { customers, seed: 1, end });
    await storage.query('ANALYZE');
    const logSize = vault.audit.head().size;
    const withRefs = await storage.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_entries WHERE subject_ref IS NOT NULL',
    );
    console.log(
      `${engine}: ${report.customers} customers, ${report.ingest?.stored ?? 0} transactions, ` +
        `log of ${logSize} entries (${withRefs.rows[0]!.n} under a customer reference)`,
    );
    const index = await storage.query<{ refs: number; start: number | string }>(
      `SELECT (SELECT count(*)::int FROM audit_subject_index) AS refs,
              (SELECT first_indexed_idx FROM audit_subject_index_start) AS start`,
    );
    console.log(
      `${engine}: audit_subject_index holds ${index.rows[0]!.refs} references; entries from ` +
        `${index.rows[0]!.start} on are found through it, older ones by the scan under the audit key`,
    );
    const times: number[] = [];
    const bare: number[] = [];
    let rows = 0;
    for (let i = 0; i < samples; i++) {
      const index = Math.floor(((i + 0.5) * customers) / samples);
      const id = (await vault.identity.findCustomer('external_id', externalIdOf(index)))!;
      // The reference: the same customer's transactions and accounts read with two bare queries.
      const reference = await measure(async () => {
        await storage.query('SELECT * FROM transactions WHERE customer_id = $1', [id]);
        await storage.query('SELECT * FROM accounts WHERE customer_id = $1', [id]);
      });
      bare.push(reference.seconds);
      const exported = await measure(async () => {
        const data = await vault.compliance.exportCustomer(id);
        return { data, html: renderAccessPage(data), json: JSON.stringify(data) };
      });
      times.push(exported.seconds);
      rows += exported.result.data.transactions.length;
    }
    times.sort((a, b) => a - b);
    bare.sort((a, b) => a - b);
    const median = times[Math.floor(samples / 2)]!;
    const bareMedian = bare[Math.floor(samples / 2)]!;
    console.log(
      `${engine}: access export (JSON + page) of one customer: median ${fmt(median * 1000, 0)} ms, ` +
        `max ${fmt(times.at(-1)! * 1000, 0)} ms (budget 2,000 ms); ${fmt(rows / samples, 0)} transactions each; ` +
        `${fmt(median / bareMedian, 1)}× two bare queries of the same rows (${fmt(bareMedian * 1000, 1)} ms)`,
    );
  } finally {
    await storage.close();
  }
}

console.log(benchHeader('compliance'));
await onEachEngine('compliance-', run);
