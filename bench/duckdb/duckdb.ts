// DuckDB, the benchmarks' reference engine: installed on first use into bench/duckdb, never into the main package.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface DuckConnection {
  run(sql: string): Promise<void>;
  /** Rows as arrays of column values. */
  rows(sql: string): Promise<unknown[][]>;
  close(): void;
}

interface DuckModule {
  DuckDBInstance: {
    create(
      path: string,
      options?: Record<string, string>,
    ): Promise<{
      connect(): Promise<{
        run(sql: string): Promise<unknown>;
        runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }>;
        closeSync?(): void;
      }>;
      closeSync?(): void;
    }>;
  };
}

const directory = import.meta.dirname;

async function loadModule(): Promise<DuckModule> {
  if (!existsSync(join(directory, 'node_modules', '@duckdb', 'node-api'))) {
    console.log('installing DuckDB for the benchmark into bench/duckdb (once)…');
    execFileSync('npm', ['install', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: directory,
      stdio: 'inherit',
    });
  }
  const resolved = createRequire(join(directory, 'package.json')).resolve('@duckdb/node-api');
  return (await import(pathToFileURL(resolved).href)) as DuckModule;
}

/** An in-memory DuckDB limited to the machine's threads, as the reference in the same run. */
export async function openDuckDb(threads: number): Promise<DuckConnection> {
  const { DuckDBInstance } = await loadModule();
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await instance.connect();
  return {
    async run(sql) {
      await connection.run(sql);
    },
    async rows(sql) {
      return (await connection.runAndReadAll(sql)).getRows();
    },
    close() {
      connection.closeSync?.();
      instance.closeSync?.();
    },
  };
}
