// Class 9 of issue 14: every answer and refusal says what it cost (ε) and what is left, for the asker and the vault.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { currentNotice } from '../../src/core/consent.ts';
import type { DeliveryRequest, PrivacyCost } from '../../src/core/vault-door.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { Rational } from '../../src/privacy/dp/rational.ts';
import { discreteLaplaceNoise } from '../../src/privacy/guard/noise.ts';
import { openHarness, type Harness } from '../http/harness.ts';
import { testBackends } from '../support/backends.ts';
import { sampleCustomers } from '../support/sample-customers.ts';

const savingsOffer = {
  offerId: 'offer-easy-saver',
  title: 'An easy-access saver',
  body: 'Put something aside each month.',
  callToAction: 'Open a saver',
  category: 'savings',
  credit: false,
  validUntil: '2099-12-31',
} as const;

const delivery = (campaignId: string, audience: string): DeliveryRequest => ({
  campaignId,
  requestedBy: 'mia',
  purpose: 'bank_offers',
  audience,
  offer: savingsOffer,
  channels: [],
  frequencyCap: { messages: 10, days: 30 },
});

const q = (text: string) => Rational.parse(text);

describe.each(testBackends)('what was charged, on $name', (backend) => {
  let h: Harness;
  /** The marketer's budget as the last answer left it: every next answer must account for the difference. */
  let left: { asker: Rational; vault: Rational };

  beforeAll(async () => {
    // Seeded noise: the outcomes below are decided by noised comparisons, and this test is about what they cost.
    h = await openHarness(
      backend,
      {},
      { noise: discreteLaplaceNoise(seededRandomSource(`charged-${backend.name}`)) },
    );
    const ids = await h.vault.identity.createCustomers(sampleCustomers(120, 'C'));
    const recorded = await h.vault.consent.record(
      ids.map((customerId) => ({
        customerId,
        purpose: 'bank_offers' as const,
        channel: 'inbox' as const,
        granted: true,
        source: 'import' as const,
        noticeVersion: currentNotice('bank_offers').id,
        decidedAt: new Date('2026-01-01T00:00:00Z'),
      })),
    );
    if (!recorded.ok) throw new Error('consent not recorded');
  }, 120_000);
  afterAll(async () => h.dispose());
  beforeEach(async () => {
    const start = await h.vault.questions.budget('mia');
    left = { asker: start.askerRemaining, vault: start.vaultRemaining };
  });

  /** The cost is present, and what is left is exactly what was left before less what this charged. */
  function accountFor(cost: PrivacyCost | undefined, charged: 'some' | 'none'): Rational {
    expect(cost).toBeDefined();
    const spent = q(cost!.charged);
    if (charged === 'some') expect(spent.compare(0)).toBe(1);
    else expect(spent.equals(0)).toBe(true);
    expect(q(cost!.askerRemaining).equals(left.asker.sub(spent))).toBe(true);
    expect(q(cost!.vaultRemaining).equals(left.vault.sub(spent))).toBe(true);
    expect(Number.isNaN(Date.parse(cost!.resetsAt))).toBe(false);
    left = { asker: q(cost!.askerRemaining), vault: q(cost!.vaultRemaining) };
    return spent;
  }

  const ask = (expression: string) =>
    h.inject({
      method: 'POST',
      url: '/v1/questions',
      headers: h.staff.marketer,
      payload: { expression, purpose: 'bank_offers' },
    });

  it('a vault question: refused as too few (charged, and the message says so), answered, repeated (free)', async () => {
    // No customer holds a mortgage. Asked first, nothing has been released to compare it with, so the only refusal
    // it can meet is "too few" (after the answer below, its complement could also be refused as too close).
    const refused = await ask('holds("mortgage")');
    expect(refused.statusCode).toBe(422);
    const error = refused.json<{ error: { code: string; message: string; budget: PrivacyCost } }>().error;
    expect(error.code).toBe('PRIVACY_TOO_FEW');
    const spent = accountFor(error.budget, 'some');
    expect(error.message).toContain(`ε charged ${spent.toString()}`);
    expect(error.message).toContain(`left ${left.asker.toString()} for the asker`);

    const answered = await ask('not holds("mortgage")');
    expect(answered.statusCode).toBe(200);
    accountFor(answered.json<{ budget: PrivacyCost }>().budget, 'some');

    const repeated = await ask('not holds("mortgage")');
    expect(repeated.json()).toMatchObject({ repeated: true });
    accountFor(repeated.json<{ budget: PrivacyCost }>().budget, 'none');
  });

  it('a hub count through the door: answered and refused each carry cost and remainder', async () => {
    const count = (expression: string) =>
      h.inject({
        method: 'POST',
        url: '/v1/hub/segments/count',
        headers: h.staff.marketer,
        payload: { expression, purpose: 'bank_offers' },
      });
    // The vault's question of the first test: fresh when this test runs alone, else its free repeat.
    const answered = await count('not holds("mortgage")');
    expect(answered.json()).toMatchObject({ count: expect.any(Number) as number });
    const body = answered.json<{ epsilon: string; repeated: boolean; budget: PrivacyCost }>();
    expect(accountFor(body.budget, body.repeated ? 'none' : 'some').toString()).toBe(body.epsilon);

    const refused = await count('holds("savings")');
    expect(refused.statusCode).toBe(422);
    const error = refused.json<{ error: { code: string; message: string; budget: PrivacyCost } }>().error;
    expect(['PRIVACY_TOO_FEW', 'PRIVACY_DIFFERENCING']).toContain(error.code);
    expect(error.message).toContain(`ε charged ${accountFor(error.budget, 'some').toString()}`);
  });

  it('campaign admissions and results: refused too small (charged), admitted, resumed and repeated (free)', async () => {
    const tooSmall = await h.vault.door.deliver(delivery('cmp-charged-small', 'holds("savings")'));
    expect(tooSmall).toMatchObject({ ok: false, error: { code: 'DELIVERY_AUDIENCE_TOO_SMALL' } });
    if (!tooSmall.ok) accountFor(tooSmall.error.budget, 'some');

    // The first test's question: a campaign on a released question is not compared with it (same subject), while
    // any other audience near everyone would be refused as too close to it (test/security/differencing.test.ts).
    const sent = await h.vault.door.deliver(delivery('cmp-charged-sent', 'not holds("mortgage")'));
    if (!sent.ok) throw new Error(sent.error.message);
    accountFor(sent.value.budget, 'some');
    const resumed = await h.vault.door.deliver(delivery('cmp-charged-sent', 'not holds("mortgage")'));
    if (!resumed.ok) throw new Error(resumed.error.message);
    accountFor(resumed.value.budget, 'none');

    const results = await h.vault.door.results('cmp-charged-sent', 'mia');
    if (!results.ok) throw new Error(results.error.message);
    expect(accountFor(results.value.budget, 'some').toString()).toBe(results.value.epsilon);
    const again = await h.vault.door.results('cmp-charged-sent', 'mia');
    if (!again.ok) throw new Error(again.error.message);
    accountFor(again.value.budget, 'none');
  });

  it('an exhausted budget: refused before the data, charged nothing, and says what is left', async () => {
    let last: { code: string; budget: PrivacyCost } | undefined;
    for (let days = 2; days < 40 && last?.code !== 'PRIVACY_BUDGET_EXHAUSTED'; days++) {
      const asked = await ask(`spent(category: "groceries", within: ${days}d) > 0`);
      const body = asked.json<{ budget?: PrivacyCost; error?: { code: string; budget: PrivacyCost } }>();
      last = body.error ?? { code: 'answered', budget: body.budget! };
      accountFor(last.budget, last.code === 'PRIVACY_BUDGET_EXHAUSTED' ? 'none' : 'some');
    }
    expect(last?.code).toBe('PRIVACY_BUDGET_EXHAUSTED');
    const budget = await h.inject({ method: 'GET', url: '/v1/budgets/mia', headers: h.staff.marketer });
    expect(budget.json()).toMatchObject({
      askerRemaining: left.asker.toString(),
      vaultRemaining: left.vault.toString(),
    });
  });
});
