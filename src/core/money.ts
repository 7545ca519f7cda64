// Money: decimal text to integer minor units, using the ISO 4217 exponent of the currency.
import currencyCodes from 'currency-codes';
import { err, ok, type Result } from './result.ts';

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && currencyCodes.code(code) !== undefined;
}

export function currencyExponent(code: string): number | undefined {
  return currencyCodes.code(code)?.digits;
}

export interface DecimalOptions {
  /** Character separating the fraction: '.' (default) or ','. */
  readonly decimalSeparator?: '.' | ',';
  /** Grouping characters to ignore, e.g. ' ' or '.' in "1.234,56". */
  readonly groupSeparators?: string;
}

/**
 * Parses a signed decimal amount into minor units. Rejects more fraction digits than the
 * currency allows unless the extra digits are zeros (camt allows five decimals: "12.50000").
 */
export function parseMinorUnits(
  text: string,
  currency: string,
  options: DecimalOptions = {},
): Result<number, string> {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) return err(`unknown currency "${currency}"`);
  const decimal = options.decimalSeparator ?? '.';
  let s = text.trim();
  for (const g of options.groupSeparators ?? '') s = s.split(g).join('');
  let sign = 1;
  if (s.startsWith('(') && s.endsWith(')')) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s.startsWith('-')) sign = -sign;
    s = s.slice(1);
  } else if (s.endsWith('-')) {
    sign = -sign;
    s = s.slice(0, -1);
  }
  const [whole = '', fraction = '', ...rest] = s.split(decimal);
  if (rest.length > 0 || !/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || whole + fraction === '') {
    return err('not a decimal number');
  }
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) return err(`more than ${exponent} decimals for ${currency}`);
  const minor = Number(whole + fraction.padEnd(exponent, '0').slice(0, exponent));
  if (!Number.isSafeInteger(minor)) return err('amount too large');
  return ok(sign * minor);
}

/** Formats minor units back to a decimal string, for display and round-trip tests. */
export function formatMinorUnits(minor: number, currency: string): string {
  const exponent = currencyExponent(currency) ?? 2;
  const sign = minor < 0 ? '-' : '';
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, '0');
  return exponent === 0
    ? `${sign}${digits}`
    : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Minor units as money for people ("£12.99"), with the currency's own number of decimals. */
/** Formatters by locale and currency: building one is far dearer than formatting with it. */
const formatters = new Map<string, Intl.NumberFormat>();

export function moneyInWords(minor: number, currency: string, locale = 'en-GB'): string {
  const exponent = currencyExponent(currency) ?? 2;
  const key = `${locale}\u0000${currency}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, format);
  }
  return format.format(minor / 10 ** exponent);
}
