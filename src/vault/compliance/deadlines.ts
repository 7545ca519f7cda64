// Legal deadlines of data subject requests: GDPR one calendar month (Art. 12(3)), CCPA 45 days (§1798.130).

import type { RequestRegime } from '../../contracts/subject-request.ts';
export { requestRegimes, type RequestRegime } from '../../contracts/subject-request.ts';

const dayMs = 86_400_000;

/** When the answer to a request received at `receivedAt` is due under `regime`. */
export function dueDate(regime: RequestRegime, receivedAt: Date): Date {
  if (regime === 'ccpa') return new Date(receivedAt.getTime() + 45 * dayMs);
  // One month later, the same day of the month; the last day of the next month when that day does not exist.
  const due = new Date(receivedAt);
  const day = due.getUTCDate();
  due.setUTCDate(1);
  due.setUTCMonth(due.getUTCMonth() + 1);
  const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(day, lastDay));
  return due;
}

/** Whole days left until `due` (negative when overdue). */
export function daysLeft(due: Date, now: Date): number {
  return Math.floor((due.getTime() - now.getTime()) / dayMs);
}
