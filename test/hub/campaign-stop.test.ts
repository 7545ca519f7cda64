// Stopping a running campaign at the hub: a written reason, stopping → stopped, its vault (every region's) told,
// a vault out of reach leaving it stopping and named, asking again finishing the stop. On every backend.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { identityHolds, identityNonce } from '../../src/audit/door-identity.ts';
import { CurtainError } from '../../src/core/errors.ts';
import { ok } from '../../src/core/result.ts';
import { HubService } from '../../src/hub/hub-service.ts';
import { HubStorage } from '../../src/hub/hub-storage.ts';
import { testBackends } from '../support/backends.ts';
import { addTestCatalogue, addTestStaff, createTestHub, type TestHub } from './hub-fixture.ts';
import { RecordingDoor } from './recording-door.ts';

const start = new Date('2030-03-01T09:00:00Z');
const regions = ['north', 'south', 'west'] as const;

async function refusal(promise: Promise<unknown>): Promise<CurtainError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CurtainError)) throw new Error(`expected a CurtainError, got ${String(error)}`);
  return error;
}

describe.each(testBackends)('stopping a running campaign on $name', (backend) => {
  let t: TestHub;
  let offers: Awaited<ReturnType<typeof addTestCatalogue>>;
  /** The same hub over the same database, with three regional vaults (test doubles) registered. */
  let regional: HubService;
  const regionDoors = new Map(regions.map((region) => [region, new RecordingDoor()]));

  beforeAll(async () => {
    t = await createTestHub(backend);
    await addTestStaff(t.hub);
    offers = await addTestCatalogue(t.hub);
    regional = new HubService(new HubStorage(t.storage), t.door, {
      now: () => t.clock.now,
      regional: {
        open: ({ region }) => regionDoors.get(region as (typeof regions)[number])!,
        proofs: { nonce: identityNonce, holds: identityHolds },
      },
    });
    for (const [region, door] of regionDoors) {
      await regional.registerVault(
        { region, url: `https://${region}.vault.example`, publicKey: door.publicKey },
        'ola',
      );
    }
  });
  afterAll(() => t.dispose());
  beforeEach(() => {
    t.clock.now = start;
  });

  /** A campaign approved and run; the vault answers that it is still sending. */
  async function running(name: string, hub = t.hub, extra: Record<string, unknown> = {}) {
    const drafted = await hub.createCampaign(
      {
        name,
        audience: 'count(within: 90d) > 0',
        offerId: offers.insurance,
        startsAt: start,
        ...extra,
      },
      'mia',
    );
    await hub.approve(drafted.id, 'abe');
    for (const door of [t.door, ...regionDoors.values()]) {
      door.nextDelivery = ok({ campaignId: drafted.id, state: 'sending', fractionDone: 0.3 });
    }
    const { campaign } = await hub.run(drafted.id, 'ola');
    expect(campaign.status).toBe('running');
    return campaign;
  }

  it('stops with a written reason: stopping, then stopped once the vault stopped; logged, ε given back', async () => {
    const campaign = await running('stop me');
    expect(t.door.reservations.has(campaign.id)).toBe(true);
    const withoutReason = await refusal(t.hub.cancel(campaign.id, 'mia'));
    expect(withoutReason.code).toBe('HUB_INVALID');
    expect(withoutReason.message).toContain('written reason');
    expect(t.door.stops).toHaveLength(0);

    const recordedBefore = t.door.recorded.length;
    const stopped = await t.hub.cancel(campaign.id, 'mia', 'the offer text is wrong');
    expect(stopped.status).toBe('stopped');
    expect(stopped.finishedAt).toEqual(start);
    expect(t.door.stops).toEqual([{ campaignId: campaign.id, actor: 'mia' }]);
    // The vault gave the campaign's holding back (the double forgets it as the vault ends it).
    expect(t.door.reservations.has(campaign.id)).toBe(false);
    const { events } = await t.hub.show(campaign.id);
    expect(events.map((e) => e.event).slice(-2)).toEqual(['stopping', 'stopped']);
    expect(JSON.parse(events.at(-2)!.detail!)).toEqual({ reason: 'the offer text is wrong' });
    expect(t.door.recorded.slice(recordedBefore).map((e) => e.type)).toEqual([
      'campaign.stopping',
      'campaign.stopped',
    ]);
    expect(t.door.recorded.at(-2)?.details).toMatchObject({
      reason: 'the offer text is wrong',
      actor: 'mia',
    });
    // What was sent stays readable as protected results; a stopped campaign cannot run or be stopped again.
    expect((await t.hub.results(campaign.id, 'mia')).ok).toBe(true);
    expect((await refusal(t.hub.run(campaign.id, 'ola'))).code).toBe('HUB_CAMPAIGN_STATE');
    expect((await refusal(t.hub.cancel(campaign.id, 'mia', 'again'))).code).toBe('HUB_CAMPAIGN_STATE');
  });

  it('stays stopping while its vault cannot be reached, and asking again stops it', async () => {
    const campaign = await running('vault away');
    t.door.unreachableStops = true;
    const away = await refusal(t.hub.cancel(campaign.id, 'mia', 'wrong audience'));
    expect(away.code).toBe('VAULT_UNAVAILABLE');
    expect((await t.hub.show(campaign.id)).campaign.status).toBe('stopping');
    // A run of a stopping campaign sends nothing more: the hub refuses it before the vault is asked.
    const deliveries = t.door.deliveries.length;
    expect((await refusal(t.hub.run(campaign.id, 'ola'))).code).toBe('HUB_CAMPAIGN_STATE');
    expect(t.door.deliveries).toHaveLength(deliveries);
    t.door.unreachableStops = false;
    const stopped = await t.hub.cancel(campaign.id, 'ada');
    expect(stopped.status).toBe('stopped');
    const steps = (await t.hub.show(campaign.id)).events.map((e) => e.event);
    expect(steps.filter((s) => s === 'stopping')).toHaveLength(1);
    expect(steps.at(-1)).toBe('stopped');
  });

  it('stays stopping when its vault answers the stop with a refusal, and asking again stops it', async () => {
    const campaign = await running('vault refuses');
    t.door.refusedStop = { code: 'USAGE', message: 'stop: campaignId is not one the vault knows' };
    const refused = await refusal(t.hub.cancel(campaign.id, 'mia', 'wrong offer'));
    expect(refused.code).toBe('USAGE');
    expect(refused.message).toContain('its vault did not stop it');
    expect((await t.hub.show(campaign.id)).campaign.status).toBe('stopping');
    t.door.refusedStop = undefined;
    expect((await t.hub.cancel(campaign.id, 'mia')).status).toBe('stopped');
  });

  it('needs a marketer or approver; a draft or approved campaign is still cancelled, not stopped', async () => {
    const campaign = await running('roles');
    expect((await refusal(t.hub.cancel(campaign.id, 'cole', 'no'))).code).toBe('HUB_FORBIDDEN');
    const draft = await t.hub.createCampaign(
      { name: 'draft', audience: 'count(within: 90d) > 0', offerId: offers.insurance, startsAt: start },
      'mia',
    );
    const stops = t.door.stops.length;
    expect((await t.hub.cancel(draft.id, 'mia')).status).toBe('cancelled');
    expect(t.door.stops).toHaveLength(stops);
  });

  it('a regional campaign stops in every region reached, names the one it could not, and finishes later', async () => {
    const campaign = await running('regional stop', regional, { regions: [...regions] });
    regionDoors.get('west')!.unreachableStops = true;
    const away = await refusal(regional.cancel(campaign.id, 'mia', 'budget moved to spring'));
    expect(away.code).toBe('VAULT_UNAVAILABLE');
    expect(away.message).toContain('west');
    expect(away.message).not.toMatch(/north|south/);
    expect((await regional.show(campaign.id)).campaign.status).toBe('stopping');
    const { rows } = await t.storage.query<{ region: string; state: string }>(
      'SELECT region, state FROM hub.campaign_regions WHERE campaign_id = $1 ORDER BY region',
      [campaign.id],
    );
    expect(rows).toEqual([
      { region: 'north', state: 'stopped' },
      { region: 'south', state: 'stopped' },
      { region: 'west', state: 'held' },
    ]);

    regionDoors.get('west')!.unreachableStops = false;
    expect((await regional.cancel(campaign.id, 'mia')).status).toBe('stopped');
    // Each region was asked once: the second attempt went only to the region the first could not reach.
    for (const region of regions) {
      expect(regionDoors.get(region)!.stops.map((s) => s.campaignId)).toEqual([campaign.id]);
      expect(regionDoors.get(region)!.reservations.has(campaign.id)).toBe(false);
    }
    const last = (await regional.show(campaign.id)).events.at(-1)!;
    expect(last.event).toBe('stopped');
    expect(JSON.parse(last.detail!)).toEqual({ regions: { west: 'sending' } });
  });
});
