// The hub dump reads every table of schema hub, under the hub's role, for the end-to-end PII scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpHubTables } from '../../src/hub/hub-dump.ts';
import { testBackends } from '../support/backends.ts';
import { addTestCatalogue, addTestStaff, createTestHub, type TestHub } from './hub-fixture.ts';

describe.each(testBackends)('hub dump on $name', (backend) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await createTestHub(backend);
    await addTestStaff(t.hub);
    const { mortgage, movers } = await addTestCatalogue(t.hub);
    await t.hub.addSegment(
      { name: 'savers', expression: 'holds("savings")', purpose: 'credit_offers' },
      'mia',
    );
    await t.hub.linkOffer('savers', mortgage, 'mia');
    await t.hub.count('holds("savings")', 'credit_offers', 'mia');
    const campaign = await t.hub.createCampaign(
      { name: 'savers', segment: 'savers', offerId: mortgage, alsoOffers: [movers], startsAt: t.clock.now },
      'mia',
    );
    await t.hub.approve(campaign.id, 'abe');
    await t.hub.run(campaign.id, 'ola');
    await t.hub.results(campaign.id, 'cole');
    // A registered regional vault: registering proves its key over a door (test/regions); the dump needs the row.
    await t.hubStorage.query(
      `INSERT INTO hub.vaults (region, url, public_key, added_by) VALUES ('north', 'http://127.0.0.1:1', 'k', 'abe')`,
    );
    // A region's part of a regional campaign (test/regions runs them): the dump needs the row, never a count.
    await t.hubStorage.query(
      `INSERT INTO hub.campaign_regions (campaign_id, region, state, updated_at) VALUES ($1, 'north', 'held', now())`,
      [campaign.id],
    );
    // A federated round (test/hub/federated-rounds runs them): its stage and the model versions, never a count.
    await t.hubStorage.query(
      `INSERT INTO hub.federated_rounds (id, product, epsilon, regions, as_of, purpose, proposed_by, proposed_at,
         approved_by, approved_at, stage, models, updated_at)
       VALUES (gen_random_uuid(), 'savings', 1, '{london,north}', '2030-01-01', 'bank_offers', 'mia', now(),
         'abe', now(), 'stored', '{"north":{"model":"m","version":1}}', now())`,
    );
  });
  afterAll(() => t.dispose());

  it('returns every table of schema hub with its rows', async () => {
    const { rows } = await t.storage.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'hub' ORDER BY 1`,
    );
    const dump = await dumpHubTables(t.hubStorage);
    expect(Object.keys(dump).sort()).toEqual(rows.map((r) => r.name));
    expect(Object.keys(dump).sort()).toEqual([
      'campaign_events',
      'campaign_offers',
      'campaign_regions',
      'campaign_results',
      'campaigns',
      'federated_rounds',
      'offers',
      'products',
      'protected_counts',
      'segment_offers',
      'segments',
      'staff',
      'vaults',
    ]);
    for (const [table, tableRows] of Object.entries(dump)) expect(tableRows.length, table).toBeGreaterThan(0);
    expect(dump['campaign_events']?.map((r) => r['event'])).toEqual([
      'drafted',
      'approved',
      'started',
      'finished',
    ]);
  });

  it('fails rather than skip a hub table the role cannot read', async () => {
    // Tables created in schema hub are granted to the role by default (migration 7); this one is revoked.
    await t.storage.query('CREATE TABLE hub.ungranted (id int)');
    await t.storage.query('REVOKE ALL ON hub.ungranted FROM curtain_hub');
    try {
      await expect(dumpHubTables(t.hubStorage)).rejects.toThrow(/permission denied/);
    } finally {
      await t.storage.query('DROP TABLE hub.ungranted');
    }
  });
});
