// Issue 14, class 5: differencing across everything released in a period — whoever asked, and whatever kind
// of release (question, campaign admission, released counts) — is refused, and ordinary work is not.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VaultServices } from '../../src/app/vault-process.ts';
import { questionPurpose } from '../../src/core/question-purposes.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { LedgerGuard } from '../../src/privacy/guard/ledger-guard.ts';
import { RecordingNoise } from '../../src/privacy/guard/noise.test-support.ts';
import { releaseSubjects, type GuardedQuestion } from '../../src/privacy/guard/privacy-guard.ts';
import { DeliveryService } from '../../src/vault/delivery/delivery-service.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';
import {
  consentingCustomers,
  everyone,
  inboxOrigin,
  RecordingAdapter,
  request,
} from '../delivery/support/delivery-fixtures.ts';

// Not the same question as `everyone` (no rewrite makes it so), but the same customers: none holds a product.
const everyoneReworded = 'not holds("mortgage") and not holds("personal_loan")';

/** A question as the question service hands it to the guard, on an audience the attack chose. */
function question(asker: string, planKey: string, audience: readonly number[]): GuardedQuestion {
  return {
    asker,
    purpose: questionPurpose('bank_offers')!,
    expression: planKey,
    planKey,
    engine: 'test',
    audience: () => Promise.resolve(Int32Array.from(audience)),
  };
}

describe.each(testBackends)('differencing across everything released, on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };
  let delivery: DeliveryService;
  let customers: number[] = [];
  // No noise: each test's distances decide alone (the noise's own rates are docs/privacy-model.md's, and the
  // mechanism's tests). Each test runs in a budget period (month) of its own.
  const noise = new RecordingNoise();
  let today = new Date('2026-01-15T12:00:00Z');

  beforeAll(async () => {
    vault = await createTestVault(backend, { noise, now: () => today });
    customers = await consentingCustomers(vault, 120, 'D');
    delivery = new DeliveryService(vault, vault.guard, {
      currency: 'GBP',
      inboxOrigin,
      adapters: { email: new RecordingAdapter('email') },
      now: () => today,
      random: seededRandomSource(`differencing-${backend.name}`),
    });
  }, 120_000);
  afterAll(() => vault.dispose());
  beforeEach(() => noise.clear());

  it('refuses a second asker whose audience is another asker’s minus one person', async () => {
    today = new Date('2026-02-15T12:00:00Z');
    const [victim, ...others] = customers as [number, ...number[]];
    const first = await vault.guard.answer(question('alice', 'plan:everyone', customers));
    expect(first.ok).toBe(true);

    const attack = await vault.guard.answer(question('bob', 'plan:everyone-but-one', others));
    expect(!attack.ok && attack.error.code).toBe('PRIVACY_DIFFERENCING');
    expect(!attack.ok && attack.error.message).not.toContain(String(others.length));
    expect(!attack.ok && attack.error.message).not.toContain(String(victim));
    // Refused, and charged all the same: refusals are decided on noise and cost what an answer costs.
    expect(!attack.ok && attack.error.budget.charged.toString()).toBe('5/8');

    // A third asker, far from both, is answered: the check refuses what is close, not everything.
    const far = await vault.guard.answer(question('carol', 'plan:half', customers.slice(0, 60)));
    expect(far.ok && far.value.count).toBe(60);
  });

  it('refuses a second asker’s reworded question with the same audience, through the question service', async () => {
    today = new Date('2026-03-15T12:00:00Z');
    const first = await vault.questions.ask({ expression: everyone, purpose: 'bank_offers', asker: 'alice' });
    expect(first.ok && first.value.count).toBe(customers.length);
    const reworded = await vault.questions.ask({
      expression: everyoneReworded,
      purpose: 'bank_offers',
      asker: 'bob',
    });
    expect(!reworded.ok && reworded.error.code).toBe('PRIVACY_DIFFERENCING');
    // The same words are the same question: bob gets alice's answer again, free.
    const same = await vault.questions.ask({ expression: everyone, purpose: 'bank_offers', asker: 'bob' });
    expect(same.ok && same.value).toMatchObject({ count: customers.length, repeated: true });
  });

  it('refuses a campaign whose audience differs from a question’s, and sends nothing', async () => {
    today = new Date('2026-04-15T12:00:00Z');
    const asked = await vault.questions.ask({ expression: everyone, purpose: 'bank_offers', asker: 'alice' });
    expect(asked.ok).toBe(true);
    const attack = await delivery.deliver(
      request('attack-campaign', { audience: everyoneReworded, requestedBy: 'bob' }),
    );
    expect(!attack.ok && attack.error.code).toBe('PRIVACY_DIFFERENCING');
    const { rows } = await vault.storage.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM inbox_messages WHERE campaign_id = 'attack-campaign'",
    );
    expect(rows[0]!.n).toBe(0);

    // Ordinary work: a campaign on the question that was asked is its own subject, admitted and sent, and its
    // results (the same customers again) are released.
    const ordinary = await delivery.deliver(request('ordinary-campaign', { requestedBy: 'bob' }));
    expect(ordinary.ok).toBe(true);
    const results = await delivery.results('ordinary-campaign', 'bob');
    expect(results.ok && results.value.delivered).toBe(customers.length);
  });

  it('refuses an admission, and released counts, close to an earlier release by someone else', async () => {
    today = new Date('2026-05-15T12:00:00Z');
    const [, ...others] = customers as [number, ...number[]];
    const asked = await vault.guard.answer(question('alice', 'plan:everyone', customers));
    expect(asked.ok).toBe(true);
    const admission = {
      asker: 'bob',
      purpose: 'bank_offers',
      label: 'delivery:close',
      audience: others,
      subjects: releaseSubjects('close', { purpose: 'bank_offers', planKey: 'plan:another' }),
    };
    const admitted = await vault.guard.admit(admission);
    expect(!admitted.ok && admitted.error.code).toBe('PRIVACY_DIFFERENCING');

    const released = await vault.guard.release({
      asker: 'dan',
      purpose: 'bank_offers',
      label: 'results:close',
      audiences: { delivered: others },
      subjects: releaseSubjects('close'),
    });
    expect(!released.ok && released.error.code).toBe('PRIVACY_DIFFERENCING');
    // Refused releases are not stored as released: nothing of theirs reaches a later comparison or a repeat.
    const { rows } = await vault.storage.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM questions WHERE audience_bits IS NOT NULL AND expression LIKE '%close'",
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('keeps comparing after a restart: the period’s audiences are loaded from the ledger', async () => {
    today = new Date('2026-06-15T12:00:00Z');
    const [, ...others] = customers as [number, ...number[]];
    const asked = await vault.guard.answer(question('alice', 'plan:before-restart', customers));
    expect(asked.ok).toBe(true);
    // A second guard on the same database, as a restarted vault process would build it.
    const restarted = new LedgerGuard(vault.storage, vault.policies, vault.audit, {
      noise,
      now: () => today,
    });
    const attack = await restarted.answer(question('bob', 'plan:after-restart', others));
    expect(!attack.ok && attack.error.code).toBe('PRIVACY_DIFFERENCING');
  });
});
