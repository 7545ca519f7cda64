// The vault's HTTP API as one plugin: status, ingest, questions, the customer's door, advisors, compliance, the door.
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { VaultServices } from '../../vault/vault.ts';
import { vaultStatusRoutes } from '../health-routes.ts';
import { questionRoutes } from '../question-routes.ts';
import { advisorRoutes } from './advisor-routes.ts';
import { batchRoutes } from './batch-routes.ts';
import { budgetRequestRoutes } from './budget-request-routes.ts';
import { budgetRoutes } from './budget-routes.ts';
import { complianceRoutes } from './compliance-routes.ts';
import { customerRoutes } from './customer-routes.ts';
import { doorRoutes } from './door-routes.ts';
import { ingestRoutes } from './ingest-routes.ts';
import { importRoutes } from './import-routes.ts';
import { insightsRoutes } from './insights-routes.ts';
import { edgeRoutes } from './edge-routes.ts';
import { myDataRoutes } from './my-data-routes.ts';
import { policyRoutes } from './policy-routes.ts';
import { modelRoutes } from './model-routes.ts';

export interface VaultPluginOptions {
  readonly registry: Registry;
  readonly ingestBodyLimit: number;
}

export function vaultPlugin(vault: VaultServices, options: VaultPluginOptions) {
  return async (app: FastifyInstance): Promise<void> => {
    await app.register(vaultStatusRoutes(vault, options.registry));
    await app.register(ingestRoutes(vault, options.ingestBodyLimit));
    await app.register(importRoutes(vault, options.ingestBodyLimit));
    await app.register(batchRoutes(vault.ingest.batches));
    await app.register(questionRoutes(vault));
    await app.register(budgetRoutes(vault));
    await app.register(budgetRequestRoutes(vault.budgetRequests));
    await app.register(policyRoutes(vault.policies));
    await app.register(modelRoutes(vault.models));
    await app.register(customerRoutes(vault));
    await app.register(edgeRoutes(vault));
    await app.register(advisorRoutes(vault));
    await app.register(complianceRoutes(vault));
    await app.register(myDataRoutes(vault));
    await app.register(insightsRoutes(vault.insights));
    await app.register(doorRoutes(vault.door));
  };
}
