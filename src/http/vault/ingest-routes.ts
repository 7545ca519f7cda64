// Ingest over HTTP: a statement file (CSV, camt.053, OFX, FDX JSON) sent as the request body becomes a batch.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { errorBody } from '../../contracts/common.ts';
import { ingestQuery, ingestSummary, type IngestQuery } from '../../contracts/ingest.ts';
import { CurtainError } from '../../core/errors.ts';
import type { VaultServices } from '../../vault/vault.ts';
import { parseCsvMapping } from '../../vault/ingest/formats/csv-mapping.ts';

type IngestVault = Pick<VaultServices, 'identity' | 'ingest'>;

const upload = (bodyLimit: number) => ({
  config: { access: ['operator'] } as const,
  bodyLimit,
  schema: {
    summary: 'Ingest a statement file (CSV, camt.053, OFX, FDX JSON) sent as the request body',
    tags: ['ingest'],
    querystring: ingestQuery,
    response: { 201: ingestSummary, '4xx': errorBody },
  },
});

function mappingOf(mapping: string | undefined) {
  if (mapping === undefined) return undefined;
  const parsed = parseCsvMapping(mapping);
  if (!parsed.ok) throw new CurtainError('MAPPING_INVALID', parsed.error);
  return parsed.value;
}

async function accountOwnerOf(vault: IngestVault, externalId: string | undefined) {
  if (externalId === undefined) return undefined;
  const customerId = await vault.identity.findCustomer('external_id', externalId);
  if (customerId === undefined)
    throw new CurtainError('CUSTOMER_NOT_FOUND', 'no customer has that external id');
  return customerId;
}

async function ingest(vault: IngestVault, body: Readable, query: IngestQuery) {
  const { source, format, currency } = query;
  const mapping = mappingOf(query.mapping);
  const customerId = await accountOwnerOf(vault, query.customer);
  return vault.ingest.ingestStream(body, {
    sourceName: source,
    ...(format ? { format } : {}),
    ...(mapping ? { mapping } : {}),
    ...(customerId !== undefined ? { customerId } : {}),
    ...(currency ? { defaultCurrency: currency } : {}),
    ...(query.resume !== undefined ? { resumeBatchId: query.resume } : {}),
  });
}

/** `bodyLimit`: the largest statement file accepted (other routes take small JSON bodies only). */
export function ingestRoutes(vault: IngestVault, bodyLimit: number) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    app.post('/v1/ingest', upload(bodyLimit), async (request, reply) =>
      reply.status(201).send(await ingest(vault, request.body as Readable, request.query)),
    );
    return Promise.resolve();
  };
}
