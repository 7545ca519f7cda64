// Joint accounts whose owners hash to different shards: each owner's shard holds the account and its
// statements, so a question counts every owner once, on their own shard, as one vault holding them all does.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleShardGroup, type ShardGroup } from '../../src/app/shard-group.ts';
import { defaultVaultSettings, type VaultServices, type VaultSettings } from '../../src/app/vault-process.ts';
import type { StatementEvent } from '../../src/core/transaction.ts';
import { questionPurpose } from '../../src/core/question-purposes.ts';
import { normalisePlan } from '../../src/language/normalise.ts';
import { parseImportMapping, type ImportKind } from '../../src/vault/import/import-mapping.ts';
import { mergeShardAudiences } from '../../src/vault/shards/shard-group.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault, type TestVault } from '../support/test-vault.ts';

const now = () => new Date('2026-11-01T10:00:00Z');
const settings: VaultSettings = { ...defaultVaultSettings, now };
const people = Array.from({ length: 24 }, (_, i) => `J${String(i).padStart(4, '0')}`);
const question = 'spent(category: "groceries", within: 30d) > 0';

const mapping = (kind: ImportKind, columns: Record<string, string>) => {
  const parsed = parseImportMapping(kind, { columns });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

/** Who a vault's question engine matches (exact, before consent): what the group guard would be handed. */
async function matching(vault: Pick<VaultServices, 'questions' | 'questionEngine'>): Promise<Int32Array> {
  const checked = await vault.questions.check(question, questionPurpose('bank_offers')!.code);
  if (!checked.ok) throw new Error(checked.error.message);
  const plan = normalisePlan(checked.value.plan, { asOf: '2026-11-01' });
  return vault.questionEngine.evaluate(plan, '2026-11-01');
}

async function load(
  vault: {
    importCsv: ShardGroup['importCsv'];
    ingestEvents: (events: StatementEvent[]) => Promise<unknown>;
  },
  accountsCsv: string,
): Promise<void> {
  const customersCsv = ['id,given,family,born', ...people.map((id, i) => `${id},G${i},F${i},1980-02-03`)];
  await vault.importCsv(
    'customers',
    () => Readable.from([customersCsv.join('\n')]),
    mapping('customers', { externalId: 'id', givenName: 'given', familyName: 'family', dateOfBirth: 'born' }),
    { sourceName: 'customers.csv' },
  );
  await vault.importCsv(
    'accounts',
    () => Readable.from([accountsCsv]),
    mapping('accounts', { accountNumber: 'account', ownerExternalId: 'owner', role: 'role' }),
    { sourceName: 'accounts.csv' },
  );
  await vault.ingestEvents(
    Array.from({ length: 12 }, (_, i) => ({
      kind: 'transaction',
      transaction: {
        account: { scheme: 'bban', value: `JNT${String(i).padStart(6, '0')}` },
        amountMinor: 2_500,
        currency: 'GBP',
        direction: 'debit',
        bookingDate: '2026-10-25',
        merchantName: 'Corner Grocer',
        mcc: '5411',
        location: { line: i + 2 },
      },
    })),
  );
}

describe.each(testBackends)('joint accounts across the shards of a group on $name', (backend) => {
  const opened: TestVault[] = [];
  let group: ShardGroup;
  let single: TestVault;
  /** Joint accounts whose two owners live on different shards, and those whose owners share one. */
  let across = 0;

  beforeAll(async () => {
    const vaults = await Promise.all([0, 1, 2, 3].map(() => createTestVault(backend, settings)));
    opened.push(...vaults);
    const [one, groupVault, ...shards] = vaults;
    single = one!;
    group = await assembleShardGroup(groupVault!, shards, settings);
    // Account i is held by people 2i (primary) and 2i + 1 (joint).
    const rows = Array.from({ length: 12 }, (_, i) => {
      const account = `JNT${String(i).padStart(6, '0')}`;
      return [`${account},${people[2 * i]},primary`, `${account},${people[2 * i + 1]},joint`];
    });
    const accountsCsv = ['account,owner,role', ...rows.flat()].join('\n');
    across = rows.filter(
      (_, i) => group.shardOf(people[2 * i]!) !== group.shardOf(people[2 * i + 1]!),
    ).length;
    await load(
      {
        importCsv: (kind, open, map, options) =>
          single.imports.importCsv(kind, open(), map, options).then((s) => [s]),
        ingestEvents: (events) => single.ingest.ingestEvents(events, { sourceName: 'st.csv', format: 'csv' }),
      },
      accountsCsv,
    );
    await load(
      {
        importCsv: (kind, open, map, options) => group.importCsv(kind, open, map, options),
        ingestEvents: (events) => group.ingestEvents(events, { sourceName: 'st.csv', format: 'csv' }),
      },
      accountsCsv,
    );
  }, 120_000);
  afterAll(async () => {
    await Promise.all(opened.map((v) => v.dispose()));
  });

  it('counts every owner once, each on their own shard, as one vault does', async () => {
    // The fixture must really split some accounts across the shards (a keyed hash: about half of them).
    expect(across).toBeGreaterThan(0);
    const inOneVault = await matching(single);
    expect(inOneVault.length).toBe(people.length);
    const parts = await Promise.all(group.shards.map((shard) => matching(shard)));
    // Each shard matches exactly its own owners, and the union is every owner, none twice.
    parts.forEach((part, index) =>
      expect(part.length).toBe(people.filter((id) => group.shardOf(id) === index).length),
    );
    const merged = mergeShardAudiences(parts);
    expect(new Set(merged).size).toBe(merged.length);
    expect(merged.length).toBe(inOneVault.length);
  });

  it("keeps a split account's statements on each owner's shard, and no account unlinked", async () => {
    for (const [index, shard] of group.shards.entries()) {
      const owners = people.filter((id) => group.shardOf(id) === index);
      // One transaction per account with an owner here: an account is on a shard only through its owners.
      const accounts = new Set(owners.map((id) => Math.floor(people.indexOf(id) / 2)));
      const { rows } = await shard.storage.query<{ n: number }>('SELECT count(*) AS n FROM transactions');
      expect(Number(rows[0]!.n)).toBe(accounts.size);
    }
  });
});
