// Campaign lifecycle on every backend: four eyes, roles, due dates, the vault's refusals, events and log.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CurtainError } from '../../src/core/errors.ts';
import { err } from '../../src/core/result.ts';
import { testBackends } from '../support/backends.ts';
import { addTestCatalogue, addTestStaff, createTestHub, type TestHub } from './hub-fixture.ts';

const start = new Date('2030-03-01T09:00:00Z');

async function refusal(promise: Promise<unknown>): Promise<CurtainError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CurtainError)) throw new Error(`expected a CurtainError, got ${String(error)}`);
  return error;
}

describe.each(testBackends)('campaign lifecycle on $name', (backend) => {
  let t: TestHub;
  let offers: { mortgage: string; insurance: string; movers: string };

  beforeAll(async () => {
    t = await createTestHub(backend);
    await addTestStaff(t.hub);
    offers = await addTestCatalogue(t.hub);
    await t.hub.addSegment(
      {
        name: 'new homeowners',
        expression: 'spent(category: "home_inspection", within: 90d) > 0',
        purpose: 'credit_offers',
      },
      'mia',
    );
  });
  afterAll(() => t.dispose());
  beforeEach(() => {
    t.clock.now = start;
  });

  const draft = (name: string, extra: Record<string, unknown> = {}) =>
    t.hub.createCampaign(
      {
        name,
        segment: 'new homeowners',
        offerId: offers.mortgage,
        channels: ['email'],
        startsAt: start,
        ...extra,
      },
      'mia',
    );

  it('goes draft → approved by a second person → running → finished, each step journalled and logged', async () => {
    const recordedBefore = t.door.recorded.length;
    const drafted = await draft('spring mortgages', { maxMessages: 500 });
    expect(drafted).toMatchObject({
      status: 'draft',
      createdBy: 'mia',
      frequencyCap: { messages: 1, days: 7 },
    });
    expect(t.door.checks.at(-1)).toEqual({
      expression: 'spent(category: "home_inspection", within: 90d) > 0',
      purpose: 'credit_offers',
    });

    const approved = await t.hub.approve(drafted.id, 'abe');
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'abe' });

    const progress: number[] = [];
    const { campaign, refusal: refused } = await t.hub.run(drafted.id, 'ola', (f) => progress.push(f));
    expect(refused).toBeUndefined();
    expect(campaign.status).toBe('finished');
    expect(progress).toEqual([0.5, 1]);

    const request = t.door.deliveries.at(-1);
    expect(request).toEqual({
      campaignId: drafted.id,
      requestedBy: 'ola',
      purpose: 'credit_offers',
      audience: 'spent(category: "home_inspection", within: 90d) > 0',
      offer: {
        offerId: offers.mortgage,
        title: 'A mortgage for your new home',
        body: 'Fixed rates for ten years.',
        callToAction: 'Talk to a mortgage adviser',
        category: 'mortgage',
        credit: true,
        validUntil: '2030-12-31',
      },
      channels: ['email'],
      frequencyCap: { messages: 1, days: 7 },
      maxMessages: 500,
    });

    const { events } = await t.hub.show(drafted.id);
    expect(events.map((e) => [e.event, e.actor])).toEqual([
      ['drafted', 'mia'],
      ['approved', 'abe'],
      ['started', 'ola'],
      ['finished', 'ola'],
    ]);
    const logged = t.door.recorded.slice(recordedBefore);
    expect(logged.map((e) => [e.type, e.details['campaign'], e.details['actor']])).toEqual([
      ['campaign.drafted', drafted.id, 'mia'],
      ['campaign.approved', drafted.id, 'abe'],
      ['campaign.started', drafted.id, 'ola'],
      ['campaign.finished', drafted.id, 'ola'],
    ]);
  });

  it('refuses self-approval, even by an approver, and approval by a non-approver', async () => {
    const drafted = await draft('self approved');
    await t.hub.addStaff('mia', ['approver']);
    try {
      const self = await refusal(t.hub.approve(drafted.id, 'mia'));
      expect(self.code).toBe('HUB_FORBIDDEN');
      expect(self.message).toMatch(/created campaign .* may not approve it/);
    } finally {
      await t.storage.query(`UPDATE hub.staff SET roles = ARRAY['marketer'] WHERE handle = 'mia'`);
    }
    const notApprover = await refusal(t.hub.approve(drafted.id, 'ola'));
    expect(notApprover.code).toBe('HUB_FORBIDDEN');
    expect(notApprover.message).toMatch(/ola may not approve campaigns: that needs the role approver/);
    const stranger = await refusal(t.hub.approve(drafted.id, 'nobody'));
    expect(stranger.code).toBe('HUB_FORBIDDEN');
    expect((await t.hub.show(drafted.id)).campaign.status).toBe('draft');
  });

  it('has the table refuse self-approval too', async () => {
    const drafted = await draft('table check');
    await expect(
      t.storage.query(`UPDATE hub.campaigns SET approved_by = created_by WHERE id = $1`, [drafted.id]),
    ).rejects.toThrow(/check/i);
  });

  it('refuses to run before approval, before the start, after the end, and by someone without the role', async () => {
    const drafted = await draft('too early', {
      startsAt: new Date('2030-04-01T00:00:00Z'),
      endsAt: new Date('2030-04-08T00:00:00Z'),
    });
    const dueDraft = await draft('due but not approved');
    const unapproved = await refusal(t.hub.run(dueDraft.id, 'ola'));
    expect(unapproved.code).toBe('HUB_CAMPAIGN_STATE');
    expect(unapproved.message).toMatch(/it is draft, and only a campaign that is approved can/);
    expect(t.door.deliveries.map((d) => d.campaignId)).not.toContain(dueDraft.id);
    await t.hub.approve(drafted.id, 'abe');
    expect((await refusal(t.hub.run(drafted.id, 'abe'))).code).toBe('HUB_FORBIDDEN');
    const early = await refusal(t.hub.run(drafted.id, 'ola'));
    expect(early.code).toBe('HUB_CAMPAIGN_STATE');
    expect(early.message).toMatch(/starts at 2030-04-01/);
    t.clock.now = new Date('2030-04-09T00:00:00Z');
    expect((await refusal(t.hub.run(drafted.id, 'ola'))).message).toMatch(/ended at 2030-04-08/);
    expect((await t.hub.show(drafted.id)).campaign.status).toBe('approved');
  });

  it('stores a refusal by the vault as refused, with the code only', async () => {
    const drafted = await draft('tiny audience');
    await t.hub.approve(drafted.id, 'ada');
    t.door.nextDelivery = err({
      code: 'DELIVERY_AUDIENCE_TOO_SMALL',
      message: 'the audience is too small to engage',
    });
    const outcome = await t.hub.run(drafted.id, 'mia');
    expect(outcome.refusal?.code).toBe('DELIVERY_AUDIENCE_TOO_SMALL');
    expect(outcome.campaign).toMatchObject({ status: 'refused', refusal: 'DELIVERY_AUDIENCE_TOO_SMALL' });
    const { events } = await t.hub.show(drafted.id);
    expect(events.at(-1)).toMatchObject({ event: 'refused', actor: 'mia' });
    expect(t.door.recorded.at(-1)).toEqual({
      type: 'campaign.finished',
      details: {
        campaign: drafted.id,
        actor: 'mia',
        step: 'refused',
        outcome: 'refused',
        refusal: 'DELIVERY_AUDIENCE_TOO_SMALL',
      },
    });
    expect((await refusal(t.hub.run(drafted.id, 'mia'))).code).toBe('HUB_CAMPAIGN_STATE');
  });

  it('resumes a campaign left running by a crash', async () => {
    const drafted = await draft('crashed');
    await t.hub.approve(drafted.id, 'abe');
    t.door.nextDelivery = 'throw';
    await expect(t.hub.run(drafted.id, 'ola')).rejects.toThrow(/went away/);
    expect((await t.hub.show(drafted.id)).campaign.status).toBe('running');
    const resumed = await t.hub.run(drafted.id, 'ola');
    expect(resumed.campaign.status).toBe('finished');
    expect(t.door.deliveries.filter((d) => d.campaignId === drafted.id)).toHaveLength(2);
    const { events } = await t.hub.show(drafted.id);
    expect(events.map((e) => e.event)).toEqual(['drafted', 'approved', 'started', 'resumed', 'finished']);
  });

  it('chooses among offers by the interests of released tokens, the campaign offer for the rest', async () => {
    const drafted = await draft('movers', { alsoOffers: [offers.movers] });
    expect((await t.hub.show(drafted.id)).alsoOffers.map((o) => o.id)).toEqual([offers.movers]);
    await t.hub.approve(drafted.id, 'abe');
    t.door.releasedTokens = [
      { token: 'a'.repeat(22), interests: ['housing', 'travel'] },
      { token: 'b'.repeat(22), interests: ['travel'] },
      { token: 'c'.repeat(22), interests: [] },
      { token: 'd'.repeat(22), interests: ['housing'] },
    ];
    t.door.nextDelivery = {
      ok: true,
      value: { campaignId: drafted.id, state: 'finished', fractionDone: 1, tooSmallOffers: [offers.movers] },
    };
    const ran = await t.hub.run(drafted.id, 'ola');
    t.door.releasedTokens = [];
    expect(ran.campaign.status).toBe('finished');
    expect(t.door.releases.at(-1)).toMatchObject({
      campaignId: drafted.id,
      requestedBy: 'ola',
      purpose: 'credit_offers',
      audience: 'spent(category: "home_inspection", within: 90d) > 0',
    });
    const delivery = t.door.deliveries.at(-1)!;
    expect(delivery.offer.offerId).toBe(offers.mortgage);
    expect(delivery.choices).toEqual([
      {
        offer: expect.objectContaining({ offerId: offers.movers }) as unknown,
        tokens: ['a'.repeat(22), 'd'.repeat(22)],
      },
    ]);
    const { events } = await t.hub.show(drafted.id);
    expect(JSON.parse(events.at(-1)!.detail!)).toEqual({
      outcome: 'delivered',
      tooSmallOffers: [offers.movers],
    });
  });

  it('refuses other offers of another purpose, without interests, expired, or twice', async () => {
    const cases: [string[], RegExp][] = [
      [[offers.insurance], /alsoOffers\.0.*purpose is partner_offers/],
      [[offers.mortgage], /alsoOffers.*each offer once/],
      [[offers.movers, offers.movers], /alsoOffers.*each offer once/],
    ];
    for (const [alsoOffers, message] of cases) {
      const refused = await refusal(draft('bad alternatives', { alsoOffers }));
      expect(refused.code).toBe('HUB_INVALID');
      expect(refused.message).toMatch(message);
    }
    const plain = await t.hub.addOffer(
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
    const noInterests = await refusal(draft('no interests', { alsoOffers: [plain.id] }));
    expect(noInterests.message).toMatch(/names no interests/);
  });

  it('checks a credit offer’s audience under the fair-lending purpose', async () => {
    // A proxy of protected attributes: refused for credit offers (the vault's checker), allowed for others.
    const childcare = 'spent(category: "childcare", within: 90d) > 0';
    const refused = await refusal(
      t.hub.createCampaign(
        { name: 'by childcare', audience: childcare, offerId: offers.mortgage, startsAt: start },
        'mia',
      ),
    );
    expect(refused.code).toBe('QUESTION_INVALID');
    expect(refused.message).toMatch(/proxy for sex and marital_status .* credit products/);
    const partner = await t.hub.createCampaign(
      { name: 'by childcare, insurance', audience: childcare, offerId: offers.insurance, startsAt: start },
      'mia',
    );
    expect(partner.status).toBe('draft');
    expect(t.door.checks.at(-1)).toEqual({ expression: childcare, purpose: 'partner_offers' });
  });

  it('cancels a draft or an approved campaign, not a finished one', async () => {
    const drafted = await draft('cancel me');
    expect((await refusal(t.hub.cancel(drafted.id, 'ola'))).code).toBe('HUB_FORBIDDEN');
    const cancelled = await t.hub.cancel(drafted.id, 'mia');
    expect(cancelled.status).toBe('cancelled');
    expect(t.door.recorded.at(-1)).toMatchObject({
      type: 'campaign.cancelled',
      details: { campaign: drafted.id, actor: 'mia' },
    });
    expect((await refusal(t.hub.cancel(drafted.id, 'mia'))).code).toBe('HUB_CAMPAIGN_STATE');
  });

  it('runs every due approved campaign, and only those', async () => {
    const due = await draft('due');
    const later = await draft('later', { startsAt: new Date('2030-05-01T00:00:00Z') });
    const unapproved = await draft('unapproved');
    await t.hub.approve(due.id, 'abe');
    await t.hub.approve(later.id, 'abe');
    expect((await refusal(t.hub.runDue('cole'))).code).toBe('HUB_FORBIDDEN');
    const runs = await t.hub.runDue('ola');
    expect(runs.map((r) => [r.campaignId, r.outcome.ok && r.outcome.value.campaign.status])).toEqual([
      [due.id, 'finished'],
    ]);
    expect((await t.hub.show(later.id)).campaign.status).toBe('approved');
    expect((await t.hub.show(unapproved.id)).campaign.status).toBe('draft');
  });

  it('gives results to marketers and compliance, stored in hub.campaign_results', async () => {
    const drafted = await draft('results');
    expect((await refusal(t.hub.results(drafted.id, 'mia'))).code).toBe('HUB_CAMPAIGN_STATE');
    await t.hub.approve(drafted.id, 'abe');
    await t.hub.run(drafted.id, 'ola');
    expect((await refusal(t.hub.results(drafted.id, 'ola'))).code).toBe('HUB_FORBIDDEN');
    const released = await t.hub.results(drafted.id, 'cole');
    expect(released.ok && released.value.delivered).toBe(120);
    await t.hub.results(drafted.id, 'mia');
    const { results } = await t.hub.show(drafted.id);
    expect(results).toEqual([
      {
        campaignId: drafted.id,
        delivered: 120,
        opened: 60,
        interested: null,
        // Kept in hub.campaign_results as the vault released them (the recording door's).
        leadOutcomes: { contacted: 70, meeting: null, productOpened: null, closed: null },
        epsilon: '1/20',
        releasedOn: '2030-03-02',
      },
    ]);
  });

  it('lists campaigns by status', async () => {
    const finishedOne = await draft('listed, finished');
    await t.hub.approve(finishedOne.id, 'abe');
    await t.hub.run(finishedOne.id, 'ola');
    const draftOne = await draft('listed, draft');
    const all = await t.hub.list();
    const finished = await t.hub.list('finished');
    expect(finished.length).toBeGreaterThan(0);
    expect(finished.every((c) => c.status === 'finished')).toBe(true);
    expect(all.length).toBeGreaterThan(finished.length);
    expect(finished.map((c) => c.id)).toContain(finishedOne.id);
    expect(all.map((c) => c.id)).toContain(draftOne.id);
  });
});

describe.each(testBackends)('approval holds budget, on $name', (backend) => {
  let t: TestHub;
  let mortgage: string;
  beforeAll(async () => {
    t = await createTestHub(backend);
    await addTestStaff(t.hub);
    mortgage = (await addTestCatalogue(t.hub)).mortgage;
    t.clock.now = start;
  });
  afterAll(() => t.dispose());

  const draft = (name: string) =>
    t.hub.createCampaign(
      {
        name,
        audience: 'spent(category: "home_inspection", within: 90d) > 0',
        offerId: mortgage,
        startsAt: start,
        endsAt: new Date('2030-03-20T00:00:00Z'),
      },
      'mia',
    );

  it('asks the vault to hold the campaign’s ε until its end, and gives it back when cancelled', async () => {
    const drafted = await draft('held');
    await t.hub.approve(drafted.id, 'abe', 'offer text and fair-lending check read');
    expect(t.door.reservations.get(drafted.id)).toEqual({
      campaignId: drafted.id,
      holder: 'abe',
      purpose: 'credit_offers',
      endsAt: '2030-03-20T00:00:00.000Z',
    });
    const approved = t.door.recorded.at(-1);
    expect(approved?.details).toMatchObject({
      step: 'approved',
      reason: 'offer text and fair-lending check read',
    });
    await t.hub.cancel(drafted.id, 'mia');
    expect(t.door.reservations.has(drafted.id)).toBe(false);
  });

  it('leaves a campaign in draft when the vault cannot hold its ε', async () => {
    const drafted = await draft('starved');
    t.door.refuseReservations = true;
    try {
      const refused = await refusal(t.hub.approve(drafted.id, 'abe'));
      expect(refused.code).toBe('PRIVACY_BUDGET_EXHAUSTED');
    } finally {
      t.door.refuseReservations = false;
    }
    expect((await t.hub.show(drafted.id)).campaign.status).toBe('draft');
  });

  it('records an approver’s refusal with its written reason', async () => {
    const drafted = await draft('refused');
    const refused = await t.hub.refuse(drafted.id, 'abe', 'the offer text promises a rate we cannot give');
    expect(refused.status).toBe('cancelled');
    const events = (await t.hub.show(drafted.id)).events.map((e) => [e.event, e.actor, e.detail]);
    expect(events.at(-1)).toEqual([
      'cancelled',
      'abe',
      JSON.stringify({
        from: 'draft',
        refused: true,
        reason: 'the offer text promises a rate we cannot give',
      }),
    ]);
    expect(t.door.recorded.at(-1)?.details).toMatchObject({
      reason: 'the offer text promises a rate we cannot give',
    });
    expect(t.door.reservations.has(drafted.id)).toBe(false);
  });
});
