// The vault's database status: engine, schema version and row counts, over HTTP and as a Prometheus gauge.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Gauge, type Registry } from 'prom-client';
import { databaseStatus as databaseStatusSchema } from '../contracts/operations.ts';
import type { VaultServices } from '../vault/vault.ts';
import { vaultStatus } from '../vault/vault-status.ts';

/** What `GET /v1/db/status` answers (the CLI's `curtain status` prints the same). */
export const databaseStatus = (vault: Pick<VaultServices, 'storage'>) => vaultStatus(vault.storage);

export function vaultStatusRoutes(vault: VaultServices, registry: Registry) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/v1/db/status',
      {
        config: { access: ['operator', 'compliance'] } as const,
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
