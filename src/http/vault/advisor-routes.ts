// Advisors: open leads without identities; claiming one and showing it again reveal who, while consent stands.
import type { FastifyInstance } from 'fastify';
import type { VaultServices } from '../../vault/vault.ts';
import { staffOf } from '../auth/access-control.ts';
import { errorSchema } from '../schemas.ts';
import { refused } from '../../vault/responses/refusals.ts';

const tags = ['advisor'];
const access = { access: ['advisor'] } as const;
const queue = {
  type: 'object',
  additionalProperties: false,
  properties: {
    partner: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9_.-]{0,63}$',
      description: 'a partner’s queue instead of the bank’s',
    },
  },
} as const;

const list = {
  config: access,
  schema: {
    summary: 'Open leads of the bank’s (or a partner’s) queue: no identity until one is claimed',
    tags,
    querystring: queue,
    response: {
      200: {
        type: 'object',
        properties: {
          leads: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                campaignId: { type: 'string' },
                offerId: { type: 'string' },
                offerTitle: { type: 'string' },
                category: { type: 'string' },
                createdAt: { type: 'string', format: 'date-time' },
              },
            },
          },
        },
      },
    },
  },
} as const;

const claim = {
  config: access,
  schema: {
    summary: 'Take up a lead: verifies the customer’s consent receipt, then reveals whom to contact',
    description: 'The identity is in this response only; the claim is recorded in the transparency log.',
    tags,
    params: {
      type: 'object',
      required: ['lead'],
      properties: { lead: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } },
    },
    body: { ...queue, type: ['object', 'null'] },
    response: {
      200: {
        type: 'object',
        properties: {
          leadId: { type: 'string' },
          campaignId: { type: 'string' },
          offer: {
            type: 'object',
            properties: { offerId: { type: 'string' }, title: { type: 'string' } },
          },
          identity: {
            type: 'object',
            properties: {
              givenName: { type: 'string' },
              familyName: { type: 'string' },
              email: { type: 'string' },
              phone: { type: 'string' },
            },
          },
          receipt: { type: 'string', description: 'the customer’s signed consent to this reveal' },
          claimedBy: { type: 'string' },
        },
      },
      '4xx': errorSchema,
    },
  },
} as const;

const show = {
  config: access,
  schema: {
    summary: 'A lead the advisor took up, with whom to contact while the customer still agrees',
    description:
      'Checks consent, restrictions, objections and erasure again at every display: after a withdrawal the ' +
      'answer is IDENTITY_WITHHELD ("the customer withdrew consent") and nothing of the customer.',
    tags,
    params: claim.schema.params,
    querystring: queue,
    response: claim.schema.response,
  },
} as const;

export function advisorRoutes(vault: Pick<VaultServices, 'advisorQueue'>) {
  return (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: { partner?: string } }>('/v1/leads', list, async (request) => ({
      leads: await vault.advisorQueue.list({ recipient: request.query.partner ?? 'bank' }),
    }));
    app.post<{ Params: { lead: string }; Body: { partner?: string } | undefined }>(
      '/v1/leads/:lead/claim',
      claim,
      async (request) => {
        const result = await vault.advisorQueue.claim(staffOf(request).handle, request.params.lead, {
          recipient: request.body?.partner ?? 'bank',
        });
        if (!result.ok) throw refused(result.error);
        return result.value;
      },
    );
    app.get<{ Params: { lead: string }; Querystring: { partner?: string } }>(
      '/v1/leads/:lead',
      show,
      async (request) => {
        const result = await vault.advisorQueue.show(staffOf(request).handle, request.params.lead, {
          recipient: request.query.partner ?? 'bank',
        });
        if (!result.ok) throw refused(result.error);
        return result.value;
      },
    );
    return Promise.resolve();
  };
}
