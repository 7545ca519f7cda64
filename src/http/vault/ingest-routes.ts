// Ingest over HTTP: a statement file (CSV, camt.053, OFX, FDX JSON) sent as the request body becomes a batch.
import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import { CurtainError } from '../../core/errors.ts';
import type { StatementFormat } from '../../core/transaction.ts';
import type { VaultServices } from '../../vault/vault.ts';
import { parseCsvMapping } from '../../vault/ingest/formats/csv-mapping.ts';
import { errorSchema, ingestSummarySchema } from '../schemas.ts';

type IngestVault = Pick<VaultServices, 'identity' | 'ingest'>;

interface IngestQuery {
  source: string;
  format?: StatementFormat;
  mapping?: string;
  customer?: string;
  currency?: string;
  resume?: number;
}

const ingestQuerySchema = {
  type: 'object',
  required: ['source'],
  additionalProperties: false,
  properties: {
    source: {
      type: 'string',
      minLength: 1,
      maxLength: 300,
      description: 'file name, recorded with the batch',
    },
    format: { type: 'string', enum: ['csv', 'camt053', 'ofx', 'fdx'], description: 'skip detection' },
    mapping: { type: 'string', description: 'CSV column mapping as JSON (docs/ingest.md)' },
    customer: { type: 'string', description: 'external id of the customer new accounts belong to' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'currency when the file has none' },
    resume: {
      type: 'integer',
      minimum: 1,
      description: 'an interrupted batch to take up again with the same file (docs/ingest.md)',
    },
  },
} as const;

const upload = (bodyLimit: number) =>
  ({
    config: { access: ['operator'] },
    bodyLimit,
    schema: {
      summary: 'Ingest a statement file (CSV, camt.053, OFX, FDX JSON) sent as the request body',
      tags: ['ingest'],
      querystring: ingestQuerySchema,
      response: { 201: ingestSummarySchema, '4xx': errorSchema },
    },
  }) as const;

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
  return (app: FastifyInstance): Promise<void> => {
    app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    app.post<{ Querystring: IngestQuery }>('/v1/ingest', upload(bodyLimit), async (request, reply) =>
      reply.status(201).send(await ingest(vault, request.body as Readable, request.query)),
    );
    return Promise.resolve();
  };
}
