// The bank's CSV export of a customer's transactions: the format of the 20-million-row benchmark file.
import { currencyExponent, formatMinorUnits } from '../../core/money.ts';
import type { StatementTransaction } from '../../core/transaction.ts';
import type { GeneratedCustomer } from './types.ts';

export const bankCsvHeader =
  'account_iban,booking_date,value_date,amount,currency,merchant,mcc,description,counterparty_name,counterparty_iban,reference';

/** RFC 4180: quoted only when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string | undefined): string {
  if (value === undefined) return '';
  if (
    value.indexOf(',') === -1 &&
    value.indexOf('"') === -1 &&
    value.indexOf('\n') === -1 &&
    value.indexOf('\r') === -1
  ) {
    return value;
  }
  return `"${value.replaceAll('"', '""')}"`;
}

const twoDigits: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const exponents = new Map<string, number>();

/** Signed decimal with '.' and the currency's exponent: "-12.50", "2500.00", "-300" for JPY. */
export function csvAmount(transaction: StatementTransaction): string {
  const { amountMinor, currency } = transaction;
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent = currencyExponent(currency) ?? 2;
    exponents.set(currency, exponent);
  }
  const sign = transaction.direction === 'debit' ? '-' : '';
  if (exponent === 2) return `${sign}${Math.floor(amountMinor / 100)}.${twoDigits[amountMinor % 100]!}`;
  return sign + formatMinorUnits(amountMinor, currency);
}

export function bankCsvRow(t: StatementTransaction): string {
  return `${t.account.value},${t.bookingDate},${t.valueDate ?? ''},${csvAmount(t)},${t.currency},${csvField(t.merchantName)},${t.mcc ?? ''},${csvField(t.description)},${csvField(t.counterpartyName)},${t.counterpartyAccount ?? ''},${csvField(t.bankReference)}`;
}

/** The customer's transactions as CSV lines under `bankCsvHeader`, without line ends. */
export function* bankCsvRows(customer: GeneratedCustomer): Generator<string, void, undefined> {
  for (const t of customer.transactions) yield bankCsvRow(t);
}

/** All of the customer's lines, each ending in "\n": one string to write per customer. */
export function bankCsvText(customer: GeneratedCustomer): string {
  let text = '';
  for (const t of customer.transactions) text += bankCsvRow(t) + '\n';
  return text;
}
