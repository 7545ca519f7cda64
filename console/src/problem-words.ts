// The API's refusals in words, mapped from their stable codes (docs/errors.md), never shown raw.
import { ApiError } from './api.ts';

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
