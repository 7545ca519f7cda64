// A release of campaign results: its named audiences checked, each count noised against the noised k, and one
// differencing check of the counts not suppressed against the period's releases.
import { CurtainError } from '../../core/errors.ts';
import { AudienceBitset } from './audience-bitset.ts';
import { anyTooClose, suppressOrCount, type Comparison } from './mechanism.ts';
import type { NoiseSampler } from './noise.ts';
import type { PeriodReleases } from './period-releases.ts';
import type { GuardPolicy } from './policy.ts';
import type { ReleaseRequest } from './privacy-guard.ts';

/** A release's audiences as bitsets, by name in sorted order; a USAGE error for a bad name. */
export function releaseAudiences(request: ReleaseRequest): Map<string, AudienceBitset> {
  const names = Object.keys(request.audiences).sort();
  for (const name of names) {
    if (!/^[a-z][a-z0-9_]{0,31}$/.test(name)) {
      throw new CurtainError('USAGE', `release counts: "${name}" must be a lowercase name of at most 32`);
    }
  }
  return new Map(names.map((name) => [name, AudienceBitset.fromIds(request.audiences[name]!)]));
}

/**
 * Each audience's noised size against the noised k, then one differencing check of the sizes not
 * suppressed against the period's releases: the counts (null where suppressed), or undefined when too close.
 */
export function releasedCounts(
  audiences: ReadonlyMap<string, AudienceBitset>,
  subjects: readonly string[],
  policy: GuardPolicy,
  releases: PeriodReleases,
  noise: NoiseSampler,
): { [name: string]: number | null } | undefined {
  const counts: { [name: string]: number | null } = {};
  const comparisons: Comparison[] = [];
  for (const [name, audience] of audiences) {
    const decision = suppressOrCount(audience.size, policy, noise);
    counts[name] = decision.outcome === 'answered' ? decision.noisyCount : null;
    if (counts[name] !== null) comparisons.push(...releases.comparisons(audience, subjects));
  }
  return anyTooClose(comparisons, policy, noise) ? undefined : counts;
}
