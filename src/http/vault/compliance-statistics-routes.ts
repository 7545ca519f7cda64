// Compliance statistics over HTTP: privacy-budget use per asker. How many customers consent to what is a
// count of customers selected by a consent: it stays in the vault (issue 14, class 3), so no route gives it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { budgetUse as budgetUseSchema } from '../../contracts/questions.ts';
import type { VaultServices } from '../../vault/vault.ts';
import { recentQuestionsByAsker } from '../../vault/questions/budget-statistics-store.ts';
import { budgetJson } from '../question-routes.ts';

type StatisticsVault = Pick<VaultServices, 'storage' | 'questions'>;

const tags = ['compliance'];
const config = { access: ['compliance'] } as const;

const budgets = {
  config,
  schema: {
    summary: 'Privacy-budget use this period: each asker’s ε spent and left, questions by outcome',
    tags,
    response: { 200: budgetUseSchema },
  },
};

async function budgetUse(vault: StatisticsVault) {
  const askers = await recentQuestionsByAsker(vault.storage);
  const budgets = await Promise.all(askers.map(({ asker }) => vault.questions.budget(asker)));
  return {
    askers: askers.map(({ asker, questions }, i) => {
      const { askerRemaining, vaultRemaining, resetsAt } = budgetJson(budgets[i]!);
      return { asker, remaining: askerRemaining, vaultRemaining, resetsAt, questions };
    }),
  };
}

export function complianceStatisticsRoutes(vault: StatisticsVault) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/privacy/budgets', budgets, () => budgetUse(vault));
    return Promise.resolve();
  };
}
