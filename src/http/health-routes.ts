// Health, database status and Prometheus metrics.
import type { FastifyInstance } from 'fastify';
import { Registry, collectDefaultMetrics, Gauge } from 'prom-client';
import type { Vault } from '../main.ts';
import { migrationStatus } from '../storage/postgres-core/migrations.ts';

export async function databaseStatus(vault: Vault) {
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

export function healthRoutes(vault: Vault) {
  return (app: FastifyInstance): Promise<void> => {
    app.get('/health', async (_request, reply) => {
      try {
        await vault.storage.query('SELECT 1');
        return { status: 'ok', engine: vault.storage.description };
      } catch {
        return reply.status(503).send({ status: 'unavailable', engine: vault.storage.description });
      }
    });

    app.get('/v1/db/status', () => databaseStatus(vault));

    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'curtain_' });
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
    app.get('/metrics', async (_request, reply) => {
      return reply.type(registry.contentType).send(await registry.metrics());
    });
    return Promise.resolve();
  };
}
