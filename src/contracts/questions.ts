// The vault's question contracts: asking and checking a question, refusals, privacy budgets and the guard's policy.
import { z } from 'zod';
import { privacyCost } from './common.ts';

/** A staff handle, as in a budget's path and as the asker a question is charged to. */
export const askerHandle = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a staff handle: letters, digits, ".", "_" or "-" (1–64)');

export const question = z
  .strictObject({
    expression: z.string().min(1).max(10_000).describe('docs/segment-language.md'),
    purpose: z.string().describe('bank_offers, credit_offers, partner_offers, …'),
  })
  .meta({ id: 'Question' });

export const budgetStatus = privacyCost.meta({ id: 'BudgetStatus' });

export const questionAnswer = z
  .object({
    questionId: z.number().int(),
    count: z.number().int().describe('noised with discrete Laplace noise; never exact'),
    repeated: z.boolean(),
    budget: budgetStatus,
  })
  .meta({ id: 'QuestionAnswer' });

export const questionChecked = z
  .object({ ok: z.boolean(), attributes: z.array(z.string()).readonly() })
  .meta({ id: 'QuestionChecked' });

const sourceSpan = z
  .object({
    start: z.number().int(),
    end: z.number().int(),
    line: z.number().int(),
    column: z.number().int(),
  })
  .meta({ id: 'SourceSpan' });

export const languageDiagnostic = z
  .object({
    code: z.string(),
    message: z.string(),
    span: sourceSpan,
    expected: z.array(z.string()).readonly().optional(),
    suggestion: z.string().optional(),
  })
  .meta({ id: 'LanguageDiagnostic' });

/** A refused question (or any error of the question routes): the code, and what the refusal carries. */
export const questionRefusal = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      questionId: z.number().int().optional(),
      rendered: z.string().optional().describe('the diagnostics with line, column and a caret'),
      diagnostics: z.array(languageDiagnostic).readonly().optional(),
      budget: budgetStatus.optional(),
    }),
  })
  .meta({ id: 'QuestionRefusal' });

export const budgetParams = z.strictObject({ asker: askerHandle });

/** The signed-in person's meter: what is left of their budget and the vault's, out of what, and a question's price. */
export const budgetMeter = z
  .object({
    asker: z.string(),
    askerBudget: z
      .string()
      .describe('the asker’s ε for the whole period, an exact rational, grants included'),
    granted: z.string().describe('ε approvers granted the asker on request this period (in askerBudget)'),
    askerRemaining: z.string().describe('ε left to the asker this period'),
    vaultBudget: z.string().describe('the vault’s ε for the whole period'),
    vaultRemaining: z
      .string()
      .describe('ε left to the vault this period, after what approved campaigns hold'),
    vaultReserved: z
      .string()
      .describe('ε approved campaigns hold back for their admission and results until they end'),
    questionCost: z.string().describe('ε a new (not repeated) count costs'),
    campaignCost: z
      .string()
      .describe('ε approving a campaign holds back from the vault: its admission, results and lead outcomes'),
    period: z.enum(['day', 'week', 'month']),
    resetsAt: z.string().describe('when the period’s budgets reset (ISO 8601)'),
  })
  .meta({ id: 'BudgetMeter' });

export const askerBudgetUse = z
  .object({
    asker: z.string(),
    remaining: z.string().describe('ε left to the asker this period'),
    vaultRemaining: z.string(),
    resetsAt: z.string(),
    questions: z.record(z.string(), z.number().int()).describe('this period’s questions by outcome'),
  })
  .meta({ id: 'AskerBudgetUse' });

export const budgetUse = z.object({ askers: z.array(askerBudgetUse) }).meta({ id: 'BudgetUse' });

/** No policy may set k below this, whoever approves it. */
export const minimumK = 20;

/** An exact positive rational as text, "1/8" or "0.125": src/privacy/guard/policy.ts parses it exactly. */
const rationalText = z.string().min(1).max(100).describe('ε as an exact rational, "1/8" or "0.125"');

const guardPolicyFields = {
  k: z.number().int().min(minimumK, `k may not be below the floor of ${minimumK}`).max(100_000),
  countEpsilon: rationalText,
  thresholdEpsilon: rationalText,
  differencingEpsilon: rationalText,
  askerBudget: rationalText,
  vaultBudget: rationalText,
  period: z.enum(['day', 'week', 'month']),
  maxAttributes: z.number().int().min(1).max(10),
};

/** The JSON form of the guard's policy, as stored and as proposed (src/privacy/guard/policy.ts parses the ε). */
export const guardPolicy = z.strictObject(guardPolicyFields).meta({ id: 'GuardPolicy' });

export const policyProposal = z
  .object({
    version: z.number().int(),
    status: z.enum(['proposed', 'active', 'superseded', 'rejected']),
    policy: z.object(guardPolicyFields),
    reason: z.string(),
    proposedBy: z.string(),
    decidedBy: z.string().nullable(),
  })
  .meta({ id: 'PolicyProposal' });

export const privacyPolicy = z
  .object({
    active: z.object({
      version: z.number().int().describe('0: the built-in default'),
      policy: z.object(guardPolicyFields),
    }),
    versions: z.array(policyProposal),
  })
  .meta({ id: 'PrivacyPolicy' });

export type Question = z.output<typeof question>;
export type BudgetStatus = z.output<typeof budgetStatus>;
export type QuestionRefusal = z.output<typeof questionRefusal>;
export type GuardPolicyJson = z.input<typeof guardPolicy>;
