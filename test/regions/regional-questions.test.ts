// One hub, three regional vaults on three databases: a question across regions, and a vault killed mid-question.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityNonce } from '../../src/audit/door-identity.ts';
import { combine } from '../../src/hub/regional-vaults.ts';
import {
  backend,
  openRegionalHub,
  openRegionalVault,
  type RegionalHub,
  type RegionalVault,
} from './regional-fixture.ts';

/** Everyone active: every region releases its part. Nobody makes 400 payments a week: suppressed everywhere. */
const everyone = 'count(within: 90d) > 0';
const nobody = 'count(within: 7d) > 400';
const regions = ['london', 'north', 'scotland'] as const;
const customers = 2_000;

describe(`regional vaults on ${backend.name}`, () => {
  let vaults: RegionalVault[] = [];
  let regional: RegionalHub;

  beforeAll(async () => {
    vaults = await Promise.all(regions.map((region, i) => openRegionalVault(region, 11 + i, customers)));
    regional = await openRegionalHub(vaults);
    for (const v of vaults) {
      await regional.hub.registerVault({ region: v.region, url: v.url, publicKey: v.publicKey }, 'olga');
    }
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
