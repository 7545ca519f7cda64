// Refusals in plain words: the API's stable codes mapped to sentences, field names to labels, times localised.
import { ApiError } from './api.ts';

const sentences: Readonly<Record<string, string>> = {
  PRIVACY_BUDGET_EXHAUSTED:
    'Not enough privacy budget is left for this. It resets at the start of the next period.',
  PRIVACY_TOO_FEW: 'The audience is too small to report or engage safely.',
  PRIVACY_DIFFERENCING:
    'This audience is too close to one released earlier this period; ask the earlier question instead.',
  DELIVERY_AUDIENCE_TOO_SMALL: 'Too few customers would receive this campaign, so the vault did not send it.',
  QUESTION_INVALID: 'The segment has problems; see them below.',
  QUESTION_PURPOSE_UNKNOWN: 'That purpose is not one the vault knows.',
  HUB_FORBIDDEN: 'You may not do this: another person must.',
  HUB_CAMPAIGN_STATE: 'The campaign is no longer in a state where this can be done; reload the page.',
  AUTH_REQUIRED: 'Your session has ended; sign in again.',
  AUTH_FORBIDDEN: 'Your role does not allow this.',
  CSRF_INVALID: 'The page is out of date; reload it and try again.',
  RATE_LIMITED: 'Too many requests; wait a moment and try again.',
  NOT_FOUND: 'It no longer exists.',
  VAULT_UNAVAILABLE: 'The vault cannot be reached just now; try again in a minute.',
  DOOR_CONTRACT: 'The vault answered something unexpected; the operators have been told.',
  INTERNAL: 'Something went wrong on our side; try again, and tell an operator if it persists.',
};

/** Codes whose server message is already a plain sentence about a field the person filled in. */
const fieldCodes = new Set(['HUB_INVALID', 'USAGE', 'INPUT_INVALID']);

const fieldLabels: Readonly<Record<string, string>> = {
  name: 'Name',
  audience: 'Audience',
  segment: 'Segment',
  offerId: 'Offer',
  startsAt: 'Start',
  endsAt: 'End',
  reason: 'Reason',
  channels: 'Notices',
  frequencyCap: 'Frequency cap',
  'frequencyCap.messages': 'Messages per person',
  'frequencyCap.days': 'Days',
  maxMessages: 'Most messages',
  expression: 'Segment',
};

const isoTime = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})\b/g;

/** A field message without the machinery: field paths as labels, ISO times in the reader's zone. */
export function plainFieldMessage(message: string): string {
  return message
    .replace(/\b(?:body|campaign|segment)\.?\s?([a-zA-Z.]+):/g, (whole, path: string) => {
      const label = fieldLabels[path];
      return label === undefined ? whole : `${label}:`;
    })
    .replace(/^(?:body|campaign|segment) /, '')
    .replace(isoTime, (iso) =>
      new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }),
    );
}

export interface Refusal {
  readonly message: string;
  /** For a segment's problems: the checker's diagnostics with the line and a caret, shown once as a block. */
  readonly rendered?: string;
}

/** What to tell a person about anything an action threw. */
export function refusalOf(error: unknown): Refusal {
  if (!(error instanceof ApiError)) {
    return { message: 'The request did not reach the server; check your connection and try again.' };
  }
  const message = fieldCodes.has(error.code)
    ? plainFieldMessage(error.message)
    : (sentences[error.code] ?? sentences['INTERNAL']!);
  return error.rendered === undefined ? { message } : { message, rendered: error.rendered };
}
