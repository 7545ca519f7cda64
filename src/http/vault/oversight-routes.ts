// Compliance oversight over HTTP: records of processing (GDPR Art. 30) and fair-lending summaries of campaigns.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ComplianceService } from '../../vault/compliance/compliance-service.ts';
import { ropaCsv, ropaMarkdown } from '../../vault/compliance/ropa.ts';
import { staffOf } from '../auth/access-control.ts';
import { errorSchema } from '../schemas.ts';

const tags = ['compliance'];
const config = { access: ['compliance'] } as const;

const ropa = {
  config,
  schema: {
    summary: 'Records of processing activities (GDPR Art. 30) as JSON, Markdown or CSV',
    tags,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { format: { type: 'string', enum: ['json', 'md', 'csv'], default: 'json' } },
    },
  },
} as const;

const fairLending = {
  config,
  schema: {
    summary: 'Disparate-impact summary of a credit campaign across age bands (noised, charged to you)',
    description:
      'Per group: noised audience and interested counts, selection rate and its ratio to the best-selected ' +
      'group; under 4/5 is flagged; counts under the noised k are null (suppressed). Never per person.',
    tags,
    params: {
      type: 'object',
      required: ['campaign'],
      properties: { campaign: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } },
    },
    response: { '4xx': errorSchema },
  },
} as const;

async function recordsOfProcessing(
  compliance: ComplianceService,
  format: 'json' | 'md' | 'csv',
  reply: FastifyReply,
) {
  const records = await compliance.recordsOfProcessing();
  if (format === 'json') return records;
  const day = records.generatedAt.slice(0, 10);
  return reply
    .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'text/markdown; charset=utf-8')
    .header('content-disposition', `attachment; filename="records-of-processing-${day}.${format}"`)
    .send(format === 'csv' ? ropaCsv(records) : ropaMarkdown(records));
}

export function oversightRoutes(compliance: ComplianceService) {
  return (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: { format?: 'json' | 'md' | 'csv' } }>(
      '/v1/compliance/ropa',
      ropa,
      (request, reply) => recordsOfProcessing(compliance, request.query.format ?? 'json', reply),
    );
    app.get<{ Params: { campaign: string } }>(
      '/v1/compliance/fair-lending/:campaign',
      fairLending,
      (request) => compliance.fairLending(request.params.campaign, staffOf(request).handle),
    );
    return Promise.resolve();
  };
}
