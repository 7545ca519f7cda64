// Retention over HTTP: each kind of data's period, setting one, running the deletion, and past runs.
import type { FastifyInstance } from 'fastify';
import type { RetentionService } from '../../vault/compliance/retention.ts';
import { staffOf } from '../auth/access-control.ts';
import { errorSchema } from '../schemas.ts';

const tags = ['compliance'];
const config = { access: ['compliance'] } as const;

const policies = {
  config,
  schema: { summary: 'The retention period of each kind of data, default or configured', tags },
} as const;

const configure = {
  config,
  schema: {
    summary: 'Set the retention period of a kind of data (null returns it to the default); logged',
    tags,
    params: {
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string', pattern: '^[a-z_]{1,64}$' } },
    },
    body: {
      type: 'object',
      required: ['days'],
      additionalProperties: false,
      properties: { days: { type: ['integer', 'null'], minimum: 1, maximum: 36_500 } },
    },
    response: { '4xx': errorSchema },
  },
} as const;

const run = {
  config,
  schema: {
    summary: 'Delete what is past its period now (the scheduler does this daily); logged',
    tags,
  },
} as const;

const proposeTransactions = {
  config,
  schema: {
    summary:
      'Change the one transaction retention: a longer period takes effect at once; a shorter one is proposed with the rows it would remove and needs another person’s approval',
    tags,
    body: {
      type: 'object',
      required: ['days', 'reason'],
      additionalProperties: false,
      properties: {
        days: { type: 'integer', minimum: 30, maximum: 36_500 },
        reason: { type: 'string', minLength: 1, maxLength: 500 },
      },
    },
    response: { '4xx': errorSchema },
  },
} as const;

const decideTransactions = (verb: string) =>
  ({
    config,
    schema: {
      summary: `${verb} a proposed shorter transaction retention (not its proposer); logged`,
      tags,
      params: {
        type: 'object',
        required: ['version'],
        properties: { version: { type: 'integer', minimum: 1 } },
      },
      response: { '4xx': errorSchema },
    },
  }) as const;

const runs = {
  config,
  schema: { summary: 'The latest retention runs and what each removed (counts only)', tags },
} as const;

export function retentionRoutes(retention: RetentionService) {
  return (app: FastifyInstance): Promise<void> => {
    app.get('/v1/compliance/retention', policies, async () => ({ policies: await retention.policies() }));
    app.put<{ Params: { kind: string }; Body: { days: number | null } }>(
      '/v1/compliance/retention/:kind',
      configure,
      (request) =>
        retention.configure(request.params.kind, request.body.days ?? undefined, staffOf(request).handle),
    );
    app.post('/v1/compliance/retention/run', run, () => retention.run());
    app.get('/v1/compliance/retention/transactions', policies, async () => ({
      active: await retention.transactions.active(),
      versions: await retention.transactions.versions(),
    }));
    app.post<{ Body: { days: number; reason: string } }>(
      '/v1/compliance/retention/transactions',
      proposeTransactions,
      (request) =>
        retention.proposeTransactions(request.body.days, staffOf(request).handle, request.body.reason),
    );
    app.post<{ Params: { version: number } }>(
      '/v1/compliance/retention/transactions/:version/approve',
      decideTransactions('Approve'),
      (request) => retention.transactions.approve(request.params.version, staffOf(request).handle),
    );
    app.post<{ Params: { version: number } }>(
      '/v1/compliance/retention/transactions/:version/reject',
      decideTransactions('Reject'),
      (request) => retention.transactions.reject(request.params.version, staffOf(request).handle),
    );
    app.get('/v1/compliance/retention/runs', runs, async () => ({ runs: await retention.runs() }));
    return Promise.resolve();
  };
}
