// An audience handed to the hub as exactly ñ tokens: ñ noised by the guard, k-anonymous interests, decoys.
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { DeliveryRefusal, PrivacyCost, ReleasedAudience } from '../../core/vault-door.ts';
import type { RandomSource } from '../../privacy/dp/random-source.ts';
import { budgetReport } from '../../privacy/guard/budget-report.ts';
import type { PolicyStore } from '../../privacy/guard/policy-store.ts';
import type { PrivacyGuard } from '../../privacy/guard/privacy-guard.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import type { AvatarService } from '../avatars/avatar-service.ts';
import { distinctiveInterests } from '../avatars/interests.ts';
import {
  padWithDecoys,
  readRelease,
  releasedAudience,
  releasedTokens,
  storeRelease,
} from './audience-release.ts';

/** What the hub hears of an audience under the noised k: that, and nothing about by how much. */
export const tooSmall: DeliveryRefusal = {
  code: 'DELIVERY_AUDIENCE_TOO_SMALL',
  message: 'audience too small',
};

export function refusedEvent(campaignId: string, purpose: string) {
  return {
    type: 'delivery.refused' as const,
    details: { campaign: campaignId, purpose, reason: 'audience_too_small' },
  };
}

/** Interests come from the spending of the last 90 days. */
const interestWindowDays = 90;
/**
 * One interest per person and release, the most distinctive, as Topics hands one topic per epoch: it keeps
 * vectors few, so k-anonymity generalises little, and tells the hub no more than one coarse fact.
 */
const interestsPerPerson = 1;
const dayMs = 86_400_000;

export interface TokenReleaseContext {
  readonly storage: Storage;
  readonly audit: TransactionalAuditSink<SqlExecutor>;
  readonly avatars: AvatarService;
  /** The active policy's k, for the interests' k-anonymity. */
  readonly policies: Pick<PolicyStore, 'active'>;
  readonly guard: Pick<PrivacyGuard, 'release'>;
  /** Which customers get tokens when ñ is under the audience, and which interests decoys copy. */
  readonly random: RandomSource;
  readonly currency: string;
}

/** What the campaign's audience was released as, if it was: the same answer again (`repeated`). */
export async function existingRelease(
  storage: Storage,
  campaignId: string,
  repeated = true,
): Promise<Result<ReleasedAudience, DeliveryRefusal> | undefined> {
  const release = await readRelease(storage, campaignId);
  if (release === undefined) return undefined;
  if (release.state === 'too_small') return err(tooSmall);
  return ok(releasedAudience(release, await releasedTokens(storage, campaignId), repeated));
}

/**
 * Releases an audience (filtered and shuffled) as tokens: its size goes through the guard's `release` as ñ;
 * the first ñ customers (all of them when ñ is larger) get tokens with k-anonymous interests, and decoys pad
 * the list to exactly ñ. A noised ñ under the noised k releases nothing.
 */
export async function releaseTokens(
  context: TokenReleaseContext,
  request: { readonly campaignId: string; readonly requestedBy: string; readonly audience: string },
  purpose: string,
  audience: Uint32Array,
  now: Date,
  subjects: readonly string[],
): Promise<Result<ReleasedAudience, DeliveryRefusal>> {
  const { storage, audit, avatars } = context;
  const noised = await context.guard.release({
    asker: request.requestedBy,
    purpose,
    label: `audience:${request.campaignId}`,
    audiences: { audience },
    subjects,
  });
  if (!noised.ok) {
    const refusal = noised.error;
    const budget = 'budget' in refusal ? { budget: budgetReport(refusal.budget) } : {};
    return err(
      refusal.code === 'PRIVACY_TOO_FEW'
        ? { ...tooSmall, ...budget }
        : { code: refusal.code, message: refusal.message, ...budget },
    );
  }
  const size = noised.value.counts['audience'] ?? null;
  const cost = budgetReport(noised.value.budget);
  const release = {
    campaignId: request.campaignId,
    epoch: avatars.epochOf(now),
    requestedBy: request.requestedBy,
    purpose,
    audience: request.audience,
    k: (await context.policies.active()).policy.k,
  };
  if (size === null) {
    await storage.transaction(async (tx) => {
      if (await storeRelease(tx, { ...release, state: 'too_small' }, [])) {
        await audit.enqueue(tx, [refusedEvent(request.campaignId, purpose)]);
      }
    });
    await audit.flush();
    return costed((await existingRelease(storage, request.campaignId)) ?? err(tooSmall), cost);
  }

  const chosen = [...audience.subarray(0, Math.min(size, audience.length))];
  const since = new Date(now.getTime() - interestWindowDays * dayMs).toISOString().slice(0, 10);
  const interests = await distinctiveInterests(storage, chosen, {
    since,
    currency: context.currency,
    top: interestsPerPerson,
  });
  const attributes = await avatars.releaseAttributes(interests, release.campaignId, release.epoch, release.k);
  const tokens = padWithDecoys(attributes, size, (below) =>
    Number(context.random.uniformBelow(BigInt(below))),
  );
  await storage.transaction(async (tx) => {
    if (!(await storeRelease(tx, { ...release, state: 'released' }, tokens))) return;
    await audit.enqueue(tx, [
      {
        type: 'audience.released',
        details: { campaign: release.campaignId, purpose, epoch: release.epoch, k: release.k, tokens: size },
      },
    ]);
  });
  await audit.flush();
  return costed((await existingRelease(storage, request.campaignId, false))!, cost);
}

/** The release's cost and what is left, on the answer or the refusal. */
function costed(
  result: Result<ReleasedAudience, DeliveryRefusal>,
  budget: PrivacyCost,
): Result<ReleasedAudience, DeliveryRefusal> {
  return result.ok ? ok({ ...result.value, budget }) : err({ ...result.error, budget });
}
