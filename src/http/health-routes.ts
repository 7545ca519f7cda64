// The vault's database status: engine, schema version and row counts, over HTTP and as a Prometheus gauge.
import type { FastifyInstance } from 'fastify';
import { Gauge, type Registry } from 'prom-client';
import type { VaultServices } from '../vault/vault.ts';
import { vaultStatus } from '../vault/vault-status.ts';
import { databaseStatusSchema } from './schemas.ts';

/** What `GET /v1/db/status` answers (the CLI's `curtain status` prints the same). */
export const databaseStatus = (vault: Pick<VaultServices, 'storage'>) => vaultStatus(vault.storage);

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
