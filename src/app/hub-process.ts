// Assembles the hub: on the vault's database in one process, or alone on its own database (`--role hub`).
import type { CurtainConfig } from '../config/config.ts';
import type { VaultDoor } from '../core/vault-door.ts';
import { HubService } from '../hub/hub-service.ts';
import { HubStorage } from '../hub/hub-storage.ts';
import type { LockOwner } from '../storage/data-dir-lock.ts';
import type { Storage } from '../storage/ports.ts';
import type { Vault } from '../vault/vault.ts';
import type { RegionalDoors } from '../hub/regional-vaults.ts';
import { regionalDoors } from './regional-doors.ts';
import { openMigratedStorage } from './vault-process.ts';

/** The hub on the vault's database, under its own role, reaching the vault only through the door. */
export function openHub(
  vault: Pick<Vault, 'storage' | 'door'>,
  now?: () => Date,
  regional?: RegionalDoors,
): HubService {
  return new HubService(new HubStorage(vault.storage), vault.door, {
    ...(now === undefined ? {} : { now }),
    ...(regional === undefined ? {} : { regional }),
  });
}

/**
 * The hub as the local CLI drives it (`curtain hub …`): every action still names a member of staff who must
 * hold its role, and every log entry the hub writes says that the local CLI acted for them.
 */
export function openHubForCli(vault: Pick<Vault, 'storage' | 'door'>): HubService {
  // The command line has no --door-key flag: regional door keys come from the environment only.
  const doors = regionalDoors({ doorKey: process.env['CURTAIN_DOOR_KEY'] });
  return openHub({ storage: vault.storage, door: recordingViaLocalCli(vault.door) }, undefined, doors);
}

function recordingViaLocalCli(door: VaultDoor): VaultDoor {
  return {
    check: (expression, purpose) => door.check(expression, purpose),
    count: (expression, purpose, asker) => door.count(expression, purpose, asker),
    deliver: (request, onProgress) => door.deliver(request, onProgress),
    releaseAudience: (request) => door.releaseAudience(request),
    results: (campaignId, requestedBy) => door.results(campaignId, requestedBy),
    reserve: (request) => door.reserve(request),
    endReservation: (request) => door.endReservation(request),
    stop: (request) => door.stop(request),
    kind: () => door.kind(),
    identify: (nonce) => door.identify(nonce),
    roundBegin: (request) => door.roundBegin(request),
    roundShare: (request) => door.roundShare(request),
    roundMask: (request) => door.roundMask(request),
    roundUnmask: (request) => door.roundUnmask(request),
    roundFinish: (request) => door.roundFinish(request),
    roundAbort: (request) => door.roundAbort(request),
    record: (events) =>
      door.record(events.map((event) => ({ ...event, details: { ...event.details, via: 'local-cli' } }))),
  };
}

/** The hub alone (`curtain start --role hub`): its own database, migrated, and the vault behind `door`. */
export async function openHubProcess(
  config: CurtainConfig,
  door: VaultDoor,
): Promise<{ readonly hub: HubService; readonly storage: Storage; close(): Promise<void> } | LockOwner> {
  const opened = await openMigratedStorage(config, 'curtain start --role hub');
  if (!opened.ok) return opened.owner;
  const { storage, close } = opened;
  const regional = regionalDoors(config);
  const hub = new HubService(new HubStorage(storage), door, regional === undefined ? {} : { regional });
  return { hub, storage, close };
}
