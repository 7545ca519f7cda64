import { describe, expect, it } from 'vitest';
import { categoriserWith, categorize, defaultCategoriser } from './categorize.ts';
import { mergeRuleFiles, parseCategoryRuleFile, shippedRuleFiles } from './category-rule-files.ts';
import { taxonomyVersion } from './taxonomy.ts';
import type { Direction } from './transaction.ts';

describe('the shipped rule files', () => {
  it('are English, German, French and Czech, and every other language extends an English rule', () => {
    expect(shippedRuleFiles.map((f) => f.language)).toEqual(['en', 'de', 'fr', 'cs']);
    const english = shippedRuleFiles[0]!;
    const merged = mergeRuleFiles(shippedRuleFiles);
    if (!merged.ok) throw new Error(merged.error);
    expect(merged.value.nameRules).toHaveLength(english.nameRules.length);
    expect(merged.value.purposeRules).toHaveLength(english.purposeRules.length);
    expect(defaultCategoriser.version).toBe(taxonomyVersion);
  });

  it.each([
    // French
    ['credit', 'VIREMENT SALAIRE NOVEMBRE', 'salary'],
    ['debit', 'Loyer décembre appartement', 'rent'],
    ['debit', 'PRELEVEMENT FACTURE ELECTRICITE', 'utilities'],
    ['debit', 'RETRAIT DAB 12/11 PARIS', 'cash'],
    ['credit', 'Intérêts créditeurs 2024', 'interest'],
    ['debit', 'ECHEANCE PRET PERSONNEL', 'loan_repayment'],
    ['credit', 'PENSION RETRAITE CNAV', 'pension_income'],
    ['debit', 'COTISATION CARTE VISA', 'fees'],
    // Czech, with and without diacritics
    ['debit', 'VYBER', 'cash'],
    ['credit', 'VKLAD', 'cash'],
    ['credit', 'PREVOD Z UCTU', 'transfers'],
    ['credit', 'DUCHOD', 'pension_income'],
    ['credit', 'UROK', 'interest'],
    ['debit', 'SANKC. UROK', 'interest'],
    ['debit', 'Nájemné byt 11/2024', 'rent'],
    ['credit', 'Mzda 11/2024', 'salary'],
    ['debit', 'POJISTNE', 'insurance'],
    ['debit', 'SIPO', 'utilities'],
    ['debit', 'Splátka úvěru', 'loan_repayment'],
    // German
    ['debit', 'Miete Dezember', 'rent'],
    ['credit', 'Gehalt 11/2026', 'salary'],
  ] as const)('%s %j is %s', (direction: Direction, description, category) => {
    expect(categorize({ direction, description, counterpartyName: 'X' })).toBe(category);
  });

  it('does not let the new languages take English text', () => {
    expect(categorize({ direction: 'debit', description: 'Amended invoice', counterpartyName: 'X' })).toBe(
      'transfers',
    );
    expect(categorize({ direction: 'debit', description: 'Pret A Manger London' })).toBe('dining');
    expect(categorize({ direction: 'debit', description: 'Pea soup', counterpartyName: 'X' })).toBe(
      'transfers',
    );
  });
});

describe('a bank’s own rule files', () => {
  const slovak = {
    language: 'sk',
    purposeRules: [
      { id: 'purpose:rent', pattern: 'n[aá]jomn[eé]' },
      {
        id: 'bank:home-inspection',
        category: 'home_inspection',
        pattern: 'obhliadka\\s*nehnute',
        before: 'purpose:tax',
      },
    ],
    nameRules: [{ id: 'groceries', pattern: '\\bjednota\\b' }],
  };

  it('extend the shipped rules and change the recorded version', () => {
    const file = parseCategoryRuleFile(slovak, 'sk.json');
    if (!file.ok) throw new Error(file.error);
    const categoriser = categoriserWith([file.value]);
    if (!categoriser.ok) throw new Error(categoriser.error);
    const bank = categoriser.value;
    expect(bank.version).toMatch(new RegExp(`^${taxonomyVersion}\\+[0-9a-f]{8}$`));
    expect(
      bank.categorize({ direction: 'debit', description: 'Nájomné 12/2026', counterpartyName: 'X' }),
    ).toBe('rent');
    expect(bank.categorize({ direction: 'debit', merchantName: 'COOP Jednota 112' })).toBe('groceries');
    // Placed before the tax rule, so it wins over it.
    expect(
      bank.categorize({
        direction: 'debit',
        description: 'Obhliadka nehnutelnosti, dan',
        counterpartyName: 'X',
      }),
    ).toBe('home_inspection');
    // The shipped categoriser is untouched.
    expect(categorize({ direction: 'debit', description: 'Nájomné 12/2026', counterpartyName: 'X' })).toBe(
      'transfers',
    );
    expect(categoriserWith([]).ok && categoriserWith([])).toEqual({ ok: true, value: defaultCategoriser });
  });

  it('say clearly what is wrong with them', () => {
    expect(
      parseCategoryRuleFile({ language: 'sk', nameRules: [{ id: 'x', pattern: '(' }] }, 'sk.json'),
    ).toEqual({
      ok: false,
      error:
        'invalid category rule file sk.json: nameRules.0.pattern: expected a non-empty JavaScript regular expression',
    });
    expect(
      parseCategoryRuleFile(
        { language: 'sk', nameRules: [{ id: 'x', category: 'household', pattern: 'a' }] },
        'f',
      ),
    ).toEqual({
      ok: false,
      error:
        'invalid category rule file f: nameRules.0.category: expected a category of the taxonomy (docs/categories.md)',
    });
    const problems = [
      [{ id: 'new', pattern: 'a' }, 'sk: nameRules.0 ("new"): a new rule needs a category'],
      [
        { id: 'groceries', category: 'dining', pattern: 'a' },
        'sk: nameRules.0 ("groceries"): an extension cannot change',
      ],
      [
        { id: 'n', category: 'dining', pattern: 'a', before: 'nope' },
        'sk: nameRules.0 ("n"): there is no rule "nope"',
      ],
    ] as const;
    for (const [rule, message] of problems.slice(1)) {
      const file = parseCategoryRuleFile({ language: 'sk', nameRules: [rule] }, 'sk.json');
      if (!file.ok) throw new Error(file.error);
      const result = categoriserWith([file.value]);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain(message);
    }
    const file = parseCategoryRuleFile({ language: 'sk', nameRules: [problems[0][0]] }, 'sk.json');
    if (!file.ok) throw new Error(file.error);
    expect(categoriserWith([file.value])).toEqual({ ok: false, error: problems[0][1] });
  });
});
