// Entries of the transparency log as stored, a page at a time: in order for walkers, filtered for browsers.
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

/** Which entries a reader wants: all optional; `types` any of, the rest all of. */
export interface LogFilter {
  readonly types?: readonly string[];
  /** A staff handle named in the entry's details as the one who acted (see `actorKeys`). */
  readonly actor?: string;
  /** ISO instants, `since` inclusive and `until` exclusive, compared with the entry's `at`. */
  readonly since?: string;
  readonly until?: string;
  /** Words anywhere in the entry's JSON, case-insensitive. */
  readonly text?: string;
}

export interface LogQuery extends LogFilter {
  readonly from: number;
  readonly offset: number;
  readonly limit: number;
  readonly newestFirst: boolean;
}

/** The detail keys under which events name the person who acted (question askers, campaign steps, admins). */
export const actorKeys = ['actor', 'asker', 'by', 'staff', 'advisor', 'handle', 'decidedBy'] as const;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereClause(filter: LogFilter, from: number, treeSize: number) {
  const params: unknown[] = [from, treeSize];
  const where = ['idx >= $1', 'idx < $2'];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.types !== undefined && filter.types.length > 0) {
    add((n) => `(entry::jsonb ->> 'type') = ANY(${n}::text[])`, filter.types);
  }
  if (filter.actor !== undefined) {
    params.push([...actorKeys]);
    const keys = `$${params.length}`;
    add(
      (n) =>
        `EXISTS (SELECT 1 FROM jsonb_each_text(entry::jsonb -> 'details') d
                  WHERE d.key = ANY(${keys}::text[]) AND d.value = ${n})`,
      filter.actor,
    );
  }
  if (filter.since !== undefined) add((n) => `(entry::jsonb ->> 'at') >= ${n}`, filter.since);
  if (filter.until !== undefined) add((n) => `(entry::jsonb ->> 'at') < ${n}`, filter.until);
  if (filter.text !== undefined) add((n) => `entry ILIKE ${n} ESCAPE '\\'`, likePattern(filter.text));
  return { sql: where.join(' AND '), params };
}

/** One page of the entries under `treeSize` that match, in either order, and how many match in all. */
export async function searchLogEntries(
  db: SqlExecutor,
  query: LogQuery,
  treeSize: number,
): Promise<{ matched: number; entries: StoredLogEntry[] }> {
  const { sql, params } = whereClause(query, query.from, treeSize);
  const order = query.newestFirst ? 'DESC' : 'ASC';
  const [count, page] = await Promise.all([
    db.query<{ n: number | bigint }>(`SELECT count(*) AS n FROM audit_entries WHERE ${sql}`, params),
    db.query<{ idx: number | bigint; entry: string }>(
      `SELECT idx, entry FROM audit_entries WHERE ${sql} ORDER BY idx ${order}
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    ),
  ]);
  return {
    matched: Number(count.rows[0]?.n ?? 0),
    entries: page.rows.map((r) => ({ index: Number(r.idx), entry: JSON.parse(r.entry) as unknown })),
  };
}
