// A campaign from a shard group of two, on each backend: one admission by the group guard on the merged audience,
// each shard sending to its own customers exactly once, and a shard dying mid-run resumed without a second message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleShardGroup, type ShardGroup } from '../../src/app/shard-group.ts';
import { defaultVaultSettings, type VaultSettings } from '../../src/app/vault-process.ts';
import type { DeliveryRequest } from '../../src/core/vault-door.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { rootWithoutDigits } from '../../src/vault/shards/shard-log.ts';
import type { FaultPoint } from '../../src/vault/delivery/faults.ts';
import type { SqlExecutor } from '../../src/storage/ports.ts';
import { testBackends } from '../support/backends.ts';
import { createDemoBankVault, createTestVault, type TestVault } from '../support/test-vault.ts';
import { inboxOrigin, offer } from '../delivery/support/delivery-fixtures.ts';

const end = '2026-11-01';
const now = () => new Date(`${end}T10:00:00Z`);
const bank = { customers: 600, seed: 3, end } as const;
const settings = (noise: string): VaultSettings => ({
  ...defaultVaultSettings,
  now,
  random: seededRandomSource(noise),
});

const request = (campaignId: string): DeliveryRequest => ({
  campaignId,
  requestedBy: 'mia',
  purpose: 'bank_offers',
  audience: 'count(within: 90d) > 0',
  offer,
  channels: [],
  frequencyCap: { messages: 10, days: 30 },
});

async function scalar(db: SqlExecutor, sql: string, parameters: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, parameters);
  return Number(rows[0]!.n);
}

const messages = 'SELECT count(*) AS n FROM inbox_messages WHERE campaign_id = $1';
const admissions = "SELECT count(*) AS n FROM questions WHERE engine = 'admission' AND expression = $1";

describe.each(testBackends)('a campaign from a shard group of two on $name', (backend) => {
  const opened: TestVault[] = [];
  let single: TestVault;
  let group: ShardGroup;
  /** The fault point at which shard 1 "dies" (throws, as a killed process stops), if any. */
  let dying: FaultPoint | undefined;

  beforeAll(async () => {
    single = await createDemoBankVault(backend, bank, {
      ...settings('delivery-noise'),
      delivery: { inboxOrigin, batchSize: 25 },
    });
    opened.push(single);
    const shardSettings = (index: number): Partial<VaultSettings> => ({
      now,
      delivery: {
        inboxOrigin,
        batchSize: 25,
        fault: (point) => {
          if (index === 1 && point === dying) throw new Error('shard 1 died');
        },
      },
    });
    const vaults = await Promise.all([
      createTestVault(backend, { ...settings('delivery-noise'), logOrigin: 'bank.example/group' }),
      createTestVault(backend, shardSettings(0)),
      createTestVault(backend, shardSettings(1)),
    ]);
    opened.push(...vaults);
    const [groupVault, ...shards] = vaults;
    group = await assembleShardGroup(groupVault, shards, settings('delivery-noise'));
    await group.loadDemoBank({ ...bank, density: 'thin' });
  }, 120_000);
  afterAll(async () => {
    await Promise.all(opened.map((v) => v.dispose()));
  });

  it('delivers through the door as one vault holding every customer would, admitted once by the group guard', async () => {
    const inOneVault = await single.door.deliver(request('camp-one'));
    const fromGroup = await group.door.deliver(request('camp-group'));
    expect(fromGroup).toMatchObject({ ok: true, value: { state: 'finished', fractionDone: 1 } });
    if (!inOneVault.ok || !fromGroup.ok) throw new Error('a delivery was refused');
    // One charge the size of one vault's admission, in the group's ledger; no shard admitted anything.
    expect(fromGroup.value.budget?.charged).toEqual(inOneVault.value.budget?.charged);
    expect(await scalar(group.group.storage, admissions, ['delivery:camp-group'])).toBe(1);
    for (const shard of group.shards) {
      expect(await scalar(shard.storage, 'SELECT count(*) AS n FROM questions')).toBe(0);
    }
    // The same recipients in all: each shard's inbox holds its own customers' messages, each customer once,
    // and the group vault's database holds no message at all.
    const perShard = await Promise.all(group.shards.map((s) => scalar(s.storage, messages, ['camp-group'])));
    expect(perShard.every((n) => n > 0)).toBe(true);
    expect(perShard.reduce((a, b) => a + b)).toBe(await scalar(single.storage, messages, ['camp-one']));
    expect(await scalar(group.group.storage, messages, ['camp-group'])).toBe(0);
    for (const shard of group.shards) {
      expect(
        await scalar(
          shard.storage,
          `SELECT count(*) AS n FROM inbox_messages m LEFT JOIN customers c ON c.id = m.customer_id
            WHERE m.campaign_id = $1 AND c.id IS NULL`,
          ['camp-group'],
        ),
      ).toBe(0);
    }
    // Results: the shards' exact audiences joined, noised once by the group guard, as one vault's.
    const [oneResults, groupResults] = [
      await single.door.results('camp-one', 'mia'),
      await group.door.results('camp-group', 'mia'),
    ];
    if (!oneResults.ok || !groupResults.ok) throw new Error('results were refused');
    expect(groupResults.value.budget?.charged).toEqual(oneResults.value.budget?.charged);
  });

  it("anchors every shard's log in the group's one log once the shards have sent", async () => {
    // Broken once on purpose: without the anchoring after a delivery, the last anchors named the logs as the
    // demo load left them, and this failed.
    await group.door.deliver(request('camp-anchor'));
    await group.group.audit.flush();
    const entries = (await group.group.audit.exportEntries(0, 100_000)).map(
      (entry) =>
        JSON.parse(entry) as { type: string; details: { action?: string; shard?: number; root?: string } },
    );
    const anchors = entries.filter(
      (e) => e.type === 'admin.action' && e.details.action === 'shard.log_anchored',
    );
    const last = group.shards.map(
      (_, index) => anchors.findLast((e) => e.details.shard === index)?.details.root,
    );
    expect(last).toEqual(group.shards.map((shard) => rootWithoutDigits(shard.audit.head().rootHash)));
    // The inbox batches are in the shards' logs, not the group's: one log per database, anchored once per run.
    expect(entries.some((e) => e.type === 'message.sent')).toBe(false);
    // No shard's exact audience, nor their sum, is a number anywhere in the group's log (invariant 2).
    const exact = await Promise.all(group.shards.map((s) => scalar(s.storage, messages, ['camp-anchor'])));
    // Numeric values only: a timestamp's or a hash's digits are the clock's or random, never a count.
    const numbers: number[] = [];
    JSON.stringify(entries, (_, value: unknown) => (typeof value === 'number' && numbers.push(value), value));
    for (const n of [...exact, exact.reduce((a, b) => a + b)]) expect(numbers).not.toContain(n);
  });

  it('a shard dying mid-run gives a partial outcome; delivering again resumes, nobody gets it twice', async () => {
    dying = 'after-inbox-batch';
    const first = await group.delivery.deliverFromShards(request('camp-crash'));
    expect(first.report).toMatchObject({ ok: true, value: { state: 'sending' } });
    if (!first.report.ok) return;
    expect(first.report.value.fractionDone).toBeLessThan(1);
    expect(first.shards.map((s) => s.state)).toEqual(['finished', 'failed']);
    const sentBefore = await scalar(group.shards[1]!.storage, messages, ['camp-crash']);
    expect(sentBefore).toBeGreaterThan(0);

    dying = undefined;
    const again = await group.delivery.deliverFromShards(request('camp-crash'));
    expect(again.report).toMatchObject({ ok: true, value: { state: 'finished', fractionDone: 1 } });
    expect(again.shards.map((s) => s.state)).toEqual(['finished', 'finished']);
    // Admitted once for both calls; every frozen recipient has exactly one message, on their own shard.
    expect(await scalar(group.group.storage, admissions, ['delivery:camp-crash'])).toBe(1);
    const frozen = await scalar(
      group.group.storage,
      'SELECT count(*) AS n FROM delivery_recipients WHERE campaign_id = $1',
      ['camp-crash'],
    );
    const sent = await Promise.all(group.shards.map((s) => scalar(s.storage, messages, ['camp-crash'])));
    expect(sent.reduce((a, b) => a + b)).toBe(frozen);
    expect(sent[1]).toBeGreaterThan(sentBefore);
    for (const shard of group.shards) {
      expect(
        await scalar(
          shard.storage,
          `SELECT count(*) AS n FROM (SELECT customer_id FROM inbox_messages WHERE campaign_id = $1
                                      GROUP BY customer_id HAVING count(*) > 1) twice`,
          ['camp-crash'],
        ),
      ).toBe(0);
    }
  });

  it('a shard dying right after freezing its part sends all of it on resume, admitted once', async () => {
    dying = 'after-freeze';
    const first = await group.delivery.deliverFromShards(request('camp-freeze'));
    expect(first.shards.map((s) => s.state)).toEqual(['finished', 'failed']);
    dying = undefined;
    const again = await group.delivery.deliverFromShards(request('camp-freeze'));
    expect(again.report).toMatchObject({ ok: true, value: { state: 'finished' } });
    expect(await scalar(group.group.storage, admissions, ['delivery:camp-freeze'])).toBe(1);
    const sent = await Promise.all(group.shards.map((s) => scalar(s.storage, messages, ['camp-freeze'])));
    expect(sent.reduce((a, b) => a + b)).toBe(
      await scalar(
        group.group.storage,
        'SELECT count(*) AS n FROM delivery_recipients WHERE campaign_id = $1',
        ['camp-freeze'],
      ),
    );
  });

  it('refuses what a group cannot do yet, clearly', async () => {
    await expect(
      group.door.releaseAudience({ ...request('camp-tokens'), maxMessages: 100 }),
    ).rejects.toMatchObject({ code: 'SHARD_GROUP_UNSUPPORTED' });
  });
});
