// Ingest batches over HTTP: the latest ones with their counts, and one with its quarantined rows.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody, listOf } from '../../contracts/common.ts';
import { batch, batchDetail, batchParams } from '../../contracts/ingest.ts';
import { CurtainError } from '../../core/errors.ts';
import type { IngestBatchStore } from '../../vault/ingest/batch-store.ts';

const config = { access: ['operator', 'compliance'] } as const;
const tags = ['ingest'];

const latest = {
  config,
  schema: {
    summary: 'The latest 100 ingest batches with their counts',
    tags,
    response: { 200: listOf('batches', batch) },
  },
};

const one = {
  config,
  schema: {
    summary: 'One ingest batch, with its quarantined rows (location, field, reason)',
    tags,
    params: batchParams,
    response: { 200: batchDetail, '4xx': errorBody },
  },
};

async function batchWithQuarantine(batches: IngestBatchStore, id: number) {
  const found = await batches.withQuarantine(id);
  if (found === undefined) throw new CurtainError('NOT_FOUND', `no ingest batch ${id}`);
  const { file_sha256: sha, ...rest } = found.batch;
  return {
    ...rest,
    fileSha256: sha ? Buffer.from(sha).toString('hex') : null,
    quarantine: found.quarantine,
  };
}

export function batchRoutes(batches: IngestBatchStore) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/ingest/batches', latest, async () => ({ batches: await batches.latest(100) }));
    app.get('/v1/ingest/batches/:id', one, (request) => batchWithQuarantine(batches, request.params.id));
    return Promise.resolve();
  };
}
