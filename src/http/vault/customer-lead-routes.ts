// A customer's own requests to be contacted: listed with their signed consent receipts, and withdrawn.
import type { FastifyInstance } from 'fastify';
import type { VaultServices } from '../../vault/vault.ts';
import type { Lead } from '../../vault/responses/leads.ts';
import { refused } from '../../vault/responses/refusals.ts';
import { customerOf } from '../auth/access-control.ts';
import { errorSchema } from '../schemas.ts';
import { customerAccess, publicId, tags } from './customer-common.ts';

export const leadSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    messageId: { type: 'string' },
    campaignId: { type: 'string' },
    offerId: { type: 'string' },
    offerTitle: { type: 'string' },
    recipient: { type: 'string', description: '"bank" or the partner’s code' },
    state: { type: 'string', enum: ['open', 'claimed', 'withdrawn'] },
    receipt: { type: 'string', description: 'the signed consent receipt (compact JWS)' },
    createdAt: { type: 'string', format: 'date-time' },
    withdrawnAt: { type: ['string', 'null'], format: 'date-time' },
    claimedBy: { type: ['string', 'null'] },
    claimedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

export const leadJson = (lead: Lead) => ({
  ...lead,
  withdrawnAt: lead.withdrawnAt ?? null,
  claimedBy: lead.claimedBy ?? null,
  claimedAt: lead.claimedAt ?? null,
});

const list = {
  config: customerAccess,
  schema: {
    summary: 'My requests to be contacted, with their signed consent receipts',
    tags,
    response: { 200: { type: 'object', properties: { leads: { type: 'array', items: leadSchema } } } },
  },
} as const;

const withdraw = {
  config: customerAccess,
  schema: {
    summary: 'Withdraw a request to be contacted before an advisor takes it up',
    tags,
    params: { type: 'object', required: ['lead'], properties: { lead: publicId } },
    response: { 200: leadSchema, '4xx': errorSchema },
  },
} as const;

export function customerLeadRoutes(vault: Pick<VaultServices, 'responses'>) {
  return (app: FastifyInstance): Promise<void> => {
    app.get('/v1/me/leads', list, async (request) => ({
      leads: (await vault.responses.leadsOf(customerOf(request))).map(leadJson),
    }));
    app.post<{ Params: { lead: string } }>('/v1/me/leads/:lead/withdraw', withdraw, async (request) => {
      const result = await vault.responses.withdraw(customerOf(request), request.params.lead);
      if (!result.ok) throw refused(result.error);
      return leadJson(result.value);
    });
    return Promise.resolve();
  };
}
