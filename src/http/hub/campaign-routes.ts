// Campaigns over HTTP: drafted by a marketer, approved (or refused) by another person, run, results released.
import type { FastifyInstance } from 'fastify';
import { campaignStatuses, type CampaignStatus } from '../../hub/campaign-record.ts';
import type { CampaignDraft } from '../../hub/campaigns.ts';
import type { HubService } from '../../hub/hub-service.ts';
import { staffOf } from '../auth/access-control.ts';
import type { Role } from '../auth/roles.ts';
import { errorSchema } from '../schemas.ts';
import { id, idParams, marketerAccess, refusalSchema, sendRefusal, staffAccess, text } from './hub-fields.ts';
import { campaignDetailSchema, campaignSchema, listOf, resultsSchema, runSchema } from './hub-schemas.ts';

type ById = { Params: { id: string } };

const tags = ['campaigns'];
const channels = { type: 'array', items: { type: 'string', enum: ['email', 'push', 'webhook'] } } as const;

const list = {
  config: staffAccess,
  schema: {
    summary: 'Campaigns, newest first, optionally by status',
    tags,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { status: { type: 'string', enum: [...campaignStatuses] } },
    },
    response: { 200: listOf('campaigns', campaignSchema) },
  },
} as const;

const draft = {
  config: marketerAccess,
  schema: {
    summary: 'Draft a campaign (its audience is checked under the offer’s purpose)',
    tags,
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
} as const;

const one = {
  config: staffAccess,
  schema: {
    summary: 'A campaign with its offers, lifecycle events and released results',
    tags,
    params: idParams,
    response: { 200: campaignDetailSchema, '4xx': errorSchema },
  },
} as const;

/** A step of the campaign's lifecycle: who may take it, and what it does. */
const step = (access: readonly Role[], summary: string) =>
  ({
    config: { access },
    schema: { summary, tags, params: idParams, response: { 200: campaignSchema, '4xx': errorSchema } },
  }) as const;

const approve = step(['approver'], 'Approve a campaign (not one’s own)');
const refuse = step(['approver'], 'Refuse a campaign awaiting approval: it is cancelled');
const cancel = step(['marketer', 'approver'], 'Cancel a campaign before or while it runs');

const run = {
  config: { access: ['marketer', 'operator'] },
  schema: {
    summary: 'Run an approved campaign that is due (or resume it); answers when the vault has delivered',
    description:
      'A refusal by the vault is an outcome: the campaign is then "refused" and `refusal` says why.',
    tags,
    params: idParams,
    response: { 200: runSchema, '4xx': errorSchema },
  },
} as const;

const results = {
  config: { access: ['marketer', 'compliance'] },
  schema: {
    summary: 'Protected results: noised counts, null where suppressed; charged ε to the asker',
    tags,
    params: idParams,
    response: { 200: resultsSchema, '4xx': refusalSchema },
  },
} as const;

export function campaignRoutes(hub: HubService) {
  return (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: { status?: CampaignStatus } }>('/v1/hub/campaigns', list, async (request) => ({
      campaigns: await hub.list(request.query.status),
    }));
    app.post<{ Body: CampaignDraft }>('/v1/hub/campaigns', draft, async (request, reply) =>
      reply.status(201).send(await hub.createCampaign(request.body, staffOf(request).handle)),
    );
    app.get<ById>('/v1/hub/campaigns/:id', one, (request) => hub.show(request.params.id));
    app.post<ById>('/v1/hub/campaigns/:id/approve', approve, (request) =>
      hub.approve(request.params.id, staffOf(request).handle),
    );
    app.post<ById>('/v1/hub/campaigns/:id/refuse', refuse, (request) =>
      hub.cancel(request.params.id, staffOf(request).handle),
    );
    app.post<ById>('/v1/hub/campaigns/:id/cancel', cancel, (request) =>
      hub.cancel(request.params.id, staffOf(request).handle),
    );
    app.post<ById>('/v1/hub/campaigns/:id/run', run, async (request) => {
      const outcome = await hub.run(request.params.id, staffOf(request).handle);
      return {
        campaign: outcome.campaign,
        refusal: outcome.refusal ?? null,
        ...(outcome.budget === undefined ? {} : { budget: outcome.budget }),
      };
    });
    app.get<ById>('/v1/hub/campaigns/:id/results', results, async (request, reply) => {
      const released = await hub.results(request.params.id, staffOf(request).handle);
      return released.ok ? released.value : sendRefusal(reply, released.error);
    });
    return Promise.resolve();
  };
}
