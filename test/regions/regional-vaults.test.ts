// One hub, three regional vaults on three databases: questions and campaigns across regions, vaults that hang or die.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityNonce } from '../../src/audit/door-identity.ts';
import { Registry } from 'prom-client';
import { combine } from '../../src/hub/regional-vaults.ts';
import { regionMetrics } from '../../src/http/hub/region-routes.ts';
import {
  backend,
  end,
  now,
  openRegionalHub,
  openRegionalVaults,
  registerRegions,
  regions,
  type RegionalHub,
  type RegionalVault,
} from './regional-fixture.ts';

/** Everyone active: every region releases its part. Nobody makes 400 payments a week: suppressed everywhere. */
const everyone = 'count(within: 90d) > 0';
const nobody = 'count(within: 7d) > 400';

describe(`regional vaults on ${backend.name}`, () => {
  let vaults: RegionalVault[] = [];
  let regional: RegionalHub;

  beforeAll(async () => {
    vaults = await openRegionalVaults();
    regional = await openRegionalHub(vaults);
    await registerRegions(regional.hub, vaults, 'olga');
  }, 300_000);
  afterAll(async () => {
    await Promise.all(vaults.map((v) => v.dispose()));
    await regional?.dispose();
  });

  it('registers each vault with its pinned key, and refuses a key the vault cannot prove', async () => {
    expect((await regional.hub.listVaults()).map((v) => [v.region, v.publicKey])).toEqual(
      vaults.map((v) => [v.region, v.publicKey]),
    );
    // London's URL with Scotland's key: London cannot sign for it.
    const wrong = { region: 'wales', url: vaults[0]!.url, publicKey: vaults[2]!.publicKey };
    await expect(regional.hub.registerVault(wrong, 'olga')).rejects.toMatchObject({
      code: 'VAULT_KEY_MISMATCH',
    });
    await expect(
      regional.hub.registerVault({ ...wrong, publicKey: 'not a key' }, 'olga'),
    ).rejects.toMatchObject({
      code: 'HUB_INVALID',
    });
    await expect(
      regional.hub.registerVault({ ...wrong, publicKey: vaults[0]!.publicKey }, 'mia'),
    ).rejects.toMatchObject({ code: 'HUB_FORBIDDEN' });
    expect((await regional.hub.listVaults()).map((v) => v.region)).toEqual([...regions]);
  });

  it('asks every region through its own guard and sums only the released, noised parts', async () => {
    const answer = await regional.hub.askRegions(
      { expression: everyone, purpose: 'bank_offers', regions: 'all' },
      'mia',
    );
    expect(answer.complete).toBe(true);
    expect(answer.missing).toEqual([]);
    expect(answer.parts.map((p) => [p.region, p.status])).toEqual(regions.map((r) => [r, 'released']));
    const released = answer.parts.flatMap((p) => (p.status === 'released' ? [p] : []));
    expect(answer.count).toBe(released.reduce((sum, p) => sum + p.count, 0));
    // Each vault charged the asker in its own ledger: one charge each, so each has the same left.
    for (const part of released) expect(part.budget.charged).not.toBe('0');
    expect(new Set(released.map((p) => p.budget.askerRemaining)).size).toBe(1);
    // The same question again: each vault repeats its answer, so the total cannot be averaged.
    const again = await regional.hub.askRegions(
      { expression: everyone, purpose: 'bank_offers', regions: [...regions] },
      'mia',
    );
    expect(again.count).toBe(answer.count);
    expect(again.parts.every((p) => p.status === 'released' && p.repeated)).toBe(true);
  });

  it('names every suppressed region, and gives no total when a part is missing', async () => {
    const answer = await regional.hub.askRegions(
      { expression: nobody, purpose: 'bank_offers', regions: ['london', 'scotland'] },
      'mia',
    );
    expect(answer).toMatchObject({ count: null, complete: false, missing: ['london', 'scotland'] });
    expect(answer.released).toEqual({ count: 0, regions: [] });
    expect(answer.parts.map((p) => [p.status, p.status === 'released' ? undefined : p.code])).toEqual([
      ['suppressed', 'PRIVACY_TOO_FEW'],
      ['suppressed', 'PRIVACY_TOO_FEW'],
    ]);
  });

  it('refuses a region no vault serves, naming it', async () => {
    const asking = regional.hub.askRegions(
      { expression: everyone, purpose: 'bank_offers', regions: ['mars'] },
      'mia',
    );
    await expect(asking).rejects.toMatchObject({ code: 'VAULT_REGION_UNKNOWN' });
    await expect(asking).rejects.toThrow(/mars/);
  });

  it('a vault that hangs: its part is a coded timeout, and the other regions still answer', async () => {
    regional.hangOn.set('north', 'count');
    try {
      const answer = await regional.hub.askRegions(
        { expression: everyone, purpose: 'bank_offers', regions: 'all' },
        'mia',
      );
      expect(answer).toMatchObject({ count: null, complete: false, missing: ['north'] });
      expect(answer.released.regions).toEqual(['london', 'scotland']);
      expect(answer.parts[1]).toMatchObject({
        region: 'north',
        status: 'unreachable',
        code: 'VAULT_TIMEOUT',
      });
    } finally {
      regional.hangOn.clear();
    }
  });

  it('a vault killed in the middle of a question: the answer names it, and sums only what was released', async () => {
    regional.killOn.set('scotland', 'count');
    // The earlier question again (a new one this close to it would be refused as differencing).
    const answer = await regional.hub.askRegions(
      { expression: everyone, purpose: 'bank_offers', regions: 'all' },
      'mia',
    );
    expect(answer.count).toBeNull();
    expect(answer.complete).toBe(false);
    expect(answer.missing).toEqual(['scotland']);
    expect(answer.released.regions).toEqual(['london', 'north']);
    const [london, north, scotland] = answer.parts;
    expect(scotland).toMatchObject({ region: 'scotland', status: 'unreachable', code: 'VAULT_UNAVAILABLE' });
    if (london?.status !== 'released' || north?.status !== 'released') throw new Error('expected released');
    expect(answer.released.count).toBe(london.count + north.count);
    // A vault that is down stays named on the next question too; the other regions still answer.
    const next = await regional.hub.askRegions(
      { expression: everyone, purpose: 'bank_offers', regions: 'all' },
      'mia',
    );
    expect(next.missing).toEqual(['scotland']);
    regional.killOn.clear();
    await vaults[2]!.revive();
  });

  it('last seen: each door call or probe records whether the vault was reached; a dead vault shows as unreachable', async () => {
    const metrics = new Registry();
    regionMetrics(metrics, regional.hub);
    const reachOf = async () =>
      Object.fromEntries((await regional.hub.listVaults()).map((v) => [v.region, v.reach]));
    regional.killOn.set('scotland', 'check');
    try {
      // Checking costs nothing: each region says what a count would charge, and a dead one is named.
      const checked = await regional.hub.checkRegions(
        { expression: everyone, purpose: 'bank_offers', regions: 'all' },
        'mia',
      );
      expect(checked.parts.map((p) => [p.region, p.status])).toEqual([
        ['london', 'ready'],
        ['north', 'ready'],
        ['scotland', 'unreachable'],
      ]);
      for (const part of checked.parts.slice(0, 2)) expect(part).toMatchObject({ cost: '5/8' });
      const reach = await reachOf();
      const at = now().toISOString();
      expect(reach['london']).toEqual({
        status: 'reachable',
        lastSeenAt: at,
        unreachableSince: null,
        failure: null,
      });
      expect(reach['scotland']).toEqual({
        status: 'unreachable',
        lastSeenAt: at,
        unreachableSince: at,
        failure: 'VAULT_UNAVAILABLE',
      });
      const text = await metrics.metrics();
      expect(text).toContain('curtain_hub_vault_up{region="london"} 1');
      expect(text).toContain('curtain_hub_vault_up{region="scotland"} 0');
      expect(text).toContain(
        `curtain_hub_vault_last_seen_timestamp_seconds{region="north"} ${now().getTime() / 1000}`,
      );
      // Only an operator probes; a probe while the vault is still down finds it down.
      await expect(regional.hub.probeVaults('mia')).rejects.toMatchObject({ code: 'HUB_FORBIDDEN' });
      regional.killOn.clear();
      const probed = await regional.hub.probeVaults('olga');
      expect(probed.vaults.map((v) => [v.region, v.reach.status])).toEqual([
        ['london', 'reachable'],
        ['north', 'reachable'],
        ['scotland', 'unreachable'],
      ]);
    } finally {
      regional.killOn.clear();
      await vaults[2]!.revive();
    }
    const probed = await regional.hub.probeVaults('olga');
    expect(probed.vaults.every((v) => v.reach.status === 'reachable')).toBe(true);
    expect(await metrics.metrics()).toContain('curtain_hub_vault_up{region="scotland"} 1');
  });

  /** Each vault's inbox for a campaign: messages, and distinct customers (equal when none got it twice). */
  const inboxes = () =>
    Promise.all(
      vaults.map(async (v) => {
        const { rows } = await v.vault.storage.query<{ messages: number; people: number }>(
          `SELECT count(*)::int AS messages, count(DISTINCT customer_id)::int AS people
             FROM inbox_messages WHERE campaign_id = $1`,
          [campaignId],
        );
        return rows[0]!;
      }),
    );
  let campaignId = '';

  it('a campaign across regions: each vault delivers its own part once; a vault killed mid-run is resumed, nothing sent twice', async () => {
    await regional.hub.addStaff('abe', ['approver']);
    await regional.hub.addProduct(
      { code: 'saver', name: 'Easy saver', provider: 'bank', credit: false },
      'mia',
    );
    const offer = await regional.hub.addOffer(
      {
        productCode: 'saver',
        title: 'A saver that pays more',
        body: 'Instant access, no fees.',
        callToAction: 'Open a saver',
        category: 'savings',
        validUntil: '2027-06-30',
      },
      'mia',
    );
    const drafted = await regional.hub.createCampaign(
      {
        name: 'Saver everywhere',
        offerId: offer.id,
        audience: everyone,
        startsAt: end,
        maxMessages: 150,
        regions: 'all',
      },
      'mia',
    );
    campaignId = drafted.id;
    expect(drafted.regions).toEqual([...regions]);
    await regional.hub.approve(drafted.id, 'abe');
    const delivers = () => regions.map((region) => regional.calls.get(`${region}.deliver`) ?? 0);
    const before = delivers();
    regional.killOn.set('north', 'deliver');
    const first = await regional.hub.run(drafted.id, 'mia');
    expect(first.campaign.status).toBe('running');
    expect(first.missing).toEqual(['north']);
    expect(first.regions).toEqual([
      { region: 'london', state: 'delivered', code: null },
      { region: 'north', state: 'unreachable', code: 'VAULT_UNAVAILABLE' },
      { region: 'scotland', state: 'delivered', code: null },
    ]);
    const [london, north, scotland] = await inboxes();
    expect(north!.messages).toBe(0);
    for (const inbox of [london!, scotland!]) expect(inbox.messages).toBeGreaterThan(0);

    regional.killOn.clear();
    await vaults[1]!.revive();
    const second = await regional.hub.run(drafted.id, 'mia');
    expect(second.campaign.status).toBe('finished');
    expect(second.missing).toEqual([]);
    expect(second.regions?.every((part) => part.state === 'delivered')).toBe(true);
    const after = await inboxes();
    // London and Scotland were not asked again; North delivered once; nobody holds the offer twice.
    expect(delivers().map((n, i) => n - before[i]!)).toEqual([1, 2, 1]);
    expect(after[0]).toEqual(london);
    expect(after[2]).toEqual(scotland);
    expect(after[1]!.messages).toBeGreaterThan(0);
    for (const inbox of after) expect(inbox.messages).toBe(inbox.people);
    // A third run finds nothing to do.
    await expect(regional.hub.run(drafted.id, 'mia')).rejects.toMatchObject({ code: 'HUB_CAMPAIGN_STATE' });
    expect(await inboxes()).toEqual(after);
  });

  it('a regional campaign’s results: each vault’s noised part, a total only where every region released it', async () => {
    const results = await regional.hub.regionResults(campaignId, 'mia');
    expect(results.complete).toBe(true);
    expect(results.missing).toEqual([]);
    const released = results.parts.flatMap((p) => (p.status === 'released' ? [p] : []));
    expect(released.map((p) => p.region)).toEqual([...regions]);
    const delivered = released.map((p) => p.delivered);
    if (delivered.every((d) => d !== null)) {
      expect(results.delivered.total).toBe(delivered.reduce((a, b) => a + b, 0));
    } else expect(results.delivered.total).toBeNull();
    // Nobody opened anything yet: every region suppresses it, and the total says so instead of 0.
    expect(results.opened).toMatchObject({ total: null, released: 0, regions: [], suppressed: [...regions] });
    await expect(regional.hub.results(campaignId, 'mia')).rejects.toMatchObject({ code: 'HUB_INVALID' });
  });

  it('a regional campaign suppressed in every region is refused, each region named; an unknown region is refused at once', async () => {
    const [offer] = await regional.hub.listOffers();
    const draft = { name: 'Nobody', offerId: offer!.id, audience: nobody, startsAt: end };
    const unknown = regional.hub.createCampaign({ ...draft, regions: ['london', 'mars'] }, 'mia');
    await expect(unknown).rejects.toMatchObject({ code: 'VAULT_REGION_UNKNOWN' });
    const drafted = await regional.hub.createCampaign({ ...draft, regions: ['london', 'scotland'] }, 'mia');
    await regional.hub.approve(drafted.id, 'abe');
    const outcome = await regional.hub.run(drafted.id, 'mia');
    expect(outcome.campaign).toMatchObject({ status: 'refused', refusal: 'DELIVERY_AUDIENCE_TOO_SMALL' });
    expect(outcome.regions).toEqual([
      { region: 'london', state: 'suppressed', code: 'DELIVERY_AUDIENCE_TOO_SMALL' },
      { region: 'scotland', state: 'suppressed', code: 'DELIVERY_AUDIENCE_TOO_SMALL' },
    ]);
  });
});

describe('combining regional parts', () => {
  const budget = { charged: '1/10', askerRemaining: '9/10', vaultRemaining: '9', resetsAt: '2099-01-01' };
  it('never sums silently: a missing part makes the total null and is named', () => {
    const combined = combine([
      { region: 'a', status: 'released', count: 120, repeated: false, epsilon: '1/10', budget },
      { region: 'b', status: 'refused', code: 'PRIVACY_DIFFERENCING', message: 'too close' },
      { region: 'c', status: 'released', count: 80, repeated: false, epsilon: '1/10', budget },
    ]);
    expect(combined).toMatchObject({
      count: null,
      complete: false,
      released: { count: 200, regions: ['a', 'c'] },
      missing: ['b'],
    });
    expect(combine([]).count).toBe(0);
    expect(identityNonce()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
