// Privacy budgets over HTTP: what is left of an asker's budget this period.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CurtainError } from '../../core/errors.ts';
import type { VaultServices } from '../../vault/vault.ts';
import { staffOf } from '../auth/access-control.ts';
import { askerHandle, budgetJson, budgetSchema } from '../question-routes.ts';
import { errorSchema } from '../schemas.ts';

const budget = {
  config: { access: ['marketer', 'partner', 'compliance', 'operator'] },
  schema: {
    summary: 'What is left of an asker’s privacy budget in this period',
    tags: ['questions'],
    params: { type: 'object', properties: { asker: askerHandle } },
    response: { 200: budgetSchema, '4xx': errorSchema },
  },
} as const;

/** Compliance and operators oversee every asker; a marketer or partner sees their own budget only. */
function mayRead(request: FastifyRequest, asker: string): void {
  const staff = staffOf(request);
  const oversees = staff.roles.includes('compliance') || staff.roles.includes('operator');
  if (!oversees && asker !== staff.handle) {
    throw new CurtainError('AUTH_FORBIDDEN', 'a marketer or partner sees their own budget only');
  }
}

export function budgetRoutes(vault: Pick<VaultServices, 'questions'>) {
  return (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: { asker: string } }>('/v1/budgets/:asker', budget, async (request) => {
      mayRead(request, request.params.asker);
      return budgetJson(await vault.questions.budget(request.params.asker));
    });
    return Promise.resolve();
  };
}
