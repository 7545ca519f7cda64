// The storage port: the only way the vault talks to a database. Two thin adapters implement it.

/** Rows of a query, as plain objects keyed by column name. */
export interface QueryResult<Row> {
  readonly rows: Row[];
  /** Rows inserted, updated or deleted by the statement (0 for plain SELECTs on some engines). */
  readonly affectedRows: number;
}

/**
 * Runs SQL in the PostgreSQL dialect. Every value is a bound parameter (`$1`, `$2`, …);
 * identifiers are never built from input.
 *
 * Type mapping is the same on both engines: `bigint` columns come back as JS `number`,
 * `bytea` as `Uint8Array`, `date` as 'YYYY-MM-DD' strings, `timestamptz` as `Date`.
 */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(
    sql: string,
    parameters?: readonly unknown[],
  ): Promise<QueryResult<Row>>;

  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;

  /**
   * Bulk-loads rows with `COPY table (columns) FROM STDIN` in PostgreSQL's text format.
   * `chunks` yields text already encoded for COPY (see `copy-text.ts`); the adapter streams
   * it in bounded pieces, so memory stays constant. Returns the number of rows loaded.
   */
  copyFrom(
    table: string,
    columns: readonly string[],
    chunks: AsyncIterable<string> | Iterable<string>,
  ): Promise<number>;

  /**
   * Streams the rows of a query in PostgreSQL's COPY text format (`COPY (…) TO STDOUT`): the fast
   * way to read millions of rows, several times faster than paged SELECTs on PGlite.
   *
   * Each yielded string holds one or more whole rows, each ending in '\n', fields separated by
   * tabs, `\N` for NULL; split them with `parseCopyRows` (see `copy-text.ts`). Values arrive as
   * PostgreSQL prints them: `bigint` as digits, `date` as 'YYYY-MM-DD', `bytea` as '\x…' hex
   * (`byteaFromCopy`), `boolean` as 't'/'f'.
   *
   * The first column of the select must be an integer (usually `id`): rows come in ascending
   * order of it, and rows where it is NULL are left out, on both engines. PGlite returns each COPY
   * as one in-memory blob, so it reads the select in pages of this key: it holds one page at a
   * time — 100,000 rows by default, or all the rows of one key if more share it — as bytes plus
   * the decoded string, about 3× the page's text; and it runs the select once per page, so the
   * select should let the engine start at a key (an index whose leading column is the key, no
   * aggregate over the whole table). Outside a transaction, PGlite's pages are separate
   * statements: rows committed meanwhile appear if their key lies beyond the page reached.
   * PostgreSQL runs one statement and streams pieces of about 1 MB.
   *
   * A string is short for `{ select }`. Errors (SQL errors, a key that is not an integer, bad
   * parameters) reject the iteration. Stopping early (`break`) is allowed and frees the connection.
   */
  copyTo(query: string | CopyToQuery): AsyncIterable<string>;
}

/**
 * A query for `copyTo`. COPY cannot take bound parameters, so `$1`, `$2`, … in `select` are
 * replaced by SQL literals rendered from `parameters`, which admit only values whose text cannot
 * carry SQL: numbers, bigints, booleans, null, `Date`s (as `timestamptz`) and integer arrays (an
 * untyped '{1,2}' literal: cast it, e.g. `$2::bigint[]`). Placeholders inside quotes and
 * comments are left alone. Strings are refused: there is no string parameter.
 */
export interface CopyToQuery {
  /** A SELECT, its first column an integer key (see `copyTo`); the port adds ORDER BY and LIMIT. */
  readonly select: string;
  readonly parameters?: readonly CopyParameter[];
}

export type CopyParameter = number | bigint | boolean | Date | null | readonly (number | bigint)[];

/** Differences between engines, as flags, so that services never ask which engine they run on. */
export interface StorageCapabilities {
  /** Several connections may run at once (PostgreSQL pool); PGlite serialises everything. */
  readonly concurrentConnections: boolean;
  /** The database lives in a local directory that this process must lock and may back up as files. */
  readonly localDataDirectory: string | undefined;
}

export interface Storage extends SqlExecutor {
  /** Human-readable engine name for logs and status output, e.g. "PGlite 0.5 (./.curtain/db)". */
  readonly description: string;
  readonly capabilities: StorageCapabilities;

  /** Resolves when the database answers a trivial statement (liveness); rejects when it cannot. */
  ping(): Promise<void>;

  /** Runs `work` in one transaction on one connection; commits on success, rolls back on throw. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;

  /** Flushes and releases everything. Further calls fail. */
  close(): Promise<void>;
}
