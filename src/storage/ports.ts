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
 * Type mapping is the same on both engines: `bigint` columns come back as JS `bigint`,
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
}

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

  /** Runs `work` in one transaction on one connection; commits on success, rolls back on throw. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;

  /** Flushes and releases everything. Further calls fail. */
  close(): Promise<void>;
}
