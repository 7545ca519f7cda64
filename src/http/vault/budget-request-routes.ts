// "Ask for more" over HTTP: a marketer or partner asks for more ε; an approver grants or refuses it, with a reason.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  budgetDecision,
  budgetRequest,
  budgetRequestDraft,
  budgetRequestList,
  budgetRequestParams,
  budgetRequestsQuery,
} from '../../contracts/budget-requests.ts';
import { errorBody } from '../../contracts/common.ts';
import { CurtainError } from '../../core/errors.ts';
import { Rational } from '../../privacy/dp/rational.ts';
import type { BudgetRequest, BudgetRequests, Grantable } from '../../privacy/guard/budget-requests.ts';
import { staffOf } from '../auth/access-control.ts';

const tags = ['questions'];

const ask = {
  config: { access: ['marketer', 'partner'] } as const,
  schema: {
    summary: 'Ask the policy’s approvers for more ε this period (one open request at a time)',
    tags,
    body: budgetRequestDraft,
    response: { 201: budgetRequest, '4xx': errorBody },
  },
};

const list = {
  config: { access: ['marketer', 'partner', 'approver', 'compliance', 'operator'] } as const,
  schema: {
    summary: 'Requests for more ε (a marketer or partner sees their own), and what an approver may grant now',
    tags,
    querystring: budgetRequestsQuery,
    response: { 200: budgetRequestList, '4xx': errorBody },
  },
};

const decide = (summary: string) => ({
  config: { access: ['approver'] } as const,
  schema: {
    summary,
    tags,
    params: budgetRequestParams,
    body: budgetDecision,
    response: { 200: budgetRequest, '4xx': errorBody },
  },
});

const grant = decide(
  'Grant a request from unspent vault-wide ε (never raising the vault-wide budget); not one’s own',
);
const refuse = decide('Refuse a request, with a reason; not one’s own');

export const budgetRequestJson = (r: BudgetRequest) => ({
  id: r.id,
  asker: r.asker,
  epsilon: r.epsilon.toString(),
  reason: r.reason,
  status: r.status,
  granted: r.granted?.toString() ?? null,
  decidedBy: r.decidedBy,
  decisionReason: r.decisionReason,
  periodStart: r.periodStart.toISOString(),
  requestedAt: r.requestedAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
});

const grantableJson = (g: Grantable) => ({
  vaultBudget: g.vaultBudget.toString(),
  vaultSpent: g.vaultSpent.toString(),
  grantedUnspent: g.grantedUnspent.toString(),
  reserved: g.reserved.toString(),
  available: g.available.toString(),
});

function epsilonOf(text: string): Rational {
  try {
    return Rational.parsePositive(text);
  } catch {
    throw new CurtainError('INPUT_INVALID', 'epsilon: a positive amount such as "1", "0.5" or "5/4"');
  }
}

/** Approvers, compliance and operators see everyone's requests; a marketer or partner their own. */
function seesAll(request: FastifyRequest): boolean {
  const { roles } = staffOf(request);
  return roles.some((role) => role === 'approver' || role === 'compliance' || role === 'operator');
}

export function budgetRequestRoutes(requests: BudgetRequests) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.post('/v1/budget/requests', ask, async (request, reply) => {
      const { epsilon, reason } = request.body;
      const asked = await requests.ask(staffOf(request).handle, epsilonOf(epsilon), reason);
      return reply.status(201).send(budgetRequestJson(asked));
    });
    app.get('/v1/budget/requests', list, async (request) => {
      const { status } = request.query;
      const [found, grantable] = await Promise.all([
        requests.list({
          ...(status === undefined ? {} : { status }),
          ...(seesAll(request) ? {} : { asker: staffOf(request).handle }),
        }),
        requests.grantable(),
      ]);
      return { requests: found.map(budgetRequestJson), grantable: grantableJson(grantable) };
    });
    app.post('/v1/budget/requests/:id/grant', grant, async (request) => {
      const { reason, epsilon } = request.body;
      const by = staffOf(request).handle;
      const granted = await requests.grant(
        request.params.id,
        by,
        reason,
        epsilon === undefined ? undefined : epsilonOf(epsilon),
      );
      return budgetRequestJson(granted);
    });
    app.post('/v1/budget/requests/:id/refuse', refuse, async (request) =>
      budgetRequestJson(
        await requests.refuse(request.params.id, staffOf(request).handle, request.body.reason),
      ),
    );
    return Promise.resolve();
  };
}
