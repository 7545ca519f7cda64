// Taxonomy: MCC table, name and purpose rules, precedence, fallbacks and the category counter.
import { describe, expect, it } from 'vitest';
import { listedMccCodes } from './mcc-codes.ts';
import { uncategorisedMccs } from './category-rules.ts';
import { categorize, categoryForMcc } from './categorize.ts';
import {
  categories,
  CategoryCounter,
  isCategoryCode,
  mccDescription,
  taxonomyVersion,
  type CategoryCode,
} from './taxonomy.ts';

describe('categories', () => {
  it('has a version and unique codes, including every required one', () => {
    expect(taxonomyVersion).toMatch(/^\d{4}-\d{2}\.\d+$/);
    const codes = categories.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    const required = [
      'groceries',
      'dining',
      'travel',
      'fuel',
      'transport',
      'utilities',
      'telecom',
      'rent',
      'mortgage_payment',
      'home_services',
      'home_inspection',
      'home_improvement',
      'insurance',
      'childcare',
      'baby',
      'education',
      'healthcare',
      'pharmacy',
      'fitness',
      'entertainment',
      'subscriptions',
      'shopping',
      'clothing',
      'electronics',
      'car_purchase',
      'car_services',
      'government_fees',
      'charity',
      'salary',
      'pension_income',
      'benefits',
      'transfers',
      'savings_transfer',
      'loan_repayment',
      'cash',
      'fees',
      'interest',
      'tax',
      'uncategorised',
    ];
    for (const code of required) expect(isCategoryCode(code), code).toBe(true);
    expect(isCategoryCode('nonsense')).toBe(false);
  });
});

describe('MCC table', () => {
  it.each([
    ['5411', 'groceries'],
    ['5499', 'groceries'],
    ['5812', 'dining'],
    ['5814', 'dining'],
    ['5541', 'fuel'],
    ['5542', 'fuel'],
    ['4900', 'utilities'],
    ['4814', 'telecom'],
    ['6011', 'cash'],
    ['6010', 'cash'],
    ['3000', 'travel'],
    ['3150', 'travel'],
    ['3299', 'travel'],
    ['3357', 'travel'],
    ['3501', 'travel'],
    ['4511', 'travel'],
    ['7011', 'travel'],
    ['8011', 'healthcare'],
    ['8021', 'healthcare'],
    ['5912', 'pharmacy'],
    ['8351', 'childcare'],
    ['5641', 'baby'],
    ['8211', 'education'],
    ['8220', 'education'],
    ['6300', 'insurance'],
    ['6513', 'rent'],
    ['1520', 'home_improvement'],
    ['5200', 'home_improvement'],
    ['4214', 'home_services'],
    ['7399', 'professional_services'],
    ['8999', 'professional_services'],
    ['4111', 'transport'],
    ['7523', 'transport'],
    ['5511', 'car_purchase'],
    ['7538', 'car_services'],
    ['7997', 'fitness'],
    ['7832', 'entertainment'],
    ['5968', 'subscriptions'],
    ['7995', 'gambling'],
    ['5311', 'shopping'],
    ['5651', 'clothing'],
    ['5732', 'electronics'],
    ['7230', 'personal_care'],
    ['0742', 'pets'],
    ['9311', 'tax'],
    ['9399', 'government_fees'],
    ['8398', 'charity'],
    ['8699', 'memberships'],
    ['4829', 'transfers'],
    ['6211', 'savings_transfer'],
  ] as const)('%s → %s', (mcc, category) => {
    expect(categoryForMcc(mcc)).toBe(category);
    expect(categorize({ direction: 'debit', mcc })).toBe(category);
  });

  it('maps every listed code, except a short explicit list of network-internal codes', () => {
    expect(listedMccCodes).toHaveLength(981);
    const unmapped = listedMccCodes
      .filter((c) => categoryForMcc(c.mcc) === 'uncategorised')
      .map((c) => c.mcc);
    expect(unmapped).toEqual([...uncategorisedMccs]);
    expect(unmapped).toHaveLength(4);
  });

  it('tolerates a lost leading zero and rejects what is not an MCC', () => {
    expect(categoryForMcc('742')).toBe('pets');
    expect(categoryForMcc('54a1')).toBe('uncategorised');
    expect(categoryForMcc('54110')).toBe('uncategorised');
    expect(categoryForMcc('')).toBe('uncategorised');
  });

  it('describes codes, including unlisted brand codes by their range', () => {
    expect(mccDescription('5411')).toBe('Grocery Stores, Supermarkets');
    expect(mccDescription('3005')).toBe('BRITISH AIRWAYS');
    expect(mccDescription('3450')).toBe('Car Rental');
    expect(mccDescription('5552')).toBe('Electric Vehicle Charging');
    expect(mccDescription('0001')).toBeUndefined();
    expect(mccDescription('x')).toBeUndefined();
  });
});

describe('name rules', () => {
  it.each([
    ['Keystone Home Inspections', '7399'],
    ['ABC HOME INSPECTION LLC', '8999'],
    ['Sure Survey Property Inspection Ltd', '8999'],
    ['Brickwise Building Surveyors', '8999'],
    ['ClearView Property Surveys', '1520'],
    ['HomeCheck Inspection Services', '7399'],
    ['Bausachverständiger Müller', '8999'],
  ])('%s (MCC %s) is a home inspection, which has no MCC of its own', (merchantName, mcc) => {
    expect(categorize({ direction: 'debit', merchantName, mcc })).toBe('home_inspection');
  });

  it.each([
    ['NETFLIX.COM', '4899', 'subscriptions'],
    ['Spotify P1A2B3', '5815', 'subscriptions'],
    ['Disney Plus', '4899', 'subscriptions'],
    ['DISNEY+ 12345', undefined, 'subscriptions'],
    ['Amazon Prime*AB12', '5968', 'subscriptions'],
    ['AMAZON MKTPLACE PMTS', undefined, 'shopping'],
    ['Uber Eats', '4121', 'dining'],
    ['UBER *TRIP', undefined, 'transport'],
    ['Tesco Petrol', '5411', 'fuel'],
    ['Tesco', '5411', 'groceries'],
    ['REWE Markt 1234', undefined, 'groceries'],
    ['Tierklinik Hofheim', '8011', 'pets'],
    ['Apotheke am Markt', undefined, 'pharmacy'],
    ['Stadtwerke München', undefined, 'utilities'],
    ['Finanzamt Köln-Mitte', undefined, 'tax'],
    ['HERTZ RENT-A-CAR', undefined, 'travel'],
  ] as const)('%s (MCC %s) → %s', (merchantName, mcc, category) => {
    expect(categorize({ direction: 'debit', merchantName, mcc })).toBe(category);
  });
});

describe('description and payee rules', () => {
  it.each([
    ['credit', 'Gehalt 11/2026', 'ACME GmbH', 'salary'],
    ['credit', 'LOHN/GEHALT 11/26', undefined, 'salary'],
    ['credit', 'SALARY ACME', 'Acme Ltd', 'salary'],
    ['credit', 'Payroll November', undefined, 'salary'],
    ['credit', 'Ruhegehalt 11/2026', undefined, 'pension_income'],
    ['credit', 'STATE PENSION', 'DWP State Pension', 'pension_income'],
    ['credit', 'KG 123456789', 'Familienkasse', 'benefits'],
    ['credit', 'CHILD BENEFIT', undefined, 'benefits'],
    ['credit', 'Lohnsteuer-Erstattung 2025', 'Finanzamt Köln', 'tax'],
    ['debit', 'Miete Dezember', 'Max Mustermann', 'rent'],
    ['debit', 'STANDING ORDER RENT', 'Lettings Ltd', 'rent'],
    ['debit', 'MORTGAGE REPAYMENT', undefined, 'mortgage_payment'],
    ['debit', 'LOAN REPAYMENT', undefined, 'loan_repayment'],
    ['debit', 'CREDIT CARD REPAYMENT', undefined, 'transfers'],
    ['debit', 'TRANSFER TO SAVINGS', undefined, 'savings_transfer'],
    ['debit', 'Transfer to J. Smith ref 88213', undefined, 'transfers'],
    ['credit', 'INTEREST PAID', undefined, 'interest'],
    ['debit', 'UNARRANGED OVERDRAFT FEE', undefined, 'fees'],
    ['debit', 'HOME INSURANCE PREMIUM', undefined, 'insurance'],
    ['debit', 'Spende Weihnachten', 'Tafel e.V.', 'charity'],
    ['debit', 'Rechnung 11/2026', 'Vodafone GmbH', 'telecom'],
    ['debit', 'Ihr Einkauf bei Spotify', 'PayPal Europe', 'subscriptions'],
  ] as const)('%s "%s" from/to %s → %s', (direction, description, counterpartyName, category) => {
    expect(categorize({ direction, description, counterpartyName })).toBe(category);
  });

  it('respects direction: salary words on a debit are not salary', () => {
    expect(
      categorize({ direction: 'debit', description: 'Gehalt Vorschuss zurück', counterpartyName: 'ACME' }),
    ).toBe('transfers');
  });

  it('applies rent only to payments without an MCC, and never to merchant names', () => {
    expect(categorize({ direction: 'debit', description: 'rent', counterpartyName: 'J. Doe' })).toBe('rent');
    expect(categorize({ direction: 'debit', mcc: '9700', description: 'rent' })).toBe('uncategorised');
    expect(categorize({ direction: 'debit', merchantName: 'Rent Corp' })).toBe('uncategorised');
    expect(categorize({ direction: 'debit', description: 'rent a car', counterpartyName: 'X' })).toBe(
      'transfers',
    );
  });
});

describe('precedence', () => {
  it('merchant name rules beat the MCC', () => {
    expect(categorize({ direction: 'debit', merchantName: 'Keystone Home Inspections', mcc: '7399' })).toBe(
      'home_inspection',
    );
  });

  it('the MCC beats the description', () => {
    expect(
      categorize({ direction: 'debit', merchantName: 'Unknown Ltd', mcc: '5411', description: 'Miete' }),
    ).toBe('groceries');
  });

  it('an MCC that carries no signal falls through to the description', () => {
    expect(categorize({ direction: 'debit', mcc: '9950', description: 'Kontoführungsgebühr' })).toBe('fees');
  });

  it('the description beats the payee name', () => {
    expect(
      categorize({ direction: 'credit', description: 'Gehalt 11/2026', counterpartyName: 'REWE Markt GmbH' }),
    ).toBe('salary');
  });

  it('falls back to transfers for money moving without a merchant, else uncategorised', () => {
    expect(categorize({ direction: 'credit', counterpartyName: 'Jane Doe' })).toBe('transfers');
    expect(categorize({ direction: 'credit' })).toBe('transfers');
    expect(categorize({ direction: 'debit', counterpartyName: 'Jane Doe', description: 'BOARD' })).toBe(
      'transfers',
    );
    expect(categorize({ direction: 'debit', description: 'HOUSE PURCHASE DEPOSIT' })).toBe('transfers');
    expect(categorize({ direction: 'debit', merchantName: 'Unknown Corp' })).toBe('uncategorised');
    expect(categorize({ direction: 'credit', merchantName: 'Unknown Corp', description: 'REFUND' })).toBe(
      'uncategorised',
    );
    expect(categorize({ direction: 'debit' })).toBe('uncategorised');
  });

  it('treats empty strings and explicit undefined as absent', () => {
    expect(categorize({ direction: 'debit', merchantName: '', mcc: '', description: '' })).toBe(
      'uncategorised',
    );
    expect(categorize({ direction: 'debit', merchantName: undefined, mcc: '5411' })).toBe('groceries');
  });

  it('gives the same answer from the cache as the first time', () => {
    const input = { direction: 'debit', merchantName: 'REWE Markt 1234', mcc: '5411' } as const;
    const first = categorize(input);
    for (let i = 0; i < 3; i++) expect(categorize(input)).toBe(first);
  });
});

describe('CategoryCounter', () => {
  it('counts per category, uncategorised included, and merges', () => {
    const counter = new CategoryCounter();
    const seen: CategoryCode[] = ['groceries', 'groceries', 'uncategorised', 'salary'];
    for (const code of seen) counter.add(code);
    expect(counter.count('groceries')).toBe(2);
    expect(counter.uncategorised).toBe(1);
    expect(counter.total).toBe(4);
    const other = new CategoryCounter();
    other.add('uncategorised', 3);
    counter.merge(other);
    expect(counter.uncategorised).toBe(4);
    expect(counter.nonZero()).toEqual([
      ['uncategorised', 4],
      ['groceries', 2],
      ['salary', 1],
    ]);
    const record = counter.toRecord();
    expect(Object.keys(record)).toHaveLength(categories.length);
    expect(record.fuel).toBe(0);
  });
});
