// "Ask for more" contracts: a person's request for more ε this period, an approver's decision, and the list.
import { z } from 'zod';

const epsilonText = z
  .string()
  .trim()
  .regex(/^(\d{1,6}(\.\d{1,6})?|\d{1,6}\/\d{1,6})$/, 'epsilon: a positive amount such as "1", "0.5" or "5/4"')
  .describe('ε as an exact rational, "5/4" or "1.25"');

const reasonText = (what: string) =>
  z
    .string()
    .trim()
    .min(3, `reason: say in a few words ${what}`)
    .max(500, 'reason: at most 500 characters')
    .describe(`${what}, in plain words (kept in the vault, not in the log)`);

export const budgetRequestDraft = z
  .strictObject({ epsilon: epsilonText, reason: reasonText('why you need more') })
  .meta({ id: 'BudgetRequestDraft' });

export const budgetDecision = z
  .strictObject({
    reason: reasonText('why you decided so'),
    epsilon: epsilonText.optional().describe('grant only part of what was asked (grants only)'),
  })
  .meta({ id: 'BudgetDecision' });

export const budgetRequestParams = z.strictObject({ id: z.uuid('a request id (a UUID)') });

export const budgetRequestsQuery = z.strictObject({
  status: z.enum(['requested', 'granted', 'refused']).optional(),
});

export const budgetRequest = z
  .object({
    id: z.string(),
    asker: z.string(),
    epsilon: z.string().describe('ε asked for'),
    reason: z.string(),
    status: z.enum(['requested', 'granted', 'refused']),
    granted: z.string().nullable().describe('ε granted; null unless granted'),
    decidedBy: z.string().nullable(),
    decisionReason: z.string().nullable(),
    periodStart: z.string(),
    requestedAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'BudgetRequest' });

export const budgetGrantable = z
  .object({
    vaultBudget: z.string().describe('the period’s vault-wide ε; a grant never raises it'),
    vaultSpent: z.string(),
    grantedUnspent: z.string().describe('ε granted to people this period and not spent yet'),
    reserved: z.string().describe('ε approved campaigns hold for their sending and results'),
    available: z.string().describe('what an approver may grant now: unspent, not granted and not held'),
  })
  .meta({ id: 'BudgetGrantable' });

export const budgetRequestList = z
  .object({ requests: z.array(budgetRequest), grantable: budgetGrantable })
  .meta({ id: 'BudgetRequestList' });
