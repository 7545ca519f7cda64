// The model registry over HTTP: versions with cards, the card's release (charged), approval, retirement, scoring.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contracts/common.ts';
import {
  modelDecision,
  modelParams,
  modelVersion,
  modelVersionList,
  type ModelVersionJson,
} from '../../contracts/models.ts';
import type { ModelVersion } from '../../models/model-store.ts';
import type { ModelRegistry } from '../../models/registry/registry-service.ts';
import { staffOf } from '../auth/access-control.ts';

const tags = ['models'];
const readers = { access: ['marketer', 'approver', 'compliance', 'operator'] } as const;

const list = {
  config: readers,
  schema: {
    summary: 'Every model version, newest first per product, with its card',
    tags,
    response: { 200: modelVersionList },
  },
};
const one = {
  config: readers,
  schema: {
    summary: 'One model version',
    tags,
    params: modelParams,
    response: { 200: modelVersion, '4xx': errorBody },
  },
};
const card = {
  config: { access: ['marketer', 'approver', 'compliance'] } as const,
  schema: {
    summary:
      'Release the version’s card: noised figures on a later window, charged to you (once per version)',
    tags,
    params: modelParams,
    response: { 200: modelVersion, '4xx': errorBody },
  },
};
const approve = {
  config: { access: ['approver'] } as const,
  schema: {
    summary:
      'Approve a trained version (not by the person who trained it); it then scores every consenting customer',
    tags,
    params: modelParams,
    body: modelDecision,
    response: { 200: modelVersion, '4xx': errorBody },
  },
};
const retire = {
  config: { access: ['approver', 'compliance'] } as const,
  schema: {
    summary: 'Retire a version: no longer used, its stored scores deleted',
    tags,
    params: modelParams,
    body: modelDecision,
    response: { 200: modelVersion, '4xx': errorBody },
  },
};
const score = {
  config: { access: ['approver', 'operator'] } as const,
  schema: {
    summary: 'Score the approved version again for today (customers who granted profiling)',
    tags,
    params: modelParams,
    response: { 200: modelVersion, '4xx': errorBody },
  },
};

function json(model: ModelVersion): ModelVersionJson {
  return {
    ...model,
    weights: [...model.weights],
    trainedAt: model.trainedAt.toISOString(),
    approvedAt: model.approvedAt?.toISOString() ?? null,
    retiredAt: model.retiredAt?.toISOString() ?? null,
    card: Object.keys(model.card).length === 0 ? null : (model.card as ModelVersionJson['card']),
    federated:
      model.federated === null ? null : { ...model.federated, regions: [...model.federated.regions] },
  };
}

export function modelRoutes(models: ModelRegistry) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/models', list, async () => ({ versions: (await models.list()).map(json) }));
    app.get('/v1/models/:id', one, async (request) => json(await models.get(request.params.id)));
    app.post('/v1/models/:id/card', card, async (request) =>
      json(await models.releaseCard(request.params.id, staffOf(request).handle)),
    );
    app.post('/v1/models/:id/approve', approve, async (request) =>
      json(await models.approve(request.params.id, staffOf(request).handle, request.body.reason)),
    );
    app.post('/v1/models/:id/retire', retire, async (request) =>
      json(await models.retire(request.params.id, staffOf(request).handle, request.body.reason)),
    );
    app.post('/v1/models/:id/score', score, async (request) =>
      json(await models.score(request.params.id, staffOf(request).handle).then((m) => models.get(m.id))),
    );
    return Promise.resolve();
  };
}
