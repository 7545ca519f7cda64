// Federated rounds at the hub, cheaply on both backends: proposal, two-person approval, stages, aborts.
// The three vaults are the hub's recording doors, each a real secure-aggregation client over a fixed input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityHolds, identityNonce } from '../../src/audit/door-identity.ts';
import { HubService } from '../../src/hub/hub-service.ts';
import { HubStorage } from '../../src/hub/hub-storage.ts';
import { statisticsDimension } from '../../src/federated/newton-update.ts';
import { featuresFor } from '../../src/models/feature-list.ts';
import { testBackends, type TestDatabase } from '../support/backends.ts';
import { RecordingDoor } from './recording-door.ts';

const regions = ['london', 'north', 'scotland'] as const;
const proposal = { product: 'savings', epsilon: 1, regions: 'all', asOf: '2026-07-01' } as const;

describe.each(testBackends)('federated rounds at the hub on $name', (backend) => {
  let database: TestDatabase;
  let hub: HubService;
  const doors = new Map<string, RecordingDoor>();

  beforeAll(async () => {
    database = await backend.createMigrated();
    for (const region of regions) {
      const door = new RecordingDoor();
      door.rounds.rename(region);
      doors.set(region, door);
    }
    // Each vault's operator pins its peers' keys, as the hub pins them at registration.
    for (const door of doors.values()) {
      for (const [region, peer] of doors) door.rounds.pins.set(region, peer.publicKey);
    }
    const home = new RecordingDoor();
    hub = new HubService(new HubStorage(database.storage), home, {
      regional: {
        open: ({ region }) => doors.get(region)!,
        proofs: { nonce: identityNonce, holds: identityHolds },
      },
    });
    await hub.addStaff('olga', ['operator']);
    await hub.addStaff('mia', ['marketer']);
    await hub.addStaff('ada', ['approver', 'marketer']);
    await hub.addStaff('abe', ['approver']);
    for (const [region, door] of doors) {
      await hub.registerVault(
        { region, url: `http://${region}.bank.internal`, publicKey: door.publicKey },
        'olga',
      );
    }
  }, 60_000);
  afterAll(() => database?.dispose());

  it('a marketer proposes, another person approves, and the round runs to stored with a model per region', async () => {
    const proposed = await hub.proposeRound(proposal, 'mia');
    expect(proposed).toMatchObject({
      stage: 'proposed',
      regions: [...regions],
      proposedBy: 'mia',
      approvedBy: null,
    });
    await expect(hub.approveRound(proposed.id, 'mia')).rejects.toMatchObject({ code: 'HUB_FORBIDDEN' });
    const approved = await hub.approveRound(proposed.id, 'abe');
    expect(approved).toMatchObject({ stage: 'approved', approvedBy: 'abe' });
    const stored = await hub.runRound(proposed.id);
    expect(stored.stage).toBe('stored');
    expect(Object.keys(stored.models ?? {}).sort()).toEqual([...regions]);
    // The hub unmasked the sum of the three inputs (1 in every element each) and nothing else.
    const dimension = statisticsDimension(featuresFor('savings').length + 1);
    for (const door of doors.values()) {
      expect([...door.rounds.sums.get(proposed.id)!]).toEqual(new Array<number>(dimension).fill(3));
    }
    await expect(hub.runRound(proposed.id)).rejects.toMatchObject({ code: 'FEDERATED_ROUND_STATE' });
  });

  // Broken once: without the proposer check in FederatedRounds.approve, ada's self-approval reached the
  // database's CHECK and failed with a storage error, not HUB_FORBIDDEN, and this test failed.
  it('self-approval is refused even when the proposer is an approver, and so is approval by a marketer', async () => {
    const proposed = await hub.proposeRound(proposal, 'ada');
    await expect(hub.approveRound(proposed.id, 'ada')).rejects.toMatchObject({ code: 'HUB_FORBIDDEN' });
    const byMarketer = await hub.proposeRound(proposal, 'ada');
    await expect(hub.approveRound(byMarketer.id, 'mia')).rejects.toMatchObject({ code: 'HUB_FORBIDDEN' });
    await expect(hub.proposeRound(proposal, 'abe')).rejects.toMatchObject({ code: 'HUB_FORBIDDEN' });
    // The database holds the rule too: no statement can make the proposer the approver.
    await expect(
      database.storage.query(
        `UPDATE hub.federated_rounds SET approved_by = proposed_by, stage = 'approved' WHERE id = $1`,
        [proposed.id],
      ),
    ).rejects.toThrow(/check/i);
    expect((await hub.showRound(proposed.id)).stage).toBe('proposed');
  });

  it('an unapproved round does not run; one a vault cannot pay for is aborted with the reason, in every vault', async () => {
    const unapproved = await hub.proposeRound(proposal, 'mia');
    await expect(hub.runRound(unapproved.id)).rejects.toMatchObject({ code: 'FEDERATED_ROUND_STATE' });
    const costly = await hub.proposeRound({ ...proposal, epsilon: 10 }, 'mia');
    await hub.approveRound(costly.id, 'abe');
    doors.get('north')!.rounds.epsilonLeft = 5;
    await expect(hub.runRound(costly.id)).rejects.toMatchObject({ code: 'PRIVACY_BUDGET_EXHAUSTED' });
    const aborted = await hub.showRound(costly.id);
    expect(aborted).toMatchObject({ stage: 'aborted', models: null });
    expect(aborted.reason).toMatch(/^PRIVACY_BUDGET_EXHAUSTED: /);
    for (const door of doors.values()) expect(door.rounds.steps).toContain(`abort ${costly.id}`);
    expect((await hub.listRounds()).map((r) => r.id)).toContain(costly.id);
  });
});
