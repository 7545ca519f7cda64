// A shard group of two shards on each backend: routing by `shardOf`, and questions under the group's one guard,
// answered as one vault holding every customer would answer them.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleShardGroup, type ShardGroup } from '../../src/app/shard-group.ts';
import { defaultVaultSettings, type VaultServices, type VaultSettings } from '../../src/app/vault-process.ts';
import type { StatementEvent } from '../../src/core/transaction.ts';
import { externalIdOf } from '../../src/demo/generate/index.ts';
import { dumpHubTables } from '../../src/hub/hub-dump.ts';
import { HubService } from '../../src/hub/hub-service.ts';
import { HubStorage } from '../../src/hub/hub-storage.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { parseImportMapping, type ImportKind } from '../../src/vault/import/import-mapping.ts';
import { questionPurpose } from '../../src/core/question-purposes.ts';
import { normalisePlan } from '../../src/language/normalise.ts';
import { vaultAudience } from '../../src/vault/questions/question-service.ts';
import type { Storage } from '../../src/storage/ports.ts';
import { testBackends } from '../support/backends.ts';
import { createDemoBankVault, createTestVault, type TestVault } from '../support/test-vault.ts';

const end = '2026-11-01';
const now = () => new Date(`${end}T10:00:00Z`);
/** Two shards of about 300 customers: the smallest group whose parts each release a count. */
const bank = { customers: 600, seed: 3, end } as const;
const questions = [
  'count(within: 90d) > 0',
  'spent(category: "groceries", within: 90d) > 20 GBP',
  'not holds("mortgage")',
];
/** The same seeded noise for the one vault and for the group vault: equal exact counts give equal answers. */
const settings = (noise: string): VaultSettings => ({
  ...defaultVaultSettings,
  now,
  random: seededRandomSource(noise),
});

async function scalar(storage: Storage, sql: string): Promise<number> {
  const { rows } = await storage.query<{ n: number }>(sql);
  return Number(rows[0]!.n);
}

/** Which of `ids` a vault holds (identities are blind-indexed: each is looked up, never listed). */
async function heldOf(vault: Pick<VaultServices, 'identity'>, ids: readonly string[]): Promise<string[]> {
  const found = await Promise.all(ids.map((id) => vault.identity.findCustomer('external_id', id)));
  return ids.filter((_, i) => found[i] !== undefined);
}

/**
 * Every number in a JSON value, at any depth, and every word of its strings that is a number ("2 shards, 86,143"):
 * words are split at spaces and punctuation of prose only, so a key, a signature or a timestamp, whose digits are
 * random or the clock's, is one word and never read as a count.
 */
function numbersIn(value: unknown, into: number[] = []): number[] {
  if (typeof value === 'number') into.push(value);
  else if (typeof value === 'string') {
    for (const word of value.split(/[\s,;()]+/)) if (/^\d+$/.test(word)) into.push(Number(word));
  } else if (Array.isArray(value)) for (const item of value) numbersIn(item, into);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) numbersIn(item, into);
  return into;
}

/** Each shard's exact audience size for a question: what the group guard sums and must never release. */
async function exactPerShard(group: ShardGroup, expression: string): Promise<number[]> {
  const purpose = questionPurpose('bank_offers')!;
  const asOf = now().toISOString().slice(0, 10);
  return Promise.all(
    group.shards.map(async (shard) => {
      const checked = await shard.questions.check(expression, purpose.code);
      if (!checked.ok) throw new Error(checked.error.message);
      const plan = normalisePlan(checked.value.plan, { asOf });
      return (await vaultAudience(shard.questionEngine, shard.consent).audience(plan, asOf, purpose)).length;
    }),
  );
}

describe.each(testBackends)('a shard group of two on $name', (backend) => {
  const opened: TestVault[] = [];
  let single: TestVault;
  let group: ShardGroup;

  async function openGroup(noise: string): Promise<ShardGroup> {
    const vaults = await Promise.all([
      createTestVault(backend, { ...settings(noise), logOrigin: 'bank.example/group' }),
      createTestVault(backend, { now }),
      createTestVault(backend, { now }),
    ]);
    opened.push(...vaults);
    const [groupVault, ...shards] = vaults;
    return assembleShardGroup(groupVault, shards, settings(noise));
  }

  beforeAll(async () => {
    single = await createDemoBankVault(backend, bank, settings('shard-noise'));
    opened.push(single);
    group = await openGroup('shard-noise');
    await group.loadDemoBank({ ...bank, density: 'thin' });
  }, 120_000);
  afterAll(async () => {
    await Promise.all(opened.map((v) => v.dispose()));
  });

  it('routes each customer, with accounts and transactions, to one shard, stably and evenly', async () => {
    const all = Array.from({ length: bank.customers }, (_, i) => externalIdOf(i));
    const held = await Promise.all(group.shards.map((s) => heldOf(s, all)));
    // Each shard holds exactly the customers shardOf gives it; together, the bank, each customer once.
    held.forEach((ids, shard) => expect(ids).toEqual(all.filter((id) => group.shardOf(id) === shard)));
    expect(held.flat().sort()).toEqual(await heldOf(single, all));
    for (const shard of group.shards) {
      expect(await scalar(shard.storage, 'SELECT count(*) AS n FROM customers')).toBe(
        held[group.shards.indexOf(shard)]!.length,
      );
    }
    // Balanced: a keyed hash, so about half each (binomial: 600 × ½ ± 3σ is 263 … 337).
    for (const ids of held) expect(ids.length).toBeGreaterThan(263);
    for (const ids of held) expect(ids.length).toBeLessThan(337);
    // Stable: the same id, the same shard, every time.
    expect(all.map((id) => group.shardOf(id))).toEqual(all.map((id) => group.shardOf(id)));
    // Accounts and transactions never split from their customer: every account is linked to one of the shard's
    // own customers, and the shards hold between them what the one vault holds.
    const tables = ['customers', 'accounts', 'transactions', 'consent_current', 'products_held'];
    const sumOverShards = await Promise.all(
      tables.map(async (table) => {
        const counts = await Promise.all(
          group.shards.map((s) => scalar(s.storage, `SELECT count(*) AS n FROM ${table}`)),
        );
        return counts.reduce((a, b) => a + b);
      }),
    );
    const inOneVault = await Promise.all(
      tables.map((table) => scalar(single.storage, `SELECT count(*) AS n FROM ${table}`)),
    );
    expect(sumOverShards).toEqual(inOneVault);
    for (const shard of group.shards) {
      expect(
        await scalar(
          shard.storage,
          'SELECT count(*) AS n FROM accounts a LEFT JOIN customers c ON c.id = a.customer_id WHERE c.id IS NULL',
        ),
      ).toBe(0);
    }
  });

  it('answers as one vault holding every customer: one noise draw on the summed exact count', async () => {
    // Broken once on purpose: the group audience reading only the first shard made this fail (243 for 473).
    for (const expression of questions) {
      const one = await single.questions.ask({ expression, purpose: 'bank_offers', asker: 'mia' });
      const grouped = await group.questions.ask({ expression, purpose: 'bank_offers', asker: 'mia' });
      expect([one, grouped].map((r) => (r.ok ? 'ok' : r.error.message))).toEqual(['ok', 'ok']);
      if (!one.ok || !grouped.ok) return;
      expect(grouped.value.count).toBe(one.value.count);
      expect(grouped.value.budget).toEqual(one.value.budget);
    }
  });

  it("charges the group's one ledger once per question, and no shard's", async () => {
    const ask = { expression: 'holds("mortgage")', purpose: 'bank_offers', asker: 'ben' };
    const inOneVault = await single.questions.ask(ask);
    const first = await group.questions.ask(ask);
    const again = await group.questions.ask(ask);
    if (!inOneVault.ok || !first.ok || !again.ok) throw new Error('the question was refused');
    // One charge the size of one vault's, not one per shard; asking again repeats the answer for nothing.
    expect(first.value.budget.charged).toEqual(inOneVault.value.budget.charged);
    expect(first.value.budget.charged.numerator).toBeGreaterThan(0n);
    expect(first.value.budget.askerRemaining).toEqual(inOneVault.value.budget.askerRemaining);
    expect(again.value).toMatchObject({ repeated: true, count: first.value.count });
    expect(again.value.budget.askerRemaining).toEqual(first.value.budget.askerRemaining);
    const charged = "SELECT count(*) AS n FROM questions WHERE asker = 'ben' AND outcome <> 'repeated'";
    expect(await scalar(group.group.storage, charged)).toBe(1);
    for (const shard of group.shards) {
      expect(await scalar(shard.storage, 'SELECT count(*) AS n FROM questions')).toBe(0);
    }
  });

  it("lets no shard's exact count out to the hub or the group's log", async () => {
    // Broken once on purpose: ShardGroupAudience.name reporting each shard's audience size (it is recorded with
    // the question and logged) made this test fail; put back, it passes.
    const expressions = [
      'spent(category: "dining", within: 90d) > 10 GBP',
      'spent(category: "groceries", within: 30d) > 10 GBP',
    ];
    const hubStorage = new HubStorage(group.group.storage);
    const hub = new HubService(hubStorage, group.door, { now });
    await hub.addStaff('mia', ['marketer']);
    const counted = [];
    for (const expression of expressions) counted.push(await hub.count(expression, 'bank_offers', 'mia'));
    expect(counted.map((c) => c.ok)).toEqual([true, true]);
    const exact = (await Promise.all(expressions.map((e) => exactPerShard(group, e)))).flat();
    expect(exact.every((n) => n > 0)).toBe(true);
    await group.group.audit.flush();
    const left = numbersIn([
      counted,
      await dumpHubTables(hubStorage),
      (await group.group.audit.exportEntries(0, 10_000)).map((entry) => JSON.parse(entry) as unknown),
    ]);
    for (const n of exact) expect(left).not.toContain(n);
  });

  it('imports a real system of record and its statements onto the owners’ shards', async () => {
    const real = await openGroup('shard-real');
    const mapping = (kind: ImportKind, columns: Record<string, string>) => {
      const parsed = parseImportMapping(kind, { columns });
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.value;
    };
    const people = Array.from({ length: 40 }, (_, i) => `R${String(i).padStart(4, '0')}`);
    const customersCsv = [
      'id,given,family,born',
      ...people.map((id, i) => `${id},Given${i},Family${i},1970-01-${String(1 + (i % 28)).padStart(2, '0')}`),
      // No id: quarantined once, on shard 0, with the file's own line number.
      ',Nobody,Noone,1970-01-01',
    ].join('\n');
    const accountsCsv = [
      'account,owner',
      ...people.map((id, i) => `ACC${String(i).padStart(6, '0')},${id}`),
    ].join('\n');
    const customers = await real.importCsv(
      'customers',
      () => Readable.from([customersCsv]),
      mapping('customers', {
        externalId: 'id',
        givenName: 'given',
        familyName: 'family',
        dateOfBirth: 'born',
      }),
      { sourceName: 'customers.csv' },
    );
    expect(customers.map((s) => s.rowsStored).reduce((a, b) => a + b)).toBe(40);
    expect(customers.map((s) => s.rowsQuarantined)).toEqual([1, 0]);
    expect(customers[0]!.quarantine[0]!.line).toBe(42);
    await real.importCsv(
      'accounts',
      () => Readable.from([accountsCsv]),
      mapping('accounts', { accountNumber: 'account', ownerExternalId: 'owner' }),
      {
        sourceName: 'accounts.csv',
      },
    );
    const events: StatementEvent[] = people.map((_, i) => ({
      kind: 'transaction',
      transaction: {
        account: { scheme: 'bban', value: `ACC${String(i).padStart(6, '0')}` },
        amountMinor: 1_000 + i,
        currency: 'GBP',
        direction: 'debit',
        bookingDate: '2026-10-20',
        merchantName: 'Corner Shop',
        mcc: '5411',
        location: { line: i + 2 },
      },
    }));
    await real.ingestEvents(events, { sourceName: 'statement.csv', format: 'csv' });
    for (const [index, shard] of real.shards.entries()) {
      const own = people.filter((id) => real.shardOf(id) === index);
      expect(await heldOf(shard, people)).toEqual(own);
      // Each of the shard's transactions is on an account of one of its own customers; none is unlinked.
      expect(await scalar(shard.storage, 'SELECT count(*) AS n FROM transactions')).toBe(own.length);
      expect(
        await scalar(shard.storage, 'SELECT count(*) AS n FROM accounts WHERE customer_id IS NULL'),
      ).toBe(0);
    }
  });
});
