// The audiences released in the current budget period, kept in memory as bitsets for the differencing check.
import type { SqlExecutor } from '../../storage/ports.ts';
import type { AudienceBitset } from './audience-bitset.ts';
import { releasedAudienceCount, releasedAudiencesAfter, type StoredRelease } from './guard-ledger-store.ts';
import type { Comparison } from './mechanism.ts';

/**
 * Every audience released in one budget period, whoever asked: loaded from the ledger once (at the first
 * charge of the period, then only the rows recorded since, e.g. by another vault process) and added to as the
 * guard releases more. Call `sync` inside the ledger's lock; `add` only once the release has committed.
 */
export class PeriodReleases {
  #periodStart = Number.NaN;
  #syncedUpTo = 0;
  #releases: StoredRelease[] = [];

  /** How many audiences the period holds so far. */
  get size(): number {
    return this.#releases.length;
  }

  /**
   * Brings the period's audiences up to date with the ledger. A new period starts empty; so does a ledger that
   * no longer holds every row this one holds (a database restored from a backup, rows removed by hand).
   */
  async sync(db: SqlExecutor, periodStart: Date): Promise<void> {
    const stale =
      this.#releases.length > 0 &&
      (await releasedAudienceCount(db, periodStart, this.#syncedUpTo)) !== this.#releases.length;
    if (periodStart.getTime() !== this.#periodStart || stale) {
      this.#periodStart = periodStart.getTime();
      this.#syncedUpTo = 0;
      this.#releases = [];
    }
    for (const release of await releasedAudiencesAfter(db, periodStart, this.#syncedUpTo))
      this.#push(release);
  }

  /** A release the guard has just committed, in the period last synced. */
  add(release: StoredRelease): void {
    this.#push(release);
  }

  /**
   * The comparisons of a new audience, released under `subjects`, with every earlier audience that shares no
   * subject with it. Subjects are followed through earlier releases: a campaign's results share the campaign
   * with its admission, and so the admission's question too.
   */
  comparisons(audience: AudienceBitset, subjects: readonly string[]): Comparison[] {
    const related = this.#related(subjects);
    return this.#releases
      .filter((earlier) => !earlier.subjects.some((subject) => related.has(subject)))
      .map((earlier) => ({
        lowerBound: Math.abs(audience.size - earlier.audience.size),
        exact: () => audience.distance(earlier.audience),
      }));
  }

  #related(subjects: readonly string[]): Set<string> {
    const related = new Set(subjects);
    let grew = true;
    while (grew) {
      grew = false;
      for (const earlier of this.#releases) {
        if (!earlier.subjects.some((subject) => related.has(subject))) continue;
        for (const subject of earlier.subjects) {
          if (related.has(subject)) continue;
          related.add(subject);
          grew = true;
        }
      }
    }
    return related;
  }

  #push(release: StoredRelease): void {
    this.#releases.push(release);
    if (release.id > this.#syncedUpTo) this.#syncedUpTo = release.id;
  }
}
