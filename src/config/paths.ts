// Where the vault keeps its files: derived from the configuration, shared by the CLI and the composition root.
import { join } from 'node:path';
import type { CurtainConfig } from './config.ts';

/** Where PGlite keeps its files inside the data directory. */
export const pgliteDirectory = (dataDir: string) => join(dataDir, 'pgdata');

/** Where the columnar store's snapshot lives: in the data directory, one per database. */
export function columnarSnapshotPath(config: CurtainConfig): string {
  if (!config.databaseUrl) return join(config.dataDir, 'columnar.snapshot');
  const url = new URL(config.databaseUrl);
  const database = `${url.hostname}-${url.port || '5432'}-${url.pathname.slice(1) || 'postgres'}`;
  return join(config.dataDir, `columnar-${database.replace(/[^A-Za-z0-9_.-]/g, '_')}.snapshot`);
}
