// The CSV export: RFC 4180 quoting, signed amounts with the currency's decimals, rows that parse back.
import { describe, expect, it } from 'vitest';
import type { StatementTransaction } from '../../core/transaction.ts';
import { bankCsvHeader, bankCsvRow, bankCsvRows, bankCsvText, csvAmount, csvField } from './csv.ts';
import { generateBank } from './generate-bank.ts';

/** Splits one RFC 4180 line (no embedded line breaks) into fields. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q === -1) throw new Error('unterminated quote');
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      fields.push(value);
    } else {
      const comma = line.indexOf(',', i);
      fields.push(line.slice(i, comma === -1 ? line.length : comma));
      i = comma === -1 ? line.length : comma;
    }
    if (i >= line.length) return fields;
    if (line[i] !== ',') throw new Error(`expected a comma at ${i}`);
    i++;
  }
}

const base: StatementTransaction = {
  account: { scheme: 'iban', value: 'GB82WEST12345698765432' },
  amountMinor: 1205,
  currency: 'GBP',
  direction: 'debit',
  bookingDate: '2026-01-02',
  location: {},
};

describe('csv fields', () => {
  it('quotes only when needed and doubles quotes', () => {
    expect(csvField(undefined)).toBe('');
    expect(csvField('Tesco')).toBe('Tesco');
    expect(csvField("Sainsbury's")).toBe("Sainsbury's");
    expect(csvField('Drinks, thanks!')).toBe('"Drinks, thanks!"');
    expect(csvField('"Secret Santa"')).toBe('"""Secret Santa"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('signs amounts by direction with the currency exponent', () => {
    expect(csvAmount(base)).toBe('-12.05');
    expect(csvAmount({ ...base, amountMinor: 7, direction: 'credit' })).toBe('0.07');
    expect(csvAmount({ ...base, amountMinor: 250000, direction: 'credit' })).toBe('2500.00');
    expect(csvAmount({ ...base, amountMinor: 300, currency: 'JPY' })).toBe('-300');
    expect(csvAmount({ ...base, amountMinor: 12345, currency: 'KWD' })).toBe('-12.345');
  });

  it('writes all eleven columns, empty where absent', () => {
    expect(bankCsvRow(base)).toBe('GB82WEST12345698765432,2026-01-02,,-12.05,GBP,,,,,,');
    expect(bankCsvHeader.split(',')).toHaveLength(11);
  });
});

describe('bank csv rows', () => {
  const customers = [...generateBank({ density: 'thin', customers: 300, seed: 5, end: '2026-11-01' })];

  it('parse back to the same transactions', () => {
    const columns = bankCsvHeader.split(',');
    const mismatches: string[] = [];
    for (const c of customers) {
      const rows = [...bankCsvRows(c)];
      expect(rows).toHaveLength(c.transactions.length);
      rows.forEach((row, k) => {
        const t = c.transactions[k]!;
        const fields = splitCsvLine(row);
        const record = Object.fromEntries(columns.map((name, i) => [name, fields[i]]));
        const signed = Math.round(Number(record.amount) * 100);
        const same =
          fields.length === columns.length &&
          signed === (t.direction === 'debit' ? -t.amountMinor : t.amountMinor) &&
          record.account_iban === t.account.value &&
          record.booking_date === t.bookingDate &&
          record.value_date === t.valueDate &&
          record.currency === t.currency &&
          record.merchant === (t.merchantName ?? '') &&
          record.mcc === (t.mcc ?? '') &&
          record.description === (t.description ?? '') &&
          record.counterparty_name === (t.counterpartyName ?? '') &&
          record.counterparty_iban === (t.counterpartyAccount ?? '') &&
          record.reference === t.bankReference;
        if (!same) mismatches.push(row);
      });
      expect(bankCsvText(c)).toBe(rows.map((r) => `${r}\n`).join(''));
    }
    expect(mismatches).toEqual([]);
  });

  it('exercises quoting', () => {
    const quoted = customers.flatMap((c) => [...bankCsvRows(c)]).filter((row) => row.includes('"'));
    expect(quoted.length).toBeGreaterThan(0);
  });
});
