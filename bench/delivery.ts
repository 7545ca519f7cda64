// Benchmark: a campaign to 100,000 customers into the inbox, against a bare insert loop of the same rows.
import { randomBytes } from 'node:crypto';
import type { VaultServices } from '../src/app/vault-process.ts';
import type { Storage } from '../src/storage/ports.ts';
import { loadDemoBank } from '../src/demo/load-demo-bank.ts';
import { DeliveryService } from '../src/vault/delivery/delivery-service.ts';
import { benchVault, benchHeader, fmt, measure, onEachEngine } from './support.ts';

const recipients = Number(process.env['BENCH_DELIVERY_RECIPIENTS'] ?? 100_000);
// About 80% of the demo bank's customers let the bank's offers into their inbox: enough for the audience.
const customers = Math.ceil(recipients * 1.3);
const batchSize = 5_000;
const end = '2026-11-01';

const offer = {
  offerId: 'bench-offer',
  title: 'A savings account that pays more',
  body: 'Our new saver pays 4.1% AER on balances up to £85,000.',
  callToAction: 'Tell me more',
  category: 'savings',
  credit: false,
  validUntil: '2026-12-31',
};
// As long as the campaign's own "why am I seeing this" sentence.
const referenceExplanation =
  "One of the following: you don't have a mortgage with us; or you have a mortgage with us.";

async function run(engine: string, storage: Storage, root: string) {
  try {
    const vault = await benchVault(storage, root, engine, () => new Date(`${end}T10:00:00Z`));
    console.log(`\n${engine}: loading ${customers} customers with their consent (not timed)…`);
    await loadDemoBank(vault, { customers, seed: 1, end, withTransactions: false });
    await storage.query('ANALYZE');

    // The reference runs first, on a fresh table, so that neither side profits from the other's warm-up.
    const baseline = await bareInsertLoop(vault);
    const baselinePerSecond = baseline.rows / baseline.seconds;

    const marks = new Map<string, number>();
    const delivery = new DeliveryService(vault, vault.guard, {
      currency: 'GBP',
      inboxOrigin: 'https://bank.example',
      batchSize,
      now: () => new Date(`${end}T10:00:00Z`),
      fault: (point) => void marks.set(point, performance.now()),
    });
    const started = performance.now();
    const campaignId = `bench-${engine.toLowerCase()}`;
    const sent = await measure(() =>
      delivery.deliver({
        campaignId,
        requestedBy: 'bench',
        purpose: 'bank_offers',
        audience: 'tenure() >= 0d', // everyone with an account: a question that holds for all is refused
        offer,
        channels: [],
        frequencyCap: { messages: 5, days: 7 },
        maxMessages: recipients,
      }),
    );
    if (!sent.result.ok) throw new Error(`${sent.result.error.code}: ${sent.result.error.message}`);
    const delivered = await count(vault, campaignId);
    const perSecond = delivered / sent.seconds;
    const frozenAfter = (marks.get('after-freeze')! - started) / 1000;

    console.log(`\n${engine}:\n| measure | value | reference | ratio |`);
    console.log('| --- | --- | --- | --- |');
    console.log(
      `| campaign to ${delivered} customers into the inbox (expand, filter, admit, freeze, batches of ${batchSize}) | ` +
        `${fmt(sent.seconds, 2)} s, ${fmt(perSecond, 0)} /s | bare insert loop of the same rows ${fmt(baselinePerSecond, 0)} /s | ` +
        `${fmt(perSecond / baselinePerSecond, 2)}× |`,
    );
    console.log(
      `| of which: expand, filter, admit and freeze | ${fmt(frozenAfter, 2)} s | | |\n` +
        `| of which: inbox batches | ${fmt(sent.seconds - frozenAfter, 2)} s, ` +
        `${fmt(delivered / (sent.seconds - frozenAfter), 0)} /s | | ` +
        `${fmt(delivered / (sent.seconds - frozenAfter) / baselinePerSecond, 2)}× |`,
    );
    console.log(
      `\npeak RSS ${fmt(sent.peakRssMb, 0)} MB; goal ≥ 20,000 deliveries/s, not done under 5,000/s.`,
    );
  } finally {
    await storage.close();
  }
}

async function count(vault: VaultServices, campaignId: string): Promise<number> {
  const { rows } = await vault.storage.query<{ n: number | bigint }>(
    'SELECT count(*) AS n FROM inbox_messages WHERE campaign_id = $1',
    [campaignId],
  );
  return Number(rows[0]!.n);
}

/**
 * The reference: the rows a campaign to the same number of consenting customers writes (same columns, offer,
 * explanation and random public ids, customers in random order) into a fresh copy of the inbox table with its
 * indexes, one INSERT per batch, nothing else.
 */
async function bareInsertLoop(vault: VaultServices) {
  const { storage } = vault;
  await storage.exec(
    'CREATE TABLE bench_inbox (LIKE inbox_messages INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING INDEXES)',
  );
  const allowed = await vault.consent.allowed('bank_offers', 'inbox');
  const { rows } = await storage.query<{ id: number }>('SELECT id FROM customers ORDER BY random()');
  const ids = rows
    .map((r) => Number(r.id))
    .filter((id) => allowed.has(id))
    .slice(0, recipients);
  const timed = await measure(async () => {
    for (let start = 0; start < ids.length; start += batchSize) {
      const batch = ids.slice(start, start + batchSize);
      await storage.transaction((tx) =>
        tx.query(
          `INSERT INTO bench_inbox (public_id, campaign_id, customer_id, offer, explanation, delivered_at)
           SELECT p, $2, c, $3::jsonb, $4, now() FROM unnest($1::text[], $5::bigint[]) AS t (p, c)`,
          [
            batch.map(() => `msg_${randomBytes(16).toString('base64url')}`),
            'bench-reference',
            JSON.stringify(offer),
            referenceExplanation,
            batch,
          ],
        ),
      );
    }
    return ids.length;
  });
  return { rows: timed.result, seconds: timed.seconds };
}

console.log(benchHeader('delivery'));
await onEachEngine('delivery-', run);
