// The embedded adapter: PGlite (PostgreSQL in WebAssembly) on a local data directory.
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { QueryResult, SqlExecutor, Storage, StorageCapabilities } from '../ports.ts';
import { batchText, copyStatement } from '../postgres-core/copy-text.ts';

const copyPieceChars = 16 * 1024 * 1024;

const parsers = {
  [types.DATE]: (value: string) => value,
  [types.INT8]: (value: string) => Number(value),
};

export interface PgliteStorageOptions {
  /** Directory holding the database files; undefined means in memory (tests only). */
  readonly dataDirectory: string | undefined;
}

type PgliteLike = Pick<PGlite | Transaction, 'query' | 'exec'>;

function executor(db: PgliteLike): SqlExecutor {
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
  };
}

export async function openPgliteStorage(options: PgliteStorageOptions): Promise<Storage> {
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
    ...executor(db),
    transaction: (work) => db.transaction((tx) => work(executor(tx))),
    close: () => db.close(),
  };
}
