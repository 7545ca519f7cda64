// One FDX (Financial Data Exchange) transaction object to a statement transaction or a reject.
import type { AccountIdentifier, StatementEvent, StatementTransaction } from '../../../core/transaction.ts';
import { isNegative, lookupCurrency, parseAmount, plainDecimal } from './amounts.ts';
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
  const at = (key: string) => ({ element: `${pointer}/${pointerSegment(key)}` });
  const status = scalarText(tx['status'])?.toUpperCase();
  const memo = scalarText(tx['debitCreditMemo'])?.toUpperCase();
  if ((status !== undefined && notBookedStatuses.has(status)) || memo === 'MEMO') return 'not-booked';

  if (account === undefined) {
    out.push(
      rejectEvent({ element: pointer }, 'account', 'account.missing', 'no accountId or accountNumber'),
    );
    return 'booked';
  }
  const currencyCode = currencyCodeOf(tx['currency']) ?? account.currency ?? defaultCurrency;
  if (currencyCode === undefined) {
    out.push(
      rejectEvent(
        at('currency'),
        'currency',
        'currency.missing',
        'no currency on the transaction or account',
      ),
    );
    return 'booked';
  }
  const currency = lookupCurrency(currencyCode);
  if (currency === undefined) {
    out.push(rejectEvent(at('currency'), 'currency', 'currency.unknown', 'currency is not an ISO 4217 code'));
    return 'booked';
  }
  const amountText = scalarText(tx['amount']);
  if (amountText === undefined) {
    out.push(rejectEvent(at('amount'), 'amount', 'amount.missing', 'amount is missing'));
    return 'booked';
  }
  const amount = parseAmount(plainDecimal(amountText), currency);
  if (!amount.ok) {
    out.push(rejectEvent(at('amount'), 'amount', 'amount.invalid', amount.error, excerptOf(amountText)));
    return 'booked';
  }
  let direction: 'debit' | 'credit';
  if (memo === 'DEBIT' || memo === 'CREDIT') {
    direction = memo === 'DEBIT' ? 'debit' : 'credit';
  } else if (memo === undefined && isNegative(amount.value)) {
    direction = 'debit';
  } else {
    const reason =
      memo === undefined ? 'debitCreditMemo is missing' : 'debitCreditMemo is not DEBIT or CREDIT';
    out.push(
      rejectEvent(
        at('debitCreditMemo'),
        'direction',
        memo === undefined ? 'direction.missing' : 'direction.invalid',
        reason,
      ),
    );
    return 'booked';
  }
  const dateKey = tx['postedTimestamp'] !== undefined ? 'postedTimestamp' : 'transactionTimestamp';
  const dateText = scalarText(tx[dateKey]);
  if (dateText === undefined) {
    out.push(rejectEvent(at('postedTimestamp'), 'bookingDate', 'date.missing', 'postedTimestamp is missing'));
    return 'booked';
  }
  const bookingDate = readIsoDate(dateText);
  if (bookingDate === undefined) {
    out.push(
      rejectEvent(
        at(dateKey),
        'bookingDate',
        'date.invalid',
        `${dateKey} is not an ISO date-time`,
        excerptOf(dateText),
      ),
    );
    return 'booked';
  }
  const transaction: Mutable<StatementTransaction> = {
    account,
    amountMinor: Math.abs(amount.value),
    currency: currency.code,
    direction,
    bookingDate,
    location: { element: pointer },
  };
  const mccText = scalarText(tx['merchantCategoryCode']);
  if (mccText !== undefined) {
    const mcc = readMcc(mccText);
    if (mcc === undefined) {
      out.push(
        rejectEvent(
          at('merchantCategoryCode'),
          'mcc',
          'mcc.invalid',
          'merchantCategoryCode is not 3 or 4 digits',
          excerptOf(mccText),
        ),
      );
      return 'booked';
    }
    transaction.mcc = mcc;
  }
  const merchant = tx['merchant'];
  const merchantName =
    (isJsonObject(merchant) ? scalarText(merchant['name']) : undefined) ?? scalarText(tx['merchantName']);
  const payee = scalarText(tx['payee']);
  if (merchantName !== undefined) transaction.merchantName = merchantName;
  else if (payee !== undefined && direction === 'debit') transaction.merchantName = payee;
  else if (payee !== undefined) transaction.counterpartyName = payee;
  const description = scalarText(tx['description']) ?? scalarText(tx['memo']);
  if (description !== undefined) transaction.description = description;
  const reference = scalarText(tx['transactionId']);
  if (reference !== undefined) transaction.bankReference = reference;
  out.push(transactionEvent(transaction));
  return 'booked';
}
