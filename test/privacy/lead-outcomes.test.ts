// Issue 17: a campaign's leads by outcome leave the vault only through the guard — disjoint audiences, each
// noised and suppressed under the noised k, charged once together (parallel composition), held at approval.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VaultServices } from '../../src/app/vault-process.ts';
import { CurtainError } from '../../src/core/errors.ts';
import { campaignReservation, releaseEpsilon } from '../../src/privacy/guard/budget-check.ts';
import { defaultGuardPolicy } from '../../src/privacy/guard/policy.ts';
import { drawByScale, RecordingNoise } from '../../src/privacy/guard/noise.test-support.ts';
import { Rational } from '../../src/privacy/dp/rational.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

const ids = (from: number, size: number) => Int32Array.from({ length: size }, (_, i) => from + i);

describe('what a campaign’s results and lead outcomes cost', () => {
  it('charges the disjoint counts as one count, and approval holds all of it', () => {
    const policy = defaultGuardPolicy;
    // Three separate counts and the four outcomes as one: 4 × (1/4 + 1/8) + 1/4.
    expect(releaseEpsilon(policy, 3, 4).toString()).toBe('7/4');
    expect(releaseEpsilon(policy, 3, 0).toString()).toBe('11/8');
    // The admission (5/8) and the results with their outcomes (7/4).
    expect(campaignReservation(policy).toString()).toBe('19/8');
  });
});

describe.each(testBackends)('lead outcomes through the guard on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };
  const noise = new RecordingNoise();
  beforeAll(async () => {
    vault = await createTestVault(backend, { noise, now: () => new Date('2026-06-10T12:00:00Z') });
  });
  afterAll(() => vault.dispose());
  beforeEach(() => {
    noise.draw = () => 0n;
    noise.clear();
  });

  let next = 2_000_000;
  const fresh = (size: number) => ids((next += 10_000), size);

  it('releases each outcome noised, suppresses one under the noised k, and charges them once', async () => {
    const delivered = fresh(900);
    // Each outcome's count is moved by +3 (scale 1/ε_c = 4): what is released is the noised count, not the exact.
    noise.draw = drawByScale({ '4': 3n });
    const released = await vault.guard.release({
      asker: 'mia',
      purpose: 'bank_offers',
      label: 'results:outcomes-1',
      audiences: { delivered },
      disjoint: {
        contacted: delivered.subarray(0, 120),
        meeting: delivered.subarray(120, 200),
        product_opened: delivered.subarray(200, 230),
        closed: delivered.subarray(230, 230),
      },
      subjects: ['campaign:outcomes-1'],
    });
    if (!released.ok) throw new Error(released.error.message);
    expect(released.value.counts).toEqual({
      delivered: 903,
      contacted: 123,
      meeting: 83,
      // 33 against k = 50: suppressed, as is the empty one.
      product_opened: null,
      closed: null,
    });
    expect(released.value.budget.charged.toString()).toBe('1');
    // Each of the five counts drew its own count and threshold noise.
    expect(noise.recorded().slice(0, 10)).toEqual(['4', '8', '4', '8', '4', '8', '4', '8', '4', '8']);

    // The ledger's rows add up to what was charged: the disjoint counts pay one count's ε between them.
    const { rows } = await vault.storage.query<{ epsilon: string }>(
      `SELECT epsilon FROM questions WHERE expression = 'results:outcomes-1'`,
    );
    const total = rows.reduce((sum, row) => sum.add(Rational.parse(row.epsilon)), Rational.zero);
    expect(rows).toHaveLength(5);
    expect(total.toString()).toBe('1');
  });

  it('refuses disjoint audiences that share a customer: parallel composition would under-charge them', async () => {
    const shared = fresh(200);
    const overlapping = vault.guard.release({
      asker: 'mia',
      purpose: 'bank_offers',
      label: 'results:outcomes-2',
      audiences: {},
      disjoint: { contacted: shared.subarray(0, 120), meeting: shared.subarray(100, 200) },
      subjects: ['campaign:outcomes-2'],
    });
    await expect(overlapping).rejects.toThrow(CurtainError);
    await expect(overlapping).rejects.toThrow(/share a customer/);
  });

  it('lets an approved campaign release its results and outcomes from what it holds, past its asker’s budget', async () => {
    const held = await vault.guard.reserve({
      campaignId: 'outcomes-3',
      holder: 'abe',
      purpose: 'bank_offers',
    });
    if (!held.ok) throw new Error(held.error.message);
    expect(held.value.vaultReserved?.toString()).toBe('19/8');
    const audience = fresh(600);
    const admitted = await vault.guard.admit({
      asker: 'tia',
      purpose: 'bank_offers',
      label: 'delivery:outcomes-3',
      audience,
      subjects: ['campaign:outcomes-3'],
    });
    expect(admitted.ok).toBe(true);
    // tia's own budget spent on other things: the holding still covers the release.
    for (let i = 0; i < 12; i++) {
      await vault.guard.admit({
        asker: 'tia',
        purpose: 'bank_offers',
        label: `delivery:tia-${i}`,
        audience: fresh(300),
        subjects: [`tia-${i}`],
      });
    }
    expect((await vault.guard.budget('tia')).askerRemaining.lessThan(Rational.parse('7/4'))).toBe(true);
    const released = await vault.guard.release({
      asker: 'tia',
      purpose: 'bank_offers',
      label: 'results:outcomes-3',
      audiences: {
        delivered: audience,
        opened: audience.subarray(0, 300),
        interested: audience.subarray(0, 90),
      },
      disjoint: {
        contacted: audience.subarray(0, 60),
        meeting: audience.subarray(60, 80),
        product_opened: audience.subarray(80, 85),
        closed: audience.subarray(85, 86),
      },
      subjects: ['campaign:outcomes-3'],
    });
    if (!released.ok) throw new Error(`${released.error.code}: ${released.error.message}`);
    expect(released.value.budget.charged.toString()).toBe('7/4');
    expect((await vault.guard.budget('tia')).vaultReserved?.toString() ?? '0').toBe('0');
  });
});
