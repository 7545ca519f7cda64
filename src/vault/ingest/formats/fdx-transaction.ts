// One FDX (Financial Data Exchange) transaction object to a statement transaction or a reject.
import type { AccountIdentifier, StatementEvent, StatementTransaction } from '../../../core/transaction.ts';
import { isNegative, lookupCurrency, parseAmount, plainDecimal, type Currency } from './amounts.ts';
import { readIsoDate } from './dates.ts';
import {
  excerptOf,
  looksLikeIban,
  normaliseAccountNumber,
  readMcc,
  rejectEvent,
  transactionEvent,
  type Mutable,
} from './events.ts';
import { isJsonObject, JsonNumber, pointerSegment, type JsonObject, type JsonValue } from './json-tokens.ts';

/** Text of a JSON string or number; undefined for anything else or blank text. */
export function scalarText(value: JsonValue | undefined): string | undefined {
  const text =
    typeof value === 'string' ? value.trim() : value instanceof JsonNumber ? value.text : undefined;
  return text === '' ? undefined : text;
}

/** `{ "currencyCode": "USD" }` or plain "USD". */
export function currencyCodeOf(value: JsonValue | undefined): string | undefined {
  return (isJsonObject(value) ? scalarText(value['currencyCode']) : scalarText(value))?.toUpperCase();
}

/** The account a feed names: a full account number when it has one, else its opaque account id. */
export function fdxAccount(
  accountNumber: string | undefined,
  accountId: string | undefined,
  currency: string | undefined,
): AccountIdentifier | undefined {
  const usable =
    accountNumber !== undefined && /^[A-Za-z0-9 -]+$/.test(accountNumber) ? accountNumber : accountId;
  if (usable === undefined) return undefined;
  const value = normaliseAccountNumber(usable);
  const scheme = looksLikeIban(value) ? 'iban' : 'bban';
  return currency === undefined ? { scheme, value } : { scheme, value, currency };
}

/** FDX wraps some items by type, e.g. `{ "depositTransaction": { … } }`: unwrap a single such key. */
export function unwrapTyped(value: JsonObject, suffix: 'Transaction' | 'Account'): JsonObject {
  const keys = Object.keys(value);
  if (keys.length !== 1 || !keys[0]!.endsWith(suffix)) return value;
  const inner = value[keys[0]!];
  return isJsonObject(inner) ? inner : value;
}

const notBookedStatuses = new Set(['PENDING', 'AUTHORIZATION', 'MEMO']);

export type FdxOutcome = 'booked' | 'not-booked';

/**
 * Converts one transaction. `account` is the enclosing account (undefined for a bare feed, where
 * each transaction names its own). Returns whether the transaction was booked at all.
 */
export function emitFdxTransaction(
  raw: JsonObject,
  pointer: string,
  account: AccountIdentifier | undefined,
  defaultCurrency: string | undefined,
  out: StatementEvent[],
): FdxOutcome {
  const tx = unwrapTyped(raw, 'Transaction');
  const status = scalarText(tx['status'])?.toUpperCase();
  const memo = scalarText(tx['debitCreditMemo'])?.toUpperCase();
  if ((status !== undefined && notBookedStatuses.has(status)) || memo === 'MEMO') return 'not-booked';

  if (account === undefined) {
    out.push(
      rejectEvent({ element: pointer }, 'account', 'account.missing', 'no accountId or accountNumber'),
    );
    return 'booked';
  }
  const read = readTransaction(tx, pointer, account, memo, defaultCurrency);
  out.push('reject' in read ? read.reject : transactionEvent(read.value));
  return 'booked';
}

/** A field's value, or the reject that says why the transaction cannot be stored. */
type Read<T> = { readonly value: T } | { readonly reject: StatementEvent };

/** Where a field of the transaction at `pointer` is. */
type FieldAt = (key: string) => { readonly element: string };

/** The booked transaction's fields in order, stopping at the first that is missing or invalid. */
function readTransaction(
  tx: JsonObject,
  pointer: string,
  account: AccountIdentifier,
  memo: string | undefined,
  defaultCurrency: string | undefined,
): Read<StatementTransaction> {
  const at: FieldAt = (key) => ({ element: `${pointer}/${pointerSegment(key)}` });
  const currency = readCurrency(tx, at, account, defaultCurrency);
  if ('reject' in currency) return currency;
  const amount = readAmount(tx, at, currency.value);
  if ('reject' in amount) return amount;
  const direction = readDirection(memo, amount.value, at);
  if ('reject' in direction) return direction;
  const bookingDate = readBookingDate(tx, at);
  if ('reject' in bookingDate) return bookingDate;
  const mcc = readMccField(tx, at);
  if ('reject' in mcc) return mcc;
  const transaction: Mutable<StatementTransaction> = {
    account,
    amountMinor: Math.abs(amount.value),
    currency: currency.value.code,
    direction: direction.value,
    bookingDate: bookingDate.value,
    location: { element: pointer },
  };
  if (mcc.value !== undefined) transaction.mcc = mcc.value;
  describeParties(tx, transaction);
  return { value: transaction };
}

function readCurrency(
  tx: JsonObject,
  at: FieldAt,
  account: AccountIdentifier,
  defaultCurrency: string | undefined,
): Read<Currency> {
  const currencyCode = currencyCodeOf(tx['currency']) ?? account.currency ?? defaultCurrency;
  if (currencyCode === undefined) {
    return {
      reject: rejectEvent(
        at('currency'),
        'currency',
        'currency.missing',
        'no currency on the transaction or account',
      ),
    };
  }
  const currency = lookupCurrency(currencyCode);
  if (currency === undefined) {
    return {
      reject: rejectEvent(at('currency'), 'currency', 'currency.unknown', 'currency is not an ISO 4217 code'),
    };
  }
  return { value: currency };
}

/** The amount in minor units, signed as the feed signs it. */
function readAmount(tx: JsonObject, at: FieldAt, currency: Currency): Read<number> {
  const amountText = scalarText(tx['amount']);
  if (amountText === undefined) {
    return { reject: rejectEvent(at('amount'), 'amount', 'amount.missing', 'amount is missing') };
  }
  const amount = parseAmount(plainDecimal(amountText), currency);
  if (!amount.ok) {
    return {
      reject: rejectEvent(at('amount'), 'amount', 'amount.invalid', amount.error, excerptOf(amountText)),
    };
  }
  return { value: amount.value };
}

/** DEBIT or CREDIT from debitCreditMemo; without one, a negative amount is a debit. */
function readDirection(memo: string | undefined, amount: number, at: FieldAt): Read<'debit' | 'credit'> {
  if (memo === 'DEBIT' || memo === 'CREDIT') return { value: memo === 'DEBIT' ? 'debit' : 'credit' };
  if (memo === undefined && isNegative(amount)) return { value: 'debit' };
  const reason = memo === undefined ? 'debitCreditMemo is missing' : 'debitCreditMemo is not DEBIT or CREDIT';
  return {
    reject: rejectEvent(
      at('debitCreditMemo'),
      'direction',
      memo === undefined ? 'direction.missing' : 'direction.invalid',
      reason,
    ),
  };
}

function readBookingDate(tx: JsonObject, at: FieldAt): Read<string> {
  const dateKey = tx['postedTimestamp'] !== undefined ? 'postedTimestamp' : 'transactionTimestamp';
  const dateText = scalarText(tx[dateKey]);
  if (dateText === undefined) {
    return {
      reject: rejectEvent(at('postedTimestamp'), 'bookingDate', 'date.missing', 'postedTimestamp is missing'),
    };
  }
  const bookingDate = readIsoDate(dateText);
  if (bookingDate === undefined) {
    return {
      reject: rejectEvent(
        at(dateKey),
        'bookingDate',
        'date.invalid',
        `${dateKey} is not an ISO date-time`,
        excerptOf(dateText),
      ),
    };
  }
  return { value: bookingDate };
}

/** The merchant category code, when the transaction has one. */
function readMccField(tx: JsonObject, at: FieldAt): Read<string | undefined> {
  const mccText = scalarText(tx['merchantCategoryCode']);
  if (mccText === undefined) return { value: undefined };
  const mcc = readMcc(mccText);
  if (mcc === undefined) {
    return {
      reject: rejectEvent(
        at('merchantCategoryCode'),
        'mcc',
        'mcc.invalid',
        'merchantCategoryCode is not 3 or 4 digits',
        excerptOf(mccText),
      ),
    };
  }
  return { value: mcc };
}

/** Merchant or counterparty, description and the bank's reference: optional, never a reason to reject. */
function describeParties(tx: JsonObject, transaction: Mutable<StatementTransaction>): void {
  const merchant = tx['merchant'];
  const merchantName =
    (isJsonObject(merchant) ? scalarText(merchant['name']) : undefined) ?? scalarText(tx['merchantName']);
  const payee = scalarText(tx['payee']);
  if (merchantName !== undefined) transaction.merchantName = merchantName;
  else if (payee !== undefined && transaction.direction === 'debit') transaction.merchantName = payee;
  else if (payee !== undefined) transaction.counterpartyName = payee;
  const description = scalarText(tx['description']) ?? scalarText(tx['memo']);
  if (description !== undefined) transaction.description = description;
  const reference = scalarText(tx['transactionId']);
  if (reference !== undefined) transaction.bankReference = reference;
}
