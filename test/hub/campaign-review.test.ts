// What a campaign will send, reviewed before drafting and by the approver: the sentence customers read, the
// static fair-lending check, and an existing protected count only — a preview never asks the vault to count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CurtainError } from '../../src/core/errors.ts';
import { fairLendingVersion } from '../../src/language/fair-lending.ts';
import { testBackends } from '../support/backends.ts';
import { addTestCatalogue, addTestStaff, createTestHub, type TestHub } from './hub-fixture.ts';

const homeowners = 'spent(category: "home_inspection", within: 90d) > 0';
const byAge = 'age_band("25-34")';

describe.each(testBackends)('campaign review on $name', (backend) => {
  let t: TestHub;
  let offers: { mortgage: string; insurance: string };
  const counted: string[] = [];

  beforeAll(async () => {
    t = await createTestHub(backend);
    await addTestStaff(t.hub);
    offers = await addTestCatalogue(t.hub);
    await t.hub.addSegment(
      { name: 'new homeowners', expression: homeowners, purpose: 'credit_offers' },
      'mia',
    );
    const count = t.door.count.bind(t.door);
    t.door.count = (expression: string, purpose: string) => {
      counted.push(expression);
      return count(expression, purpose);
    };
  });
  afterAll(() => t.dispose());

  it('previews a saved segment under a credit offer: the sentence, fair lending applied, no count asked', async () => {
    const preview = await t.hub.previewCampaign(
      { segment: 'new homeowners', offerId: offers.mortgage },
      'mia',
    );
    expect(preview.offer.title).toBe('A mortgage for your new home');
    expect(preview.review).toMatchObject({
      audience: homeowners,
      purpose: 'credit_offers',
      check: { passed: true, code: null, problem: null },
      fairLending: { applies: true, rules: fairLendingVersion },
      protectedCount: null,
    });
    expect(preview.review.sentence).toMatch(/home inspection/i);
    expect(counted).toEqual([]);
  });

  it('shows the latest protected count already asked, and still asks for none', async () => {
    await t.hub.count(homeowners, 'credit_offers', 'mia');
    counted.length = 0;
    const preview = await t.hub.previewCampaign({ audience: homeowners, offerId: offers.mortgage }, 'mia');
    expect(preview.review.protectedCount).toMatchObject({ count: 1000, askedBy: 'mia' });
    // Under another purpose the same expression was never counted: nothing is shown, nothing is asked.
    const other = await t.hub.previewCampaign({ audience: homeowners, offerId: offers.insurance }, 'mia');
    expect(other.review).toMatchObject({ purpose: 'partner_offers', protectedCount: null });
    expect(other.review.fairLending.applies).toBe(false);
    expect(counted).toEqual([]);
  });

  it('reports a fair-lending refusal as part of the review, not as an error', async () => {
    const credit = await t.hub.previewCampaign({ audience: byAge, offerId: offers.mortgage }, 'mia');
    expect(credit.review.sentence).toBeNull();
    expect(credit.review.check.passed).toBe(false);
    expect(credit.review.check.problem).toMatch(/protected attribute/);
    const insurance = await t.hub.previewCampaign({ audience: byAge, offerId: offers.insurance }, 'mia');
    expect(insurance.review.check.passed).toBe(true);
  });

  it('gives the approver the same review with the campaign', async () => {
    const drafted = await t.hub.createCampaign(
      { name: 'reviewed', segment: 'new homeowners', offerId: offers.mortgage, startsAt: t.clock.now },
      'mia',
    );
    const detail = await t.hub.show(drafted.id);
    expect(detail.review).toMatchObject({
      audience: homeowners,
      check: { passed: true },
      fairLending: { applies: true },
      protectedCount: { count: 1000, askedBy: 'mia' },
    });
    expect(detail.review.sentence).toMatch(/home inspection/i);
  });

  it('lets only a marketer preview, and names a missing offer', async () => {
    await expect(
      t.hub.previewCampaign({ audience: homeowners, offerId: offers.mortgage }, 'abe'),
    ).rejects.toThrow(/abe/);
    const missing = await t.hub
      .previewCampaign({ audience: homeowners, offerId: '00000000-0000-4000-8000-000000000000' }, 'mia')
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(CurtainError);
    expect((missing as CurtainError).code).toBe('NOT_FOUND');
  });
});
