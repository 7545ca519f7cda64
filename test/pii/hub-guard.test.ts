// The PII detector guarding hub input on every backend: offer texts, segment and campaign names are refused when
// they hold a name, national id, address or date of birth, naming the field and never the value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CurtainError } from '../../src/core/errors.ts';
import { refuseUnsafeText } from '../../src/hub/hub-input.ts';
import { testBackends } from '../support/backends.ts';
import { addTestCatalogue, addTestStaff, createTestHub, type TestHub } from '../hub/hub-fixture.ts';

async function refusal(promise: Promise<unknown>): Promise<CurtainError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CurtainError)) throw new Error(`expected a CurtainError, got ${String(error)}`);
  return error;
}

function refused(text: string): CurtainError | undefined {
  try {
    refuseUnsafeText('offer', { body: text });
    return undefined;
  } catch (error) {
    if (error instanceof CurtainError) return error;
    throw error;
  }
}

describe('refuseUnsafeText', () => {
  it.each([
    ['Dear Olivia Smith, your rate is fixed', "a person's name"],
    ['Call Mrs Okafor about it', "a person's name"],
    ['For SSN 123-45-6789 holders', 'a national identity number'],
    ['Send it to 12 High Street, Leeds LS1 4AB', 'a postal address'],
    ['Happy birthday, born 12/03/1985', 'a date of birth'],
    ['Write to jane.doe@example.com', 'an email address'],
    ['Pay into DE89 3704 0044 0532 0130 00', 'an IBAN'],
    ['Card 4111 1111 1111 1111', 'a card number'],
  ])('refuses %j as %s, without repeating it', (text, kind) => {
    const error = refused(text);
    expect(error?.code).toBe('HUB_INVALID');
    expect(error?.message).toBe(`offer body: looks like personal data (${kind}); the hub holds none`);
    expect(error?.details).toEqual({ field: 'body' });
  });

  it.each([
    'Moving home? Rates fixed for ten years.',
    '10% off at John Lewis this weekend',
    'Marks & Spencer vouchers for new savers',
    'Max Saver account: 4.1% AER',
    'Grace period of 56 days',
    'Offer valid until 31/12/2030',
    'spent(category: "home_inspection", within: 90d) > 0 and not holds("mortgage")',
    'Young families in London',
  ])('lets %j through', (text) => {
    expect(refused(text)).toBeUndefined();
  });
});

describe.each(testBackends)('hub input guard on $name', (backend) => {
  let t: TestHub;
  let offerId: string;

  beforeAll(async () => {
    t = await createTestHub(backend);
    await addTestStaff(t.hub);
    offerId = (await addTestCatalogue(t.hub)).mortgage;
  });
  afterAll(() => t.dispose());

  it('refuses a person’s name in an offer title', async () => {
    const error = await refusal(
      t.hub.addOffer(
        {
          productCode: 'mortgage',
          title: 'Dear Olivia Smith, moving home?',
          body: 'Rates fixed.',
          callToAction: 'Talk to an adviser',
          category: 'mortgage',
          validUntil: '2030-12-31',
        },
        'mia',
      ),
    );
    expect(error.code).toBe('HUB_INVALID');
    expect(error.message).toMatch(/^offer title: looks like personal data \(a person's name\)/);
    expect(error.message).not.toContain('Olivia');
  });

  it('refuses a name as a segment name and a date of birth in a campaign name', async () => {
    const segment = await refusal(
      t.hub.addSegment(
        { name: 'Mr Okafor and friends', expression: 'holds("mortgage")', purpose: 'bank_offers' },
        'mia',
      ),
    );
    expect(segment.message).toMatch(/^segment name: looks like personal data/);
    const campaign = await refusal(
      t.hub.createCampaign(
        {
          name: 'Customers born 12/03/1985',
          audience: 'holds("mortgage")',
          offerId,
          startsAt: '2030-03-02T09:00:00Z',
        },
        'mia',
      ),
    );
    expect(campaign.message).toMatch(/^campaign name: looks like personal data \(a date of birth\)/);
  });
});
