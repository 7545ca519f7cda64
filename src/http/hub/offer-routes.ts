// Offers over HTTP: plain text with no slot for anything about the customer, optionally by segment.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody, idParams, listOf } from '../../contracts/common.ts';
import { offer, offerInput } from '../../contracts/hub-catalogue.ts';
import { offersQuery } from '../../contracts/hub-segments.ts';
import type { HubService } from '../../hub/hub-service.ts';
import { staffOf } from '../auth/access-control.ts';
import { marketerAccess, staffAccess } from './hub-fields.ts';

const tags = ['offers'];

const list = {
  config: staffAccess,
  schema: {
    summary: 'Every offer, or those linked to a segment',
    tags,
    querystring: offersQuery,
    response: { 200: listOf('offers', offer), '4xx': errorBody },
  },
};

const one = {
  config: staffAccess,
  schema: {
    summary: 'One offer',
    tags,
    params: idParams,
    response: { 200: offer, '4xx': errorBody },
  },
};

const add = {
  config: marketerAccess,
  schema: {
    summary: 'Add an offer: plain text with no slot for anything about the customer',
    tags,
    body: offerInput,
    response: { 201: offer, '4xx': errorBody },
  },
};

export function offerRoutes(hub: HubService) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/hub/offers', list, async (request) => ({
      offers: await hub.listOffers(request.query.segment),
    }));
    app.get('/v1/hub/offers/:id', one, (request) => hub.offer(request.params.id));
    app.post('/v1/hub/offers', add, async (request, reply) =>
      reply.status(201).send(await hub.addOffer(request.body, staffOf(request).handle)),
    );
    return Promise.resolve();
  };
}
