// Federated rounds over HTTP: a marketer proposes, an approver (not the proposer) approves and the hub runs it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody, listOf } from '../../contracts/common.ts';
import {
  federatedRound,
  federatedRoundParams,
  federatedRoundProposal,
} from '../../contracts/hub-federated.ts';
import type { HubService } from '../../hub/hub-service.ts';
import { staffOf } from '../auth/access-control.ts';
import { staffAccess } from './hub-fields.ts';

const tags = ['federated rounds'];

const list = {
  config: staffAccess,
  schema: {
    summary: 'Federated rounds, newest first, each with its stage',
    tags,
    response: { 200: listOf('rounds', federatedRound), '4xx': errorBody },
  },
};

const show = {
  config: staffAccess,
  schema: {
    summary: 'One federated round: its stage (keys → shares → masked → unmasked → stored, or aborted)',
    tags,
    params: federatedRoundParams,
    response: { 200: federatedRound, '4xx': errorBody },
  },
};

const propose = {
  config: { access: ['marketer'] as const },
  schema: {
    summary: 'Propose a federated round of a product’s propensity model across regions',
    description:
      'Every named region’s vault must take part to the end (with three vaults, all three), each charging ' +
      'its own (ε, δ) ledger. The round waits for an approver other than the proposer.',
    tags,
    body: federatedRoundProposal,
    response: { 201: federatedRound, '4xx': errorBody },
  },
};

const approve = {
  config: { access: ['approver'] as const },
  schema: {
    summary: 'Approve a federated round (not one’s own); the hub starts it at once',
    description:
      'Answers 202 with the round approved; poll the round for its stage. A round that stops is `aborted` ' +
      'with the reason (a vault’s refusal, a dropout, a key that does not verify); nothing is released then.',
    tags,
    params: federatedRoundParams,
    response: { 202: federatedRound, '4xx': errorBody },
  },
};

export function federatedRoundRoutes(hub: HubService) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/hub/federated-rounds', list, async () => ({ rounds: await hub.listRounds() }));
    app.get('/v1/hub/federated-rounds/:id', show, (request) => hub.showRound(request.params.id));
    app.post('/v1/hub/federated-rounds', propose, async (request, reply) =>
      reply.status(201).send(await hub.proposeRound(request.body, staffOf(request).handle)),
    );
    app.post('/v1/hub/federated-rounds/:id/approve', approve, async (request, reply) => {
      const approved = await hub.approveRound(request.params.id, staffOf(request).handle);
      // The round runs after the answer; its stage (or abort and reason) is on the round.
      hub.runRound(approved.id).catch((error: unknown) => {
        request.log.warn({ round: approved.id, err: error }, 'federated round aborted');
      });
      return reply.status(202).send(approved);
    });
    return Promise.resolve();
  };
}
