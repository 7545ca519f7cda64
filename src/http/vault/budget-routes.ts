// Privacy budgets over HTTP: what is left of an asker's budget this period.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contracts/common.ts';
import { budgetMeter, budgetParams, budgetStatus } from '../../contracts/questions.ts';
import { CurtainError } from '../../core/errors.ts';
import { Rational } from '../../privacy/dp/rational.ts';
import { campaignReservation } from '../../privacy/guard/budget-check.ts';
import { questionEpsilon } from '../../privacy/guard/policy.ts';
import type { VaultServices } from '../../vault/vault.ts';
import { staffOf } from '../auth/access-control.ts';
import { budgetJson } from '../question-routes.ts';

const budget = {
  config: { access: ['marketer', 'partner', 'compliance', 'operator'] } as const,
  schema: {
    summary: 'What is left of an asker’s privacy budget in this period',
    tags: ['questions'],
    params: budgetParams,
    response: { 200: budgetStatus, '4xx': errorBody },
  },
};

const meter = {
  config: { access: ['marketer', 'partner', 'approver', 'compliance', 'operator'] } as const,
  schema: {
    summary:
      'The signed-in person’s privacy budget: what is left of theirs and the vault’s, and what a count costs',
    tags: ['questions'],
    response: { 200: budgetMeter, '4xx': errorBody },
  },
};

/** Compliance and operators oversee every asker; a marketer or partner sees their own budget only. */
function mayRead(request: FastifyRequest, asker: string): void {
  const staff = staffOf(request);
  const oversees = staff.roles.includes('compliance') || staff.roles.includes('operator');
  if (!oversees && asker !== staff.handle) {
    throw new CurtainError('AUTH_FORBIDDEN', 'a marketer or partner sees their own budget only');
  }
}

export function budgetRoutes(vault: Pick<VaultServices, 'questions' | 'policies' | 'budgetRequests'>) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/budgets/:asker', budget, async (request) => {
      mayRead(request, request.params.asker);
      return budgetJson(await vault.questions.budget(request.params.asker));
    });
    app.get('/v1/budget', meter, async (request) => {
      const asker = staffOf(request).handle;
      const [state, { policy }, granted] = await Promise.all([
        vault.questions.budget(asker),
        vault.policies.active(),
        vault.budgetRequests.grantedTo(asker),
      ]);
      return {
        asker,
        askerBudget: policy.askerBudget.add(granted).toString(),
        granted: granted.toString(),
        askerRemaining: state.askerRemaining.toString(),
        vaultBudget: policy.vaultBudget.toString(),
        vaultRemaining: state.vaultRemaining.toString(),
        vaultReserved: (state.vaultReserved ?? Rational.zero).toString(),
        questionCost: questionEpsilon(policy).toString(),
        campaignCost: campaignReservation(policy).toString(),
        period: policy.period,
        resetsAt: state.resetsAt,
      };
    });
    return Promise.resolve();
  };
}
