// Compliance oversight over HTTP: records of processing (GDPR Art. 30) and fair-lending summaries of campaigns.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contracts/common.ts';
import { textBody } from '../../contracts/operations.ts';
import {
  fairLendingParams,
  fairLendingReport,
  recordsOfProcessing as recordsSchema,
  ropaQuery,
} from '../../contracts/oversight.ts';
import type { ComplianceService } from '../../vault/compliance/compliance-service.ts';
import { ropaCsv, ropaMarkdown } from '../../vault/compliance/ropa.ts';
import { staffOf } from '../auth/access-control.ts';

const tags = ['compliance'];
const config = { access: ['compliance'] } as const;

const ropa = {
  config,
  schema: {
    summary: 'Records of processing activities (GDPR Art. 30) as JSON, Markdown or CSV',
    tags,
    querystring: ropaQuery,
    response: { 200: recordsSchema.or(textBody), '4xx': errorBody },
  },
};

const fairLending = {
  config,
  schema: {
    summary: 'Disparate-impact summary of a credit campaign across age bands (noised, charged to you)',
    description:
      'Per group: noised audience and interested counts, selection rate and its ratio to the best-selected ' +
      'group; under 4/5 is flagged; counts under the noised k are null (suppressed). Never per person.',
    tags,
    params: fairLendingParams,
    response: { 200: fairLendingReport, '4xx': errorBody },
  },
};

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
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/compliance/ropa', ropa, (request, reply) =>
      recordsOfProcessing(compliance, request.query.format, reply),
    );
    app.get('/v1/compliance/fair-lending/:campaign', fairLending, (request) =>
      compliance.fairLending(request.params.campaign, staffOf(request).handle),
    );
    return Promise.resolve();
  };
}
