// The embedded adapter: PGlite (PostgreSQL in WebAssembly) on a local data directory.
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { CopyToQuery, QueryResult, SqlExecutor, Storage, StorageCapabilities } from '../ports.ts';
import {
  batchText,
  copyStatement,
  copyToStatement,
  lastKeyRun,
  type CopyToRange,
} from '../postgres-core/copy-text.ts';

const copyPieceChars = 16 * 1024 * 1024;
const defaultCopyToPageRows = 100_000;

const parsers = {
  [types.DATE]: (value: string) => value,
  [types.INT8]: (value: string) => Number(value),
  // PGlite's own bytea parser decodes hex one byte at a time in JavaScript; Buffer's decoder is native.
  [types.BYTEA]: (value: string) => {
    const bytes = Buffer.from(value.slice(2), 'hex');
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
};

export interface PgliteStorageOptions {
  /** Directory holding the database files; undefined means in memory (tests only). */
  readonly dataDirectory: string | undefined;
  /** Rows per COPY TO page, each held in memory whole (default 100,000). */
  readonly copyToPageRows?: number;
}

type PgliteLike = Pick<PGlite | Transaction, 'query' | 'exec'>;

function executor(db: PgliteLike, copyToPageRows: number): SqlExecutor {
  return {
    async query<Row>(sql: string, parameters: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await db.query<Row>(sql, parameters as unknown[]);
      return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await db.exec(sql);
    },
    async copyFrom(table, columns, chunks): Promise<number> {
      const statement = copyStatement(table, columns).replace('FROM STDIN', "FROM '/dev/blob'");
      let rows = 0;
      for await (const piece of batchText(chunks, copyPieceChars)) {
        const result = await db.query(statement, [], { blob: new Blob([piece]) });
        rows += result.affectedRows ?? 0;
      }
      return rows;
    },
    copyTo: (query) => copyToPages(db, query, copyToPageRows),
  };
}

// PGlite hands each COPY TO back as one Blob, so the select is read in pages of keys. A page ends
// before the run of rows sharing its last key, which the next page starts with, unless that run
// fills the whole page: then all the rows of that key are read at once.
async function* copyToPages(
  db: PgliteLike,
  query: string | CopyToQuery,
  pageRows: number,
): AsyncGenerator<string> {
  let after: string | undefined;
  let inclusive = false;
  for (;;) {
    const page = await copyToBlob(db, query, { after, inclusive, limit: pageRows });
    if (page.rows < pageRows) {
      if (page.text.length > 0) yield page.text;
      return;
    }
    const { key, start } = lastKeyRun(page.text);
    if (start > 0) {
      yield page.text.slice(0, start);
      [after, inclusive] = [key, true];
    } else {
      yield (await copyToBlob(db, query, { key })).text;
      [after, inclusive] = [key, false];
    }
  }
}

async function copyToBlob(
  db: PgliteLike,
  query: string | CopyToQuery,
  range: CopyToRange,
): Promise<{ text: string; rows: number }> {
  const result = await db
    .query(copyToStatement(query, "'/dev/blob'", range))
    .catch(async (error: unknown) => {
      // PGlite keeps what a failed COPY TO wrote and hands it to the next statement that succeeds.
      await db.query('SELECT 1').catch(() => undefined);
      throw error;
    });
  return { text: result.blob === undefined ? '' : await result.blob.text(), rows: result.affectedRows ?? 0 };
}

export async function openPgliteStorage(options: PgliteStorageOptions): Promise<Storage> {
  const copyToPageRows = options.copyToPageRows ?? defaultCopyToPageRows;
  const db = await PGlite.create({
    ...(options.dataDirectory === undefined ? {} : { dataDir: options.dataDirectory }),
    parsers,
  });
  const capabilities: StorageCapabilities = {
    concurrentConnections: false,
    localDataDirectory: options.dataDirectory,
  };
  const version = (await db.query<{ v: string }>('select version() as v')).rows[0]?.v ?? '';
  return {
    description: `PGlite (${version.replace(/ on .*/, '')}) at ${options.dataDirectory ?? 'memory'}`,
    capabilities,
    ...executor(db, copyToPageRows),
    ping: async () => void (await db.query('SELECT 1')),
    transaction: (work) => db.transaction((tx) => work(executor(tx, copyToPageRows))),
    close: () => db.close(),
  };
}
