// Questions over HTTP: ask (a protected count or a refusal) and check as you type (free); their JSON shapes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  question,
  questionAnswer,
  questionChecked,
  questionRefusal,
  type BudgetStatus,
  type Question,
} from '../contracts/questions.ts';
import { errorCatalogue } from '../core/errors.ts';
import { budgetReport, costSentence } from '../privacy/guard/budget-report.ts';
import type { VaultServices } from '../vault/vault.ts';
import type { BudgetState, Refusal } from '../vault/questions/question-service.ts';
import { staffOf } from './auth/access-control.ts';

/**
 * Questions are charged to the authenticated staff member, always: no body names an asker. The local CLI acts
 * as the member it names (x-curtain-act-as), and the log entry says so.
 */
function askerOf(request: FastifyRequest): { asker: string; via?: 'local-cli' } {
  const principal = request.principal;
  const staff = staffOf(request);
  return principal?.kind === 'staff' && principal.via === 'local-cli'
    ? { asker: staff.handle, via: 'local-cli' }
    : { asker: staff.handle };
}

export const budgetJson = (b: BudgetState): BudgetStatus => budgetReport(b);

/** A refusal as JSON; one that was charged says so in its message too, and carries what is left. */
export function refusalJson(refusal: Refusal) {
  return {
    error: {
      code: refusal.code,
      message:
        'budget' in refusal
          ? `${refusal.message} (${costSentence(budgetReport(refusal.budget))})`
          : refusal.message,
      ...('questionId' in refusal && refusal.questionId !== undefined
        ? { questionId: refusal.questionId }
        : {}),
      ...('diagnostics' in refusal ? { diagnostics: refusal.diagnostics, rendered: refusal.rendered } : {}),
      ...('budget' in refusal ? { budget: budgetJson(refusal.budget) } : {}),
    },
  };
}

const refusals = { '4xx': questionRefusal };

const ask = {
  config: { access: ['marketer', 'partner', 'operator'] } as const,
  schema: {
    summary: 'Ask a question: a protected (noised) count, or a refusal with its reason',
    description:
      'Charges the asker’s privacy budget unless the same question was answered this period. The asker is ' +
      'always the authenticated staff member (session or API key); the body cannot name one.',
    tags: ['questions'],
    body: question,
    response: { 200: questionAnswer, ...refusals },
  },
};

const check = {
  config: { access: ['marketer', 'partner', 'approver', 'compliance', 'operator'] } as const,
  schema: {
    summary: 'Check a question without asking it: free, touches no data',
    tags: ['questions'],
    body: question,
    response: { 200: questionChecked, ...refusals },
  },
};

type QuestionVault = Pick<VaultServices, 'questions'>;

async function askQuestion(
  vault: QuestionVault,
  request: FastifyRequest<{ Body: Question }>,
  reply: FastifyReply,
) {
  const { expression, purpose } = request.body;
  const result = await vault.questions.ask({ expression, purpose, ...askerOf(request) });
  if (!result.ok)
    return reply.status(errorCatalogue[result.error.code].status).send(refusalJson(result.error));
  const { questionId, count, repeated, budget } = result.value;
  return { questionId, count, repeated, budget: budgetJson(budget) };
}

async function checkQuestion(vault: QuestionVault, body: Question, reply: FastifyReply) {
  const result = await vault.questions.check(body.expression, body.purpose);
  if (!result.ok)
    return reply.status(errorCatalogue[result.error.code].status).send(refusalJson(result.error));
  return { ok: true, attributes: result.value.attributes };
}

export function questionRoutes(vault: QuestionVault) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.post('/v1/questions', ask, (request, reply) => askQuestion(vault, request, reply));
    app.post('/v1/questions/check', check, (request, reply) => checkQuestion(vault, request.body, reply));
    return Promise.resolve();
  };
}
