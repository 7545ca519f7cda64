// age_band(…): checking, fair lending, normal form, the customer's explanation and the compiled SQL.
import { describe, expect, it } from 'vitest';
import {
  adultFromMonthsAfterBirth,
  adultFromOf,
  ageInYears,
  inAgeBands,
  monthIndex,
} from '../core/age-bands.ts';
import { questionPurpose } from '../core/question-purposes.ts';
import { checkExpression } from './checker.ts';
import { renderDiagnostic } from './diagnostics.ts';
import { explainForCustomer } from './explain.ts';
import { normalisePlan, planKey } from './normalise.ts';
import { parseExpression } from './parser.ts';
import type { Plan } from './plan.ts';
import { compilePlan } from './sql/compile-plan.ts';

const asOf = '2026-06-30';

function check(source: string, purpose = 'bank_offers') {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.diagnostics[0]!.message);
  return checkExpression(parsed.ast, {
    purpose: questionPurpose(purpose)!,
    currency: 'GBP',
    retentionDays: 730,
    maxAttributes: 5,
    asOf,
  });
}

function planOf(source: string): Plan {
  const checked = check(source);
  if (!checked.ok) throw new Error(checked.error[0]!.message);
  return checked.value.plan;
}

describe('age_band', () => {
  it('checks to a plan with its bands in fixed order, one attribute', () => {
    const checked = check('age_band("35-44", "25-34", "35-44") and holds("savings")');
    if (!checked.ok) throw new Error(checked.error[0]!.message);
    expect(checked.value.plan).toEqual({
      kind: 'and',
      items: [
        { kind: 'ageBand', bands: ['25-34', '35-44'] },
        { kind: 'holds', product: 'savings' },
      ],
    });
    expect(checked.value.attributes).toEqual(['age_band', 'holds[savings]']);
  });

  it('points at an unknown band with its line and column and a "did you mean"', () => {
    const source = 'holds("savings") and\n  age_band("25-34", "35-45")';
    const checked = check(source);
    if (checked.ok) throw new Error('expected a diagnostic');
    const [problem] = checked.error;
    expect(problem).toMatchObject({
      code: 'CHECK_UNKNOWN_AGE_BAND',
      span: { line: 2, column: 21 },
      suggestion: '35-44',
    });
    expect(problem!.message).toContain('"18-24", "25-34", "35-44", "45-54", "55-64", "65+"');
    expect(renderDiagnostic(source, problem!)).toContain('2:21');
    // A band written another way gets the band holding its first age.
    const other = check('age_band("70-79")');
    expect(!other.ok && other.error[0]!.suggestion).toBe('65+');
    const age = check('age() > 40');
    expect(!age.ok && age.error[0]).toMatchObject({ code: 'CHECK_UNKNOWN_FUNCTION', suggestion: 'age_band' });
  });

  it('refuses a call without bands, named arguments and numbers', () => {
    const codes = ['age_band()', 'age_band(band: "25-34")', 'age_band(25)'].map((source) => {
      const checked = check(source);
      return checked.ok ? 'ok' : checked.error[0]!.code;
    });
    expect(codes).toEqual(['CHECK_MISSING_ARGUMENT', 'CHECK_UNEXPECTED_ARGUMENT', 'CHECK_TYPE_MISMATCH']);
  });

  it('is refused for credit purposes, as age is, and allowed for the others', () => {
    for (const purpose of ['credit_offers', 'partner_credit_offers']) {
      const checked = check('holds("savings") and age_band("25-34")', purpose);
      expect(!checked.ok && checked.error[0]).toMatchObject({
        code: 'FAIR_LENDING_PROTECTED_ATTRIBUTE',
        span: { line: 1, column: 22 },
      });
    }
    for (const purpose of ['bank_offers', 'partner_offers', 'spending_insights']) {
      expect(check('age_band("25-34")', purpose).ok, purpose).toBe(true);
    }
  });

  it('has one normal form however its bands are written, and keeps its negation', () => {
    const key = (source: string) => planKey(normalisePlan(planOf(source), { asOf }));
    expect(key('age_band("35-44", "25-34")')).toBe(key('age_band("25-34", "35-44", "25-34")'));
    expect(key('not not age_band("65+")')).toBe(key('age_band("65+")'));
    expect(normalisePlan(planOf('not age_band("65+")'), { asOf })).toEqual({
      kind: 'not',
      item: { kind: 'ageBand', bands: ['65+'] },
    });
    // Every band is not "everyone": customers without a date of birth are in none.
    expect(check('age_band("18-24", "25-34", "35-44", "45-54", "55-64", "65+")').ok).toBe(true);
  });

  it('explains itself in plain words, adjacent bands as one range', () => {
    const explain = (source: string) => explainForCustomer(planOf(source), { currency: 'GBP' });
    expect(explain('age_band("25-34", "35-44")')).toEqual(['You are aged 25 to 44.']);
    expect(explain('age_band("65+", "18-24", "55-64")')).toEqual(['You are aged 18 to 24 or 55 or over.']);
    expect(explain('not age_band("18-24")')).toEqual(["We don't have you down as aged 18 to 24."]);
  });

  it('compiles to bound birth-month ranges over customer_flags, never the date itself', () => {
    const { sql, parameters } = compilePlan({ kind: 'ageBand', bands: ['25-34', '65+'] }, asOf);
    expect(sql).toContain('FROM "customer_flags"');
    expect(sql).toContain(
      'COALESCE(("f"."birth_month" >= $2::numeric AND "f"."birth_month" <= $3::numeric) OR ("f"."birth_month" <= $4::numeric), FALSE)',
    );
    const june2026 = 2026 * 12 + 5;
    expect(sql).not.toMatch(/"adult_from"\s+AS|SELECT[^;]*"adult_from",/);
    expect(parameters).toEqual(['active', june2026 - 35 * 12 + 1, june2026 - 25 * 12, june2026 - 65 * 12]);
  });

  it('stores only the month after the 18th birthday, so the day of birth is not in it and minors stay out', () => {
    expect(adultFromOf('2008-12-06')).toBe('2027-01-01');
    expect(adultFromOf('2008-12-01')).toBe('2027-01-01');
    expect(adultFromOf('2008-02-29')).toBe('2026-03-01');
    expect(adultFromOf('1999-07-31')).toBe('2017-08-01');
    // Every day of one birth month gives the same stored value, on or after the 18th birthday.
    for (let day = 1; day <= 31; day++) {
      const born = `2001-03-${String(day).padStart(2, '0')}`;
      expect(adultFromOf(born)).toBe('2019-04-01');
      expect(adultFromOf(born) > `2019-03-${born.slice(8)}`).toBe(true);
    }
    // The birth month read back from the stored value is the true one.
    expect(monthIndex(adultFromOf('2001-07-20')) - adultFromMonthsAfterBirth).toBe(monthIndex('2001-07-20'));
  });

  it('counts age in whole years from the first day of the birth month', () => {
    const born = monthIndex('2001-07-20');
    expect(ageInYears(born, monthIndex('2026-06-30'))).toBe(24);
    expect(ageInYears(born, monthIndex('2026-07-01'))).toBe(25);
    expect(inAgeBands(['25-34'], born, monthIndex('2026-07-01'))).toBe(true);
    expect(inAgeBands(['18-24'], monthIndex('2009-01-01'), monthIndex('2026-12-31'))).toBe(false);
  });
});
