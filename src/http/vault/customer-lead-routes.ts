// A customer's own requests to be contacted: listed with their signed consent receipts, and withdrawn.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody, listOf } from '../../contracts/common.ts';
import { lead, leadParams } from '../../contracts/customer.ts';
import type { VaultServices } from '../../vault/vault.ts';
import type { Lead } from '../../vault/responses/leads.ts';
import { refused } from '../../vault/responses/refusals.ts';
import { customerOf } from '../auth/access-control.ts';
import { customerAccess, tags } from './customer-common.ts';

export const leadJson = (given: Lead) => ({
  ...given,
  withdrawnAt: given.withdrawnAt ?? null,
  claimedBy: given.claimedBy ?? null,
  claimedAt: given.claimedAt ?? null,
  status: given.status ?? null,
});

const list = {
  config: customerAccess,
  schema: {
    summary: 'My requests to be contacted, with their signed consent receipts',
    tags,
    response: { 200: listOf('leads', lead) },
  },
};

const withdraw = {
  config: customerAccess,
  schema: {
    summary: 'Withdraw a request to be contacted before an advisor takes it up',
    tags,
    params: leadParams,
    response: { 200: lead, '4xx': errorBody },
  },
};

export function customerLeadRoutes(vault: Pick<VaultServices, 'responses'>) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/me/leads', list, async (request) => ({
      leads: (await vault.responses.leadsOf(customerOf(request))).map(leadJson),
    }));
    app.post('/v1/me/leads/:lead/withdraw', withdraw, async (request) => {
      const result = await vault.responses.withdraw(customerOf(request), request.params.lead);
      if (!result.ok) throw refused(result.error);
      return leadJson(result.value);
    });
    return Promise.resolve();
  };
}
