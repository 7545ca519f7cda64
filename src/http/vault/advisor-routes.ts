// Advisors: open leads without identities; claiming one and showing it again reveal who, while consent stands.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  advisorLeadParams,
  advisorQueue,
  advisorQueueChoice,
  queuedLead,
  revealedLead,
} from '../../contracts/advisor.ts';
import { errorBody, listOf } from '../../contracts/common.ts';
import type { VaultServices } from '../../vault/vault.ts';
import { refused } from '../../vault/responses/refusals.ts';
import { staffOf } from '../auth/access-control.ts';

const tags = ['advisor'];
const access = { access: ['advisor'] } as const;
const revealed = { 200: revealedLead, '4xx': errorBody };

const list = {
  config: access,
  schema: {
    summary: 'Open leads of the bank’s (or a partner’s) queue: no identity until one is claimed',
    tags,
    querystring: advisorQueue,
    response: { 200: listOf('leads', queuedLead), '4xx': errorBody },
  },
};

const claim = {
  config: access,
  schema: {
    summary: 'Take up a lead: verifies the customer’s consent receipt, then reveals whom to contact',
    description: 'The identity is in this response only; the claim is recorded in the transparency log.',
    tags,
    params: advisorLeadParams,
    body: advisorQueueChoice,
    response: revealed,
  },
};

const show = {
  config: access,
  schema: {
    summary: 'A lead the advisor took up, with whom to contact while the customer still agrees',
    description:
      'Checks consent, restrictions, objections and erasure again at every display: after a withdrawal the ' +
      'answer is IDENTITY_WITHHELD ("the customer withdrew consent") and nothing of the customer.',
    tags,
    params: advisorLeadParams,
    querystring: advisorQueue,
    response: revealed,
  },
};

export function advisorRoutes(vault: Pick<VaultServices, 'advisorQueue'>) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/leads', list, async (request) => ({
      leads: await vault.advisorQueue.list({ recipient: request.query.partner ?? 'bank' }),
    }));
    app.post('/v1/leads/:lead/claim', claim, async (request) => {
      const result = await vault.advisorQueue.claim(staffOf(request).handle, request.params.lead, {
        recipient: request.body?.partner ?? 'bank',
      });
      if (!result.ok) throw refused(result.error);
      return result.value;
    });
    app.get('/v1/leads/:lead', show, async (request) => {
      const result = await vault.advisorQueue.show(staffOf(request).handle, request.params.lead, {
        recipient: request.query.partner ?? 'bank',
      });
      if (!result.ok) throw refused(result.error);
      return result.value;
    });
    return Promise.resolve();
  };
}
