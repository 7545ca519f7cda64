// Which parts of a segment an edge definition may not name: sensitive categories, MCCs and merchants, and, since a
// published segment is shown to everyone, merchants no rule recognises unless a safe MCC narrows them.
import { describe, expect, it } from 'vitest';
import { categoriserWith, defaultCategoriser } from '../../core/categorize.ts';
import { parseCategoryRuleFile } from '../../core/category-rule-files.ts';
import { questionPurpose } from '../../core/question-purposes.ts';
import { checkQuestion } from '../questions/question-check.ts';
import { refusedParts } from './segment-parts.ts';

function partsOf(expression: string, categoriser = defaultCategoriser) {
  const checked = checkQuestion(expression, questionPurpose('bank_offers')!, {
    currency: 'GBP',
    retentionDays: 730,
    maxAttributes: 5,
    asOf: '2026-11-01',
  });
  if (!checked.ok) throw new Error(checked.error.rendered);
  return refusedParts(checked.value.plan, categoriser);
}

describe('refusedParts', () => {
  it('refuses a merchant no name rule recognises, unless listed MCCs of a safe kind narrow it', () => {
    // Broken once (the unrecognised merchant let through like any other): the first expectation failed.
    expect(partsOf('spent(merchant: "Dr A. Smith", within: 90d) > 0')).toEqual({
      sensitive: [],
      unknown: ['merchant "Dr A. Smith" (no name rule recognises it, and no MCC of a safe kind narrows it)'],
    });
    expect(partsOf('spent(merchant: "Dr A. Smith", mcc: [5411, 5499], within: 90d) > 0')).toEqual({
      sensitive: [],
      unknown: [],
    });
    // One sensitive MCC in the list is refused for itself, and narrows nothing.
    expect(partsOf('spent(merchant: "Dr A. Smith", mcc: [5411, 8011], within: 90d) > 0')).toEqual({
      sensitive: ['MCC 8011 (healthcare)'],
      unknown: ['merchant "Dr A. Smith" (no name rule recognises it, and no MCC of a safe kind narrows it)'],
    });
    // A merchant a rule recognises as a safe kind needs no MCC.
    expect(partsOf('count(merchant: "Tesco Stores 2231", within: 90d) > 0')).toEqual({
      sensitive: [],
      unknown: [],
    });
  });

  it('refuses an MCC the shipped list does not place in a category: its sensitivity is unknown', () => {
    expect(partsOf('count(mcc: 9700, within: 90d) > 0').unknown).toEqual([
      'MCC 9700 (no category on the MCC list)',
    ]);
    expect(partsOf('count(mcc: 1234, within: 90d) > 0').unknown).toEqual([
      'MCC 1234 (no category on the MCC list)',
    ]);
    expect(partsOf('count(mcc: 5912, within: 90d) > 0').sensitive).toEqual(['MCC 5912 (pharmacy)']);
  });

  it("uses the bank's own name rules: a merchant they place in health is sensitive, not unknown", () => {
    const file = parseCategoryRuleFile(
      {
        language: 'bank',
        nameRules: [{ id: 'smith-surgery', category: 'healthcare', pattern: 'dr a\\. smith' }],
      },
      'bank.json',
    );
    if (!file.ok) throw new Error(file.error);
    const bank = categoriserWith([file.value]);
    if (!bank.ok) throw new Error(bank.error);
    expect(partsOf('spent(merchant: "Dr A. Smith", within: 90d) > 0', bank.value)).toEqual({
      sensitive: ['merchant "Dr A. Smith" (healthcare)'],
      unknown: [],
    });
  });
});
