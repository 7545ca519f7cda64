import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMinorUnits } from '../../../core/money.ts';
import { fastMinorUnits, isNegative, lookupCurrency, parseAmount, plainDecimal } from './amounts.ts';

const eur = lookupCurrency('EUR')!;
const jpy = lookupCurrency('JPY')!;
const bhd = lookupCurrency('BHD')!;

describe('parseAmount', () => {
  it.each([
    ['12.34', 1234],
    ['-12.34', -1234],
    ['+0.5', 50],
    ['.5', 50],
    ['5.', 500],
    ['8.850', 885],
    ['12.50000', 1250],
    ['-00000000001500.0000', -150000],
    ['007', 700],
  ])('reads %s in EUR', (text, minor) => {
    expect(parseAmount(text, eur)).toEqual({ ok: true, value: minor });
  });

  it('uses the exponent of the currency', () => {
    expect(parseAmount('1500', jpy)).toEqual({ ok: true, value: 1500 });
    expect(parseAmount('1.5', jpy)).toEqual({ ok: false, error: 'amount has more than 0 decimals for JPY' });
    expect(parseAmount('1.234', bhd)).toEqual({ ok: true, value: 1234 });
  });

  it('reads decimal commas and grouping', () => {
    expect(parseAmount('2.345,67', eur, { decimalSeparator: ',', groupSeparators: '.' })).toEqual({
      ok: true,
      value: 234567,
    });
    expect(parseAmount('-3,40', eur, { decimalSeparator: ',' })).toEqual({ ok: true, value: -340 });
    expect(parseAmount('1,234.56', eur, { groupSeparators: ',' })).toEqual({ ok: true, value: 123456 });
  });

  it('explains refusals without repeating the amount', () => {
    for (const text of ['', '-', '.', '1.2.3', '12,50', 'abc', '1e5', '1.005']) {
      const result = parseAmount(text, eur);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).not.toContain(text === '' ? 'x' : text);
    }
    expect(parseAmount('99999999999999999', eur)).toEqual({ ok: false, error: 'amount is too large' });
  });

  it('agrees with parseMinorUnits wherever the fast path answers', () => {
    const amountText = fc.stringMatching(/^[+-]?\d{0,18}([.,]\d{0,6})?$/);
    fc.assert(
      fc.property(
        amountText,
        fc.constantFrom(eur, jpy, bhd),
        fc.constantFrom<'.' | ','>('.', ','),
        (text, currency, separator) => {
          const fast = fastMinorUnits(text, currency.exponent, separator.charCodeAt(0));
          const reference = parseMinorUnits(text, currency.code, { decimalSeparator: separator });
          if (fast !== undefined) expect(reference).toEqual({ ok: true, value: fast });
          const full = parseAmount(text, currency, { decimalSeparator: separator });
          expect(full.ok).toBe(reference.ok);
          if (full.ok && reference.ok) expect(full.value).toBe(reference.value);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('plainDecimal', () => {
  it.each([
    ['12.5', '12.5'],
    ['1e3', '1000'],
    ['1.5E1', '15'],
    ['-1.25e-1', '-0.125'],
    ['2.5e-3', '0.0025'],
    ['123.456e2', '12345.6'],
  ])('%s → %s', (json, plain) => {
    expect(plainDecimal(json)).toBe(plain);
  });
});

describe('currencies and signs', () => {
  it('looks up ISO 4217 codes only', () => {
    expect(lookupCurrency('EUR')).toEqual({ code: 'EUR', exponent: 2 });
    expect(lookupCurrency('eur')).toBeUndefined();
    expect(lookupCurrency('XYZ')).toBeUndefined();
  });

  it('treats negative zero as negative', () => {
    expect(isNegative(-0)).toBe(true);
    expect(isNegative(0)).toBe(false);
    expect(isNegative(-1)).toBe(true);
  });
});
