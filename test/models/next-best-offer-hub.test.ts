// A campaign whose offers are picked by propensity: the hub sends the offers to the vault and chooses nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { addTestCatalogue, addTestStaff, createTestHub, type TestHub } from '../hub/hub-fixture.ts';

const start = new Date('2030-03-01T09:00:00Z');

describe.each(testBackends)('campaigns picking offers by propensity on $name', (backend) => {
  let t: TestHub;
  let offers: { mortgage: string; movers: string };
  let plain: string;

  beforeAll(async () => {
    t = await createTestHub(backend);
    await addTestStaff(t.hub);
    offers = await addTestCatalogue(t.hub);
    const offer = await t.hub.addOffer(
      {
        productCode: 'mortgage',
        title: 'Another mortgage',
        body: 'Fixed rates.',
        callToAction: 'Talk to us',
        category: 'mortgage',
        validFrom: '2030-01-01',
        validUntil: '2030-12-31',
      },
      'mia',
    );
    plain = offer.id;
  });
  afterAll(() => t.dispose());

  it('accepts offers without interests and hands the vault every offer with its product', async () => {
    const draft = {
      name: 'next best mortgage',
      audience: 'spent(category: "home_inspection", within: 90d) > 0',
      offerId: offers.mortgage,
      alsoOffers: [plain, offers.movers],
      startsAt: start,
    };
    // By interest, an offer without interests would be chosen for nobody: refused.
    await expect(t.hub.createCampaign(draft, 'mia')).rejects.toThrow(/names no interests/);
    const drafted = await t.hub.createCampaign({ ...draft, pickOffersBy: 'propensity' }, 'mia');
    expect(drafted.pickOffersBy).toBe('propensity');
    await t.hub.approve(drafted.id, 'abe');
    const releasesBefore = t.door.releases.length;
    await t.hub.run(drafted.id, 'ola');
    expect(t.door.releases.length).toBe(releasesBefore);
    const sent = t.door.deliveries.at(-1)!;
    expect(sent.choices).toBeUndefined();
    expect(sent.offer).toMatchObject({ offerId: offers.mortgage, productCode: 'mortgage' });
    expect(sent.alternatives?.map((o) => [o.offerId, o.productCode])).toEqual([
      [plain, 'mortgage'],
      [offers.movers, 'mortgage'],
    ]);
  });
});
