// The pure core of attribute release: generalise or suppress vectors until each is shared by k avatars of the epoch.

/** One avatar offered for release with its full attribute vector. */
export interface ReleaseCandidate<Id> {
  readonly id: Id;
  /** Coarse categories, any order; duplicates are ignored. */
  readonly attributes: readonly string[];
  /** Keys of vectors this avatar was already released with in the epoch: it is counted there already. */
  readonly releasedWith?: ReadonlySet<string>;
}

export interface ReleasedVector<Id> {
  readonly id: Id;
  /** The released vector, sorted: the candidate's attributes or a generalisation of them. */
  readonly attributes: readonly string[];
  readonly key: string;
  readonly generalised: boolean;
}

export interface ReleasePlan<Id> {
  readonly released: readonly ReleasedVector<Id>[];
  readonly suppressed: readonly Id[];
  /** Distinct avatars per vector key in the epoch once this release is recorded (keys it touches only). */
  readonly counts: ReadonlyMap<string, number>;
}

/** The canonical key of a vector: its distinct categories sorted and comma-separated; '' is the empty vector. */
export function vectorKey(attributes: readonly string[]): string {
  return [...new Set(attributes)].sort().join(',');
}

/** Each candidate's distinct categories, most common among the candidates first (ties by name). */
function rank(candidates: readonly ReleaseCandidate<unknown>[]): string[][] {
  const frequency = new Map<string, number>();
  const ranked = candidates.map((candidate) => [...new Set(candidate.attributes)]);
  for (const attributes of ranked) {
    for (const category of attributes) frequency.set(category, (frequency.get(category) ?? 0) + 1);
  }
  for (const attributes of ranked) {
    attributes.sort((a, b) => frequency.get(b)! - frequency.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  }
  return ranked;
}

/** Every vector key `planRelease` may consult for these candidates: each one's generalisation chain. */
export function generalisationKeys(candidates: readonly ReleaseCandidate<unknown>[]): Set<string> {
  const keys = new Set<string>();
  for (const attributes of rank(candidates)) {
    for (let length = attributes.length; length >= 0; length--)
      keys.add(vectorKey(attributes.slice(0, length)));
  }
  return keys;
}

/**
 * Plans a release in which every released vector is shared by at least `k` distinct avatars of the
 * epoch, counting `epochCounts` (distinct avatars per key in the epoch's earlier releases).
 *
 * Each candidate's categories are ranked by how common they are among the candidates; a vector that
 * falls short of k loses its least common category, step by step down to the empty vector, and a
 * candidate whose empty vector still falls short is suppressed. Vectors are settled from the longest
 * to the shortest: a group that passes never loses members (only failing groups move, and a move
 * only adds to a shorter vector), so one pass reaches a plan where every released vector holds.
 */
export function planRelease<Id>(
  candidates: readonly ReleaseCandidate<Id>[],
  epochCounts: ReadonlyMap<string, number>,
  k: number,
): ReleasePlan<Id> {
  if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a positive integer');
  const ranked = rank(candidates);
  const kept = ranked.map((attributes) => attributes.length);
  const suppressed = new Set<number>();
  const keyOf = (index: number) => vectorKey(ranked[index]!.slice(0, kept[index]));
  const counts = new Map<string, number>();

  const longest = kept.reduce((max, length) => Math.max(max, length), 0);
  for (let size = longest; size >= 0; size--) {
    const groups = new Map<string, number[]>();
    for (const [index, length] of kept.entries()) {
      if (length !== size || suppressed.has(index)) continue;
      const key = keyOf(index);
      const group = groups.get(key);
      if (group) group.push(index);
      else groups.set(key, [index]);
    }
    for (const [key, members] of groups) {
      const fresh = members.filter((index) => !candidates[index]!.releasedWith?.has(key)).length;
      const total = (epochCounts.get(key) ?? 0) + fresh;
      if (total >= k) {
        counts.set(key, total);
        continue;
      }
      for (const index of members) {
        if (size === 0) suppressed.add(index);
        else kept[index] = size - 1;
      }
    }
  }

  const released: ReleasedVector<Id>[] = [];
  const suppressedIds: Id[] = [];
  for (const [index, candidate] of candidates.entries()) {
    if (suppressed.has(index)) {
      suppressedIds.push(candidate.id);
      continue;
    }
    const attributes = ranked[index]!.slice(0, kept[index]).sort();
    released.push({
      id: candidate.id,
      attributes,
      key: attributes.join(','),
      generalised: kept[index] !== ranked[index]!.length,
    });
  }
  return { released, suppressed: suppressedIds, counts };
}
