// A hub on a migrated test backend with a recording door, a settable clock and a small catalogue.
import { HubService } from '../../src/hub/hub-service.ts';
import { HubStorage } from '../../src/hub/hub-storage.ts';
import type { Storage } from '../../src/storage/ports.ts';
import type { TestBackend } from '../support/backends.ts';
import { RecordingDoor } from './recording-door.ts';

export interface TestHub {
  readonly storage: Storage;
  readonly hubStorage: HubStorage;
  readonly hub: HubService;
  readonly door: RecordingDoor;
  /** The hub's clock; tests move it. */
  readonly clock: { now: Date };
  dispose(): Promise<void>;
}

export async function createTestHub(backend: TestBackend): Promise<TestHub> {
  const { storage, dispose } = await backend.createMigrated();
  const hubStorage = new HubStorage(storage);
  const door = new RecordingDoor();
  const clock = { now: new Date('2030-03-01T09:00:00Z') };
  const hub = new HubService(hubStorage, door, { now: () => clock.now });
  return { storage, hubStorage, hub, door, clock, dispose };
}

/** Staff: mia (marketer), abe and ada (approvers), ola (operator), cole (compliance), pat (partner). */
export async function addTestStaff(hub: HubService): Promise<void> {
  await hub.addStaff('mia', ['marketer']);
  await hub.addStaff('abe', ['approver']);
  await hub.addStaff('ada', ['approver', 'marketer']);
  await hub.addStaff('ola', ['operator']);
  await hub.addStaff('cole', ['compliance']);
  await hub.addStaff('pat', ['partner']);
}

/**
 * A bank mortgage (credit) with two offers, the second for people interested in housing, and a partner's
 * home insurance; returns the offers' ids.
 */
export async function addTestCatalogue(
  hub: HubService,
): Promise<{ mortgage: string; insurance: string; movers: string }> {
  await hub.addProduct({ code: 'mortgage', name: 'Mortgage', provider: 'bank', credit: true }, 'mia');
  await hub.addProduct(
    { code: 'acme_home', name: 'Acme home insurance', provider: 'acme', credit: false },
    'mia',
  );
  const mortgage = await hub.addOffer(
    {
      productCode: 'mortgage',
      title: 'A mortgage for your new home',
      body: 'Fixed rates for ten years.',
      callToAction: 'Talk to a mortgage adviser',
      category: 'mortgage',
      validFrom: '2030-01-01',
      validUntil: '2030-12-31',
    },
    'mia',
  );
  const insurance = await hub.addOffer(
    {
      productCode: 'acme_home',
      title: 'Insure your new home',
      body: 'Cover from the day you move in.',
      callToAction: 'Get a quote',
      category: 'home_insurance',
      validUntil: '2030-12-31',
    },
    'mia',
  );
  const movers = await hub.addOffer(
    {
      productCode: 'mortgage',
      title: 'Moving house? Take your mortgage with you',
      body: 'Port your rate to your next home.',
      callToAction: 'Talk to a mortgage adviser',
      category: 'mortgage',
      validFrom: '2030-01-01',
      validUntil: '2030-12-31',
      interests: ['housing'],
    },
    'mia',
  );
  return { mortgage: mortgage.id, insurance: insurance.id, movers: movers.id };
}
