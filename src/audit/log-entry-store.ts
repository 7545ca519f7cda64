// Entries of the transparency log as stored, a page at a time, for readers who walk the log in order.
import type { SqlExecutor } from '../storage/ports.ts';

export interface StoredLogEntry {
  readonly index: number;
  /** The entry's JSON, parsed (no PII: subjects are unlinkable references). */
  readonly entry: unknown;
}

/** Entries from index `from` on, at most `limit`, all below `treeSize` (entries under a signed head). */
export async function readLogEntries(
  db: SqlExecutor,
  from: number,
  treeSize: number,
  limit: number,
): Promise<StoredLogEntry[]> {
  const { rows } = await db.query<{ idx: number | bigint; entry: string }>(
    'SELECT idx, entry FROM audit_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx LIMIT $3',
    [from, treeSize, limit],
  );
  return rows.map((r) => ({ index: Number(r.idx), entry: JSON.parse(r.entry) as unknown }));
}

/** The same entries as the exact canonical JSON text that was hashed into the tree (leaf = SHA-256(0x00 ‖ UTF-8)). */
export async function readLogEntryTexts(
  db: SqlExecutor,
  from: number,
  treeSize: number,
  limit: number,
): Promise<string[]> {
  const { rows } = await db.query<{ entry: string }>(
    'SELECT entry FROM audit_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx LIMIT $3',
    [from, treeSize, limit],
  );
  return rows.map((r) => r.entry);
}
