// The verification scan of an erasure: every row of every table in every schema, the transparency log included.
import type { SqlExecutor } from '../../storage/ports.ts';
import { likePattern, type Needle } from './pii-needles.ts';

export interface ScanFinding {
  readonly schema: string;
  readonly table: string;
  /** Kinds of needle found (e.g. 'email'), never the values. */
  readonly kinds: readonly string[];
  readonly rows: number;
}

export interface ScanReport {
  readonly schemas: readonly string[];
  readonly tables: number;
  readonly rowsScanned: number;
  readonly needleKinds: readonly string[];
  readonly findings: readonly ScanFinding[];
}

const identifier = /^[a-z_][a-z0-9_]*$/;

/** Every base table outside the system schemas (vault's public schema, the hub's, any other). */
async function everyTable(db: SqlExecutor): Promise<{ schema: string; table: string }[]> {
  const { rows } = await db.query<{ schema: string; table: string }>(
    `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables
      WHERE table_type = 'BASE TABLE'
        AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_%'
      ORDER BY 1, 2`,
  );
  for (const { schema, table } of rows) {
    if (!identifier.test(schema) || !identifier.test(table)) {
      throw new Error('a table name outside the expected form; refusing to scan by name');
    }
  }
  return rows;
}

/**
 * Looks for the needles in the text form of every row (bytea as hex, so keyed digests are found too):
 * one pass per table with all patterns, then one per needle kind only where something matched.
 */
export async function scanForPii(db: SqlExecutor, needles: readonly Needle[]): Promise<ScanReport> {
  const tables = await everyTable(db);
  const all = needles.flatMap((n) => n.patterns.map(likePattern));
  const findings: ScanFinding[] = [];
  let rowsScanned = 0;
  for (const { schema, table } of tables) {
    const name = `"${schema}"."${table}"`;
    const { rows } = await db.query<{ total: number; hits: number }>(
      `SELECT count(*)::int AS total, (count(*) FILTER (WHERE t::text ILIKE ANY($1::text[])))::int AS hits
         FROM ${name} AS t`,
      [all],
    );
    const { total, hits } = rows[0]!;
    rowsScanned += total;
    if (hits === 0) continue;
    const kinds: string[] = [];
    for (const needle of needles) {
      const found = await db.query<{ hit: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${name} AS t WHERE t::text ILIKE ANY($1::text[])) AS hit`,
        [needle.patterns.map(likePattern)],
      );
      if (found.rows[0]?.hit === true) kinds.push(needle.kind);
    }
    findings.push({ schema, table, kinds: [...new Set(kinds)], rows: hits });
  }
  return {
    schemas: [...new Set(tables.map((t) => t.schema))],
    tables: tables.length,
    rowsScanned,
    needleKinds: [...new Set(needles.map((n) => n.kind))],
    findings,
  };
}
