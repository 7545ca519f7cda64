// Retention over HTTP: each kind of data's period, setting one, running the deletion, and past runs.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contracts/common.ts';
import {
  amlRetentionProposal,
  retentionChange,
  retentionKindParams,
  retentionPeriod,
  retentionPolicies,
  retentionPolicy,
  retentionReport,
  retentionRuns,
  retentionVersionParams,
  transactionRetention,
  transactionRetentionProposal,
} from '../../contracts/retention.ts';
import type { RetentionService } from '../../vault/compliance/retention.ts';
import { staffOf } from '../auth/access-control.ts';

const tags = ['compliance'];
const config = { access: ['compliance'] } as const;

const policies = {
  config,
  schema: {
    summary: 'The retention period of each kind of data, default or configured',
    tags,
    response: { 200: retentionPolicies },
  },
};

const configure = {
  config,
  schema: {
    summary: 'Set the retention period of a kind of data (null returns it to the default); logged',
    tags,
    params: retentionKindParams,
    body: retentionPeriod,
    response: { 200: retentionPolicy, '4xx': errorBody },
  },
};

const run = {
  config,
  schema: {
    summary: 'Delete what is past its period now (the scheduler does this daily); logged',
    tags,
    response: { 200: retentionReport },
  },
};

const transactions = {
  config,
  schema: {
    summary: 'The one transaction retention: the active version and every proposal',
    tags,
    response: { 200: transactionRetention },
  },
};

const proposeTransactions = {
  config,
  schema: {
    summary:
      'Change the one transaction retention: a longer period takes effect at once; a shorter one is proposed with the rows it would remove and needs another person’s approval',
    tags,
    body: transactionRetentionProposal,
    response: { 200: retentionChange, '4xx': errorBody },
  },
};

const proposeAml = {
  config,
  schema: {
    summary:
      'Change the anti-money-laundering period former customers are kept: a longer one takes effect at once; a shorter one is proposed with the customers it would erase and needs another person’s approval (the approve and reject routes of the transaction retention decide it)',
    tags,
    body: amlRetentionProposal,
    response: { 200: retentionChange, '4xx': errorBody },
  },
};

const decideTransactions = (verb: string) => ({
  config,
  schema: {
    summary: `${verb} a proposed shorter transaction retention (not its proposer); logged`,
    tags,
    params: retentionVersionParams,
    response: { 200: retentionChange, '4xx': errorBody },
  },
});

const runs = {
  config,
  schema: {
    summary: 'The latest retention runs and what each removed (counts only)',
    tags,
    response: { 200: retentionRuns },
  },
};

export function retentionRoutes(retention: RetentionService) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/compliance/retention', policies, async () => ({ policies: await retention.policies() }));
    app.put('/v1/compliance/retention/:kind', configure, (request) =>
      retention.configure(request.params.kind, request.body.days ?? undefined, staffOf(request).handle),
    );
    app.post('/v1/compliance/retention/run', run, () => retention.run());
    app.get('/v1/compliance/retention/transactions', transactions, async () => ({
      active: await retention.transactions.active(),
      versions: await retention.transactions.versions(),
    }));
    app.post('/v1/compliance/retention/transactions', proposeTransactions, (request) =>
      retention.proposeTransactions(request.body.days, staffOf(request).handle, request.body.reason),
    );
    app.post('/v1/compliance/retention/aml', proposeAml, (request) =>
      retention.transactions.proposeAmlYears(
        request.body.years,
        staffOf(request).handle,
        request.body.reason,
      ),
    );
    app.post(
      '/v1/compliance/retention/transactions/:version/approve',
      decideTransactions('Approve'),
      (request) => retention.transactions.approve(request.params.version, staffOf(request).handle),
    );
    app.post(
      '/v1/compliance/retention/transactions/:version/reject',
      decideTransactions('Reject'),
      (request) => retention.transactions.reject(request.params.version, staffOf(request).handle),
    );
    app.get('/v1/compliance/retention/runs', runs, async () => ({ runs: await retention.runs() }));
    return Promise.resolve();
  };
}
