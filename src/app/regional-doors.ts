// The hub's doors to registered regional vaults: HTTP, each with the door key configured for its region.
import type { CurtainConfig } from '../config/config.ts';
import { CurtainError } from '../core/errors.ts';
import { identityHolds, identityNonce } from '../audit/door-identity.ts';
import type { RegionalDoors } from '../hub/regional-vaults.ts';
import { HttpVaultDoor } from '../http/http-vault-door.ts';

/** The environment variable of a region's own door key: CURTAIN_DOOR_KEY_EU_WEST for region eu-west. */
export const regionDoorKeyVariable = (region: string): string =>
  `CURTAIN_DOOR_KEY_${region.toUpperCase().replace(/-/g, '_')}`;

/**
 * Each region's door key is CURTAIN_DOOR_KEY_<REGION> when set, else CURTAIN_DOOR_KEY: keys are configuration,
 * never rows of the hub's database. Undefined when neither is configured (the hub then serves one vault only).
 */
export function regionalDoors(
  config: Pick<CurtainConfig, 'doorKey'> & Partial<Pick<CurtainConfig, 'doorTimeoutMs'>>,
  environment: NodeJS.ProcessEnv = process.env,
): RegionalDoors | undefined {
  const anyRegional = Object.keys(environment).some((name) => name.startsWith('CURTAIN_DOOR_KEY_'));
  if (config.doorKey === undefined && !anyRegional) return undefined;
  const open: RegionalDoors['open'] = (vault) => {
    const key = environment[regionDoorKeyVariable(vault.region)] ?? config.doorKey;
    if (key === undefined || key.length < 32) {
      throw new CurtainError(
        'CONFIG_INVALID',
        `no door key (32+ characters) for region ${vault.region}: set ${regionDoorKeyVariable(vault.region)} or CURTAIN_DOOR_KEY`,
      );
    }
    return new HttpVaultDoor({ url: vault.url, key, ...doorTimeouts(config.doorTimeoutMs) });
  };
  return { open, proofs: keyProofs };
}

/** The hub's check of a vault's key: a fresh nonce, signed under the pinned log key. */
export const keyProofs: RegionalDoors['proofs'] = { nonce: identityNonce, holds: identityHolds };

/** The door's timeouts from CURTAIN_DOOR_TIMEOUT_MS: a delivery may take 60 times as long as a question. */
export function doorTimeouts(timeoutMs: number | undefined): {
  timeoutMs?: number;
  deliveryTimeoutMs?: number;
} {
  return timeoutMs === undefined ? {} : { timeoutMs, deliveryTimeoutMs: timeoutMs * 60 };
}
