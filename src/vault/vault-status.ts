// The vault's database status for operators: engine, schema version, pending migrations and row counts.
import type { Storage } from '../storage/ports.ts';
import { migrationStatus } from '../storage/postgres-core/migrations.ts';

export interface VaultStatus {
  readonly engine: string;
  /** The newest migration applied (0 on an empty database). */
  readonly schemaVersion: number;
  readonly pendingMigrations: readonly number[];
  /** Customer rows loaded (erased ones included: how many were erased is not an operator's row count). */
  readonly customers: number;
  readonly accounts: number;
  readonly transactions: number;
  /** Rows that ingest rejected, across all batches. */
  readonly quarantined: number;
}

type RowCounts = Pick<VaultStatus, 'customers' | 'accounts' | 'transactions' | 'quarantined'>;

export async function vaultStatus(storage: Storage): Promise<VaultStatus> {
  const migrations = await migrationStatus(storage);
  const counts = await storage.query<RowCounts>(
    `SELECT (SELECT count(*) FROM customers)::bigint AS customers,
            (SELECT count(*) FROM accounts)::bigint AS accounts,
            (SELECT count(*) FROM transactions)::bigint AS transactions,
            (SELECT count(*) FROM quarantine)::bigint AS quarantined`,
  );
  return {
    engine: storage.description,
    schemaVersion: Math.max(0, ...migrations.filter((m) => m.appliedAt).map((m) => m.version)),
    pendingMigrations: migrations.filter((m) => !m.appliedAt).map((m) => m.version),
    ...counts.rows[0]!,
  };
}
