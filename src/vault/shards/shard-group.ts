// A shard group's question side: each shard finds its own customers' exact audience, the group guard sees the union.
import type { QuestionPurpose } from '../../core/question-purposes.ts';
import type { CustomerIds, Plan } from '../../language/plan.ts';
import type { AudienceSource } from '../questions/question-service.ts';

const largestId = 2 ** 31 - 1;

/**
 * A customer's id across the group: the shard's own id times the number of shards, plus the shard's index,
 * so ids from different shards never collide and the guard's differencing check sees one set of people.
 */
export function groupCustomerId(localId: number, shard: number, shards: number): number {
  const id = localId * shards + shard;
  if (id > largestId) {
    throw new RangeError(
      `customer ${localId} of shard ${shard} does not fit a group id with ${shards} shards`,
    );
  }
  return id;
}

/** The shard and its own id of a group id (the inverse of `groupCustomerId`). */
export function shardCustomer(groupId: number, shards: number): { shard: number; localId: number } {
  return { shard: groupId % shards, localId: Math.floor(groupId / shards) };
}

/** The shards' audiences (each ascending, in the shard's own ids) as one ascending set of group ids. */
export function mergeShardAudiences(parts: readonly CustomerIds[]): CustomerIds {
  const shards = parts.length;
  const merged = new Int32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let k = 0;
  parts.forEach((part, shard) => {
    for (const id of part) merged[k++] = groupCustomerId(id, shard, shards);
  });
  return merged.sort();
}

/**
 * The audience of a shard group: every shard evaluates the plan on its own columnar store and consent ledger,
 * in parallel, and the exact audiences are joined here, inside the region's trust boundary, for the group's
 * one guard. No shard's count is released on its own: the guard noises and thresholds only the union.
 */
export class ShardGroupAudience implements AudienceSource {
  readonly #shards: readonly AudienceSource[];

  constructor(shards: readonly AudienceSource[]) {
    if (shards.length < 1) throw new RangeError('a shard group needs at least one shard');
    this.#shards = shards;
  }

  get name(): string {
    return `${this.#shards.length} shards, ${this.#shards[0]!.name}`;
  }

  async audience(plan: Plan, asOf: string, purpose: QuestionPurpose): Promise<CustomerIds> {
    const parts = await Promise.all(this.#shards.map((shard) => shard.audience(plan, asOf, purpose)));
    return mergeShardAudiences(parts);
  }
}
