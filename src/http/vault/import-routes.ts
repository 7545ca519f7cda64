// Import over HTTP: a system-of-record export (customers, accounts, products, consents, FDX NDJSON) as the body.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { errorBody } from '../../contracts/common.ts';
import {
  importParams,
  importQuery,
  importSummary,
  type ImportKindParam,
  type ImportQuery,
} from '../../contracts/ingest.ts';
import { CurtainError } from '../../core/errors.ts';
import { parseImportMapping } from '../../vault/import/import-mapping.ts';
import type { VaultServices } from '../../vault/vault.ts';

type ImportVault = Pick<VaultServices, 'imports'>;

const upload = (bodyLimit: number) => ({
  config: { access: ['operator'] } as const,
  bodyLimit,
  schema: {
    summary:
      'Import customers, accounts with owners, products held or consents (CSV with a mapping, or FDX NDJSON)',
    tags: ['import'],
    params: importParams,
    querystring: importQuery,
    response: { 201: importSummary, '4xx': errorBody },
  },
});

async function importBody(vault: ImportVault, kind: ImportKindParam, body: Readable, query: ImportQuery) {
  const options = {
    sourceName: query.source,
    ...(query.resume === undefined ? {} : { resumeBatchId: query.resume }),
  };
  if (kind === 'fdx') return vault.imports.importFdx(body, options);
  if (query.mapping === undefined) {
    throw new CurtainError(
      'MAPPING_INVALID',
      `a CSV file of ${kind} needs a mapping (query parameter mapping)`,
    );
  }
  const mapping = parseImportMapping(kind, query.mapping);
  if (!mapping.ok) throw new CurtainError('MAPPING_INVALID', mapping.error);
  return vault.imports.importCsv(kind, body, mapping.value, options);
}

/** Registered in an encapsulated context of its own: its body parser takes any content type as a stream. */
export function importRoutes(vault: ImportVault, bodyLimit: number) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    app.post('/v1/import/:kind', upload(bodyLimit), async (request, reply) =>
      reply
        .status(201)
        .send(await importBody(vault, request.params.kind, request.body as Readable, request.query)),
    );
    return Promise.resolve();
  };
}
