// Ingest over HTTP: upload a statement file as the request body; read batches and their quarantine.
import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import { CurtainError } from '../core/errors.ts';
import type { StatementFormat } from '../core/transaction.ts';
import type { VaultServices } from '../vault/vault.ts';
import { parseCsvMapping } from '../vault/ingest/formats/csv-mapping.ts';
import { batchSchema, errorSchema, ingestSummarySchema, quarantineRowSchema } from './schemas.ts';

interface IngestQuery {
  source: string;
  format?: StatementFormat;
  mapping?: string;
  customer?: string;
  currency?: string;
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
  },
} as const;

/** `bodyLimit`: the largest statement file accepted (other routes take small JSON bodies only). */
export function ingestRoutes(vault: VaultServices, bodyLimit: number) {
  return (app: FastifyInstance): Promise<void> => {
    app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    app.post<{ Querystring: IngestQuery }>(
      '/v1/ingest',
      {
        config: { access: ['operator'] },
        bodyLimit,
        schema: {
          summary: 'Ingest a statement file (CSV, camt.053, OFX, FDX JSON) sent as the request body',
          tags: ['ingest'],
          querystring: ingestQuerySchema,
          response: { 201: ingestSummarySchema, '4xx': errorSchema },
        },
      },
      async (request, reply) => {
        const { source, format, mapping, customer, currency } = request.query;
        let parsedMapping;
        if (mapping !== undefined) {
          const parsed = parseCsvMapping(mapping);
          if (!parsed.ok) throw new CurtainError('MAPPING_INVALID', parsed.error);
          parsedMapping = parsed.value;
        }
        let customerId: number | undefined;
        if (customer !== undefined) {
          customerId = await vault.identity.findCustomer('external_id', customer);
          if (customerId === undefined)
            throw new CurtainError('CUSTOMER_NOT_FOUND', 'no customer has that external id');
        }
        const summary = await vault.ingest.ingestStream(request.body as Readable, {
          sourceName: source,
          ...(format ? { format } : {}),
          ...(parsedMapping ? { mapping: parsedMapping } : {}),
          ...(customerId !== undefined ? { customerId } : {}),
          ...(currency ? { defaultCurrency: currency } : {}),
        });
        return reply.status(201).send(summary);
      },
    );

    app.get(
      '/v1/ingest/batches',
      {
        config: { access: ['operator', 'compliance'] },
        schema: {
          summary: 'The latest 100 ingest batches with their counts',
          tags: ['ingest'],
          response: {
            200: { type: 'object', properties: { batches: { type: 'array', items: batchSchema } } },
          },
        },
      },
      async () => {
        const { rows } = await vault.storage.query(
          `SELECT id, source_name, format, status, taxonomy_version, started_at, finished_at, rows_read, rows_stored,
                  rows_duplicate, rows_quarantined, rows_uncategorised, notice
             FROM ingest_batches ORDER BY id DESC LIMIT 100`,
        );
        return { batches: rows };
      },
    );

    app.get<{ Params: { id: number } }>(
      '/v1/ingest/batches/:id',
      {
        config: { access: ['operator', 'compliance'] },
        schema: {
          summary: 'One ingest batch, with its quarantined rows (location, field, reason)',
          tags: ['ingest'],
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
      },
      async (request) => {
        const { id } = request.params;
        const batch = await vault.storage.query<Record<string, unknown> & { file_sha256: Uint8Array | null }>(
          'SELECT * FROM ingest_batches WHERE id = $1',
          [id],
        );
        const row = batch.rows[0];
        if (!row) throw new CurtainError('NOT_FOUND', `no ingest batch ${id}`);
        const quarantine = await vault.storage.query(
          'SELECT location, field, reason_code, reason, excerpt FROM quarantine WHERE batch_id = $1 ORDER BY id LIMIT 1000',
          [id],
        );
        const { file_sha256: sha, ...rest } = row;
        return {
          ...rest,
          fileSha256: sha ? Buffer.from(sha).toString('hex') : null,
          quarantine: quarantine.rows,
        };
      },
    );
    return Promise.resolve();
  };
}
