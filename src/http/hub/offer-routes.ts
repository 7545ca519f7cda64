// Offers over HTTP: plain text with no slot for anything about the customer, optionally by segment.
import type { FastifyInstance } from 'fastify';
import type { OfferDraft } from '../../hub/catalogue.ts';
import type { HubService } from '../../hub/hub-service.ts';
import { staffOf } from '../auth/access-control.ts';
import { errorSchema } from '../schemas.ts';
import { code, date, id, idParams, marketerAccess, staffAccess, text } from './hub-fields.ts';
import { listOf, offerSchema } from './hub-schemas.ts';

const tags = ['offers'];

const list = {
  config: staffAccess,
  schema: {
    summary: 'Every offer, or those linked to a segment',
    tags,
    querystring: { type: 'object', additionalProperties: false, properties: { segment: id } },
    response: { 200: listOf('offers', offerSchema) },
  },
} as const;

const one = {
  config: staffAccess,
  schema: {
    summary: 'One offer',
    tags,
    params: idParams,
    response: { 200: offerSchema, '4xx': errorSchema },
  },
} as const;

const add = {
  config: marketerAccess,
  schema: {
    summary: 'Add an offer: plain text with no slot for anything about the customer',
    tags,
    body: {
      type: 'object',
      required: ['productCode', 'title', 'body', 'callToAction', 'category', 'validUntil'],
      additionalProperties: false,
      properties: {
        productCode: code,
        title: text(200),
        body: text(5_000),
        callToAction: text(100),
        category: code,
        validFrom: date,
        validUntil: date,
        interests: { type: 'array', items: code },
      },
    },
    response: { 201: offerSchema, '4xx': errorSchema },
  },
} as const;

export function offerRoutes(hub: HubService) {
  return (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: { segment?: string } }>('/v1/hub/offers', list, async (request) => ({
      offers: await hub.listOffers(request.query.segment),
    }));
    app.get<{ Params: { id: string } }>('/v1/hub/offers/:id', one, (request) => hub.offer(request.params.id));
    app.post<{ Body: OfferDraft }>('/v1/hub/offers', add, async (request, reply) =>
      reply.status(201).send(await hub.addOffer(request.body, staffOf(request).handle)),
    );
    return Promise.resolve();
  };
}
