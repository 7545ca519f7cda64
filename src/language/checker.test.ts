// The checker: every problem of a question at once, without follow-on errors, and a "did you mean" for names.
import { describe, expect, it } from 'vitest';
import { questionPurpose } from '../core/question-purposes.ts';
import { checkExpression } from './checker.ts';
import { renderDiagnostic } from './diagnostics.ts';
import { languageFilters, languageFunctions } from './functions.ts';
import { parseExpression } from './parser.ts';

function check(source: string, purpose = 'bank_offers') {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => renderDiagnostic(source, d)).join('\n'));
  return checkExpression(parsed.ast, {
    purpose: questionPurpose(purpose)!,
    currency: 'GBP',
    retentionDays: 730,
    maxAttributes: 5,
    asOf: '2026-06-30',
    models: new Map([['mortgage', 'model-1']]),
  });
}

function problems(source: string, purpose?: string) {
  const checked = check(source, purpose);
  if (checked.ok) throw new Error(`checked: ${source}`);
  return checked.error.map((d) => ({
    code: d.code,
    at: source.slice(d.span.start, d.span.end),
    ...(d.suggestion === undefined ? {} : { suggestion: d.suggestion }),
  }));
}

describe('checkExpression: every problem at once', () => {
  it('reports each broken part of a question, in source order', () => {
    expect(
      problems(
        'spnt(category: "dining") > 0 and count(categroy: "fuel") > 2 ' +
          'and holds("morgage") or tenure() > 5',
      ),
    ).toEqual([
      { code: 'CHECK_UNKNOWN_FUNCTION', at: 'spnt', suggestion: 'spent' },
      { code: 'CHECK_UNKNOWN_ARGUMENT', at: 'categroy', suggestion: 'category' },
      { code: 'CHECK_UNKNOWN_PRODUCT', at: '"morgage"', suggestion: 'mortgage' },
      { code: 'CHECK_TYPE_MISMATCH', at: 'tenure() > 5' },
    ]);
  });

  it('checks every filter of one call on its own', () => {
    expect(
      problems('count(categroy: "fuel", category: "grocries", mcc: 99999, min_amount: 5, within: 0d) > 2'),
    ).toEqual([
      { code: 'CHECK_UNKNOWN_ARGUMENT', at: 'categroy', suggestion: 'category' },
      { code: 'CHECK_UNKNOWN_CATEGORY', at: '"grocries"', suggestion: 'groceries' },
      { code: 'CHECK_BAD_VALUE', at: '99999' },
      { code: 'CHECK_TYPE_MISMATCH', at: '5' },
      { code: 'CHECK_BAD_VALUE', at: '0d' },
    ]);
  });

  it('does not report what uses a part already reported', () => {
    // The unknown function is one problem: not also a comparison of an unknown type.
    expect(problems('spnt(category: "dining") > 0 GBP')).toEqual([
      { code: 'CHECK_UNKNOWN_FUNCTION', at: 'spnt', suggestion: 'spent' },
    ]);
    // A bad list item is one problem, not also "category takes strings".
    expect(problems('spent(category: ["dining", nope()]) > 0').map((p) => p.code)).toEqual([
      'CHECK_UNKNOWN_FUNCTION',
    ]);
    expect(problems('not frobnicate() and holds("savings")').map((p) => p.code)).toEqual([
      'CHECK_UNKNOWN_FUNCTION',
    ]);
    expect(problems('held_for(holds("x")) > 1y').map((p) => p.code)).toEqual(['CHECK_UNKNOWN_PRODUCT']);
  });

  it('still reports a comparison of the wrong types next to another problem', () => {
    expect(problems('tenure() > 5 and holds("morgage")')).toEqual([
      { code: 'CHECK_TYPE_MISMATCH', at: 'tenure() > 5' },
      { code: 'CHECK_UNKNOWN_PRODUCT', at: '"morgage"', suggestion: 'mortgage' },
    ]);
  });

  it('checks the whole question (cap, always true) only when its parts are sound', () => {
    expect(problems('count(category: "fuel") >= 0').map((p) => p.code)).toEqual(['CHECK_ALWAYS_TRUE']);
    expect(problems('count(category: "fuel") >= 0 and holds("x")').map((p) => p.code)).toEqual([
      'CHECK_UNKNOWN_PRODUCT',
    ]);
  });
});

describe('did you mean', () => {
  it('suggests functions, filters, categories and products', () => {
    expect(problems('recieved(within: 30d) > 0')[0]).toMatchObject({ suggestion: 'received' });
    expect(problems('spent(withn: 30d) > 0')[0]).toMatchObject({ suggestion: 'within' });
    expect(problems('spent(category: "resturants") > 0')[0]).toMatchObject({
      code: 'CHECK_UNKNOWN_CATEGORY',
    });
    expect(problems('propensity("mortgag") > 0.5')[0]).toMatchObject({ suggestion: 'mortgage' });
  });

  it('offers the number of an MCC written by its name', () => {
    expect(problems('count(mcc: "restaurants") > 2')).toEqual([
      { code: 'CHECK_BAD_VALUE', at: '"restaurants"', suggestion: '5812' },
    ]);
    expect(problems('count(mcc: ["fast food", 5812]) > 2')[0]).toMatchObject({ suggestion: '5814' });
    expect(problems('count(mcc: "zzzz") > 2')[0]).not.toHaveProperty('suggestion');
    expect(check('count(mcc: 5812) > 2').ok).toBe(true);
  });
});

describe('the function and filter tables', () => {
  it('has an example for every function that checks as written', () => {
    for (const f of languageFunctions) {
      const checked = check(f.example);
      expect(checked.ok, `${f.name}: ${f.example}`).toBe(true);
      expect(f.example).toContain(`${f.name}(`);
    }
  });

  it('are the names the checker binds: an unknown name is refused, a listed one is not', () => {
    for (const f of languageFunctions) expect(check(f.example).ok).toBe(true);
    for (const filter of languageFilters) {
      const codes = check(`count(${filter.name}: 1) > 1`);
      expect(!codes.ok && codes.error.map((d) => d.code)).not.toContain('CHECK_UNKNOWN_ARGUMENT');
    }
  });
});
