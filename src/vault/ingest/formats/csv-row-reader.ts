// One CSV row to a transaction or a reject, following the column mapping; the hot loop of CSV ingest.
import type { DecimalOptions } from '../../../core/money.ts';
import type { AccountIdentifier, StatementEvent, StatementTransaction } from '../../../core/transaction.ts';
import { fastMinorUnits, isNegative, lookupCurrency, parseAmount, type Currency } from './amounts.ts';
import type { CategoryCode } from '../../../core/taxonomy.ts';
import { categoryCodeLookup, type CsvMapping } from './csv-mapping.ts';
import { readerForFormat, type DateReader } from './dates.ts';
import {
  accountEvent,
  excerptOf,
  looksLikeIban,
  normaliseAccountNumber,
  readMcc,
  rejectEvent,
  transactionEvent,
  type Mutable,
} from './events.ts';

/** Column positions once the header is read, keyed by mapping path ("amount.column"). */
export type ColumnIndexes = Readonly<Record<string, number>>;

interface Column {
  readonly index: number;
  /** The transaction field it feeds, used as the reject's field name. */
  readonly field: string;
}

/** Why a row is rejected; only built on failure, so good rows allocate nothing for it. */
class Problem {
  constructor(
    readonly column: Column | undefined,
    readonly code: string,
    readonly reason: string,
    readonly excerpt?: string,
  ) {}
}

interface SignedAmount {
  readonly minor: number;
  readonly direction: 'debit' | 'credit';
}

/** A trimmed cell; trimming only when the cell starts or ends with white space keeps the common case cheap. */
export function cell(fields: readonly string[], index: number): string {
  const text = fields[index];
  if (text === undefined || text.length === 0) return '';
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 32 || last <= 32 || first === 160 || last === 160 ? text.trim() : text;
}

function optionalCell(fields: readonly string[], column: Column | undefined): string | undefined {
  if (column === undefined) return undefined;
  const text = cell(fields, column.index);
  return text === '' ? undefined : text;
}

function accountIdentifier(
  text: string,
  scheme: 'iban' | 'bban' | 'auto',
  bankId?: string,
): AccountIdentifier {
  const value = normaliseAccountNumber(text);
  const resolved = scheme === 'auto' ? (looksLikeIban(value) ? 'iban' : 'bban') : scheme;
  return bankId === undefined ? { scheme: resolved, value } : { scheme: resolved, value, bankId };
}

/**
 * Converts split rows into events. Remembers the last account, currency and date it read: exports
 * come sorted by account and date, so most rows repeat them.
 */
export class CsvRowReader {
  readonly #mapping: CsvMapping;
  readonly #readDate: DateReader;
  readonly #decimal: DecimalOptions;
  readonly #decimalCode: number;
  readonly #plainAmounts: boolean;
  /** 0 for amounts in minor units: "1234" is 1234 cents whatever the currency's exponent. */
  readonly #minorUnits: boolean;
  readonly #categoryCodes: ReadonlyMap<string, CategoryCode>;
  readonly #defaultCurrency: Currency | undefined;
  readonly #fixedAccount: AccountIdentifier | undefined;
  readonly #debitMarkers: ReadonlySet<string>;
  readonly #creditMarkers: ReadonlySet<string>;
  /** Fields a row needs at least: up to the last required column. */
  readonly #needed: number;
  readonly #columns: Readonly<Record<string, Column | undefined>>;
  readonly #bookingDate: Column;
  #lastAccountText: string | undefined;
  #lastAccount: AccountIdentifier | undefined;
  #lastCurrencyText: string | undefined;
  #lastCurrency: Currency | undefined;
  #lastDateText: string | undefined;
  #lastDate: string | undefined;

  constructor(mapping: CsvMapping, indexes: ColumnIndexes, defaultCurrency: Currency | undefined) {
    this.#mapping = mapping;
    this.#readDate = readerForFormat(mapping.dateFormat, {
      twoDigitYearPivot: mapping.twoDigitYearPivot,
      monthLanguage: mapping.monthLanguage,
    });
    this.#minorUnits = mapping.amountUnits === 'minor';
    this.#categoryCodes = categoryCodeLookup(mapping);
    this.#decimal = { decimalSeparator: mapping.decimalSeparator, groupSeparators: mapping.groupSeparators };
    this.#decimalCode = mapping.decimalSeparator.charCodeAt(0);
    this.#plainAmounts = mapping.groupSeparators === '';
    this.#defaultCurrency = defaultCurrency;
    const account = mapping.account;
    if (account.value !== undefined) {
      this.#fixedAccount = accountIdentifier(account.value, account.scheme, account.bankId);
    }
    const amount = mapping.amount;
    const markers = (list: readonly string[]) => new Set(list.map((m) => m.trim().toUpperCase()));
    this.#debitMarkers = markers(amount.style === 'direction-column' ? amount.debitMarkers : []);
    this.#creditMarkers = markers(amount.style === 'direction-column' ? amount.creditMarkers : []);
    const column = (path: string, field: string): Column | undefined => {
      const index = indexes[path];
      return index === undefined ? undefined : { index, field };
    };
    this.#columns = {
      account: column('account.column', 'account'),
      currency: column('currencyColumn', 'currency'),
      amount: column('amount.column', 'amount'),
      debit: column('amount.debitColumn', 'amount'),
      credit: column('amount.creditColumn', 'amount'),
      direction: column('amount.directionColumn', 'direction'),
      valueDate: column('columns.valueDate', 'valueDate'),
      merchantName: column('columns.merchantName', 'merchantName'),
      mcc: column('columns.mcc', 'mcc'),
      description: column('columns.description', 'description'),
      counterpartyName: column('columns.counterpartyName', 'counterpartyName'),
      counterpartyAccount: column('columns.counterpartyAccount', 'counterpartyAccount'),
      bankReference: column('columns.bankReference', 'bankReference'),
      category: column('columns.category', 'category'),
    };
    this.#bookingDate = column('columns.bookingDate', 'bookingDate')!;
    const required = ['account', 'currency', 'amount', 'debit', 'credit', 'direction'];
    const last = Math.max(this.#bookingDate.index, ...required.map((key) => this.#columns[key]?.index ?? 0));
    this.#needed = last + 1;
  }

  /** The account event for a file with one fixed account. */
  fixedAccountEvent(): StatementEvent | undefined {
    return this.#fixedAccount === undefined ? undefined : accountEvent(this.#fixedAccount);
  }

  read(fields: string[], line: number, out: StatementEvent[]): void {
    const result = this.#transaction(fields, line, out);
    if (result instanceof Problem) {
      const column = result.column;
      const location = column === undefined ? { line } : { line, column: column.index + 1 };
      const excerpt = result.excerpt === undefined ? undefined : excerptOf(result.excerpt);
      out.push(rejectEvent(location, column?.field ?? 'row', result.code, result.reason, excerpt));
    } else {
      out.push(transactionEvent(result));
    }
  }

  #transaction(fields: string[], line: number, out: StatementEvent[]): StatementTransaction | Problem {
    if (fields.length < this.#needed) {
      const reason = `row has ${fields.length} fields, the mapping needs at least ${this.#needed}`;
      return new Problem(undefined, 'row.columns', reason, fields.join(this.#mapping.delimiter));
    }
    const account = this.#account(fields, out);
    if (account instanceof Problem) return account;
    const currency = this.#currency(fields);
    if (currency instanceof Problem) return currency;
    const amount = this.#signedAmount(fields, currency);
    if (amount instanceof Problem) return amount;
    const bookingDate = this.#date(fields, this.#bookingDate, 'booking date');
    if (bookingDate instanceof Problem) return bookingDate;
    if (bookingDate === undefined) {
      return new Problem(this.#bookingDate, 'date.missing', 'booking date is empty');
    }
    const transaction: Mutable<StatementTransaction> = {
      account,
      amountMinor: Math.abs(amount.minor),
      currency: currency.code,
      direction: amount.direction,
      bookingDate,
      location: { line },
    };
    const columns = this.#columns;
    if (columns['valueDate'] !== undefined) {
      const valueDate = this.#date(fields, columns['valueDate'], 'value date');
      if (valueDate instanceof Problem) return valueDate;
      if (valueDate !== undefined) transaction.valueDate = valueDate;
    }
    const mccText = optionalCell(fields, columns['mcc']);
    if (mccText !== undefined) {
      const mcc = readMcc(mccText);
      if (mcc === undefined) {
        return new Problem(
          columns['mcc'],
          'mcc.invalid',
          'merchant category code is not 3 or 4 digits',
          mccText,
        );
      }
      transaction.mcc = mcc;
    }
    const merchantName = optionalCell(fields, columns['merchantName']);
    if (merchantName !== undefined) transaction.merchantName = merchantName;
    const description = optionalCell(fields, columns['description']);
    if (description !== undefined) transaction.description = description;
    const counterpartyName = optionalCell(fields, columns['counterpartyName']);
    if (counterpartyName !== undefined) transaction.counterpartyName = counterpartyName;
    const counterpartyAccount = optionalCell(fields, columns['counterpartyAccount']);
    if (counterpartyAccount !== undefined) transaction.counterpartyAccount = counterpartyAccount;
    const bankReference = optionalCell(fields, columns['bankReference']);
    if (bankReference !== undefined) transaction.bankReference = bankReference;
    const categoryCode = optionalCell(fields, columns['category']);
    if (categoryCode !== undefined) {
      const category = this.#categoryCodes.get(categoryCode.toUpperCase());
      if (category !== undefined) transaction.category = category;
    }
    return transaction;
  }

  /** The row's account; a new one is announced with an account event. */
  #account(fields: string[], out: StatementEvent[]): AccountIdentifier | Problem {
    const column = this.#columns['account'];
    if (column === undefined) return this.#fixedAccount!;
    const text = cell(fields, column.index);
    if (text === this.#lastAccountText && this.#lastAccount !== undefined) return this.#lastAccount;
    if (text === '') return new Problem(column, 'account.missing', 'account is empty');
    const account = accountIdentifier(text, this.#mapping.account.scheme, this.#mapping.account.bankId);
    this.#lastAccountText = text;
    this.#lastAccount = account;
    out.push(accountEvent(account));
    return account;
  }

  #currency(fields: string[]): Currency | Problem {
    const column = this.#columns['currency'];
    const text = column === undefined ? '' : cell(fields, column.index);
    if (text === '') {
      if (this.#defaultCurrency !== undefined) return this.#defaultCurrency;
      const reason =
        column === undefined
          ? 'no currency column and no default currency'
          : 'currency is empty and there is no default';
      return new Problem(column, 'currency.missing', reason);
    }
    if (text === this.#lastCurrencyText && this.#lastCurrency !== undefined) return this.#lastCurrency;
    const currency = lookupCurrency(text.toUpperCase());
    if (currency === undefined)
      return new Problem(column, 'currency.unknown', 'currency is not an ISO 4217 code', text);
    this.#lastCurrencyText = text;
    this.#lastCurrency = currency;
    return currency;
  }

  #signedAmount(fields: string[], currency: Currency): SignedAmount | Problem {
    const amount = this.#mapping.amount;
    const columns = this.#columns;
    switch (amount.style) {
      case 'signed': {
        const minor = this.#amount(fields, columns['amount']!, currency);
        if (minor instanceof Problem) return minor;
        if (minor === undefined) return new Problem(columns['amount'], 'amount.missing', 'amount is empty');
        const debit = isNegative(minor) === (amount.negativeIs === 'debit');
        return { minor, direction: debit ? 'debit' : 'credit' };
      }
      case 'debit-credit-columns': {
        const debit = this.#amount(fields, columns['debit']!, currency);
        if (debit instanceof Problem) return debit;
        const credit = this.#amount(fields, columns['credit']!, currency);
        if (credit instanceof Problem) return credit;
        if (debit === undefined && credit === undefined) {
          return new Problem(
            columns['debit'],
            'amount.missing',
            'both the debit and the credit column are empty',
          );
        }
        if (debit !== undefined && credit !== undefined && debit !== 0 && credit !== 0) {
          return new Problem(
            columns['debit'],
            'amount.ambiguous',
            'both the debit and the credit column hold an amount',
          );
        }
        // Some banks write 0.00 in the unused column: the column with the non-zero amount wins.
        if (debit !== undefined && (debit !== 0 || credit === undefined))
          return { minor: debit, direction: 'debit' };
        return { minor: credit ?? 0, direction: 'credit' };
      }
      case 'direction-column': {
        const minor = this.#amount(fields, columns['amount']!, currency);
        if (minor instanceof Problem) return minor;
        if (minor === undefined) return new Problem(columns['amount'], 'amount.missing', 'amount is empty');
        const column = columns['direction']!;
        const marker = cell(fields, column.index).toUpperCase();
        if (marker === '') return new Problem(column, 'direction.missing', 'debit/credit marker is empty');
        if (this.#debitMarkers.has(marker)) return { minor, direction: 'debit' };
        if (this.#creditMarkers.has(marker)) return { minor, direction: 'credit' };
        return new Problem(
          column,
          'direction.invalid',
          'debit/credit marker is not one of the mapped markers',
          marker,
        );
      }
      default:
        return amount satisfies never;
    }
  }

  /** Signed minor units of one cell, undefined when it is empty. */
  #amount(fields: string[], column: Column, currency: Currency): number | undefined | Problem {
    const text = cell(fields, column.index);
    if (text === '') return undefined;
    if (this.#minorUnits) return this.#minorAmount(text, column);
    if (this.#plainAmounts) {
      const fast = fastMinorUnits(text, currency.exponent, this.#decimalCode);
      if (fast !== undefined) return fast;
    }
    const parsed = parseAmount(text, currency, this.#decimal);
    return parsed.ok ? parsed.value : new Problem(column, 'amount.invalid', parsed.error, text);
  }

  /** An amount written in minor units: a whole number, group separators allowed. */
  #minorAmount(text: string, column: Column): number | Problem {
    const plain = this.#plainAmounts
      ? text
      : [...text].filter((c) => !this.#decimal.groupSeparators?.includes(c)).join('');
    const minor = fastMinorUnits(plain, 0, this.#decimalCode);
    if (minor !== undefined && Number.isSafeInteger(minor)) return minor;
    return new Problem(column, 'amount.invalid', 'amount in minor units is not a whole number', text);
  }

  /** A date cell, undefined when empty. Rows usually come in date order, so the last date read is remembered. */
  #date(fields: string[], column: Column, what: string): string | undefined | Problem {
    const text = cell(fields, column.index);
    if (text === '') return undefined;
    if (text !== this.#lastDateText) {
      this.#lastDateText = text;
      this.#lastDate = this.#readDate(text);
    }
    if (this.#lastDate !== undefined) return this.#lastDate;
    const reason = `${what} is not a real date in the format ${this.#mapping.dateFormat}`;
    return new Problem(column, 'date.invalid', reason, text);
  }
}
