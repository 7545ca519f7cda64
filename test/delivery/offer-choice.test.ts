// Offers chosen by interest: a noised number of tokens with k-anonymous interests, decoys, and delivery by choice.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { releasableGroups } from '../../src/core/taxonomy.ts';
import type { OfferContent, ReleasedAudience } from '../../src/core/vault-door.ts';
import type { VaultServices } from '../../src/app/vault-process.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { testBackends } from '../support/backends.ts';
import { piiNeedles, sampleCustomers } from '../support/sample-customers.ts';
import { createVaultTemplate, type VaultTemplate } from '../support/test-vault.ts';
import { consentingCustomers, everyone, offer, request } from './support/delivery-fixtures.ts';

const clock = new Date('2026-06-30T12:00:00Z');

const homeInsurance: OfferContent = {
  offerId: 'offer-home',
  title: 'Home insurance that follows your move',
  body: 'Cover for your new home from the first day.',
  callToAction: 'Get a quote',
  category: 'home_insurance',
  partner: 'acme_insurance',
  credit: false,
  validUntil: '2026-12-31',
};

const travelCard: OfferContent = {
  offerId: 'offer-travel',
  title: 'A card without foreign fees',
  body: 'Pay abroad at the market rate.',
  callToAction: 'Tell me more',
  category: 'travel_card',
  credit: false,
  validUntil: '2026-12-31',
};

interface Setup {
  readonly housing: number[];
  readonly travel: number[];
  readonly idle: number[];
  readonly released: ReleasedAudience;
}

describe.each(testBackends)('offers chosen by interest on $name', (backend) => {
  // Each test opens its own copy of the customers and the first release: deliveries, erasures and later
  // releases of one test are not seen by another.
  let template: VaultTemplate<Setup>;
  let vault: VaultServices & { dispose(): Promise<void> };
  let housing: number[] = [];
  let travel: number[] = [];
  let idle: number[] = [];
  let released: ReleasedAudience;

  /** The noised count the guard released under a label: what the token list's length must be. */
  const noisedCount = async (label: string): Promise<number | null> => {
    const { rows } = await vault.storage.query<{ noisy_count: number | null }>(
      `SELECT noisy_count FROM questions WHERE plan_key LIKE $1 AND engine = 'release'`,
      [`${label}@%`],
    );
    return rows.length === 1 ? rows[0]!.noisy_count : null;
  };

  const decoyFlags = async (campaign: string): Promise<Map<string, boolean>> => {
    const { rows } = await vault.storage.query<{ token: string; decoy: boolean }>(
      `SELECT encode(token, 'base64') AS token, decoy FROM audience_release_tokens WHERE campaign_id = $1`,
      [campaign],
    );
    return new Map(rows.map((r) => [Buffer.from(r.token, 'base64').toString('base64url'), r.decoy]));
  };

  const inboxOf = async (
    campaign: string,
  ): Promise<Map<number, { offerId: string; explanation: string }>> => {
    const { rows } = await vault.storage.query<{
      customer_id: number;
      offer_id: string;
      explanation: string;
    }>(
      `SELECT customer_id, offer ->> 'offerId' AS offer_id, explanation FROM inbox_messages WHERE campaign_id = $1`,
      [campaign],
    );
    return new Map(
      rows.map((r) => [Number(r.customer_id), { offerId: r.offer_id, explanation: r.explanation }]),
    );
  };

  const spend = async (vault: VaultServices, customers: readonly number[], category: string, tag: string) => {
    await vault.storage.query(
      `INSERT INTO transactions (account_id, customer_id, batch_id, booking_date, amount_minor, currency, direction,
         category, dedup_key)
       SELECT 1, c.id, 1, DATE '2026-06-01', 25000, 'GBP', 'D', $2, convert_to($3 || c.id::text, 'UTF8')
         FROM unnest($1::bigint[]) AS c (id)`,
      [customers, category, tag],
    );
  };

  const settings = () => ({ random: seededRandomSource(`offer-choice-${backend.name}`), now: () => clock });

  async function populate(vault: VaultServices): Promise<Setup> {
    const housing = await consentingCustomers(vault, 130, 'H');
    const travel = await consentingCustomers(vault, 130, 'T');
    const idle = await consentingCustomers(vault, 60, 'Z');
    await spend(vault, housing, 'home_inspection', 'h');
    await spend(vault, travel, 'travel', 't');
    const got = await vault.door.releaseAudience({
      campaignId: 'choice-1',
      requestedBy: 'mia',
      purpose: 'bank_offers',
      audience: everyone,
      frequencyCap: { messages: 10, days: 30 },
    });
    if (!got.ok) throw new Error(JSON.stringify(got.error));
    return { housing, travel, idle, released: got.value };
  }

  beforeAll(async () => {
    template = await createVaultTemplate(backend, populate, { settings: settings() });
    ({ housing, travel, idle, released } = template.data);
  }, 120_000);
  afterAll(() => template.dispose());
  beforeEach(async () => {
    vault = await template.open(settings());
  });
  afterEach(() => vault.dispose());

  it('hands over exactly the noised count of tokens, never the exact audience', async () => {
    const noised = await noisedCount('audience:choice-1');
    expect(noised).not.toBeNull();
    expect(released.tokens).toHaveLength(noised!);
    const flags = await decoyFlags('choice-1');
    expect(flags.size).toBe(noised);
    const real = [...flags.values()].filter((decoy) => !decoy).length;
    // Padded with decoys when ñ is above the exact size, a random subset when below: exactly ñ in all.
    // (Every interest vector here is shared by far more than k, so nothing is suppressed.)
    const exact = housing.length + travel.length + idle.length;
    expect(real).toBe(Math.min(noised!, exact));
    expect(flags.size - real).toBe(Math.max(0, noised! - exact));
  });

  it('varies the length between releases of the same audience: the noise is real', async () => {
    const lengths = new Set<number>([released.tokens.length]);
    for (const campaign of ['choice-noise-1', 'choice-noise-2', 'choice-noise-3']) {
      const again = await vault.door.releaseAudience({
        campaignId: campaign,
        requestedBy: 'noise-asker',
        purpose: 'bank_offers',
        audience: everyone,
        frequencyCap: { messages: 10, days: 30 },
      });
      expect(again.ok).toBe(true);
      if (again.ok) lengths.add(again.value.tokens.length);
    }
    expect(lengths.size).toBeGreaterThan(1);
  });

  it('gives tokens only coarse, releasable interests, each vector shared by at least k avatars', async () => {
    expect(released.k).toBe(50);
    const tokens = released.tokens.map((t) => t.token);
    expect(tokens).toEqual([...tokens].sort());
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const { interests } of released.tokens) {
      for (const interest of interests) expect(releasableGroups).toContain(interest);
    }
    const { rows } = await vault.storage.query<{ attribute_vector: string; avatars: number }>(
      `SELECT attribute_vector, count(*)::int AS avatars FROM avatar_release_vectors GROUP BY attribute_vector`,
    );
    for (const row of rows) expect(row.avatars, row.attribute_vector).toBeGreaterThanOrEqual(50);
    const vectors = new Set(released.tokens.map((t) => [...t.interests].sort().join(',')));
    expect(vectors).toContain('housing');
    expect(vectors).toContain('travel');
  });

  it('says nothing about who: no customer id, name or email in what the hub receives', () => {
    const text = JSON.stringify(released);
    for (const customer of sampleCustomers(130, 'H')) {
      for (const needle of [...piiNeedles(customer), customer.externalId]) expect(text).not.toContain(needle);
    }
    // The only number the hub gets is k: no customer id, no count.
    expect(text.match(/":\s*\d+/g)).toEqual(['":50']);
    expect(Object.keys(released).sort()).toEqual(['budget', 'campaignId', 'k', 'repeated', 'tokens']);
    expect(Object.keys(released.tokens[0]!).sort()).toEqual(['interests', 'token']);
  });

  it('returns the same tokens again, charging nothing more', async () => {
    const { rows: before } = await vault.storage.query('SELECT id FROM questions');
    const again = await vault.door.releaseAudience({
      campaignId: 'choice-1',
      requestedBy: 'mia',
      purpose: 'bank_offers',
      audience: everyone,
      frequencyCap: { messages: 10, days: 30 },
    });
    expect(again.ok && again.value.repeated).toBe(true);
    expect(again.ok && again.value.tokens).toEqual(released.tokens);
    const { rows: after } = await vault.storage.query('SELECT id FROM questions');
    expect(after.length).toBe(before.length);
  });

  it('refuses tokens that were not released, a token chosen twice, and choices without a release', async () => {
    const forged = 'A'.repeat(22);
    const housingTokens = released.tokens.filter((t) => t.interests.includes('housing')).map((t) => t.token);
    const refusedForged = await vault.door.deliver(
      request('choice-1', { choices: [{ offer: homeInsurance, tokens: [...housingTokens, forged] }] }),
    );
    expect(refusedForged).toMatchObject({ ok: false, error: { code: 'DELIVERY_INVALID' } });
    const twice = await vault.door.deliver(
      request('choice-1', {
        choices: [
          { offer: homeInsurance, tokens: housingTokens },
          { offer: travelCard, tokens: housingTokens.slice(0, 1) },
        ],
      }),
    );
    expect(twice).toMatchObject({ ok: false, error: { code: 'DELIVERY_INVALID' } });
    const unreleased = await vault.door.deliver(
      request('never-released', { choices: [{ offer: homeInsurance, tokens: housingTokens }] }),
    );
    expect(unreleased).toMatchObject({ ok: false, error: { code: 'DELIVERY_INVALID' } });
    // A campaign's tokens are worth nothing in another campaign.
    const other = await vault.door.deliver(
      request('choice-noise-1', { choices: [{ offer: homeInsurance, tokens: housingTokens.slice(0, 60) }] }),
    );
    expect(other).toMatchObject({ ok: false, error: { code: 'DELIVERY_INVALID' } });
    expect(await inboxOf('choice-1')).toEqual(new Map());
  });

  it('sends each chosen offer to its tokens and the campaign offer to the rest, decoys to no one', async () => {
    const flags = await decoyFlags('choice-1');
    const housingTokens = released.tokens.filter((t) => t.interests.includes('housing')).map((t) => t.token);
    const delivered = await vault.door.deliver(
      request('choice-1', { channels: [], choices: [{ offer: homeInsurance, tokens: housingTokens }] }),
    );
    expect(delivered).toMatchObject({ ok: true, value: { state: 'finished' } });
    expect(delivered.ok && delivered.value.tooSmallOffers).toBeUndefined();
    const inbox = await inboxOf('choice-1');
    const realTokens = [...flags.values()].filter((decoy) => !decoy).length;
    expect(inbox.size).toBe(realTokens);
    const resolved = await vault.avatars.resolve(
      housingTokens.filter((t) => flags.get(t) === false),
      'choice-1',
      vault.avatars.epochOf(clock),
    );
    expect(resolved.ok).toBe(true);
    const chosenForHome = new Set(resolved.ok ? resolved.customerIds : []);
    for (const [customer, message] of inbox) {
      if (chosenForHome.has(customer)) {
        expect(housing).toContain(customer);
        expect(message.offerId).toBe('offer-home');
        expect(message.explanation).toContain(
          'chosen for a broad interest in your recent spending: housing,',
        );
      } else {
        expect(message.offerId).toBe(offer.offerId);
        expect(message.explanation).not.toContain('chosen for a broad interest');
      }
    }
    expect(chosenForHome.size).toBeGreaterThan(50);
    const decoys = housingTokens.filter((t) => flags.get(t) === true);
    const ofDecoys = await vault.avatars.resolve(
      decoys.slice(0, 1),
      'choice-1',
      vault.avatars.epochOf(clock),
    );
    if (decoys.length > 0) expect(ofDecoys.ok).toBe(false);
    // Asked again, the run resumes and sends nothing twice.
    const again = await vault.door.deliver(
      request('choice-1', { channels: [], choices: [{ offer: homeInsurance, tokens: housingTokens }] }),
    );
    expect(again.ok).toBe(true);
    expect((await inboxOf('choice-1')).size).toBe(inbox.size);
  });

  it('drops an offer whose chosen audience is too small, and respects "not interested" per offer', async () => {
    const asker = { requestedBy: 'choice-asker' };
    const releasedAgain = await vault.door.releaseAudience({
      campaignId: 'choice-2',
      purpose: 'bank_offers',
      audience: everyone,
      frequencyCap: { messages: 10, days: 30 },
      ...asker,
    });
    if (!releasedAgain.ok) throw new Error(JSON.stringify(releasedAgain.error));
    const { tokens } = releasedAgain.value;
    const travelTokens = tokens.filter((t) => t.interests.includes('travel')).map((t) => t.token);
    const housingTokens = tokens.filter((t) => t.interests.includes('housing')).map((t) => t.token);
    const optedOut = travel.slice(0, 40);
    const updated = await vault.preferences.update(
      optedOut.map((customerId) => ({
        customerId,
        change: { kind: 'not_interested' as const, category: 'travel_card', on: true },
      })),
    );
    expect(updated.ok).toBe(true);
    const delivered = await vault.door.deliver(
      request('choice-2', {
        ...asker,
        channels: [],
        choices: [
          { offer: travelCard, tokens: travelTokens },
          { offer: homeInsurance, tokens: housingTokens.slice(0, 3) },
        ],
      }),
    );
    expect(delivered.ok).toBe(true);
    expect(delivered.ok && delivered.value.tooSmallOffers).toEqual(['offer-home']);
    const inbox = await inboxOf('choice-2');
    const offersSent = new Set([...inbox.values()].map((m) => m.offerId));
    expect(offersSent).toEqual(new Set(['offer-travel', offer.offerId]));
    for (const customer of optedOut) expect(inbox.get(customer)?.offerId).not.toBe('offer-travel');
    // The three chosen for the refused offer get nothing, not the campaign offer instead.
    const three = await vault.avatars.resolve(
      housingTokens.slice(0, 3),
      'choice-2',
      vault.avatars.epochOf(clock),
    );
    for (const customer of three.ok ? three.customerIds : []) expect(inbox.has(customer)).toBe(false);
  });

  it('refuses a release whose audience is too small, and says so again when asked again', async () => {
    const small = { campaignId: 'choice-small', requestedBy: 'small-asker', purpose: 'bank_offers' };
    const few = await vault.door.releaseAudience({
      ...small,
      audience: everyone,
      frequencyCap: { messages: 10, days: 30 },
      maxMessages: 5,
    });
    expect(few).toEqual({
      ok: false,
      error: {
        code: 'DELIVERY_AUDIENCE_TOO_SMALL',
        message: 'audience too small',
        budget: expect.objectContaining({ charged: expect.stringMatching(/^[1-9]/) as unknown }) as unknown,
      },
    });
    const again = await vault.door.releaseAudience({
      ...small,
      audience: everyone,
      frequencyCap: { messages: 10, days: 30 },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'DELIVERY_AUDIENCE_TOO_SMALL' } });
  });

  it('forgets the tokens of an erased customer: they resolve to no one and get nothing', async () => {
    const campaign = 'choice-erased';
    const got = await vault.door.releaseAudience({
      campaignId: campaign,
      requestedBy: 'erase-asker',
      purpose: 'bank_offers',
      audience: everyone,
      frequencyCap: { messages: 10, days: 30 },
    });
    if (!got.ok) throw new Error(JSON.stringify(got.error));
    const erased = idle[0]!;
    await vault.identity.shred([erased]);
    const delivered = await vault.door.deliver(
      request(campaign, { requestedBy: 'erase-asker', channels: [], choices: [] }),
    );
    expect(delivered.ok).toBe(true);
    expect((await inboxOf(campaign)).has(erased)).toBe(false);
  });
});
