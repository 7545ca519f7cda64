// The privacy guard on every backend: admission, release, reuse and budgets, each charge reading the ledger once,
// and every noise scale it draws at pinned.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VaultServices } from '../../src/app/vault-process.ts';
import { questionPurpose } from '../../src/core/question-purposes.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { LedgerGuard } from '../../src/privacy/guard/ledger-guard.ts';
import { discreteLaplaceNoise } from '../../src/privacy/guard/noise.ts';
import { drawByScale, RecordingNoise } from '../../src/privacy/guard/noise.test-support.ts';
import type { GuardedQuestion } from '../../src/privacy/guard/privacy-guard.ts';
import type { SqlExecutor, Storage } from '../../src/storage/ports.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';
import { consentingCustomers, everyone } from '../delivery/support/delivery-fixtures.ts';

const june = new Date('2026-06-10T12:00:00Z');

/** Ascending ids from `from` up to, not including, `to`. */
const ids = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, i) => from + i);

/** A question as the question service hands it to the guard, on an audience given here instead of a bank. */
function question(
  asker: string,
  planKey: string,
  audience: Int32Array,
  calls = { audience: 0 },
): GuardedQuestion {
  return {
    asker,
    purpose: questionPurpose('bank_offers')!,
    expression: planKey,
    planKey,
    engine: 'test',
    audience: () => {
      calls.audience++;
      return Promise.resolve(audience);
    },
  };
}

/** The storage, counting the statements that read what the period's budgets have spent. */
function countingBudgetReads(storage: Storage): { storage: Storage; reads: () => number } {
  let reads = 0;
  const count = (sql: string) => {
    if (/SELECT asker, epsilon FROM questions/.test(sql)) reads++;
  };
  const wrap = <T extends SqlExecutor>(db: T): T =>
    new Proxy(db, {
      get(target, property) {
        if (property === 'query') {
          return (sql: string, parameters?: readonly unknown[]) => {
            count(sql);
            return target.query(sql, parameters);
          };
        }
        if (property === 'transaction') {
          return <R>(work: (tx: SqlExecutor) => Promise<R>) =>
            (target as unknown as Storage).transaction((tx) => work(wrap(tx)));
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  return { storage: wrap(storage), reads: () => reads };
}

describe.each(testBackends)('the privacy guard on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };
  let today = june;
  const noise = new RecordingNoise();

  beforeAll(async () => {
    vault = await createTestVault(backend, { noise, now: () => today });
  });
  afterAll(() => vault.dispose());

  // Each test has its own askers and labels; the noise and the clock start afresh.
  beforeEach(() => {
    today = june;
    const seeded = discreteLaplaceNoise(seededRandomSource(`privacy-guard-${backend.name}`));
    noise.draw = (scale) => seeded.discreteLaplace(scale);
    noise.clear();
  });

  // Each admission and release its own customers, far from every other's: only differencing tests meet.
  let nextId = 100_000;
  const fresh = (size: number) => ids(nextId, (nextId += size + 1_000) - 1_000);
  const admit = (size: number, label: string, asker: string) =>
    vault.guard.admit({ asker, purpose: 'bank_offers', label, audience: fresh(size), subjects: [label] });

  it('admits a large audience and charges the count, threshold and differencing ε (5/8)', async () => {
    const outcome = await admit(5_000, 'delivery:large', 'mia');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.budget.charged.toString()).toBe('5/8');
    expect(outcome.value.budget.askerRemaining.toString()).toBe('35/8');
  });

  it('refuses audiences under k with a refusal that says only "too small", and still charges', async () => {
    for (const size of [0, 1, 5, 10]) {
      const outcome = await admit(size, `delivery:small-${size}`, 'max');
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error.code).toBe('PRIVACY_TOO_FEW');
      expect(outcome.error.message).toBe('the audience is too small to engage');
      expect(outcome.error.message).not.toContain(String(size));
      if (outcome.error.code === 'PRIVACY_TOO_FEW')
        expect(outcome.error.budget.charged.toString()).toBe('5/8');
    }
  });

  it('records each admission with the questions and in the transparency log', async () => {
    const logged = vault.audit.head().size;
    await admit(5_000, 'delivery:recorded-large', 'ned');
    await admit(0, 'delivery:recorded-empty', 'ned');
    const { rows } = await vault.storage.query<{ plan_key: string; outcome: string; epsilon: string }>(
      "SELECT plan_key, outcome, epsilon FROM questions WHERE engine = 'admission' AND asker = 'ned' ORDER BY id",
    );
    expect(rows.map((r) => [r.plan_key, r.outcome, r.epsilon])).toEqual([
      ['delivery:recorded-large', 'answered', '5/8'],
      ['delivery:recorded-empty', 'too_few', '5/8'],
    ]);
    const entries = [];
    for (let i = logged; i < vault.audit.head().size; i++) entries.push((await vault.audit.entry(i))!.entry);
    expect(entries.map((e) => [e.type, e.details['admission'], e.details['outcome']])).toEqual([
      ['question.answered', 'delivery:recorded-large', 'admitted'],
      ['question.answered', 'delivery:recorded-empty', 'too_few'],
    ]);
  });

  it('releases noised counts, suppresses small ones, and repeats them the same day at no cost', async () => {
    const delivered = fresh(4_000);
    const audiences = {
      delivered,
      opened: delivered.subarray(0, 1_500),
      interested: delivered.subarray(0, 3),
    };
    const release = () =>
      vault.guard.release({
        asker: 'rui',
        purpose: 'bank_offers',
        label: 'results:c1',
        audiences,
        subjects: ['campaign:c1'],
      });
    const first = await release();
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.repeated).toBe(false);
    expect(first.value.budget.charged.toString()).toBe('11/8');
    expect(Math.abs(first.value.counts['delivered']! - 4_000)).toBeLessThan(100);
    expect(Math.abs(first.value.counts['opened']! - 1_500)).toBeLessThan(100);
    expect(first.value.counts['interested']).toBeNull();

    const again = await release();
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value).toMatchObject({ repeated: true, counts: first.value.counts });
    expect(again.value.budget.charged.toString()).toBe('0');

    today = new Date('2026-06-11T12:00:00Z');
    const nextDay = await release();
    if (!nextDay.ok) throw new Error(nextDay.error.message);
    expect(nextDay.value.repeated).toBe(false);
    expect(nextDay.value.releasedOn).toBe('2026-06-11');
  });

  it('refuses once the asker’s budget is spent, naming when it resets', async () => {
    // A month of its own, so that spending a whole asker budget leaves the vault's budget for June alone.
    today = new Date('2026-08-10T12:00:00Z');
    let refusal: string | undefined;
    for (let i = 0; i < 20 && refusal === undefined; i++) {
      const outcome = await admit(5_000, `delivery:spend-${i}`, 'zoe');
      if (!outcome.ok) refusal = `${outcome.error.code}: ${outcome.error.message}`;
    }
    expect(refusal).toMatch(/^PRIVACY_BUDGET_EXHAUSTED: your budget for this period is spent .* 2026-09-01/);
  });

  it('draws an admission’s and a release’s noise at 1/ε_c and 1/ε_k per count, and none for a repeat', async () => {
    // A month of its own: nothing released earlier in it, so no differencing draws until the release.
    today = new Date('2026-10-10T12:00:00Z');
    noise.draw = () => 0n;
    await admit(5_000, 'delivery:scales', 'pia');
    expect(noise.recorded()).toEqual(['4', '8']);
    noise.clear();
    const release = () =>
      vault.guard.release({
        asker: 'pia',
        purpose: 'bank_offers',
        label: 'results:scales',
        audiences: { delivered: fresh(900), opened: fresh(300) },
        subjects: ['campaign:scales'],
      });
    const released = await release();
    // Each count's noise, then one sparse-vector threshold and each count against the admission.
    expect(noise.recorded()).toEqual(['4', '8', '4', '8', '8', '16', '16']);
    // Without noise the counts come out exact: each count got its own draw, nothing else was added.
    expect(released.ok && released.value.counts).toEqual({ delivered: 900, opened: 300 });
    noise.clear();
    await release();
    expect(noise.recorded()).toEqual([]);
  });

  it('hands the hub exactly ñ tokens: the exact audience plus the count’s noise, drawn at 1/ε_c', async () => {
    // A month of its own: no earlier release to compare with, so only the count's and the threshold's draws.
    today = new Date('2026-11-10T12:00:00Z');
    const exact = (await consentingCustomers(vault, 60, 'N')).length;
    noise.draw = drawByScale({ '4': 3n, '8': 0n });
    const released = await vault.door.releaseAudience({
      campaignId: 'noised-size',
      requestedBy: 'tom',
      purpose: 'bank_offers',
      audience: everyone,
      frequencyCap: { messages: 10, days: 30 },
    });
    if (!released.ok) throw new Error(released.error.message);
    expect(noise.recorded()).toEqual(['4', '8']);
    expect(released.value.tokens).toHaveLength(exact + 3);
  });

  it('answers a question: reuses an earlier answer without evaluating, and checks differencing at 2/ε_d and 4/ε_d', async () => {
    today = new Date('2026-12-10T12:00:00Z');
    noise.draw = () => 0n;
    const calls = { audience: 0 };
    const first = await vault.guard.answer(question('uma', 'plan:first', ids(0, 200), calls));
    expect(first.ok && first.value).toMatchObject({ count: 200, repeated: false });
    expect(noise.recorded()).toEqual(['4', '8']);
    expect(calls.audience).toBe(1);

    noise.clear();
    const repeat = await vault.guard.answer(question('vic', 'plan:first', ids(0, 200), calls));
    expect(repeat.ok && repeat.value).toMatchObject({ count: 200, repeated: true });
    expect(repeat.ok && repeat.value.budget.charged.toString()).toBe('0');
    expect(noise.recorded()).toEqual([]);
    expect(calls.audience).toBe(1);

    // One person fewer than uma's first audience: a distance of 1, under k, refused without noise.
    const near = await vault.guard.answer(question('uma', 'plan:near', ids(0, 199)));
    expect(!near.ok && near.error.code).toBe('PRIVACY_DIFFERENCING');
    expect(noise.recorded()).toEqual(['8', '16']);
    noise.clear();
    const far = await vault.guard.answer(question('uma', 'plan:far', ids(1_000, 1_300)));
    expect(far.ok && far.value.count).toBe(300);
    // One audience released before (the first; the refused near one released nothing): one threshold, one
    // distance.
    expect(noise.recorded()).toEqual(['8', '16', '4', '8']);
  });

  it('reads the period’s spending once per charge, and draws no noise when the budget refuses', async () => {
    const counted = countingBudgetReads(vault.storage);
    const guard = new LedgerGuard(counted.storage, vault.policies, vault.audit, { noise, now: () => today });
    const before = counted.reads();
    const reads = async (work: () => Promise<unknown>) => {
      const start = counted.reads();
      await work();
      return counted.reads() - start;
    };
    expect(await reads(() => guard.answer(question('wes', 'plan:once', ids(0, 300))))).toBe(1);
    expect(await reads(() => guard.answer(question('xia', 'plan:once', ids(0, 300))))).toBe(1);
    const once = { asker: 'wes', purpose: 'bank_offers', label: 'once', subjects: ['campaign:once'] };
    expect(await reads(() => guard.admit({ ...once, audience: fresh(80) }))).toBe(1);
    const audiences = { delivered: fresh(80) };
    const release = () => guard.release({ ...once, label: 'results:once', audiences });
    expect(await reads(release)).toBe(1);
    expect(await reads(release)).toBe(1);
    expect(await reads(() => guard.budget('wes'))).toBe(1);
    expect(counted.reads() - before).toBe(6);

    // A month of its own: the asker spends a whole budget, then is refused before any noise is drawn.
    today = new Date('2026-09-10T12:00:00Z');
    for (let i = 0; i < 10; i++)
      await guard.answer(question('yan', `plan:spend-${i}`, ids(i * 1_000, i * 1_000 + 100)));
    noise.clear();
    const refused = await guard.answer(question('yan', 'plan:one-too-many', ids(50_000, 50_100)));
    expect(!refused.ok && refused.error.code).toBe('PRIVACY_BUDGET_EXHAUSTED');
    expect(!refused.ok && refused.error.budget.askerRemaining.toString()).toBe('0');
    expect(noise.recorded()).toEqual([]);
  });
});
