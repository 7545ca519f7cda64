// The guard for engaged audiences: a noised minimum before delivery, noised results once a day, both charged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultServices } from '../../src/app/vault-process.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

describe.each(testBackends)('the audience guard on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };
  let today = new Date('2026-06-10T12:00:00Z');

  beforeAll(async () => {
    vault = await createTestVault(backend, {
      random: seededRandomSource(`audience-guard-${backend.name}`),
      now: () => today,
    });
  });
  afterAll(() => vault.dispose());

  const admit = (size: number, label: string, asker = 'mia') =>
    vault.questions.admit({ asker, purpose: 'bank_offers', label, size });

  it('admits a large audience and charges the count and threshold ε (3/8)', async () => {
    const outcome = await admit(5_000, 'delivery:large');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.budget.charged.toString()).toBe('3/8');
    expect(outcome.value.budget.askerRemaining.toString()).toBe('37/8');
  });

  it('refuses audiences under k with a refusal that says only "too small", and still charges', async () => {
    for (const size of [0, 1, 5, 10]) {
      const outcome = await admit(size, `delivery:small-${size}`);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error.code).toBe('PRIVACY_TOO_FEW');
      expect(outcome.error.message).toBe('the audience is too small to engage');
      expect(outcome.error.message).not.toContain(String(size));
      if (outcome.error.code === 'PRIVACY_TOO_FEW')
        expect(outcome.error.budget.charged.toString()).toBe('3/8');
    }
  });

  it('records each admission with the questions and in the transparency log', async () => {
    const { rows } = await vault.storage.query<{ plan_key: string; outcome: string; epsilon: string }>(
      "SELECT plan_key, outcome, epsilon FROM questions WHERE engine = 'admission' ORDER BY id",
    );
    expect(rows.map((r) => [r.plan_key, r.outcome])).toEqual([
      ['delivery:large', 'answered'],
      ['delivery:small-0', 'too_few'],
      ['delivery:small-1', 'too_few'],
      ['delivery:small-5', 'too_few'],
      ['delivery:small-10', 'too_few'],
    ]);
    const entries = [];
    for (let i = 0; i < vault.audit.head().size; i++) entries.push((await vault.audit.entry(i))!.entry);
    const admissions = entries.filter((e) => e.details['admission'] !== undefined);
    expect(admissions.map((e) => e.details['outcome'])).toEqual([
      'admitted',
      'too_few',
      'too_few',
      'too_few',
      'too_few',
    ]);
  });

  it('releases noised counts, suppresses small ones, and repeats them the same day at no cost', async () => {
    const counts = { delivered: 4_000, opened: 1_500, interested: 3 };
    const first = await vault.questions.release({
      asker: 'rui',
      purpose: 'bank_offers',
      label: 'results:c1',
      counts,
    });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.repeated).toBe(false);
    expect(first.value.budget.charged.toString()).toBe('9/8');
    expect(Math.abs(first.value.counts['delivered']! - 4_000)).toBeLessThan(100);
    expect(Math.abs(first.value.counts['opened']! - 1_500)).toBeLessThan(100);
    expect(first.value.counts['interested']).toBeNull();

    const again = await vault.questions.release({
      asker: 'rui',
      purpose: 'bank_offers',
      label: 'results:c1',
      counts,
    });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value).toMatchObject({ repeated: true, counts: first.value.counts });
    expect(again.value.budget.charged.toString()).toBe('0');

    today = new Date('2026-06-11T12:00:00Z');
    const nextDay = await vault.questions.release({
      asker: 'rui',
      purpose: 'bank_offers',
      label: 'results:c1',
      counts,
    });
    if (!nextDay.ok) throw new Error(nextDay.error.message);
    expect(nextDay.value.repeated).toBe(false);
    expect(nextDay.value.releasedOn).toBe('2026-06-11');
  });

  it('refuses once the asker’s budget is spent, naming when it resets', async () => {
    let refusal: string | undefined;
    for (let i = 0; i < 20 && refusal === undefined; i++) {
      const outcome = await admit(5_000, `delivery:spend-${i}`, 'zoe');
      if (!outcome.ok) refusal = `${outcome.error.code}: ${outcome.error.message}`;
    }
    expect(refusal).toMatch(/^PRIVACY_BUDGET_EXHAUSTED: your budget for this period is spent .* 2026-07-01/);
  });
});
