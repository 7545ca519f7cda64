// Data subject requests in plain words: kinds, states, deadlines, and the API's refusals mapped from their codes.
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
