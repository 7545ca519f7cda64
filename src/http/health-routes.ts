// The vault's database status: engine, schema version and row counts, over HTTP and as a Prometheus gauge.
import type { FastifyInstance } from 'fastify';
import { Gauge, type Registry } from 'prom-client';
import type { VaultServices } from '../vault/vault.ts';
import { migrationStatus } from '../storage/postgres-core/migrations.ts';
import { databaseStatusSchema } from './schemas.ts';

export async function databaseStatus(vault: VaultServices) {
  const migrations = await migrationStatus(vault.storage);
  const counts = await vault.storage.query<{
    customers: number;
    accounts: number;
    transactions: number;
    quarantined: number;
  }>(
    `SELECT (SELECT count(*) FROM customers WHERE status = 'active')::bigint AS customers,
            (SELECT count(*) FROM accounts)::bigint AS accounts,
            (SELECT count(*) FROM transactions)::bigint AS transactions,
            (SELECT count(*) FROM quarantine)::bigint AS quarantined`,
  );
  return {
    engine: vault.storage.description,
    schemaVersion: Math.max(0, ...migrations.filter((m) => m.appliedAt).map((m) => m.version)),
    pendingMigrations: migrations.filter((m) => !m.appliedAt).map((m) => m.version),
    ...counts.rows[0]!,
  };
}

export function vaultStatusRoutes(vault: VaultServices, registry: Registry) {
  return (app: FastifyInstance): Promise<void> => {
    app.get(
      '/v1/db/status',
      {
        config: { access: ['operator', 'compliance'] },
        schema: {
          summary: 'Engine, schema version and row counts',
          tags: ['operations'],
          response: { 200: databaseStatusSchema },
        },
      },
      () => databaseStatus(vault),
    );
    new Gauge({
      name: 'curtain_vault_rows',
      help: 'Rows held by the vault, by table',
      labelNames: ['table'],
      registers: [registry],
      async collect() {
        const status = await databaseStatus(vault);
        for (const table of ['customers', 'accounts', 'transactions', 'quarantined'] as const) {
          this.set({ table }, status[table]);
        }
      },
    });
    return Promise.resolve();
  };
}
