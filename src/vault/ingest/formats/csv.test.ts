import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import {
  generatedBankCsvHeader,
  generatedBankCsvMapping,
  parseCsvMapping,
  type CsvMapping,
} from './csv-mapping.ts';
import {
  chunkedStream,
  collect,
  counts,
  fixtureBytes,
  fixtureStream,
  generatedStream,
  measureHeap,
} from './test-support.ts';

function mappingFixture(name: string): CsvMapping {
  const parsed = parseCsvMapping(fixtureBytes(`csv/${name}.mapping.json`).toString('utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

const simple = (overrides: Record<string, unknown> = {}): CsvMapping => {
  const parsed = parseCsvMapping({
    account: { value: 'DE89370400440532013000' },
    defaultCurrency: 'EUR',
    amount: { style: 'signed', column: 'amount' },
    columns: { bookingDate: 'date' },
    ...overrides,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describe('CSV: the demo-bank export', () => {
  it('reads generated-bank.csv: 4 transactions, 3 rejects with their lines and columns', async () => {
    const result = await collect(parseCsv, fixtureStream('csv/generated-bank.csv'), {
      mapping: generatedBankCsvMapping,
    });
    expect(counts(result)).toEqual({ transactions: 4, rejects: 3, notices: 0 });
    expect(result.accounts.map((a) => a.value)).toEqual(['DE89370400440532013000', 'GB33BUKB20201555555555']);
    expect(result.transactions[0]).toEqual({
      account: { scheme: 'iban', value: 'DE89370400440532013000' },
      amountMinor: 4250,
      currency: 'EUR',
      direction: 'debit',
      bookingDate: '2024-01-02',
      valueDate: '2024-01-02',
      merchantName: 'REWE Markt',
      mcc: '5411',
      description: 'Card payment REWE',
      bankReference: 'TX-0001',
      location: { line: 2 },
    });
    expect(result.transactions[1]).toMatchObject({
      amountMinor: 250000,
      direction: 'credit',
      counterpartyName: 'Beispiel GmbH',
      counterpartyAccount: 'DE02120300000000202051',
    });
    expect(result.transactions[1]!.merchantName).toBeUndefined();
    expect(result.transactions[2]).toMatchObject({
      merchantName: 'Café "Zur Post", Bonn',
      description: 'Lunch, with a\nline break in the memo',
      location: { line: 4 },
    });
    expect(result.transactions[2]!.valueDate).toBeUndefined();
    expect(result.transactions[3]).toMatchObject({
      account: { value: 'GB33BUKB20201555555555' },
      amountMinor: 1500,
      currency: 'JPY',
      bankReference: 'TX-0007',
      location: { line: 10 },
    });
    expect(result.rejects).toEqual([
      {
        location: { line: 6, column: 2 },
        field: 'bookingDate',
        code: 'date.invalid',
        reason: 'booking date is not a real date in the format YYYY-MM-DD',
        excerpt: '2024-02-30',
      },
      {
        location: { line: 7, column: 4 },
        field: 'amount',
        code: 'amount.invalid',
        reason: 'amount is not a decimal number',
        excerpt: '-12.3.4',
      },
      {
        location: { line: 8, column: 5 },
        field: 'currency',
        code: 'currency.unknown',
        reason: 'currency is not an ISO 4217 code',
        excerpt: 'ABC',
      },
    ]);
  });

  it('gives the same events whatever the chunk size', async () => {
    const bytes = fixtureBytes('csv/generated-bank.csv');
    const whole = await collect(parseCsv, chunkedStream(bytes, bytes.length), {
      mapping: generatedBankCsvMapping,
    });
    for (const size of [1, 2, 3, 7, 64]) {
      const chunked = await collect(parseCsv, chunkedStream(bytes, size), {
        mapping: generatedBankCsvMapping,
      });
      expect(chunked.events).toEqual(whole.events);
    }
  });

  it('knows the exact header of the export', () => {
    expect(generatedBankCsvHeader.split(',')).toEqual([
      generatedBankCsvMapping.account.column,
      generatedBankCsvMapping.columns.bookingDate,
      generatedBankCsvMapping.columns.valueDate,
      generatedBankCsvMapping.amount.style === 'signed' ? generatedBankCsvMapping.amount.column : '',
      generatedBankCsvMapping.currencyColumn,
      generatedBankCsvMapping.columns.merchantName,
      generatedBankCsvMapping.columns.mcc,
      generatedBankCsvMapping.columns.description,
      generatedBankCsvMapping.columns.counterpartyName,
      generatedBankCsvMapping.columns.counterpartyAccount,
      generatedBankCsvMapping.columns.bankReference,
    ]);
  });
});

describe('CSV mapping variants', () => {
  it('reads a Latin-1 export with preamble, decimal commas, grouping and Soll/Haben markers', async () => {
    const result = await collect(parseCsv, fixtureStream('csv/de-latin1-semicolon.csv', 16), {
      mapping: mappingFixture('de-latin1-semicolon'),
    });
    expect(counts(result)).toEqual({ transactions: 3, rejects: 3, notices: 0 });
    expect(result.accounts).toEqual([
      { scheme: 'iban', value: 'DE89370400440532013000', bankId: 'COBADEFFXXX' },
    ]);
    expect(
      result.transactions.map((t) => [t.bookingDate, t.amountMinor, t.direction, t.counterpartyName]),
    ).toEqual([
      ['2024-03-01', 340, 'debit', 'Bäckerei Müller'],
      ['2024-03-04', 234567, 'credit', 'Arbeitgeber AG'],
      ['2024-03-05', 100000, 'debit', 'Stadtwerke'],
    ]);
    expect(result.transactions[1]!.description).toBe('Gehalt März');
    expect(result.rejects.map((r) => [r.location.line, r.location.column, r.code])).toEqual([
      [7, 1, 'date.invalid'],
      [8, 6, 'direction.missing'],
      [9, 6, 'direction.invalid'],
    ]);
  });

  it('reads separate debit and credit columns with grouping, and rejects rows with neither or both', async () => {
    const result = await collect(parseCsv, fixtureStream('csv/us-debit-credit.csv'), {
      mapping: mappingFixture('us-debit-credit'),
    });
    expect(counts(result)).toEqual({ transactions: 3, rejects: 3, notices: 0 });
    expect(
      result.transactions.map((t) => [t.account.value, t.bookingDate, t.amountMinor, t.direction, t.mcc]),
    ).toEqual([
      ['123456789', '2024-01-15', 123456, 'debit', '5814'],
      ['123456789', '2024-01-16', 300000, 'credit', undefined],
      ['987654321', '2024-01-19', 4000, 'debit', '5541'],
    ]);
    expect(result.transactions[0]!.account).toEqual({
      scheme: 'bban',
      value: '123456789',
      bankId: '021000021',
    });
    expect(result.rejects.map((r) => [r.location.line, r.code])).toEqual([
      [4, 'amount.missing'],
      [5, 'date.invalid'],
      [6, 'amount.ambiguous'],
    ]);
  });

  it('reads a UTF-16LE file without header, by column index, with charges as positive amounts', async () => {
    const result = await collect(parseCsv, fixtureStream('csv/card-utf16-tab-noheader.csv', 5), {
      mapping: mappingFixture('card-utf16-tab-noheader'),
    });
    expect(counts(result)).toEqual({ transactions: 3, rejects: 1, notices: 0 });
    expect(
      result.transactions.map((t) => [
        t.amountMinor,
        t.currency,
        t.direction,
        t.merchantName,
        t.bankReference,
      ]),
    ).toEqual([
      [1999, 'USD', 'debit', 'NETFLIX.COM', 'REF-A'],
      [500, 'USD', 'credit', 'REFUND SHOP', 'REF-B'],
      [750, 'EUR', 'debit', 'PARIS CAFÉ', 'REF-D'],
    ]);
    expect(result.rejects[0]).toMatchObject({ location: { line: 3, column: 2 }, code: 'date.invalid' });
  });

  it('keeps good rows around bad dates and amounts', async () => {
    const text =
      'date,amount,text\n2024-01-01,1.00,ok\nyesterday,2.00,bad date\n2024-01-02,two,bad amount\n2024-01-03,,empty\n2024-01-04,-4.00,ok\n';
    const mapping = simple({ columns: { bookingDate: 'date', description: 'text' } });
    const result = await collect(parseCsv, chunkedStream(text, 8), { mapping });
    expect(result.transactions.map((t) => [t.location.line, t.amountMinor, t.direction])).toEqual([
      [2, 100, 'credit'],
      [6, 400, 'debit'],
    ]);
    expect(result.rejects.map((r) => [r.location.line, r.location.column, r.field, r.code])).toEqual([
      [3, 1, 'bookingDate', 'date.invalid'],
      [4, 2, 'amount', 'amount.invalid'],
      [5, 2, 'amount', 'amount.missing'],
    ]);
    for (const reject of result.rejects) expect(reject.reason).not.toMatch(/yesterday|two/);
  });

  it('inverts the sign when negative amounts are credits', async () => {
    const mapping = simple({ amount: { style: 'signed', column: 'amount', negativeIs: 'credit' } });
    const result = await collect(parseCsv, chunkedStream('date,amount\n2024-01-01,-5\n2024-01-01,5\n', 4), {
      mapping,
    });
    expect(result.transactions.map((t) => t.direction)).toEqual(['credit', 'debit']);
  });

  it('reports short rows, a missing currency and an invalid MCC', async () => {
    const mapping = simple({
      defaultCurrency: undefined,
      currencyColumn: 'ccy',
      columns: { bookingDate: 'date', mcc: 'mcc' },
    });
    const text =
      'date,amount,ccy,mcc\n2024-01-01,1\n2024-01-01,1,,\n2024-01-01,1,EUR,54x1\n2024-01-01,1,eur,742\n';
    const result = await collect(parseCsv, chunkedStream(text, 64), { mapping });
    expect(result.rejects.map((r) => [r.location.line, r.code])).toEqual([
      [2, 'row.columns'],
      [3, 'currency.missing'],
      [4, 'mcc.invalid'],
    ]);
    expect(result.transactions).toHaveLength(1);
    expect(result.transactions[0]).toMatchObject({ currency: 'EUR', mcc: '0742', location: { line: 5 } });
  });

  it('uses the default currency of the parse options', async () => {
    const mapping = simple({ defaultCurrency: undefined });
    const result = await collect(parseCsv, chunkedStream('date,amount\n2024-01-01,1\n', 64), {
      mapping,
      defaultCurrency: 'CHF',
    });
    expect(result.transactions[0]!.currency).toBe('CHF');
  });

  it('matches header names case-insensitively and ignores surrounding blanks', async () => {
    const result = await collect(
      parseCsv,
      chunkedStream(' Date , AMOUNT ,Text\n2024-01-01, 1.50 , hi \n', 64),
      {
        mapping: simple({ columns: { bookingDate: 'date', description: 'text' } }),
      },
    );
    expect(result.transactions[0]).toMatchObject({ amountMinor: 150, description: 'hi' });
  });

  it('drops a UTF-8 byte-order mark before the header, and decodes windows-1252', async () => {
    const bom = await collect(parseCsv, chunkedStream('\ufeffdate,amount\n2024-01-01,1\n', 2), {
      mapping: simple(),
    });
    expect(bom.transactions).toHaveLength(1);
    const mapping = simple({
      encoding: 'windows-1252',
      columns: { bookingDate: 'date', description: 'text' },
    });
    const bytes = Buffer.from([
      ...Buffer.from('date,amount,text\n2024-01-01,1,'),
      0x80,
      0x20,
      0x93,
      0x71,
      0x94,
      0x0a,
    ]);
    const cp1252 = await collect(parseCsv, chunkedStream(bytes, 3), { mapping });
    expect(cp1252.transactions[0]!.description).toBe('€ “q”');
  });

  it('gives a notice naming the mapping field when the header lacks a column', async () => {
    const result = await collect(parseCsv, chunkedStream('datum,betrag\n2024-01-01,1\n', 64), {
      mapping: simple(),
    });
    expect(counts(result)).toEqual({ transactions: 0, rejects: 0, notices: 1 });
    expect(result.notices[0]).toEqual({
      kind: 'invalid-file',
      message: 'the CSV header has no column "amount" (mapping field amount.column)',
      location: { line: 1 },
    });
  });

  it('gives notices for a missing mapping, an empty file and a header without rows', async () => {
    expect((await collect(parseCsv, chunkedStream('a,b\n', 4))).notices[0]?.kind).toBe('invalid-file');
    expect((await collect(parseCsv, chunkedStream('', 4), { mapping: simple() })).notices).toEqual([
      { kind: 'empty-statement', message: 'the CSV file is empty' },
    ]);
    expect(
      (await collect(parseCsv, chunkedStream('date,amount\n\n', 4), { mapping: simple() })).notices,
    ).toEqual([{ kind: 'empty-statement', message: 'the CSV file holds no data rows' }]);
  });

  it('reports an unclosed quote with its line and keeps the rows before it', async () => {
    const result = await collect(
      parseCsv,
      chunkedStream('date,amount,text\n2024-01-01,1,ok\n2024-01-02,2,"open\n', 5),
      {
        mapping: simple(),
      },
    );
    expect(result.transactions).toHaveLength(1);
    expect(result.rejects).toEqual([
      {
        location: { line: 3 },
        field: 'row',
        code: 'quote.unclosed',
        reason: 'a quoted field is never closed',
      },
    ]);
  });
});

describe('CSV streaming', () => {
  it('parses 200,000 generated rows with bounded heap growth', async () => {
    const rows = 200_000;
    const { stream, bytes } = generatedStream(function* () {
      yield `${generatedBankCsvHeader}\n`;
      for (let i = 0; i < rows; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        yield `DE89370400440532${String(i % 997).padStart(6, '0')},2024-03-${day},2024-03-${day},-${i % 500}.${String(i % 100).padStart(2, '0')},EUR,"Merchant ${i % 300}, Berlin",5411,Card payment number ${i},,,REF-${i}\n`;
      }
    });
    const report = await measureHeap(parseCsv, stream, { mapping: generatedBankCsvMapping });
    expect(report.events).toBe(rows * 2); // each row changes account here: an account event per row
    expect(bytes()).toBeGreaterThan(20_000_000);
    expect(report.peakRetained).toBeLessThan(bytes() / 5);
  });
});

describe('CSV: a foreign export (semicolons, two-digit years, the bank’s own codes)', () => {
  const berka = parseCsvMapping({
    delimiter: ';',
    decimalSeparator: ',',
    groupSeparators: ' ',
    dateFormat: 'YYMMDD',
    account: { column: 'account_id', scheme: 'bban' },
    defaultCurrency: 'CZK',
    amount: {
      style: 'direction-column',
      column: 'amount',
      directionColumn: 'type',
      debitMarkers: ['VYDAJ', 'VYBER'],
      creditMarkers: ['PRIJEM'],
    },
    columns: {
      bookingDate: 'date',
      description: 'operation',
      bankReference: 'trans_id',
      category: 'k_symbol',
    },
    categoryCodes: { SIPO: 'utilities', POJISTNE: 'insurance', UROK: 'interest', DUCHOD: 'pension_income' },
  });

  const file = [
    '"trans_id";"account_id";"date";"type";"operation";"amount";"k_symbol"',
    '"695247";"2378";"930101";"PRIJEM";"VKLAD";"700,0";""',
    '"171812";"576";"930101";"VYDAJ";"PREVOD NA UCET";"1 234,5";"SIPO"',
    '"207264";"704";"930102";"PRIJEM";"";"19,2";"uroK"',
    '"1117247";"3818";"930102";"VYBER";"VYBER";"2 100,0";"NEZNAMY"',
    '"579373";"1972";"930231";"PRIJEM";"VKLAD";"400,0";""',
    '"1049880";"3401";"930103";"PREVOD";"";"200,0";""',
  ].join('\n');

  it('reads it, translating the codes and quarantining bad rows with line, column and field', async () => {
    if (!berka.ok) throw new Error(berka.error);
    const result = await collect(parseCsv, chunkedStream(file, 17), { mapping: berka.value });
    expect(counts(result)).toEqual({ transactions: 4, rejects: 2, notices: 0 });
    expect(result.transactions.map((t) => [t.bookingDate, t.direction, t.amountMinor, t.category])).toEqual([
      ['1993-01-01', 'credit', 70000, undefined],
      ['1993-01-01', 'debit', 123450, 'utilities'],
      ['1993-01-02', 'credit', 1920, 'interest'],
      ['1993-01-02', 'debit', 210000, undefined],
    ]);
    expect(result.transactions[0]).toMatchObject({
      account: { scheme: 'bban', value: '2378' },
      currency: 'CZK',
    });
    expect(result.rejects).toEqual([
      {
        location: { line: 6, column: 3 },
        field: 'bookingDate',
        code: 'date.invalid',
        reason: 'booking date is not a real date in the format YYMMDD',
        excerpt: '930231',
      },
      {
        location: { line: 7, column: 4 },
        field: 'direction',
        code: 'direction.invalid',
        reason: 'debit/credit marker is not one of the mapped markers',
        excerpt: 'PREVOD',
      },
    ]);
  });

  it('reads amounts in minor units, with or without group separators', async () => {
    const mapping = simple({ amountUnits: 'minor', groupSeparators: "'" });
    const text = "date,amount\n2024-01-02,-1234\n2024-01-03,1'000'000\n2024-01-04,12.5\n";
    const result = await collect(parseCsv, chunkedStream(text, 64), { mapping });
    expect(result.transactions.map((t) => [t.direction, t.amountMinor])).toEqual([
      ['debit', 1234],
      ['credit', 1_000_000],
    ]);
    expect(result.rejects).toEqual([
      {
        location: { line: 4, column: 2 },
        field: 'amount',
        code: 'amount.invalid',
        reason: 'amount in minor units is not a whole number',
        excerpt: '12.5',
      },
    ]);
  });

  it('reads month names in the mapping’s language', async () => {
    const mapping = simple({
      delimiter: ';',
      dateFormat: 'D. MMM YYYY',
      monthLanguage: 'de',
      decimalSeparator: ',',
    });
    const text = 'date;amount\n3. März 2024;-12,50\n1. Dezember 2023;5\n';
    const result = await collect(parseCsv, chunkedStream(text, 64), { mapping });
    expect(result.rejects).toEqual([]);
    expect(result.transactions.map((t) => [t.bookingDate, t.amountMinor])).toEqual([
      ['2024-03-03', 1250],
      ['2023-12-01', 500],
    ]);
  });
});
