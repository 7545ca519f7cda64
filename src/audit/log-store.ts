// The transparency log's tables (audit_entries, audit_tiles, audit_heads, audit_outbox): every statement the
// log runs, and the COPY text of the rows it appends.
import type { AuditEvent } from '../core/audit-event.ts';
import type { SqlExecutor } from '../storage/ports.ts';
import { copyField } from '../storage/postgres-core/copy-text.ts';

// An arbitrary constant: the advisory lock that serialises appends across processes.
const appendLockKey = 727_002;

/** A head as stored: the checkpoint is the signed note. */
export interface StoredHead {
  readonly size: number;
  readonly rootHash: Buffer;
  readonly checkpoint: string;
  readonly keyId: string;
}

/** Stores the head of the empty tree, unless the log has one already. */
export async function insertEmptyHead(
  db: SqlExecutor,
  rootHash: Uint8Array,
  checkpoint: string,
  keyId: string,
): Promise<void> {
  await db.query(
    `INSERT INTO audit_heads (tree_size, root_hash, checkpoint, key_id) VALUES (0, $1, $2, $3)
     ON CONFLICT (tree_size) DO NOTHING`,
    [rootHash, checkpoint, keyId],
  );
}

export async function insertHead(tx: SqlExecutor, head: StoredHead): Promise<void> {
  await tx.query(
    'INSERT INTO audit_heads (tree_size, root_hash, checkpoint, key_id) VALUES ($1, $2, $3, $4)',
    [head.size, head.rootHash, head.checkpoint, head.keyId],
  );
}

export async function latestHead(db: SqlExecutor): Promise<StoredHead | undefined> {
  const { rows } = await db.query<{
    tree_size: number | bigint;
    root_hash: Uint8Array;
    checkpoint: string;
    key_id: string;
  }>('SELECT tree_size, root_hash, checkpoint, key_id FROM audit_heads ORDER BY tree_size DESC LIMIT 1');
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    size: Number(row.tree_size),
    rootHash: Buffer.from(row.root_hash),
    checkpoint: row.checkpoint,
    keyId: row.key_id,
  };
}

/** The latest signed checkpoint in the database, '' when there is none. */
export async function latestCheckpoint(db: SqlExecutor): Promise<string> {
  const { rows } = await db.query<{ checkpoint: string }>(
    'SELECT checkpoint FROM audit_heads ORDER BY tree_size DESC LIMIT 1',
  );
  return rows[0]?.checkpoint ?? '';
}

/** Takes the append lock for this transaction and reads the size of the latest stored head. */
export async function lockForAppend(tx: SqlExecutor): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [appendLockKey]);
  const { rows } = await tx.query<{ size: number | bigint | null }>(
    'SELECT max(tree_size) AS size FROM audit_heads',
  );
  return Number(rows[0]?.size ?? 0);
}

/** The COPY text row of entry `index`. */
export function entryCopyLine(
  index: number,
  json: string,
  leafHex: string,
  subjectRef: string | undefined,
): string {
  const ref = subjectRef === undefined ? '\\N' : copyField(subjectRef);
  return `${index}\t${copyField(json)}\t\\\\x${leafHex}\t${ref}\n`;
}

/** The COPY text row of a stored tile. */
export function tileCopyLine(tile: number, hash: Buffer, nodes: Buffer): string {
  return `${tile}\t\\\\x${hash.toString('hex')}\t\\\\x${nodes.toString('hex')}\n`;
}

/** Appends entry and tile rows made by entryCopyLine and tileCopyLine. */
export async function copyEntriesAndTiles(
  tx: SqlExecutor,
  entryLines: readonly string[],
  tileLines: readonly string[],
): Promise<void> {
  await tx.copyFrom('audit_entries', ['idx', 'entry', 'leaf_hash', 'subject_ref'], [entryLines.join('')]);
  if (tileLines.length > 0) await tx.copyFrom('audit_tiles', ['tile', 'hash', 'nodes'], [tileLines.join('')]);
}

// Hashes travel as hex text: decoding it is native, where a bytea column is parsed byte by byte.

/** The root hashes of the stored tiles below `tiles`, in order. */
export async function tileHashesBelow(db: SqlExecutor, tiles: number): Promise<Buffer[]> {
  const { rows } = await db.query<{ hash: string }>(
    "SELECT encode(hash, 'hex') AS hash FROM audit_tiles WHERE tile < $1 ORDER BY tile",
    [tiles],
  );
  return rows.map((t) => Buffer.from(t.hash, 'hex'));
}

/** The leaf hashes of entries `from` … `to` − 1, in order. */
export async function leafHashesBetween(db: SqlExecutor, from: number, to: number): Promise<Buffer[]> {
  const { rows } = await db.query<{ leaf_hash: string }>(
    "SELECT encode(leaf_hash, 'hex') AS leaf_hash FROM audit_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx",
    [from, to],
  );
  return rows.map((l) => Buffer.from(l.leaf_hash, 'hex'));
}

/** Stored leaf hashes and tile nodes for a proof, and the entry being proven (`entryIndex`; −1 for none). */
export async function leavesAndTiles(
  db: SqlExecutor,
  leaves: readonly number[],
  tiles: readonly number[],
  entryIndex: number,
): Promise<{ key: number | bigint; leaf_hash: string | null; entry: string | null; nodes: string | null }[]> {
  const { rows } = await db.query<{
    key: number | bigint;
    leaf_hash: string | null;
    entry: string | null;
    nodes: string | null;
  }>(
    `SELECT idx AS key, encode(leaf_hash, 'hex') AS leaf_hash, CASE WHEN idx = $3 THEN entry END AS entry,
            NULL AS nodes
       FROM audit_entries WHERE idx = ANY($1::bigint[])
     UNION ALL
     SELECT tile, NULL, NULL, encode(nodes, 'hex') FROM audit_tiles WHERE tile = ANY($2::bigint[])`,
    [leaves, tiles, entryIndex],
  );
  return rows;
}

/** Up to `limit` entries from `from` on, as stored: their JSON text and leaf hash. */
export async function entriesFrom(
  db: SqlExecutor,
  from: number,
  limit: number,
): Promise<{ idx: number | bigint; entry: string; leaf_hash: string }[]> {
  const { rows } = await db.query<{ idx: number | bigint; entry: string; leaf_hash: string }>(
    `SELECT idx, entry, encode(leaf_hash, 'hex') AS leaf_hash FROM audit_entries
      WHERE idx >= $1 ORDER BY idx LIMIT $2`,
    [from, limit],
  );
  return rows;
}

/** The stored tiles `from` … `to` − 1 by tile number. */
export async function tilesBetween(
  db: SqlExecutor,
  from: number,
  to: number,
): Promise<Map<number, { hash: Buffer; nodes: Buffer }>> {
  const { rows } = await db.query<{ tile: number | bigint; hash: string; nodes: string }>(
    `SELECT tile, encode(hash, 'hex') AS hash, encode(nodes, 'hex') AS nodes FROM audit_tiles
      WHERE tile >= $1 AND tile < $2`,
    [from, to],
  );
  return new Map(
    rows.map((t) => [
      Number(t.tile),
      { hash: Buffer.from(t.hash, 'hex'), nodes: Buffer.from(t.nodes, 'hex') },
    ]),
  );
}

/** Whether any entry sits at `index` or beyond. */
export async function anyEntryFrom(db: SqlExecutor, index: number): Promise<boolean> {
  const { rows } = await db.query<{ n: number | bigint }>(
    'SELECT count(*) AS n FROM audit_entries WHERE idx >= $1',
    [index],
  );
  return Number(rows[0]?.n ?? 0) > 0;
}

/** Indexes and references of entries with a subject, `after` < idx < `below`, at most `limit`, in order. */
export async function subjectRefsBetween(
  db: SqlExecutor,
  after: number,
  below: number,
  limit: number,
): Promise<{ idx: number | bigint; subject_ref: string }[]> {
  const { rows } = await db.query<{ idx: number | bigint; subject_ref: string }>(
    `SELECT idx, subject_ref FROM audit_entries
      WHERE subject_ref IS NOT NULL AND idx > $1 AND idx < $2 ORDER BY idx LIMIT $3`,
    [after, below, limit],
  );
  return rows;
}

/** Indexes and references of entries whose reference is one of `refs`, `from` ≤ idx < `below`, in order. */
export async function subjectRefsAmong(
  db: SqlExecutor,
  refs: readonly string[],
  from: number,
  below: number,
): Promise<{ idx: number | bigint; subject_ref: string }[]> {
  const { rows } = await db.query<{ idx: number | bigint; subject_ref: string }>(
    `SELECT idx, subject_ref FROM audit_entries
      WHERE subject_ref = ANY($1::text[]) AND idx >= $2 AND idx < $3 ORDER BY idx`,
    [refs, from, below],
  );
  return rows;
}

/** Writes events to the outbox in the caller's transaction. */
export async function insertIntoOutbox(tx: SqlExecutor, events: readonly AuditEvent[]): Promise<void> {
  await tx.query('INSERT INTO audit_outbox (event) SELECT * FROM unnest($1::jsonb[])', [
    events.map((e) => JSON.stringify(e)),
  ]);
}

/** Up to `limit` outbox rows after `after`, oldest first. */
export async function outboxAfter(
  db: SqlExecutor,
  after: number,
  limit: number,
): Promise<{ id: number; event: AuditEvent }[]> {
  const { rows } = await db.query<{ id: number; event: AuditEvent }>(
    'SELECT id, event FROM audit_outbox WHERE id > $1 ORDER BY id LIMIT $2',
    [after, limit],
  );
  return rows;
}

/** Deletes the outbox rows `ids`; returns the ones this transaction deleted (another process may have first). */
export async function deleteFromOutbox(tx: SqlExecutor, ids: readonly number[]): Promise<Set<number>> {
  const { rows } = await tx.query<{ id: number }>(
    'DELETE FROM audit_outbox WHERE id = ANY($1::bigint[]) RETURNING id',
    [ids],
  );
  return new Set(rows.map((r) => Number(r.id)));
}
