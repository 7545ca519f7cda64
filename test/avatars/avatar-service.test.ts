// Avatars on every backend: unlinkable tokens (the token-intersection test), resolution, erasure, k-anonymity.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CategoryGroup } from '../../src/core/taxonomy.ts';
import { AvatarService, weeklyEpoch } from '../../src/vault/avatars/avatar-service.ts';
import { distinctiveInterests } from '../../src/vault/avatars/interests.ts';
import { LocalKeyFile } from '../../src/keys/local-key-file.ts';
import { testBackends } from '../support/backends.ts';
import { sampleCustomers } from '../support/sample-customers.ts';
import { createVaultTemplate, type TestVault, type VaultTemplate } from '../support/test-vault.ts';

const epoch = '2026-11';
const nextEpoch = '2026-12';

/** Every way an id might hide in 16 bytes: 4-byte windows of the avatar, the customer id as integers or text. */
function leaks(token: string, customerId: number, avatar: Buffer): boolean {
  const bytes = Buffer.from(token, 'base64url');
  for (let start = 0; start + 4 <= avatar.length; start++) {
    if (bytes.includes(avatar.subarray(start, start + 4))) return true;
  }
  const id = Buffer.alloc(8);
  id.writeBigUInt64BE(BigInt(customerId));
  const idLe = Buffer.alloc(8);
  idLe.writeBigUInt64LE(BigInt(customerId));
  return (
    bytes.includes(id.subarray(4)) ||
    bytes.includes(idLe.subarray(0, 4)) ||
    token.includes(avatar.toString('base64url').slice(0, 6)) ||
    token.includes(avatar.toString('hex').slice(0, 6)) ||
    token.includes(`${customerId}`.padStart(6, '0'))
  );
}

describe.each(testBackends)('avatars on $name', (backend) => {
  // Each test its own copy of the 520 customers: avatars, tokens and releases of one are not seen by another.
  let template: VaultTemplate<number[]>;
  let vault: TestVault;
  let avatars: AvatarService;
  let ids: number[];

  beforeAll(async () => {
    template = await createVaultTemplate(backend, (built) =>
      built.identity.createCustomers(sampleCustomers(520, 'AV')),
    );
    ids = template.data;
  });
  afterAll(async () => {
    await template?.dispose();
  });
  beforeEach(async () => {
    vault = await template.open();
    avatars = new AvatarService(vault.storage, vault.keys);
  });
  afterEach(async () => vault.dispose());

  const count = async (sql: string, parameters: unknown[]) =>
    (await vault.storage.query<{ n: number }>(sql, parameters)).rows[0]!.n;

  it('names epochs by month, or as configured', () => {
    expect(avatars.epochOf(new Date('2026-11-30T23:59:59Z'))).toBe('2026-11');
    const weekly = new AvatarService(vault.storage, vault.keys, { epochOf: weeklyEpoch });
    expect(weekly.epochOf(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(weekly.epochOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
  });

  it('creates one random avatar per customer and epoch, lazily and in bulk', async () => {
    const first = await avatars.avatarsFor(ids.slice(0, 500), epoch);
    const again = await avatars.avatarsFor(ids.slice(0, 500), epoch);
    expect(first.size).toBe(500);
    for (const [id, avatar] of first) {
      expect(avatar).toHaveLength(16);
      expect(again.get(id)!.equals(avatar)).toBe(true);
    }
    expect(new Set([...first.values()].map((a) => a.toString('hex'))).size).toBe(500);
    const next = await avatars.avatarsFor(ids.slice(0, 500), nextEpoch);
    for (const [id, avatar] of next) expect(avatar.equals(first.get(id)!)).toBe(false);
    expect(await count('SELECT count(*)::int AS n FROM avatars WHERE epoch = $1', [epoch])).toBe(500);
    expect((await avatars.avatarsFor([999_999_999], epoch)).size).toBe(0);
  });

  it('the token-intersection test: campaigns and epochs share no token; only the service resolves one', async () => {
    const audience = ids.slice(0, 500);
    const spring = await avatars.tokensFor(audience, 'campaign-spring', epoch);
    const summer = await avatars.tokensFor(audience, 'campaign-summer', epoch);
    const springNext = await avatars.tokensFor(audience, 'campaign-spring', nextEpoch);
    for (const tokens of [spring, summer, springNext]) {
      expect(tokens.size).toBe(500);
      expect(new Set(tokens.values()).size).toBe(500);
      for (const token of tokens.values()) expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    }
    const springSet = new Set(spring.values());
    expect([...summer.values()].filter((t) => springSet.has(t))).toEqual([]);
    expect([...springNext.values()].filter((t) => springSet.has(t))).toEqual([]);
    expect([...springNext.values()].filter((t) => new Set(summer.values()).has(t))).toEqual([]);

    // Issuing again gives the same tokens (stable within a campaign and epoch).
    expect(await avatars.tokensFor(audience.slice(0, 10), 'campaign-spring', epoch)).toEqual(
      new Map(audience.slice(0, 10).map((id) => [id, spring.get(id)!])),
    );

    const tokens = audience.map((id) => spring.get(id)!);
    expect(await avatars.resolve(tokens, 'campaign-spring', epoch)).toEqual({
      ok: true,
      customerIds: audience,
    });
    expect(await avatars.resolve(tokens.slice(0, 5), 'campaign-summer', epoch)).toMatchObject({ ok: false });
    expect(await avatars.resolve(tokens.slice(0, 5), 'campaign-spring', nextEpoch)).toMatchObject({
      ok: false,
    });

    // Someone holding the avatars but not this vault's secret computes other tokens.
    const otherDir = await mkdtemp(join(tmpdir(), 'curtain-avatar-keys-'));
    try {
      const outsider = new AvatarService(vault.storage, await LocalKeyFile.open(otherDir));
      const avatarIds = await avatars.avatarsFor(audience, epoch);
      const guessed = new Set([...avatarIds.values()].map((a) => outsider.tokenOf(a, 'campaign-spring')));
      expect([...springSet].filter((t) => guessed.has(t))).toEqual([]);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('tokens contain no customer id and no avatar id', async () => {
    const audience = ids.slice(0, 500);
    const avatarIds = await avatars.avatarsFor(audience, epoch);
    for (const campaign of ['campaign-spring', 'campaign-summer', 'c']) {
      const tokens = await avatars.tokensFor(audience, campaign, epoch);
      for (const [customerId, token] of tokens) {
        expect(leaks(token, customerId, avatarIds.get(customerId)!)).toBe(false);
        // No token carries any other customer's avatar either.
        expect(token).not.toBe(avatarIds.get(customerId)!.toString('base64url').slice(0, 22));
      }
    }
  });

  it('refuses to resolve unknown, forged or malformed tokens, all or nothing', async () => {
    const tokens = [...(await avatars.tokensFor(ids.slice(0, 3), 'campaign-spring', epoch)).values()];
    const forged = randomBytes(16).toString('base64url');
    expect(await avatars.resolve([...tokens, forged], 'campaign-spring', epoch)).toEqual({
      ok: false,
      reason: 'unknown-tokens',
      unknown: 1,
    });
    expect(await avatars.resolve(['not a token', `${tokens[0]!}A`], 'campaign-spring', epoch)).toEqual({
      ok: false,
      reason: 'unknown-tokens',
      unknown: 2,
    });
    expect(await avatars.resolve([], 'campaign-spring', epoch)).toEqual({ ok: true, customerIds: [] });
    await expect(avatars.resolve(tokens, '', epoch)).rejects.toMatchObject({ code: 'USAGE' });
    await expect(avatars.avatarsFor([ids[0]!], "2026-11'; --")).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('erasure forgets avatars, tokens and release memberships', async () => {
    const [erased, forgotten, kept] = [ids[500]!, ids[501]!, ids[502]!];
    const trio = [erased, forgotten, kept];
    const tokens = await avatars.tokensFor(trio, 'campaign-erasure', epoch);
    await avatars.tokensFor(trio, 'campaign-erasure', nextEpoch);
    await avatars.releaseAttributes(
      new Map(trio.map((id) => [id, ['food'] as CategoryGroup[]])),
      'campaign-erasure',
      epoch,
      1,
    );
    const rowsOf = (table: string, id: number) =>
      count(
        `SELECT count(*)::int AS n FROM ${table} t JOIN avatars a ON a.avatar_id = t.avatar_id WHERE a.customer_id = $1`,
        [id],
      );
    expect(await rowsOf('campaign_tokens', erased)).toBe(2);
    expect(await rowsOf('avatar_release_vectors', erased)).toBe(1);

    await vault.identity.shred([erased]); // the real erasure path: the trigger forgets the avatars
    expect(await avatars.forgetCustomers([forgotten])).toBe(2); // the explicit call, one row per epoch
    for (const id of [erased, forgotten]) {
      expect(await count('SELECT count(*)::int AS n FROM avatars WHERE customer_id = $1', [id])).toBe(0);
    }
    expect(
      await count('SELECT count(*)::int AS n FROM campaign_tokens WHERE campaign = $1', ['campaign-erasure']),
    ).toBe(2);
    expect(
      await count(
        'SELECT count(*)::int AS n FROM avatar_release_vectors WHERE epoch = $1 AND attribute_vector = $2',
        [epoch, 'food'],
      ),
    ).toBe(1);
    expect(await avatars.resolve([tokens.get(erased)!], 'campaign-erasure', epoch)).toMatchObject({
      ok: false,
    });
    expect(await avatars.resolve([tokens.get(kept)!], 'campaign-erasure', epoch)).toEqual({
      ok: true,
      customerIds: [kept],
    });
    // An erased customer never gets a new avatar.
    expect((await avatars.avatarsFor([erased], epoch)).has(erased)).toBe(false);
  });

  it('keeps attribute vectors k-anonymous across two releases of one epoch', async () => {
    const k = 5;
    const pool = ids.slice(0, 60);
    const interests = (slice: readonly number[], groups: CategoryGroup[]) =>
      slice.map((id) => [id, groups] as const);
    const first = new Map<number, readonly CategoryGroup[]>([
      ...interests(pool.slice(0, 20), ['travel', 'food']),
      ...interests(pool.slice(20, 35), ['food']),
      ...interests(pool.slice(35, 40), ['shopping', 'leisure']),
      ...interests(pool.slice(40, 43), ['mobility']),
      ...interests(pool.slice(43, 46), ['food', 'housing']),
    ]);
    const one = await avatars.releaseAttributes(first, 'release-one', 'kanon', k);
    expect(one.vectors).toHaveLength(43);
    expect(one.suppressed).toBe(3); // {mobility} ×3: {} is shared by no one else
    expect(one.generalised).toBe(3); // {food, housing} → {food}
    const tokens = one.vectors.map((v) => v.token);
    expect(tokens).toEqual([...tokens].sort());

    // Two avatars with {travel, food} pass only because the first release has 20 more; one of the
    // first release's customers, released again with the same vector, is not counted twice.
    const second = new Map<number, readonly CategoryGroup[]>([
      ...interests(pool.slice(46, 48), ['food', 'travel']),
      ...interests([pool[0]!], ['food', 'travel']),
      ...interests(pool.slice(48, 50), ['family']),
    ]);
    const two = await avatars.releaseAttributes(second, 'release-two', 'kanon', k);
    expect(two.vectors.map((v) => v.attributes)).toEqual([
      ['food', 'travel'],
      ['food', 'travel'],
      ['food', 'travel'],
    ]);
    expect(two.suppressed).toBe(2);
    // The same release in an epoch with no history keeps only the empty vector, which five share.
    const fresh = await avatars.releaseAttributes(second, 'release-two', 'kanon-fresh', k);
    expect(fresh.vectors.map((v) => v.attributes)).toEqual([[], [], [], [], []]);

    const released = await vault.storage.query<{ attribute_vector: string; avatars: number }>(
      `SELECT attribute_vector, count(*)::int AS avatars FROM avatar_release_vectors WHERE epoch = $1
        GROUP BY attribute_vector ORDER BY attribute_vector`,
      ['kanon'],
    );
    expect(released.rows).toEqual([
      { attribute_vector: 'food', avatars: 18 },
      { attribute_vector: 'food,travel', avatars: 22 },
      { attribute_vector: 'leisure,shopping', avatars: 5 },
    ]);
    for (const vector of [...one.vectors, ...two.vectors]) {
      const row = released.rows.find((r) => r.attribute_vector === vector.attributes.join(','));
      expect(row!.avatars).toBeGreaterThanOrEqual(k);
    }
    // What reaches the hub names neither customers nor avatars.
    const avatarIds = await avatars.avatarsFor(pool, 'kanon');
    const text = JSON.stringify([one, two]);
    for (const [customerId, avatar] of avatarIds) {
      expect(text).not.toContain(avatar.toString('hex'));
      expect(text).not.toContain(avatar.toString('base64url'));
      expect(text).not.toContain(`EXT-AV-${ids.indexOf(customerId)}`);
    }
    // Released tokens resolve like any other.
    const resolved = await avatars.resolve(tokens, 'release-one', 'kanon');
    expect(resolved.ok && new Set(resolved.customerIds)).toEqual(
      new Set([...pool.slice(0, 40), ...pool.slice(43, 46)]),
    );
  });

  it('refuses interests outside the taxonomy and a k below 1', async () => {
    await expect(
      avatars.releaseAttributes(new Map([[ids[0]!, ['crypto' as CategoryGroup]]]), 'x', epoch, 5),
    ).rejects.toMatchObject({ code: 'USAGE' });
    await expect(avatars.releaseAttributes(new Map(), 'x', epoch, 0)).rejects.toMatchObject({
      code: 'USAGE',
    });
  });

  it('derives interests from what sets a customer apart, leaving sensitive groups out', async () => {
    const [spender, idle] = [ids[510]!, ids[511]!];
    const typical = ids.slice(512, 516);
    const spend: [number, string, number, 'C' | 'D', string][] = [
      [spender, 'groceries', 500, 'D', '2026-10-01'],
      [spender, 'dining', 700, 'D', '2026-10-02'],
      [spender, 'rent', 3_000, 'D', '2026-10-02'],
      [spender, 'travel', 900, 'D', '2026-10-03'],
      [spender, 'pharmacy', 99_000, 'D', '2026-10-04'],
      [spender, 'charity', 99_000, 'D', '2026-10-04'],
      [spender, 'clothing', 300, 'D', '2026-10-05'],
      [spender, 'electronics', 50_000, 'D', '2025-01-05'],
      [spender, 'salary', 99_000, 'C', '2026-10-06'],
      [spender, 'pets', 10, 'D', '2026-10-07'],
      ...typical.flatMap((id): [number, string, number, 'C' | 'D', string][] => [
        [id, 'groceries', 1_000, 'D', '2026-10-01'],
        [id, 'rent', 3_000, 'D', '2026-10-01'],
      ]),
    ];
    for (const [i, [customer, category, amount, direction, day]] of spend.entries()) {
      await vault.storage.query(
        `INSERT INTO transactions (account_id, customer_id, batch_id, booking_date, amount_minor, currency, direction,
           category, dedup_key) VALUES (1, $1, 1, $2::date, $3, 'GBP', $4, $5, $6)`,
        [customer, day, amount, direction, category, Buffer.from(`avatar-interest-${i}`)],
      );
    }
    const interests = await distinctiveInterests(vault.storage, [spender, idle, ...typical], {
      since: '2026-01-01',
      currency: 'GBP',
    });
    // Travel and clothing stand out against the crowd's rent and groceries; food and housing do not, pets are
    // too small a share, and health (pharmacy), civic (charity) and income never count.
    expect(interests).toEqual(
      new Map([
        [spender, ['shopping', 'travel']],
        [idle, []],
        ...typical.map((id): [number, string[]] => [id, []]),
      ]),
    );
    // By amount alone the spender would be "housing, food, travel": what everyone is.
    const byAmount = await distinctiveInterests(vault.storage, [spender, ...typical], {
      since: '2026-01-01',
      currency: 'GBP',
      minLift: 0,
      minShare: 0,
    });
    expect(byAmount.get(spender)).toHaveLength(3);
  });
});
