// Segments over HTTP: checked as the marketer types (free), counted when asked (costs ε), saved, linked to offers.
import type { FastifyInstance } from 'fastify';
import type { VaultDoor } from '../../core/vault-door.ts';
import type { SegmentDraft } from '../../hub/catalogue.ts';
import type { HubService } from '../../hub/hub-service.ts';
import { staffOf } from '../auth/access-control.ts';
import { errorSchema } from '../schemas.ts';
import {
  code,
  costSchema,
  id,
  marketerAccess,
  refusalSchema,
  sendRefusal,
  staffAccess,
  text,
} from './hub-fields.ts';
import { listOf, segmentSchema } from './hub-schemas.ts';

type Question = { expression: string; purpose: string };

const tags = ['segments'];
const question = {
  type: 'object',
  required: ['expression', 'purpose'],
  additionalProperties: false,
  properties: { expression: text(10_000), purpose: code },
} as const;

const check = {
  config: { access: ['marketer', 'approver', 'partner'] },
  schema: {
    summary: 'Check a segment as it is typed: free, reads no data; the explanation customers will read',
    tags,
    body: question,
    response: {
      200: { type: 'object', properties: { explanation: { type: 'string' } } },
      '4xx': refusalSchema,
    },
  },
} as const;

const count = {
  config: marketerAccess,
  schema: {
    summary: 'A protected count of a segment: noised, never exact, charged ε to the signed-in marketer',
    description: 'Asking the same question again in the period returns the same answer and costs nothing.',
    tags,
    body: question,
    response: {
      200: {
        type: 'object',
        properties: {
          count: { type: 'integer' },
          repeated: { type: 'boolean' },
          epsilon: { type: 'string', description: 'ε charged, a rational such as "1/4"' },
          budget: costSchema,
        },
      },
      '4xx': refusalSchema,
    },
  },
} as const;

const list = {
  config: staffAccess,
  schema: { summary: 'Named segments', tags, response: { 200: listOf('segments', segmentSchema) } },
} as const;

const save = {
  config: marketerAccess,
  schema: {
    summary: 'Save a named segment; the vault checks it for its purpose',
    tags,
    body: {
      type: 'object',
      required: ['name', 'expression', 'purpose'],
      additionalProperties: false,
      properties: { name: text(120), expression: text(10_000), purpose: code },
    },
    response: { 201: segmentSchema, '4xx': errorSchema },
  },
} as const;

const link = {
  config: marketerAccess,
  schema: {
    summary: 'Say that an offer suits a segment',
    tags,
    params: { type: 'object', required: ['segment', 'offer'], properties: { segment: id, offer: id } },
    response: { '4xx': errorSchema },
  },
} as const;

export function segmentRoutes(hub: HubService, door: VaultDoor) {
  return (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: Question }>('/v1/hub/segments/check', check, async (request, reply) => {
      const checked = await door.check(request.body.expression, request.body.purpose);
      return checked.ok ? checked.value : sendRefusal(reply, checked.error);
    });
    app.post<{ Body: Question }>('/v1/hub/segments/count', count, async (request, reply) => {
      const { expression, purpose } = request.body;
      const counted = await door.count(expression, purpose, staffOf(request).handle);
      return counted.ok ? counted.value : sendRefusal(reply, counted.error);
    });
    app.get('/v1/hub/segments', list, async () => ({ segments: await hub.listSegments() }));
    app.post<{ Body: SegmentDraft }>('/v1/hub/segments', save, async (request, reply) =>
      reply.status(201).send(await hub.addSegment(request.body, staffOf(request).handle)),
    );
    app.put<{ Params: { segment: string; offer: string } }>(
      '/v1/hub/segments/:segment/offers/:offer',
      link,
      async (request) => {
        const { segment, offer } = request.params;
        await hub.linkOffer(segment, offer, staffOf(request).handle);
        return { segment, offerId: offer, linked: true };
      },
    );
    return Promise.resolve();
  };
}
