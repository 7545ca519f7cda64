// Data subject requests in plain words: kinds, states, deadlines, and the API's refusals mapped from their codes.
import { ApiError } from './api.ts';
import { rejectionReasonOf } from '../../src/core/request-rejections.ts';

export const kindWords: Record<string, string> = {
  access: 'See my data (access)',
  rectification: 'Correct my data (rectification)',
  restriction: 'Restrict the use of my data',
  objection: 'Object to profiling',
  erasure: 'Erase my data',
};

/** A short name of a kind, for a table cell or a sentence: "Erasure". */
export const kindName: Record<string, string> = {
  access: 'Access',
  rectification: 'Rectification',
  restriction: 'Restriction',
  objection: 'Objection',
  erasure: 'Erasure',
};

export const statusWords: Record<string, string> = {
  received: 'received, identity not yet checked',
  verified: 'open, waiting to be carried out',
  completed: 'done',
  rejected: 'refused',
};

const dayMs = 86_400_000;

/** "due in 12 days", "due today", "overdue by 3 days" (closed requests: nothing). */
export function deadlineWords(dueAt: string, now = Date.now()): string {
  const days = Math.ceil((Date.parse(dueAt) - now) / dayMs);
  if (days > 1) return `due in ${days} days`;
  if (days === 1) return 'due tomorrow';
  if (days === 0) return 'due today';
  return `overdue by ${-days} day${days === -1 ? '' : 's'}`;
}

/** A rejection reason as the requester reads it: the reason, then the provision. */
export function rejectionWords(code: string | null): string {
  if (code === null) return '';
  const reason = rejectionReasonOf(code);
  return reason === undefined ? code : `${reason.text} (${reason.article})`;
}

const problems: Record<string, string> = {
  SUBJECT_REQUEST_OPEN:
    'You already asked for this and it is still open (or already in force): the first request stands.',
  SUBJECT_REQUEST_STATE:
    'This request has changed meanwhile (checked, carried out or closed). Reload to see it.',
  SUBJECT_NOT_VERIFIED: 'The identity did not match the bank’s records. Nothing was done or disclosed.',
  CUSTOMER_ERASED: 'This customer was erased; their data cannot be read any more.',
  ERASURE_INCOMPLETE:
    'The check after erasing still found personal data, so no receipt was issued. Tell the vault operator.',
  NOT_FOUND: 'Nothing was found for this. Check it was copied whole.',
  USAGE: 'Something entered is not in the expected form.',
  AUTH_REQUIRED: 'Your session has ended. Sign in again.',
  CSRF_INVALID: 'Your session has ended. Sign in again.',
};

/** A refusal in words, from its stable code; a failure without one keeps its own message. */
export function problemWords(error: unknown): string {
  if (error instanceof ApiError) return problems[error.code] ?? `The bank could not do this (${error.code}).`;
  return error instanceof Error ? error.message : String(error);
}

/** Runs an action and turns a refusal into words, for ActionButton (which shows an Error's message). */
export const inWords =
  <T>(action: () => Promise<T>) =>
  async (): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      throw new Error(problemWords(error), { cause: error });
    }
  };
