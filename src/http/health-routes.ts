// Health, database status and Prometheus metrics.
import type { FastifyInstance } from 'fastify';
import { Registry, collectDefaultMetrics, Gauge } from 'prom-client';
import type { VaultServices } from '../main.ts';
import { migrationStatus } from '../storage/postgres-core/migrations.ts';
import { databaseStatusSchema } from './schemas.ts';

const healthSchema = {
  type: 'object',
  properties: { status: { type: 'string', enum: ['ok', 'unavailable'] }, engine: { type: 'string' } },
} as const;

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

export function healthRoutes(vault: VaultServices) {
  return (app: FastifyInstance): Promise<void> => {
    app.get(
      '/health',
      {
        schema: {
          summary: 'Liveness and database reachability',
          tags: ['operations'],
          response: {
            200: healthSchema,
            503: healthSchema,
          },
        },
      },
      async (_request, reply) => {
        try {
          await vault.storage.query('SELECT 1');
          return { status: 'ok', engine: vault.storage.description };
        } catch {
          return reply.status(503).send({ status: 'unavailable', engine: vault.storage.description });
        }
      },
    );

    app.get(
      '/v1/db/status',
      {
        schema: {
          summary: 'Engine, schema version and row counts',
          tags: ['operations'],
          response: { 200: databaseStatusSchema },
        },
      },
      () => databaseStatus(vault),
    );

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
    app.get(
      '/metrics',
      { schema: { summary: 'Prometheus metrics', tags: ['operations'] } },
      async (_request, reply) => {
        return reply.type(registry.contentType).send(await registry.metrics());
      },
    );
    return Promise.resolve();
  };
}
