// Segments over HTTP: checked as the marketer types (free), counted when asked (costs ε), saved, linked to offers.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody, listOf } from '../../contracts/common.ts';
import {
  doorRefusalBody,
  segment,
  segmentCheck,
  segmentCount,
  segmentInput,
  segmentOfferLink,
  segmentOfferParams,
  segmentQuestion,
} from '../../contracts/hub-segments.ts';
import type { VaultDoor } from '../../core/vault-door.ts';
import type { HubService } from '../../hub/hub-service.ts';
import { staffOf } from '../auth/access-control.ts';
import { marketerAccess, sendRefusal, staffAccess } from './hub-fields.ts';

const tags = ['segments'];

const check = {
  config: { access: ['marketer', 'approver', 'partner'] as const },
  schema: {
    summary: 'Check a segment as it is typed: free, reads no data; the explanation customers will read',
    tags,
    body: segmentQuestion,
    response: { 200: segmentCheck, '4xx': doorRefusalBody },
  },
};

const count = {
  config: marketerAccess,
  schema: {
    summary: 'A protected count of a segment: noised, never exact, charged ε to the signed-in marketer',
    description: 'Asking the same question again in the period returns the same answer and costs nothing.',
    tags,
    body: segmentQuestion,
    response: { 200: segmentCount, '4xx': doorRefusalBody },
  },
};

const list = {
  config: staffAccess,
  schema: { summary: 'Named segments', tags, response: { 200: listOf('segments', segment) } },
};

const save = {
  config: marketerAccess,
  schema: {
    summary: 'Save a named segment; the vault checks it for its purpose',
    tags,
    body: segmentInput,
    response: { 201: segment, '4xx': errorBody },
  },
};

const link = {
  config: marketerAccess,
  schema: {
    summary: 'Say that an offer suits a segment',
    tags,
    params: segmentOfferParams,
    response: { 200: segmentOfferLink, '4xx': errorBody },
  },
};

export function segmentRoutes(hub: HubService, door: VaultDoor) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.post('/v1/hub/segments/check', check, async (request, reply) => {
      const checked = await door.check(request.body.expression, request.body.purpose);
      return checked.ok ? checked.value : sendRefusal(reply, checked.error);
    });
    app.post('/v1/hub/segments/count', count, async (request, reply) => {
      const { expression, purpose } = request.body;
      const counted = await hub.count(expression, purpose, staffOf(request).handle);
      return counted.ok ? counted.value : sendRefusal(reply, counted.error);
    });
    app.get('/v1/hub/segments', list, async () => ({ segments: await hub.listSegments() }));
    app.post('/v1/hub/segments', save, async (request, reply) =>
      reply.status(201).send(await hub.addSegment(request.body, staffOf(request).handle)),
    );
    app.put('/v1/hub/segments/:segment/offers/:offer', link, async (request) => {
      const { segment, offer } = request.params;
      await hub.linkOffer(segment, offer, staffOf(request).handle);
      return { segment, offerId: offer, linked: true };
    });
    return Promise.resolve();
  };
}
