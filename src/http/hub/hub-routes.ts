// The hub over HTTP: products, offers, segments (check as you type, protected counts) and campaigns; no PII.
import type { FastifyInstance } from 'fastify';
import { CurtainError, errorCatalogue, type ErrorCode } from '../../core/errors.ts';
import type { DoorRefusal, VaultDoor } from '../../core/vault-door.ts';
import { campaignStatuses, type CampaignStatus } from '../../hub/campaign-record.ts';
import type { CampaignDraft } from '../../hub/campaigns.ts';
import type { OfferDraft, Product, SegmentDraft } from '../../hub/catalogue.ts';
import type { HubService } from '../../hub/hub-service.ts';
import { staffRoles } from '../../hub/staff.ts';
import { staffOf } from '../auth/access-control.ts';
import { errorSchema } from '../schemas.ts';
import {
  campaignDetailSchema,
  campaignSchema,
  listOf,
  offerSchema,
  productSchema,
  resultsSchema,
  runSchema,
  segmentSchema,
  staffSchema,
} from './hub-schemas.ts';

const code = { type: 'string', pattern: '^[a-z0-9][a-z0-9_.-]{0,63}$' } as const;
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;
const id = { type: 'string', minLength: 1, maxLength: 200 } as const;
const idParams = { type: 'object', required: ['id'], properties: { id } } as const;
const date = { type: 'string', format: 'date' } as const;
const channels = { type: 'array', items: { type: 'string', enum: ['email', 'push', 'webhook'] } } as const;
const question = {
  type: 'object',
  required: ['expression', 'purpose'],
  additionalProperties: false,
  properties: { expression: text(10_000), purpose: code },
} as const;

/** A door refusal as an HTTP error: its code's status, its rendered diagnostics for the editor. */
function refusalReply(refusal: DoorRefusal) {
  const known = refusal.code in errorCatalogue ? (refusal.code as ErrorCode) : 'USAGE';
  return {
    status: errorCatalogue[known].status,
    body: {
      error: {
        code: refusal.code,
        message: refusal.message,
        ...(refusal.rendered === undefined ? {} : { rendered: refusal.rendered }),
      },
    },
  };
}

const refusalSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, rendered: { type: 'string' } },
    },
  },
} as const;

export function hubRoutes(hub: HubService, door: VaultDoor) {
  return (app: FastifyInstance): Promise<void> => {
    const staff = { access: ['marketer', 'approver', 'partner', 'compliance', 'operator'] } as const;
    const marketer = { access: ['marketer'] } as const;

    // Segments: the editor checks as the marketer types (free), and asks for a protected count when told to.
    app.post<{ Body: { expression: string; purpose: string } }>(
      '/v1/hub/segments/check',
      {
        config: { access: ['marketer', 'approver', 'partner'] },
        schema: {
          summary: 'Check a segment as it is typed: free, reads no data; the explanation customers will read',
          tags: ['segments'],
          body: question,
          response: {
            200: { type: 'object', properties: { explanation: { type: 'string' } } },
            '4xx': refusalSchema,
          },
        },
      },
      async (request, reply) => {
        const checked = await door.check(request.body.expression, request.body.purpose);
        if (checked.ok) return checked.value;
        const { status, body } = refusalReply(checked.error);
        return reply.status(status).send(body);
      },
    );
    app.post<{ Body: { expression: string; purpose: string } }>(
      '/v1/hub/segments/count',
      {
        config: marketer,
        schema: {
          summary: 'A protected count of a segment: noised, never exact, charged ε to the signed-in marketer',
          description:
            'Asking the same question again in the period returns the same answer and costs nothing.',
          tags: ['segments'],
          body: question,
          response: {
            200: {
              type: 'object',
              properties: {
                count: { type: 'integer' },
                repeated: { type: 'boolean' },
                epsilon: { type: 'string', description: 'ε charged, a rational such as "1/4"' },
              },
            },
            '4xx': refusalSchema,
          },
        },
      },
      async (request, reply) => {
        const counted = await door.count(
          request.body.expression,
          request.body.purpose,
          staffOf(request).handle,
        );
        if (counted.ok) return counted.value;
        const { status, body } = refusalReply(counted.error);
        return reply.status(status).send(body);
      },
    );
    app.get(
      '/v1/hub/segments',
      {
        config: staff,
        schema: {
          summary: 'Named segments',
          tags: ['segments'],
          response: { 200: listOf('segments', segmentSchema) },
        },
      },
      async () => ({
        segments: await hub.listSegments(),
      }),
    );
    app.post<{ Body: SegmentDraft }>(
      '/v1/hub/segments',
      {
        config: marketer,
        schema: {
          summary: 'Save a named segment; the vault checks it for its purpose',
          tags: ['segments'],
          body: {
            type: 'object',
            required: ['name', 'expression', 'purpose'],
            additionalProperties: false,
            properties: { name: text(120), expression: text(10_000), purpose: code },
          },
          response: { 201: segmentSchema, '4xx': errorSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await hub.addSegment(request.body, staffOf(request).handle)),
    );
    app.put<{ Params: { segment: string; offer: string } }>(
      '/v1/hub/segments/:segment/offers/:offer',
      {
        config: marketer,
        schema: {
          summary: 'Say that an offer suits a segment',
          tags: ['segments'],
          params: { type: 'object', required: ['segment', 'offer'], properties: { segment: id, offer: id } },
          response: { '4xx': errorSchema },
        },
      },
      async (request) => {
        await hub.linkOffer(request.params.segment, request.params.offer, staffOf(request).handle);
        return { segment: request.params.segment, offerId: request.params.offer, linked: true };
      },
    );

    // Products and offers.
    app.get(
      '/v1/hub/products',
      {
        config: staff,
        schema: {
          summary: 'Products of the bank and partners',
          tags: ['offers'],
          response: { 200: listOf('products', productSchema) },
        },
      },
      async () => ({
        products: await hub.listProducts(),
      }),
    );
    app.post<{ Body: Product }>(
      '/v1/hub/products',
      {
        config: marketer,
        schema: {
          summary: 'Add a product',
          tags: ['offers'],
          body: {
            type: 'object',
            required: ['code', 'name', 'provider', 'credit'],
            additionalProperties: false,
            properties: { code, name: text(120), provider: code, credit: { type: 'boolean' } },
          },
          response: { 201: productSchema, '4xx': errorSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await hub.addProduct(request.body, staffOf(request).handle)),
    );
    app.get<{ Querystring: { segment?: string } }>(
      '/v1/hub/offers',
      {
        config: staff,
        schema: {
          summary: 'Every offer, or those linked to a segment',
          tags: ['offers'],
          querystring: { type: 'object', additionalProperties: false, properties: { segment: id } },
          response: { 200: listOf('offers', offerSchema) },
        },
      },
      async (request) => ({ offers: await hub.listOffers(request.query.segment) }),
    );
    app.get<{ Params: { id: string } }>(
      '/v1/hub/offers/:id',
      {
        config: staff,
        schema: {
          summary: 'One offer',
          tags: ['offers'],
          params: idParams,
          response: { 200: offerSchema, '4xx': errorSchema },
        },
      },
      (request) => hub.offer(request.params.id),
    );
    app.post<{ Body: OfferDraft }>(
      '/v1/hub/offers',
      {
        config: marketer,
        schema: {
          summary: 'Add an offer: plain text with no slot for anything about the customer',
          tags: ['offers'],
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
      },
      async (request, reply) =>
        reply.status(201).send(await hub.addOffer(request.body, staffOf(request).handle)),
    );

    // Campaigns: drafted by a marketer, approved (or refused) by another person, run, results released.
    app.get<{ Querystring: { status?: CampaignStatus } }>(
      '/v1/hub/campaigns',
      {
        config: staff,
        schema: {
          summary: 'Campaigns, newest first, optionally by status',
          tags: ['campaigns'],
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { status: { type: 'string', enum: [...campaignStatuses] } },
          },
          response: { 200: listOf('campaigns', campaignSchema) },
        },
      },
      async (request) => ({ campaigns: await hub.list(request.query.status) }),
    );
    app.post<{ Body: CampaignDraft }>(
      '/v1/hub/campaigns',
      {
        config: marketer,
        schema: {
          summary: 'Draft a campaign (its audience is checked under the offer’s purpose)',
          tags: ['campaigns'],
          body: {
            type: 'object',
            required: ['name', 'offerId', 'startsAt'],
            additionalProperties: false,
            properties: {
              name: text(200),
              offerId: id,
              segment: id,
              audience: text(10_000),
              alsoOffers: { type: 'array', items: id },
              channels,
              startsAt: { type: 'string', format: 'date-time' },
              endsAt: { type: 'string', format: 'date-time' },
              frequencyCap: {
                type: 'object',
                required: ['messages', 'days'],
                additionalProperties: false,
                properties: {
                  messages: { type: 'integer', minimum: 1 },
                  days: { type: 'integer', minimum: 1 },
                },
              },
              maxMessages: { type: 'integer', minimum: 1 },
            },
          },
          response: { 201: campaignSchema, '4xx': errorSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await hub.createCampaign(request.body, staffOf(request).handle)),
    );
    app.get<{ Params: { id: string } }>(
      '/v1/hub/campaigns/:id',
      {
        config: staff,
        schema: {
          summary: 'A campaign with its offers, lifecycle events and released results',
          tags: ['campaigns'],
          params: idParams,
          response: { 200: campaignDetailSchema, '4xx': errorSchema },
        },
      },
      (request) => hub.show(request.params.id),
    );
    app.post<{ Params: { id: string } }>(
      '/v1/hub/campaigns/:id/approve',
      {
        config: { access: ['approver'] },
        schema: {
          summary: 'Approve a campaign (not one’s own)',
          tags: ['campaigns'],
          params: idParams,
          response: { 200: campaignSchema, '4xx': errorSchema },
        },
      },
      (request) => hub.approve(request.params.id, staffOf(request).handle),
    );
    app.post<{ Params: { id: string } }>(
      '/v1/hub/campaigns/:id/refuse',
      {
        config: { access: ['approver'] },
        schema: {
          summary: 'Refuse a campaign awaiting approval: it is cancelled',
          tags: ['campaigns'],
          params: idParams,
          response: { 200: campaignSchema, '4xx': errorSchema },
        },
      },
      (request) => hub.cancel(request.params.id, staffOf(request).handle),
    );
    app.post<{ Params: { id: string } }>(
      '/v1/hub/campaigns/:id/cancel',
      {
        config: { access: ['marketer', 'approver'] },
        schema: {
          summary: 'Cancel a campaign before or while it runs',
          tags: ['campaigns'],
          params: idParams,
          response: { 200: campaignSchema, '4xx': errorSchema },
        },
      },
      (request) => hub.cancel(request.params.id, staffOf(request).handle),
    );
    app.post<{ Params: { id: string } }>(
      '/v1/hub/campaigns/:id/run',
      {
        config: { access: ['marketer', 'operator'] },
        schema: {
          summary:
            'Run an approved campaign that is due (or resume it); answers when the vault has delivered',
          description:
            'A refusal by the vault is an outcome: the campaign is then "refused" and `refusal` says why.',
          tags: ['campaigns'],
          params: idParams,
          response: { 200: runSchema, '4xx': errorSchema },
        },
      },
      async (request) => {
        const outcome = await hub.run(request.params.id, staffOf(request).handle);
        return { campaign: outcome.campaign, refusal: outcome.refusal ?? null };
      },
    );
    app.get<{ Params: { id: string } }>(
      '/v1/hub/campaigns/:id/results',
      {
        config: { access: ['marketer', 'compliance'] },
        schema: {
          summary: 'Protected results: noised counts, null where suppressed; charged ε to the asker',
          tags: ['campaigns'],
          params: idParams,
          response: { 200: resultsSchema, '4xx': refusalSchema },
        },
      },
      async (request, reply) => {
        const released = await hub.results(request.params.id, staffOf(request).handle);
        if (released.ok) return released.value;
        const { status, body } = refusalReply(released.error);
        return reply.status(status).send(body);
      },
    );

    // Staff: the operator's bootstrap.
    app.get(
      '/v1/hub/staff',
      {
        config: { access: ['operator'] },
        schema: {
          summary: 'Hub staff and their roles',
          tags: ['staff'],
          response: { 200: listOf('staff', staffSchema) },
        },
      },
      async () => ({
        staff: await hub.listStaff(),
      }),
    );
    app.post<{ Body: { handle: string; roles: string[] } }>(
      '/v1/hub/staff',
      {
        config: { access: ['operator'] },
        schema: {
          summary: 'Add a staff member, or give one more roles',
          tags: ['staff'],
          body: {
            type: 'object',
            required: ['handle', 'roles'],
            additionalProperties: false,
            properties: {
              handle: code,
              roles: { type: 'array', minItems: 1, items: { type: 'string', enum: [...staffRoles] } },
            },
          },
          response: { 201: staffSchema, '4xx': errorSchema },
        },
      },
      async (request, reply) => {
        if (request.body.handle === staffOf(request).handle) {
          throw new CurtainError('HUB_FORBIDDEN', 'an operator may not change their own roles');
        }
        return reply.status(201).send(await hub.addStaff(request.body.handle, request.body.roles));
      },
    );
    return Promise.resolve();
  };
}
