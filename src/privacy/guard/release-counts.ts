// A release of campaign results: its named audiences checked, each count noised against the noised k, and one
// differencing check of the counts not suppressed against the period's releases.
import { CurtainError } from '../../core/errors.ts';
import { AudienceBitset } from './audience-bitset.ts';
import { anyTooClose, suppressOrCount, type Comparison } from './mechanism.ts';
import type { NoiseSampler } from './noise.ts';
import type { PeriodReleases } from './period-releases.ts';
import type { GuardPolicy } from './policy.ts';
import type { ReleaseRequest } from './privacy-guard.ts';

/**
 * A release's audiences as bitsets, by name: the separate ones in sorted order, then the disjoint ones in
 * sorted order. A USAGE error for a bad or repeated name, or disjoint audiences that share a customer.
 */
export function releaseAudiences(request: ReleaseRequest): {
  readonly audiences: Map<string, AudienceBitset>;
  readonly disjoint: readonly string[];
} {
  const separate = Object.keys(request.audiences).sort();
  const disjoint = Object.keys(request.disjoint ?? {}).sort();
  for (const name of [...separate, ...disjoint]) {
    if (!/^[a-z][a-z0-9_]{0,31}$/.test(name)) {
      throw new CurtainError('USAGE', `release counts: "${name}" must be a lowercase name of at most 32`);
    }
    if (separate.includes(name) && disjoint.includes(name)) {
      throw new CurtainError('USAGE', `release counts: "${name}" is named twice`);
    }
  }
  const audiences = new Map(separate.map((name) => [name, AudienceBitset.fromIds(request.audiences[name]!)]));
  const seen = new Set<number>();
  for (const name of disjoint) {
    const ids = request.disjoint![name]!;
    for (let i = 0; i < ids.length; i++) {
      if (seen.has(ids[i]!)) {
        // Parallel composition holds only for a partition: overlapping audiences would be under-charged.
        throw new CurtainError('USAGE', 'release counts: the disjoint audiences share a customer');
      }
      seen.add(ids[i]!);
    }
    audiences.set(name, AudienceBitset.fromIds(ids));
  }
  return { audiences, disjoint };
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
