// The server adapter: a pooled connection to PostgreSQL through DATABASE_URL.
import pg from 'pg';
import { finished, pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFromStream, to as copyToStream } from 'pg-copy-streams';
import type { CopyToQuery, QueryResult, SqlExecutor, Storage } from '../ports.ts';
import { batchText, copyStatement, copyToStatement } from '../postgres-core/copy-text.ts';

// COPY data goes to the server in pieces of about 1 MB: one message per row would cost a write each.
const copyPieceChars = 1024 * 1024;
// COPY TO data comes back as one message per row; the caller gets whole rows in pieces of about 1 MB.
const copyToPieceBytes = 1024 * 1024;

const { Pool, types } = pg;

const dateOid: number = types.builtins.DATE;
const int8Oid: number = types.builtins.INT8;

// The same mapping as the PGlite adapter: dates stay 'YYYY-MM-DD' (no time-zone shift), int8 becomes a number.
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === dateOid) return (value: string) => value;
    if (oid === int8Oid) return (value: string) => Number(value);
    return types.getTypeParser(oid, format) as (value: string) => unknown;
  },
};

export interface PostgresStorageOptions {
  readonly connectionString: string;
  readonly maxConnections?: number;
}

function executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query<Row>(sql: string, parameters: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await client.query(sql, parameters as unknown[]);
      return { rows: result.rows as Row[], affectedRows: result.rowCount ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
    async copyFrom(table, columns, chunks): Promise<number> {
      const connection = 'release' in client ? client : await client.connect();
      try {
        const sink = connection.query(copyFromStream(copyStatement(table, columns)));
        await pipeline(Readable.from(batchText(chunks, copyPieceChars)), sink);
        return Number(sink.rowCount);
      } finally {
        if (connection !== client) connection.release();
      }
    },
    copyTo: (query) => copyTo(client, query),
  };
}

async function* copyTo(client: pg.Pool | pg.PoolClient, query: string | CopyToQuery): AsyncGenerator<string> {
  const statement = copyToStatement(query, 'STDOUT');
  const connection = 'release' in client ? client : await client.connect();
  const stream = connection.query(copyToStream(statement));
  let ended = false;
  try {
    let pending: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      pending.push(chunk);
      size += chunk.length;
      if (size < copyToPieceBytes) continue;
      const bytes = Buffer.concat(pending, size);
      const cut = bytes.lastIndexOf(0x0a) + 1;
      if (cut === 0) continue;
      pending = cut < size ? [bytes.subarray(cut)] : [];
      size -= cut;
      yield bytes.toString('utf8', 0, cut);
    }
    ended = true;
    if (size > 0) yield Buffer.concat(pending, size).toString('utf8');
  } finally {
    if (connection !== client) {
      // A connection left in the middle of a COPY cannot serve anyone else: it is closed instead,
      // which fails the COPY; nobody listens any more.
      if (!ended) stream.on('error', () => undefined);
      connection.release(ended ? undefined : true);
    } else if (!ended && !stream.destroyed) {
      // A transaction's connection must read the rest of the COPY before its next statement.
      await finished(stream.resume());
    }
  }
}

export async function openPostgresStorage(options: PostgresStorageOptions): Promise<Storage> {
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    types: typeParsers,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  const version = (await pool.query<{ v: string }>('select version() as v')).rows[0]?.v ?? '';
  const url = new URL(options.connectionString);
  return {
    description: `${version.replace(/ on .*/, '')} at ${url.hostname}:${url.port || 5432}${url.pathname}`,
    capabilities: { concurrentConnections: true, localDataDirectory: undefined },
    ...executor(pool),
    ping: async () => void (await pool.query('SELECT 1')),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
