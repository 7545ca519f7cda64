import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvMappingSchema, generatedBankCsvMapping, parseCsvMapping } from './csv-mapping.ts';
import { fixturePath } from './test-support.ts';

const minimal = {
  account: { column: 'IBAN' },
  amount: { style: 'signed', column: 'Amount' },
  columns: { bookingDate: 'Date' },
};

describe('parseCsvMapping', () => {
  it('fills in the defaults', () => {
    const parsed = parseCsvMapping(minimal);
    expect(parsed).toEqual({
      ok: true,
      value: {
        delimiter: ',',
        quote: '"',
        header: true,
        skipLines: 0,
        encoding: 'utf-8',
        decimalSeparator: '.',
        groupSeparators: '',
        dateFormat: 'YYYY-MM-DD',
        twoDigitYearPivot: 69,
        monthLanguage: 'en',
        amountUnits: 'major',
        account: { column: 'IBAN', scheme: 'auto' },
        amount: { style: 'signed', column: 'Amount', negativeIs: 'debit' },
        columns: { bookingDate: 'Date' },
      },
    });
  });

  it('accepts JSON text', () => {
    expect(parseCsvMapping(JSON.stringify(minimal)).ok).toBe(true);
    expect(parseCsvMapping('{ not json')).toEqual({ ok: false, error: 'mapping is not valid JSON' });
  });

  it('names the field of each problem', () => {
    const result = parseCsvMapping({
      ...minimal,
      delimiter: ';;',
      amount: { style: 'signed', column: -1 },
      columns: { valueDate: 'Valuta' },
      extra: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain('delimiter:');
    expect(result.error).toContain('amount.column:');
    expect(result.error).toContain('columns.bookingDate:');
    expect(result.error).toContain('Unrecognized key: "extra"');
  });

  it('refuses an unknown amount style and an account given twice or not at all', () => {
    const style = parseCsvMapping({ ...minimal, amount: { style: 'guess', column: 'A' } });
    expect(style.ok === false && style.error.includes('amount.style')).toBe(true);
    const twice = parseCsvMapping({ ...minimal, account: { column: 'A', value: 'DE89370400440532013000' } });
    expect(
      twice.ok === false && twice.error.includes('account: give exactly one of "column" and "value"'),
    ).toBe(true);
    const none = parseCsvMapping({ ...minimal, account: {} });
    expect(none.ok).toBe(false);
  });

  it('refuses column names without a header row', () => {
    const result = parseCsvMapping({ ...minimal, header: false, columns: { bookingDate: 0 } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('account.column: column names need a header row');
      expect(result.error).toContain('amount.column: column names need a header row');
      expect(result.error).not.toContain('columns.bookingDate');
    }
  });

  it('checks currencies, separators and markers', () => {
    const currency = parseCsvMapping({ ...minimal, defaultCurrency: 'EURO' });
    expect(
      currency.ok === false && currency.error.includes('defaultCurrency: expected an ISO 4217 currency code'),
    ).toBe(true);
    const groups = parseCsvMapping({ ...minimal, decimalSeparator: ',', groupSeparators: '.,' });
    expect(groups.ok === false && groups.error.includes('groupSeparators:')).toBe(true);
    const markers = parseCsvMapping({
      ...minimal,
      amount: {
        style: 'direction-column',
        column: 'A',
        directionColumn: 'D',
        debitMarkers: [],
        creditMarkers: ['C'],
      },
    });
    expect(markers.ok === false && markers.error.includes('amount.debitMarkers')).toBe(true);
  });

  it('describes the demo-bank export, which is a valid mapping', () => {
    expect(csvMappingSchema.parse(generatedBankCsvMapping)).toEqual(generatedBankCsvMapping);
    const fromFile = parseCsvMapping(readFileSync(fixturePath('csv/generated-bank.mapping.json'), 'utf8'));
    expect(fromFile).toEqual({ ok: true, value: generatedBankCsvMapping });
  });

  it('reads every mapping fixture', () => {
    for (const name of ['de-latin1-semicolon', 'us-debit-credit', 'card-utf16-tab-noheader']) {
      const parsed = parseCsvMapping(readFileSync(fixturePath(`csv/${name}.mapping.json`), 'utf8'));
      expect(parsed.ok, name).toBe(true);
    }
  });
});

describe('parseCsvMapping: what real exports need', () => {
  it('accepts date patterns with two-digit years and month names, and refuses patterns it cannot read', () => {
    for (const dateFormat of ['YYMMDD', 'D.M.YY', 'DD MMM YYYY', 'DD-MMM-YY', 'MMMM D, YYYY']) {
      expect(parseCsvMapping({ ...minimal, dateFormat }).ok).toBe(true);
    }
    expect(parseCsvMapping({ ...minimal, dateFormat: 'YYYY-MM' })).toEqual({
      ok: false,
      error:
        'invalid CSV mapping: dateFormat: a date pattern needs exactly one year (YYYY or YY), one month (MM, M or MMM) and one day (DD or D)',
    });
    expect(parseCsvMapping({ ...minimal, dateFormat: 'DD.MM.YYYY hh:mm' }).ok).toBe(false);
    expect(parseCsvMapping({ ...minimal, twoDigitYearPivot: 101 }).ok).toBe(false);
  });

  it('checks the category code table against the taxonomy and wants it with its column', () => {
    const withCodes = {
      ...minimal,
      columns: { ...minimal.columns, category: 'k_symbol' },
      categoryCodes: { SIPO: 'utilities', POJISTNE: 'insurance' },
    };
    expect(parseCsvMapping(withCodes).ok).toBe(true);
    expect(parseCsvMapping({ ...withCodes, categoryCodes: { SIPO: 'household' } })).toEqual({
      ok: false,
      error:
        'invalid CSV mapping: categoryCodes.SIPO: expected a category of the taxonomy (docs/categories.md)',
    });
    expect(parseCsvMapping({ ...minimal, categoryCodes: { SIPO: 'utilities' } })).toEqual({
      ok: false,
      error:
        'invalid CSV mapping: categoryCodes: a category column and a "categoryCodes" table go together: give both or neither',
    });
  });

  it('refuses an unknown month language and amount unit', () => {
    expect(parseCsvMapping({ ...minimal, monthLanguage: 'not a language' }).ok).toBe(false);
    expect(parseCsvMapping({ ...minimal, amountUnits: 'cents' }).ok).toBe(false);
  });
});
