// When the hub last reached each regional vault, and since when it cannot: written after every door call.
import type { VaultReach } from '../contracts/hub-regions.ts';
import type { ErrorCode } from '../core/errors.ts';
import type { HubExecutor } from './hub-storage.ts';

/** The columns of hub.vaults that say how the latest call went. */
export interface ReachColumns {
  last_seen_at: Date | null;
  unreachable_since: Date | null;
  last_failure: string | null;
}

export const reachColumns = 'last_seen_at, unreachable_since, last_failure';

/**
 * Failures that say the vault was not reached: no answer, no answer in time, not the vault whose key is
 * pinned, an answer outside the contract, or no door configured. Any other error is the vault's own answer
 * (a refusal, a round it aborted): it was reached.
 */
const notReached: ReadonlySet<ErrorCode> = new Set([
  'VAULT_UNAVAILABLE',
  'VAULT_TIMEOUT',
  'VAULT_KEY_MISMATCH',
  'DOOR_CONTRACT',
  'CONFIG_INVALID',
]);

export const reachedDespite = (code: ErrorCode): boolean => !notReached.has(code);

export const reachOf = (row: ReachColumns): VaultReach => ({
  status: row.unreachable_since === null && row.last_seen_at !== null ? 'reachable' : 'unreachable',
  lastSeenAt: row.last_seen_at?.toISOString() ?? null,
  unreachableSince: row.unreachable_since?.toISOString() ?? null,
  failure: row.unreachable_since === null ? null : row.last_failure,
});

/** Records one call's outcome for `region`: seen now, or unreachable since the first failure after it was seen. */
export async function recordReach(
  tx: HubExecutor,
  region: string,
  at: Date,
  failure: ErrorCode | undefined,
): Promise<void> {
  if (failure === undefined) {
    await tx.query(
      `UPDATE hub.vaults SET last_seen_at = $2, unreachable_since = NULL, last_failure = NULL WHERE region = $1`,
      [region, at],
    );
    return;
  }
  await tx.query(
    `UPDATE hub.vaults SET unreachable_since = COALESCE(unreachable_since, $2), last_failure = $3
      WHERE region = $1`,
    [region, at, failure],
  );
}
