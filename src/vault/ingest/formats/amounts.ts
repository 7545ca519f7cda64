// Amounts: decimal text to integer minor units, with a fast path for plain numbers and cached currency exponents.
import {
  currencyExponent,
  isCurrencyCode,
  parseMinorUnits,
  type DecimalOptions,
} from '../../../core/money.ts';
import { err, ok, type Result } from '../../../core/result.ts';

export interface Currency {
  readonly code: string;
  readonly exponent: number;
}

const knownCurrencies = new Map<string, Currency>();

/** An ISO 4217 currency with its exponent; undefined for unknown codes. Only valid codes are cached. */
export function lookupCurrency(code: string): Currency | undefined {
  const cached = knownCurrencies.get(code);
  if (cached !== undefined) return cached;
  const exponent = isCurrencyCode(code) ? currencyExponent(code) : undefined;
  if (exponent === undefined) return undefined;
  const currency = { code, exponent };
  knownCurrencies.set(code, currency);
  return currency;
}

const powersOfTen = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];
const maxFastDigits = 15;

/**
 * The common case without allocation: optional sign, digits, optional decimal separator and digits.
 * Returns undefined for anything else (grouping, brackets, trailing signs, errors), which the caller
 * hands to parseMinorUnits; where both accept a text they agree.
 */
export function fastMinorUnits(text: string, exponent: number, decimalCode = 46): number | undefined {
  const n = text.length;
  let i = 0;
  let sign = 1;
  let c = text.charCodeAt(0);
  if (c === 45) {
    sign = -1;
    i = 1;
  } else if (c === 43) {
    i = 1;
  }
  let whole = 0;
  let wholeDigits = 0;
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    whole = whole * 10 + (c - 48);
    wholeDigits++;
  }
  let fraction = 0;
  let fractionDigits = 0;
  let fractionSeen = 0;
  if (i < n) {
    if (c !== decimalCode) return undefined;
    for (i++; i < n; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
      fractionSeen++;
      if (fractionDigits < exponent) {
        fraction = fraction * 10 + (c - 48);
        fractionDigits++;
      } else if (c !== 48) {
        return undefined;
      }
    }
  }
  if (wholeDigits + fractionSeen === 0) return undefined;
  const scale = powersOfTen[exponent];
  if (scale === undefined || wholeDigits + exponent > maxFastDigits) return undefined;
  return sign * (whole * scale + fraction * (powersOfTen[exponent - fractionDigits] ?? 1));
}

/** Why an amount was refused, without repeating the amount. */
function amountProblem(error: string): string {
  if (error.startsWith('more than')) return `amount has ${error}`;
  if (error === 'amount too large') return 'amount is too large';
  return 'amount is not a decimal number';
}

/** Signed minor units, or a reason that does not echo the text. */
export function parseAmount(
  text: string,
  currency: Currency,
  options: DecimalOptions = {},
): Result<number, string> {
  if (options.groupSeparators === undefined || options.groupSeparators === '') {
    const fast = fastMinorUnits(text, currency.exponent, options.decimalSeparator === ',' ? 44 : 46);
    if (fast !== undefined) return ok(fast);
  }
  const parsed = parseMinorUnits(text, currency.code, options);
  return parsed.ok ? parsed : err(amountProblem(parsed.error));
}

/** True for negative amounts, including a negative zero ("-0.00" in a signed column). */
export function isNegative(minor: number): boolean {
  return minor < 0 || Object.is(minor, -0);
}

/** Rewrites a JSON number such as 1.5e2 as plain decimal text ("150"), exactly, without floating point. */
export function plainDecimal(numberText: string): string {
  const e = numberText.search(/[eE]/);
  if (e === -1) return numberText;
  const exponent = Number(numberText.slice(e + 1));
  let mantissa = numberText.slice(0, e);
  let sign = '';
  if (mantissa.startsWith('-')) {
    sign = '-';
    mantissa = mantissa.slice(1);
  }
  const dot = mantissa.indexOf('.');
  const digits = dot === -1 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot === -1 ? mantissa.length : dot) + exponent;
  if (!Number.isInteger(exponent) || Math.abs(exponent) > 400) return numberText;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A statement balance's amount in minor units (a currency unknown here counts in hundredths), or undefined. */
export function balanceMinorUnits(text: string, currencyCode: string | undefined): number | undefined {
  const currency = (currencyCode === undefined ? undefined : lookupCurrency(currencyCode)) ?? {
    code: currencyCode ?? 'XXX',
    exponent: 2,
  };
  const parsed = parseAmount(text.trim(), currency);
  return parsed.ok ? parsed.value : undefined;
}
