// Insights in words for the customer: money in currency, cadences and categories in plain English, calendar dates.
import { categoryInWords } from '../../src/core/taxonomy.ts';
import type { Reply } from './api/types.ts';

export type Insights = Reply<'/v1/me/insights', 'get'>;
export type RegularPayment = Insights['regularPayments'][number];
type Cadence = RegularPayment['cadence'];

const cadenceWords: Record<Cadence, string> = {
  weekly: 'every week',
  fortnightly: 'every two weeks',
  four_weekly: 'every four weeks',
  monthly: 'every month',
  quarterly: 'every three months',
  annual: 'every year',
};

export const cadenceInWords = (cadence: Cadence): string => cadenceWords[cadence];

export { categoryInWords };

/** What a regular payment is called: its merchant, or its category when it has none. */
export const payee = (payment: Pick<RegularPayment, 'merchant' | 'category'>): string =>
  payment.merchant ?? categoryInWords(payment.category);

/** Minor units as money, with the currency's own number of decimals. */
export function money(minor: number, currency: string, locale = 'en-GB'): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const decimals = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** decimals);
}

/**
 * A calendar date (YYYY-MM-DD) as the customer reads it. The vault's dates are days, not instants: formatted
 * in UTC they stay the day they name whatever the customer's time zone.
 */
export const day = (iso: string, locale = 'en-GB'): string =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });

/** Today as a calendar date in the given time zone (the customer's). */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return parts;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** "today", "tomorrow", "in 5 days" from the customer's today; undefined for a day in the past. */
export function whenFrom(iso: string, today: string): string | undefined {
  const days = daysBetween(today, iso);
  if (days < 0) return undefined;
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
}

/** The month over month headline of one category. */
export function changeInWords(change: Insights['monthOverMonth']['changes'][number]): string {
  const { currency } = change;
  if (change.usualMinor === 0) return 'You usually spend nothing on this by this day of the month.';
  const up = change.changeMinor > 0;
  return `${money(Math.abs(change.changeMinor), currency)} ${up ? 'more' : 'less'} than usual by this day of the month (usually ${money(change.usualMinor, currency)}).`;
}

/** The latest change of amount within the last six months, worth calling out; older ones are history. */
export function recentChange(
  payment: RegularPayment,
  asOf: string,
): RegularPayment['priceChanges'][number] | undefined {
  const latest = [...payment.priceChanges].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  return latest !== undefined && daysBetween(latest.date, asOf) <= 183 && latest.toMinor !== latest.fromMinor
    ? latest
    : undefined;
}

/** Payments out, and income in (the vault may list regular credits among the payments too), each once. */
export function splitByDirection(data: Insights): { payments: RegularPayment[]; income: RegularPayment[] } {
  const key = (p: RegularPayment) => `${payee(p)}|${p.cadence}|${p.firstDate}`;
  const income = new Map<string, RegularPayment>();
  for (const p of [...data.income, ...data.regularPayments])
    if (p.direction === 'credit' && !income.has(key(p))) income.set(key(p), p);
  return {
    payments: data.regularPayments.filter((p) => p.direction === 'debit'),
    income: [...income.values()],
  };
}
