// Plain English for the explanations: durations, windows and dates, the names of categories, products and
// kinds of business, lists and sentences.
import { ageBandRange, sortedBands, type AgeBand } from '../core/age-bands.ts';
import { productCatalog } from '../core/products.ts';
import { categories, mccDescription } from '../core/taxonomy.ts';
import { unreachable } from '../core/unreachable.ts';
import type { Window } from './plan.ts';

const categoryNames = new Map<string, string>(categories.map((c) => [c.code, c.name]));
const products = new Map<string, string>(productCatalog.map((p) => [p.code, p.name]));
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function windowPhrase(window: Window): string {
  switch (window.kind) {
    case 'within': {
      const words = durationWords(window.days, new Intl.NumberFormat('en-GB'));
      return `in the last ${words.replace(/^1 /, '')}`;
    }
    case 'between':
      return dateRange(window.from, window.to);
    default:
      return unreachable(window, 'window');
  }
}

/** Whole years (365 days) when they divide exactly, else whole weeks, else days: 90 days stays "90 days". */
export function durationWords(days: number, format = new Intl.NumberFormat('en-GB')): string {
  const unit = (n: number, one: string, many: string) => `${format.format(n)} ${n === 1 ? one : many}`;
  if (days > 0 && days % 365 === 0) return unit(days / 365, 'year', 'years');
  if (days > 0 && days % 7 === 0) return unit(days / 7, 'week', 'weeks');
  return unit(days, 'day', 'days');
}

function dateRange(from: string, to: string): string {
  const [a, b] = [dateParts(from), dateParts(to)];
  if (a === undefined || b === undefined) return 'in the chosen period';
  if (from === to) return `on ${a.day} ${a.month} ${a.year}`;
  const start = a.year === b.year ? `${a.day} ${a.month}` : `${a.day} ${a.month} ${a.year}`;
  return `between ${start} and ${b.day} ${b.month} ${b.year}`;
}

function dateParts(date: string): { day: number; month: string; year: string } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = match === null ? undefined : months[Number(match[2]) - 1];
  if (match === null || month === undefined) return undefined;
  return { day: Number(match[3]), month, year: match[1]! };
}

export function categoryName(code: string): string {
  const name = categoryNames.get(code);
  return name === undefined ? 'one kind of spending' : lowerCase(name);
}

/** "a mortgage", "an arranged overdraft", "home insurance" (insurance is not counted). */
export function productPhrase(code: string): string {
  const name = products.get(code);
  if (name === undefined) return 'one of our products';
  const lower = lowerCase(name);
  if (lower.endsWith('insurance')) return lower;
  return `${/^[aeiou]/.test(lower) ? 'an' : 'a'} ${lower}`;
}

/** "Eating places and Restaurants" → "eating places and restaurants"; asides in brackets are dropped. */
export function mccName(mcc: number): string {
  const description = mccDescription(String(mcc).padStart(4, '0'));
  if (description === undefined) return 'one kind of business';
  const plain = description
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+,/g, ',')
    .replace(/\s+/g, ' ')
    .trim();
  return plain === '' ? 'one kind of business' : lowerCase(plain);
}

/** Lower-cases words, but keeps short acronyms such as "TV" or "U.S." ("UNITED AIRLINES" is lower-cased). */
function lowerCase(text: string): string {
  return text.replace(/\S+/g, (word) => {
    const letters = word.replace(/[^A-Za-z]/g, '');
    return letters.length >= 2 && letters.length <= 3 && letters === letters.toUpperCase()
      ? word
      : word.toLowerCase();
  });
}

export function joinAll(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)!}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function sentence(clause: string): string {
  return `${capitalise(clause)}.`;
}

/** `aged 25 to 44`, `aged 18 to 24 or 45 and over`: adjacent bands read as one range. */
export function ageBandsPhrase(bands: readonly AgeBand[]): string {
  const ranges: { from: number; to: number }[] = [];
  for (const band of sortedBands(bands)) {
    const { from, to } = ageBandRange[band];
    const last = ranges.at(-1);
    if (last !== undefined && last.to + 1 === from) last.to = to;
    else ranges.push({ from, to });
  }
  const words = ranges.map(({ from, to }) =>
    to === Number.POSITIVE_INFINITY ? `${from} or over` : `${from} to ${to}`,
  );
  return `aged ${words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`}`;
}
