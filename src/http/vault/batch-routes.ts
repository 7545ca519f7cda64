// Ingest batches over HTTP: the latest ones with their counts, and one with its quarantined rows.
import type { FastifyInstance } from 'fastify';
import { CurtainError } from '../../core/errors.ts';
import type { IngestBatchStore } from '../../vault/ingest/batch-store.ts';
import { batchSchema, errorSchema, quarantineRowSchema } from '../schemas.ts';

const config = { access: ['operator', 'compliance'] } as const;
const tags = ['ingest'];

const latest = {
  config,
  schema: {
    summary: 'The latest 100 ingest batches with their counts',
    tags,
    response: {
      200: { type: 'object', properties: { batches: { type: 'array', items: batchSchema } } },
    },
  },
} as const;

const one = {
  config,
  schema: {
    summary: 'One ingest batch, with its quarantined rows (location, field, reason)',
    tags,
    params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] },
    response: {
      200: {
        type: 'object',
        properties: {
          ...batchSchema.properties,
          fileSha256: { type: ['string', 'null'] },
          quarantine: { type: 'array', items: quarantineRowSchema },
        },
      },
      '4xx': errorSchema,
    },
  },
} as const;

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
  return (app: FastifyInstance): Promise<void> => {
    app.get('/v1/ingest/batches', latest, async () => ({ batches: await batches.latest(100) }));
    app.get<{ Params: { id: number } }>('/v1/ingest/batches/:id', one, (request) =>
      batchWithQuarantine(batches, request.params.id),
    );
    return Promise.resolve();
  };
}
