// Products, offers and segments on every backend: derived purposes, refused placeholders and PII, links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CurtainError } from '../../src/core/errors.ts';
import type { OfferDraft } from '../../src/hub/catalogue.ts';
import { offerPurpose } from '../../src/hub/offer-purpose.ts';
import { testBackends } from '../support/backends.ts';
import { addTestCatalogue, addTestStaff, createTestHub, type TestHub } from './hub-fixture.ts';

async function refusal(promise: Promise<unknown>): Promise<CurtainError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CurtainError)) throw new Error(`expected a CurtainError, got ${String(error)}`);
  return error;
}

const offer: OfferDraft = {
  productCode: 'mortgage',
  title: 'Moving home?',
  body: 'Rates fixed for ten years.',
  callToAction: 'Talk to an adviser',
  category: 'mortgage',
  validUntil: '2030-12-31',
};

describe('offer purpose', () => {
  it('follows the provider and the credit flag', () => {
    expect(offerPurpose('bank', false)).toBe('bank_offers');
    expect(offerPurpose('bank', true)).toBe('credit_offers');
    expect(offerPurpose('acme', false)).toBe('partner_offers');
    expect(offerPurpose('acme', true)).toBe('partner_credit_offers');
  });
});

describe.each(testBackends)('hub catalogue on $name', (backend) => {
  let t: TestHub;
  let offers: { mortgage: string; insurance: string; movers: string };

  beforeAll(async () => {
    t = await createTestHub(backend);
    await addTestStaff(t.hub);
    offers = await addTestCatalogue(t.hub);
  });
  afterAll(() => t.dispose());

  it('derives each offer’s purpose from its product', async () => {
    expect((await t.hub.offer(offers.mortgage)).purpose).toBe('credit_offers');
    expect(await t.hub.offer(offers.insurance)).toMatchObject({
      purpose: 'partner_offers',
      provider: 'acme',
      credit: false,
      validFrom: '2030-03-01',
    });
  });

  it.each([
    ['title', '{{first_name}}, moving home?'],
    ['body', 'Dear ${name}, rates fixed.'],
    ['callToAction', 'Call %s now'],
    ['body', 'Hello <%= customer %>'],
  ] as const)('refuses a template placeholder in the %s', async (field, text) => {
    const refused = await refusal(t.hub.addOffer({ ...offer, [field]: text }, 'mia'));
    expect(refused.code).toBe('HUB_INVALID');
    expect(refused.message).toMatch(new RegExp(`^offer ${field}: holds the template placeholder`));
  });

  it.each([
    ['title', 'Write to jane.doe@example.com'],
    ['body', 'Pay into DE89 3704 0044 0532 0130 00 today'],
    ['callToAction', 'Call +44 20 7946 0958'],
  ] as const)('refuses personal data in the %s without repeating it', async (field, text) => {
    const refused = await refusal(t.hub.addOffer({ ...offer, [field]: text }, 'mia'));
    expect(refused.code).toBe('HUB_INVALID');
    expect(refused.message).toMatch(new RegExp(`^offer ${field}: looks like personal data`));
    expect(refused.message).not.toContain(text);
  });

  it('refuses malformed offers naming the field', async () => {
    const refused = await refusal(
      t.hub.addOffer({ ...offer, category: 'Mortgage!', validFrom: '2031-01-01' }, 'mia'),
    );
    expect(refused.code).toBe('HUB_INVALID');
    expect(refused.message).toMatch(/category: a code is/);
    expect(refused.message).toMatch(/validUntil: may not be before validFrom/);
    expect((await refusal(t.hub.addOffer({ ...offer, productCode: 'nothing' }, 'mia'))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('lets only marketers add products, offers and segments', async () => {
    const product = { code: 'car', name: 'Car loan', provider: 'bank', credit: true };
    expect((await refusal(t.hub.addProduct(product, 'pat'))).message).toMatch(
      /pat may not add products: that needs the role marketer \(holds partner\)/,
    );
    expect((await refusal(t.hub.addOffer(offer, 'abe'))).code).toBe('HUB_FORBIDDEN');
    expect(
      (
        await refusal(
          t.hub.addSegment({ name: 'x', expression: 'holds("savings")', purpose: 'bank_offers' }, 'ola'),
        )
      ).code,
    ).toBe('HUB_FORBIDDEN');
  });

  it('refuses a segment the checker refuses, with its rendered diagnostics', async () => {
    const refused = await refusal(
      t.hub.addSegment({ name: 'broken', expression: 'count(within: 90d) >', purpose: 'bank_offers' }, 'mia'),
    );
    expect(refused.code).toBe('QUESTION_INVALID');
    expect(refused.message).toContain('the expression ends too early');
    expect(refused.message).toContain('\n                    ^');
    expect(await t.hub.listSegments()).not.toContainEqual(expect.objectContaining({ name: 'broken' }));
  });

  it('links segments to offers, re-checking under a credit offer’s purpose', async () => {
    const movers = await t.hub.addSegment(
      {
        name: 'movers',
        expression: 'spent(category: "home_services", within: 60d) > 0',
        purpose: 'partner_offers',
      },
      'mia',
    );
    expect(movers.explanation).toContain('home services');
    await t.hub.linkOffer('movers', offers.insurance, 'mia');
    await t.hub.linkOffer(movers.id, offers.mortgage, 'mia');
    expect(t.door.checks.at(-1)).toEqual({ expression: movers.expression, purpose: 'credit_offers' });
    expect((await t.hub.offersForSegment('movers')).map((o) => o.id).sort()).toEqual(
      [offers.insurance, offers.mortgage].sort(),
    );

    await t.hub.addSegment(
      {
        name: 'older',
        expression: 'spent(category: "baby", within: 90d) > 0',
        purpose: 'partner_offers',
      },
      'mia',
    );
    expect((await refusal(t.hub.linkOffer('older', offers.mortgage, 'mia'))).code).toBe('QUESTION_INVALID');
    expect(await t.hub.offersForSegment('older')).toEqual([]);
  });
});
