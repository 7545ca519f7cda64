// Ingest over HTTP: upload a statement file as the request body; read batches and their quarantine.
import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { CurtainError } from '../core/errors.ts';
import type { Vault } from '../main.ts';
import { parseCsvMapping } from '../vault/ingest/formats/csv-mapping.ts';

const ingestQuery = z.object({
  source: z.string().min(1).max(300),
  format: z.enum(['csv', 'camt053', 'ofx', 'fdx']).optional(),
  mapping: z.string().optional(),
  customer: z.string().optional(),
  currency: z.string().length(3).optional(),
});

const batchParams = z.object({ id: z.coerce.number().int().positive() });

export function ingestRoutes(vault: Vault) {
  return (app: FastifyInstance): Promise<void> => {
    app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    app.post('/v1/ingest', async (request, reply) => {
      const query = ingestQuery.safeParse(request.query);
      if (!query.success)
        throw new CurtainError('USAGE', `invalid query: ${query.error.issues[0]?.message ?? ''}`);
      const { source, format, mapping, customer, currency } = query.data;
      let mappingValue;
      if (mapping !== undefined) {
        const parsed = parseCsvMapping(JSON.parse(mapping) as unknown);
        if (!parsed.ok) throw new CurtainError('MAPPING_INVALID', parsed.error);
        mappingValue = parsed.value;
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
        ...(mappingValue ? { mapping: mappingValue } : {}),
        ...(customerId !== undefined ? { customerId } : {}),
        ...(currency ? { defaultCurrency: currency } : {}),
      });
      return reply.status(201).send(summary);
    });

    app.get('/v1/ingest/batches', async () => {
      const { rows } = await vault.storage.query(
        `SELECT id, source_name, format, status, started_at, finished_at, rows_read, rows_stored, rows_duplicate,
                rows_quarantined, rows_uncategorised, notice
           FROM ingest_batches ORDER BY id DESC LIMIT 100`,
      );
      return { batches: rows };
    });

    app.get('/v1/ingest/batches/:id', async (request) => {
      const { id } = batchParams.parse(request.params);
      const batch = await vault.storage.query('SELECT * FROM ingest_batches WHERE id = $1', [id]);
      if (batch.rows.length === 0) throw new CurtainError('USAGE', `no ingest batch ${id}`);
      const quarantine = await vault.storage.query(
        'SELECT location, field, reason_code, reason, excerpt FROM quarantine WHERE batch_id = $1 ORDER BY id LIMIT 1000',
        [id],
      );
      const { file_sha256: sha, ...rest } = batch.rows[0] as { file_sha256: Uint8Array | null };
      return {
        ...rest,
        fileSha256: sha ? Buffer.from(sha).toString('hex') : null,
        quarantine: quarantine.rows,
      };
    });
    return Promise.resolve();
  };
}
