// Pieces every contract shares: the error body, what a request cost in ε, codes, bounded text and lists.
import { z } from 'zod';

/** Codes of products, partners and categories, as the hub's tables and the vault's preferences accept them. */
export const codePattern = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

export const code = z
  .string()
  .regex(codePattern, 'a code is lower-case letters, digits, "_", "." or "-" (1–64)');

/** Text a person typed: trimmed, not empty, at most `max` characters. */
export const text = (max: number) =>
  z.string().trim().min(1, 'may not be empty').max(max, `at most ${max} characters`);

export const isoDate = z.iso.date('an ISO date, YYYY-MM-DD');
export const isoDateTime = z.iso.datetime({ offset: true, message: 'an ISO 8601 date and time' });

/** An id in a path or a body: the hub's UUIDs, or a name where a route accepts one. */
export const id = z.string().min(1).max(200);
export const idParams = z.strictObject({ id });

/** Every error a route answers: a stable code (docs/errors.md) and a message for people. */
export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** What a request cost in ε and what is left, for the asker and the vault: exact rationals in text ("3/8"). */
export const privacyCost = z.object({
  charged: z.string().describe('ε this request charged, an exact rational such as "3/8"'),
  askerRemaining: z.string().describe('ε left to the asker this period'),
  vaultRemaining: z.string().describe('ε left to the vault this period'),
  vaultReserved: z
    .string()
    .optional()
    .describe('ε approved campaigns hold back from the vault’s budget for their admission and results'),
  resetsAt: z.string().describe('when the period’s budgets reset (ISO 8601)'),
});

/** A list answer: `{ [key]: items[] }`. */
export const listOf = <Key extends string, Item extends z.ZodType>(key: Key, item: Item) =>
  z.object({ [key]: z.array(item) } as { [K in Key]: z.ZodArray<Item> });
