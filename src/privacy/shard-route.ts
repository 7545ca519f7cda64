// Which shard of a region holds a customer: a keyed hash of their external id, spread by jump consistent hashing.
import { createHmac } from 'node:crypto';

/**
 * The shard (0 … shards − 1) of a customer. The id is hashed under the region's shard key (HMAC-SHA256), so
 * nobody without the key can tell from an id which shard holds it, or pick ids that crowd one shard; the
 * hash is then placed by jump consistent hashing (Lamping and Veach, 2014), so growing from n to n + 1 shards
 * moves only about 1/(n + 1) of the customers, all of them to the new shard.
 */
export function shardOf(shardKey: Uint8Array, externalId: string, shards: number): number {
  if (!Number.isInteger(shards) || shards < 1 || shards > 65_536) {
    throw new RangeError(`shards must be an integer from 1 to 65536, not ${shards}`);
  }
  let key = createHmac('sha256', shardKey).update(externalId, 'utf8').digest().readBigUInt64BE(0);
  let bucket = -1;
  let next = 0;
  while (next < shards) {
    bucket = next;
    key = (key * 2862933555777941757n + 1n) & 0xffff_ffff_ffff_ffffn;
    next = Math.floor(((bucket + 1) * 2 ** 31) / (Number(key >> 33n) + 1));
  }
  return bucket;
}
