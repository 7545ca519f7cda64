// Edge mode over HTTP: the bundle every device fetches, the customer's own facts and tokens, reports (no session,
// no address kept), and for staff the admission of a definition and its noised results.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contracts/common.ts';
import {
  edgeBundle,
  edgeCampaignList,
  edgeCampaignParams,
  edgeCampaignView,
  edgeFacts,
  edgeInterest,
  edgePublication,
  edgePublished,
  edgeReport,
  edgeResults,
  reportAccepted,
  tokenIssuance,
  tokenResponses,
} from '../../contracts/edge.ts';
import { questionRefusal } from '../../contracts/questions.ts';
import { CurtainError, errorCatalogue } from '../../core/errors.ts';
import { reportsPerEpoch } from '../../edge/tokens.ts';
import type { VaultServices } from '../../vault/vault.ts';
import type { EdgeCampaignView } from '../../vault/edge/edge-service.ts';
import { customerOf, staffOf } from '../auth/access-control.ts';
import { refusalJson } from '../question-routes.ts';
import { customerAccess } from './customer-common.ts';

type EdgeVault = Pick<VaultServices, 'edge'>;
const tags = ['edge'];
const staff = { access: ['marketer', 'partner'] } as const;

const bundle = {
  config: { access: 'public' },
  schema: {
    summary: 'What every device fetches: signed edge campaign definitions, the keys and their log proofs',
    description:
      'The same for everyone; a device fetches it without cookies, so the fetch says nothing of anyone.',
    tags,
    response: { 200: edgeBundle },
  },
} as const;

const facts = {
  config: customerAccess,
  schema: {
    summary: 'My own transactions, products held and first account opening, for matching on my device',
    tags,
    response: { 200: edgeFacts, '4xx': errorBody },
  },
};

const tokens = {
  config: customerAccess,
  schema: {
    summary: 'My report tokens for this epoch: the same number for every customer, once per epoch',
    description: `Exactly ${reportsPerEpoch} blinded requests (Privacy Pass, blind RSA): the vault signs them without seeing the tokens.`,
    tags,
    body: tokenIssuance,
    response: { 200: tokenResponses, '4xx': errorBody },
  },
};

const report = {
  config: { access: 'public', rateLimit: false },
  // Not even the route is logged: a report's time beside a session's could link them.
  logLevel: 'silent',
  schema: {
    summary: 'One report of a device, carrying one token: no cookie, no session, no address kept',
    tags,
    body: edgeReport,
    response: { 202: reportAccepted, '4xx': errorBody },
  },
} as const;

const interest = {
  config: customerAccess,
  schema: {
    summary: 'Connect me: put an offer shown on my device into my inbox, for the usual consented reveal',
    description:
      'The one step at which the vault learns that I saw this edge offer: because I asked. Connecting to an ' +
      'adviser then needs my explicit consent, as for any offer.',
    tags,
    params: edgeCampaignParams,
    response: { 201: edgeInterest, '4xx': errorBody },
  },
};

const publish = {
  config: staff,
  schema: {
    summary: 'Admit and publish an edge campaign definition (the central gates first)',
    description:
      'Checked as a question under the offer’s purpose (fair-lending rules for credit), refused on sensitive ' +
      'categories, then admitted by a noised audience of at least k, charged to you; then signed and logged.',
    tags,
    body: edgePublication,
    response: { 201: edgePublished, '4xx': questionRefusal },
  },
};

const list = {
  config: { access: ['marketer', 'partner', 'approver', 'compliance'] },
  schema: {
    summary: 'Published edge campaigns, newest first: the definitions, their version and what is on devices',
    tags,
    response: { 200: edgeCampaignList, '4xx': errorBody },
  },
} as const;

const withdraw = {
  config: { access: ['marketer', 'approver'] },
  schema: {
    summary:
      'Withdraw an edge campaign: it leaves every device’s bundle at once, and "Connect me" is refused',
    tags,
    params: edgeCampaignParams,
    response: { 200: edgeCampaignView, '4xx': errorBody },
  },
} as const;

const results = {
  config: { access: ['marketer', 'partner', 'approver', 'compliance'] },
  schema: {
    summary:
      'Noised counts of an edge campaign’s "shown" reports and "Connect me" requests, per ended epoch (charged once per epoch)',
    tags,
    params: edgeCampaignParams,
    response: { 200: edgeResults, '4xx': errorBody },
  },
} as const;

function campaignJson(view: EdgeCampaignView) {
  const { definition } = view;
  return {
    id: definition.id,
    expression: definition.expression,
    purpose: definition.purpose,
    offer: definition.offer,
    validFrom: definition.validFrom,
    validUntil: definition.validUntil,
    models: (definition.models ?? []).map((m) => ({ product: m.product, id: m.id })),
    format: definition.format,
    fingerprint: view.fingerprint,
    state: view.state,
    publishedBy: view.publishedBy,
    publishedAt: view.publishedAt,
    withdrawnBy: view.withdrawnBy,
    withdrawnAt: view.withdrawnAt,
  };
}

export function edgeRoutes(vault: EdgeVault) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const { edge } = vault;
    app.get('/v1/edge/bundle', bundle, async (_request, reply) => {
      const [published, issuer] = await Promise.all([edge.publisher.definitions(), edge.reports.issuerKey()]);
      void reply.header('cache-control', 'no-store');
      return {
        logKeys: edge.logKeys(),
        definitionsKey: published.key,
        definitions: published.definitions,
        issuer,
      };
    });
    app.get('/v1/me/edge/facts', facts, async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return edge.facts(customerOf(request));
    });
    app.post('/v1/me/edge/tokens', tokens, async (request) => ({
      responses: await edge.reports.issue(customerOf(request), request.body.epoch, request.body.requests),
    }));
    app.post('/v1/me/edge/campaigns/:id/interest', interest, async (request, reply) =>
      reply.status(201).send({ message: await edge.askAbout(customerOf(request), request.params.id) }),
    );
    app.post('/v1/edge/reports', report, async (request, reply) => {
      await edge.reports.redeem(request.body);
      return reply.status(202).send({ accepted: true });
    });
    app.post('/v1/edge/campaigns', publish, async (request, reply) => {
      const { handle } = staffOf(request);
      const published = await edge.publisher.publish({ ...request.body, asker: handle });
      if (!published.ok) {
        const refusal = published.error;
        if (refusal.code === 'EDGE_SEGMENT_SENSITIVE') throw new CurtainError(refusal.code, refusal.message);
        return reply.status(errorCatalogue[refusal.code].status).send(refusalJson(refusal));
      }
      const { definition, jws, admission } = published.value;
      return reply
        .status(201)
        .send({ id: definition.id, purpose: definition.purpose, audience: admission.count, jws });
    });
    app.get('/v1/edge/campaigns', list, async () => {
      const campaigns = (await edge.campaigns()).map(campaignJson);
      return { onDevices: campaigns.filter((c) => c.state === 'on_devices').length, campaigns };
    });
    app.post('/v1/edge/campaigns/:id/withdraw', withdraw, async (request) =>
      campaignJson(await edge.withdraw(request.params.id, staffOf(request).handle)),
    );
    app.get('/v1/edge/campaigns/:id/results', results, async (request) => {
      const { handle } = staffOf(request);
      const released = await edge.reports.results(request.params.id, handle);
      if (!released.ok) throw new CurtainError(released.error.code, released.error.message);
      return { campaign: request.params.id, reportsPerDevice: reportsPerEpoch, epochs: released.value };
    });
    return Promise.resolve();
  };
}
