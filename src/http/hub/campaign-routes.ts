// Campaigns over HTTP: drafted by a marketer, approved (or refused) by another person, run, results released.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody, idParams, listOf } from '../../contracts/common.ts';
import {
  campaign,
  campaignApproval,
  campaignDetail,
  campaignInput,
  campaignPreview,
  campaignPreviewInput,
  campaignCancellation,
  campaignRefusal,
  campaignResults,
  campaignRun,
  campaignsQuery,
} from '../../contracts/hub-campaigns.ts';
import { regionalCampaignResults } from '../../contracts/hub-regions.ts';
import { doorRefusalBody } from '../../contracts/hub-segments.ts';
import type { HubService } from '../../hub/hub-service.ts';
import { staffOf } from '../auth/access-control.ts';
import { marketerAccess, sendRefusal, staffAccess } from './hub-fields.ts';

const tags = ['campaigns'];

const list = {
  config: staffAccess,
  schema: {
    summary: 'Campaigns, newest first, optionally by status',
    tags,
    querystring: campaignsQuery,
    response: { 200: listOf('campaigns', campaign), '4xx': errorBody },
  },
};

const draft = {
  config: marketerAccess,
  schema: {
    summary: 'Draft a campaign (its audience is checked under the offer’s purpose)',
    tags,
    body: campaignInput,
    response: { 201: campaign, '4xx': errorBody },
  },
};

const preview = {
  config: marketerAccess,
  schema: {
    summary: 'What a draft would send, before it is drafted: free, reads no data, asks no new count',
    description:
      'The offer, the sentence customers will read, the static checks under the offer’s purpose (fair lending ' +
      'for credit) and the latest protected count already released for the audience, if any.',
    tags,
    body: campaignPreviewInput,
    response: { 200: campaignPreview, '4xx': errorBody },
  },
};

const one = {
  config: staffAccess,
  schema: {
    summary: 'A campaign with its offers, lifecycle events and released results',
    tags,
    params: idParams,
    response: { 200: campaignDetail, '4xx': errorBody },
  },
};

const approve = {
  config: { access: ['approver'] as const },
  schema: {
    summary: 'Approve a campaign (not one’s own); the vault holds back its admission and results ε',
    description:
      'Refused with PRIVACY_BUDGET_EXHAUSTED (the campaign stays a draft) when the vault-wide budget has too ' +
      'little left to hold. The scheduler sends an approved campaign within a minute of its start.',
    tags,
    params: idParams,
    body: campaignApproval.nullish(),
    response: { 200: campaign, '4xx': errorBody },
  },
};
const refuse = {
  config: { access: ['approver'] as const },
  schema: {
    summary: 'Refuse a campaign awaiting approval, with a written reason: it is cancelled',
    tags,
    params: idParams,
    body: campaignRefusal,
    response: { 200: campaign, '4xx': errorBody },
  },
};
const cancel = {
  config: { access: ['marketer', 'approver'] as const },
  schema: {
    summary: 'Cancel a campaign before it starts, or stop one that is sending (with a written reason)',
    description:
      'A draft or approved campaign is cancelled (an approved one’s held ε is given back). A running one ' +
      'becomes "stopping" while the vault (every region’s, for a regional campaign) stops sending, then ' +
      '"stopped": what was sent stays sent, nothing more is sent, and the ε it still holds is given back. ' +
      'When a vault cannot be reached the campaign stays "stopping" and the error names it: ask again.',
    tags,
    params: idParams,
    body: campaignCancellation.nullish(),
    response: { 200: campaign, '4xx': errorBody, '5xx': errorBody },
  },
};

const run = {
  config: { access: ['marketer', 'operator'] as const },
  schema: {
    summary: 'Run an approved campaign that is due (or resume it); answers when the vault has delivered',
    description:
      'A refusal by the vault is an outcome: the campaign is then "refused" and `refusal` says why.',
    tags,
    params: idParams,
    response: { 200: campaignRun, '4xx': errorBody },
  },
};

const results = {
  config: { access: ['marketer', 'compliance'] as const },
  schema: {
    summary: 'Protected results: noised counts, null where suppressed; charged ε to the asker',
    tags,
    params: idParams,
    response: { 200: campaignResults, '4xx': doorRefusalBody },
  },
};

const regionResults = {
  config: { access: ['marketer', 'compliance'] as const },
  schema: {
    summary:
      'A regional campaign’s results: each delivered region’s protected results, charged in that vault',
    description:
      'A total is given only where every region released it; otherwise it is null, and the regions the ' +
      'released sum covers, the suppressed ones and the missing ones are named.',
    tags,
    params: idParams,
    response: { 200: regionalCampaignResults, '4xx': errorBody },
  },
};

export function campaignRoutes(hub: HubService) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/hub/campaigns', list, async (request) => ({
      campaigns: await hub.list(request.query.status),
    }));
    app.post('/v1/hub/campaigns', draft, async (request, reply) =>
      reply.status(201).send(await hub.createCampaign(request.body, staffOf(request).handle)),
    );
    app.post('/v1/hub/campaigns/preview', preview, (request) =>
      hub.previewCampaign(request.body, staffOf(request).handle),
    );
    app.get('/v1/hub/campaigns/:id', one, (request) => hub.show(request.params.id));
    app.post('/v1/hub/campaigns/:id/approve', approve, (request) =>
      hub.approve(request.params.id, staffOf(request).handle, request.body?.reason),
    );
    app.post('/v1/hub/campaigns/:id/refuse', refuse, (request) =>
      hub.refuse(request.params.id, staffOf(request).handle, request.body.reason),
    );
    app.post('/v1/hub/campaigns/:id/cancel', cancel, (request) =>
      hub.cancel(request.params.id, staffOf(request).handle, request.body?.reason),
    );
    app.post('/v1/hub/campaigns/:id/run', run, async (request) => {
      const outcome = await hub.run(request.params.id, staffOf(request).handle);
      return {
        campaign: outcome.campaign,
        refusal: outcome.refusal ?? null,
        ...(outcome.budget === undefined ? {} : { budget: outcome.budget }),
        ...(outcome.regions === undefined ? {} : { regions: [...outcome.regions] }),
        ...(outcome.missing === undefined ? {} : { missing: [...outcome.missing] }),
      };
    });
    app.get('/v1/hub/campaigns/:id/results', results, async (request, reply) => {
      const released = await hub.results(request.params.id, staffOf(request).handle);
      return released.ok ? released.value : sendRefusal(reply, released.error);
    });
    app.get('/v1/hub/campaigns/:id/region-results', regionResults, (request) =>
      hub.regionResults(request.params.id, staffOf(request).handle),
    );
    return Promise.resolve();
  };
}
