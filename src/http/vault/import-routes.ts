// Import over HTTP: a system-of-record export (customers, accounts, products, consents, FDX NDJSON) as the body.
import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import { CurtainError } from '../../core/errors.ts';
import { parseImportMapping, type ImportKind } from '../../vault/import/import-mapping.ts';
import type { VaultServices } from '../../vault/vault.ts';
import { errorSchema } from '../schemas.ts';

type ImportVault = Pick<VaultServices, 'imports'>;
type Kind = ImportKind | 'fdx';

interface ImportQuery {
  source: string;
  mapping?: string;
}

const count = { type: 'integer', minimum: 0 } as const;

const importSummarySchema = {
  type: 'object',
  properties: {
    batchId: count,
    kind: { type: 'string' },
    sourceName: { type: 'string' },
    rowsRead: count,
    rowsStored: count,
    rowsUnchanged: count,
    rowsQuarantined: count,
    quarantine: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          line: count,
          field: { type: 'string' },
          code: { type: 'string' },
          reason: { type: 'string' },
        },
      },
    },
  },
} as const;

const upload = (bodyLimit: number) =>
  ({
    config: { access: ['operator'] },
    bodyLimit,
    schema: {
      summary:
        'Import customers, accounts with owners, products held or consents (CSV with a mapping, or FDX NDJSON)',
      tags: ['import'],
      params: {
        type: 'object',
        required: ['kind'],
        properties: {
          kind: { type: 'string', enum: ['customers', 'accounts', 'products', 'consents', 'fdx'] },
        },
      },
      querystring: {
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
          mapping: {
            type: 'string',
            description: 'CSV column mapping as JSON (docs/onboarding.md); not for fdx',
          },
        },
      },
      response: { 201: importSummarySchema, '4xx': errorSchema },
    },
  }) as const;

async function importBody(vault: ImportVault, kind: Kind, body: Readable, query: ImportQuery) {
  const options = { sourceName: query.source };
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
  return (app: FastifyInstance): Promise<void> => {
    app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    app.post<{ Params: { kind: Kind }; Querystring: ImportQuery }>(
      '/v1/import/:kind',
      upload(bodyLimit),
      async (request, reply) =>
        reply
          .status(201)
          .send(await importBody(vault, request.params.kind, request.body as Readable, request.query)),
    );
    return Promise.resolve();
  };
}
