// Questions over HTTP: ask (a protected count or a refusal) and check as you type (free); their JSON shapes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorCatalogue } from '../core/errors.ts';
import type { PrivacyCost } from '../core/vault-door.ts';
import { budgetReport, costSentence } from '../privacy/guard/budget-report.ts';
import type { VaultServices } from '../vault/vault.ts';
import type { BudgetState, Refusal } from '../vault/questions/question-service.ts';
import { staffOf } from './auth/access-control.ts';

interface AskBody {
  expression: string;
  purpose: string;
}

/** A staff handle, as in a budget's path. */
export const askerHandle = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' } as const;

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

export const budgetSchema = {
  type: 'object',
  required: ['charged', 'askerRemaining', 'vaultRemaining', 'resetsAt'],
  properties: {
    charged: {
      type: 'string',
      description: 'ε charged by this question (answered or refused), an exact rational such as "1/2"',
    },
    askerRemaining: { type: 'string', description: 'ε left to the asker this period' },
    vaultRemaining: { type: 'string', description: 'ε left to the vault this period' },
    resetsAt: { type: 'string', format: 'date-time' },
  },
} as const;

const spanSchema = {
  type: 'object',
  properties: {
    start: { type: 'integer' },
    end: { type: 'integer' },
    line: { type: 'integer' },
    column: { type: 'integer' },
  },
} as const;

const refusalSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        questionId: { type: 'integer' },
        rendered: { type: 'string', description: 'the diagnostics with line, column and a caret' },
        diagnostics: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              code: { type: 'string' },
              message: { type: 'string' },
              span: spanSchema,
              expected: { type: 'array', items: { type: 'string' } },
              suggestion: { type: 'string' },
            },
          },
        },
        budget: budgetSchema,
      },
    },
  },
} as const;

export const askBodySchema = {
  type: 'object',
  required: ['expression', 'purpose'],
  additionalProperties: false,
  properties: {
    expression: { type: 'string', minLength: 1, maxLength: 10_000, description: 'docs/segment-language.md' },
    purpose: { type: 'string', description: 'bank_offers, credit_offers, partner_offers, …' },
  },
} as const;

export const budgetJson = (b: BudgetState): PrivacyCost => budgetReport(b);

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

const ask = {
  config: { access: ['marketer', 'partner', 'operator'] },
  schema: {
    summary: 'Ask a question: a protected (noised) count, or a refusal with its reason',
    description:
      'Charges the asker’s privacy budget unless the same question was answered this period. The asker is ' +
      'always the authenticated staff member (session or API key); the body cannot name one.',
    tags: ['questions'],
    body: askBodySchema,
    response: {
      200: {
        type: 'object',
        required: ['questionId', 'count', 'repeated', 'budget'],
        properties: {
          questionId: { type: 'integer' },
          count: { type: 'integer', description: 'noised with discrete Laplace noise; never exact' },
          repeated: { type: 'boolean' },
          budget: budgetSchema,
        },
      },
      '4xx': refusalSchema,
    },
  },
} as const;

const check = {
  config: { access: ['marketer', 'partner', 'approver', 'compliance', 'operator'] },
  schema: {
    summary: 'Check a question without asking it: free, touches no data',
    tags: ['questions'],
    body: {
      ...askBodySchema,
      required: ['expression', 'purpose'],
      properties: {
        expression: askBodySchema.properties.expression,
        purpose: askBodySchema.properties.purpose,
      },
    },
    response: {
      200: {
        type: 'object',
        properties: {
          ok: { type: 'boolean' },
          attributes: { type: 'array', items: { type: 'string' } },
        },
      },
      '4xx': refusalSchema,
    },
  },
} as const;

type QuestionVault = Pick<VaultServices, 'questions'>;

async function askQuestion(
  vault: QuestionVault,
  request: FastifyRequest<{ Body: AskBody }>,
  reply: FastifyReply,
) {
  const { expression, purpose } = request.body;
  const result = await vault.questions.ask({ expression, purpose, ...askerOf(request) });
  if (!result.ok)
    return reply.status(errorCatalogue[result.error.code].status).send(refusalJson(result.error));
  const { questionId, count, repeated, budget } = result.value;
  return { questionId, count, repeated, budget: budgetJson(budget) };
}

async function checkQuestion(vault: QuestionVault, body: AskBody, reply: FastifyReply) {
  const result = await vault.questions.check(body.expression, body.purpose);
  if (!result.ok)
    return reply.status(errorCatalogue[result.error.code].status).send(refusalJson(result.error));
  return { ok: true, attributes: result.value.attributes };
}

export function questionRoutes(vault: QuestionVault) {
  return (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: AskBody }>('/v1/questions', ask, (request, reply) => askQuestion(vault, request, reply));
    app.post<{ Body: AskBody }>('/v1/questions/check', check, (request, reply) =>
      checkQuestion(vault, request.body, reply),
    );
    return Promise.resolve();
  };
}
