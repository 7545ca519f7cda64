// One OFX STMTTRN, as collected from its elements, to a statement transaction or a reject.
import type {
  AccountIdentifier,
  SourceLocation,
  StatementEvent,
  StatementTransaction,
} from '../../../core/transaction.ts';
import { isNegative, lookupCurrency, parseAmount } from './amounts.ts';
import { readOfxDate } from './dates.ts';
import { excerptOf, rejectEvent, transactionEvent, type Mutable } from './events.ts';
import type { OfxPosition } from './ofx-elements.ts';

export interface OfxLeaf {
  readonly value: string;
  readonly position: OfxPosition;
}

/** The leaves of one STMTTRN: its own by name, and those of the sub-aggregates it may hold. */
export interface OfxTransaction {
  readonly index: number;
  readonly position: OfxPosition;
  readonly leaves: Map<string, OfxLeaf>;
  /** CURRENCY/CURSYM: the currency of TRNAMT when it is not CURDEF. */
  currency?: OfxLeaf;
  payeeName?: OfxLeaf;
  /** BANKACCTTO/ACCTID or CCACCTTO/ACCTID. */
  counterpartyAccount?: OfxLeaf;
}

export interface OfxStatementContext {
  readonly account: AccountIdentifier | undefined;
  /** CURDEF of the statement. */
  readonly currency: string | undefined;
  readonly defaultCurrency: string | undefined;
  /** "STMTRS[1]/STMTTRN[3]" */
  readonly element: string;
}

/** TRNTYPE values that move money out; only consulted for zero amounts, whose sign says nothing. */
const debitTypes = new Set([
  'DEBIT',
  'PAYMENT',
  'CHECK',
  'POS',
  'ATM',
  'FEE',
  'SRVCHG',
  'CASH',
  'DIRECTDEBIT',
  'REPEATPMT',
]);

class Problem {
  constructor(
    readonly leaf: OfxLeaf | undefined,
    /** Path of the element below STMTTRN, e.g. "TRNAMT". */
    readonly child: string,
    readonly field: string,
    readonly code: string,
    readonly reason: string,
  ) {}
}

function readDate(leaf: OfxLeaf, child: string, field: string): string | Problem {
  const date = readOfxDate(leaf.value);
  return date ?? new Problem(leaf, child, field, 'date.invalid', `${child} is not a real date (YYYYMMDD…)`);
}

function build(tx: OfxTransaction, context: OfxStatementContext): StatementTransaction | Problem {
  const account = context.account;
  if (account === undefined) {
    return new Problem(
      undefined,
      '',
      'account',
      'account.missing',
      'transaction outside a statement with an account',
    );
  }
  const currencyLeaf = tx.currency;
  const currencyCode = (
    currencyLeaf?.value ||
    context.currency ||
    context.defaultCurrency ||
    ''
  ).toUpperCase();
  if (currencyCode === '') {
    const reason = 'no CURDEF, no CURRENCY and no default currency';
    return new Problem(currencyLeaf, 'CURRENCY/CURSYM', 'currency', 'currency.missing', reason);
  }
  const currency = lookupCurrency(currencyCode);
  if (currency === undefined) {
    const reason = 'currency is not an ISO 4217 code';
    return new Problem(currencyLeaf, 'CURRENCY/CURSYM', 'currency', 'currency.unknown', reason);
  }
  const amountLeaf = tx.leaves.get('TRNAMT');
  if (amountLeaf === undefined || amountLeaf.value === '') {
    return new Problem(amountLeaf, 'TRNAMT', 'amount', 'amount.missing', 'TRNAMT is missing or empty');
  }
  // Some European exports write a decimal comma; a comma with no point cannot be grouping in an amount.
  const text = amountLeaf.value;
  const decimalComma = text.includes(',') && !text.includes('.');
  const amount = parseAmount(text, currency, { decimalSeparator: decimalComma ? ',' : '.' });
  if (!amount.ok) return new Problem(amountLeaf, 'TRNAMT', 'amount', 'amount.invalid', amount.error);
  const postedLeaf = tx.leaves.get('DTPOSTED');
  if (postedLeaf === undefined || postedLeaf.value === '') {
    return new Problem(postedLeaf, 'DTPOSTED', 'bookingDate', 'date.missing', 'DTPOSTED is missing or empty');
  }
  const bookingDate = readDate(postedLeaf, 'DTPOSTED', 'bookingDate');
  if (bookingDate instanceof Problem) return bookingDate;
  const type = tx.leaves.get('TRNTYPE')?.value.toUpperCase() ?? '';
  const debit =
    amount.value === 0 && !isNegative(amount.value) ? debitTypes.has(type) : isNegative(amount.value);
  const direction = debit ? 'debit' : 'credit';
  const transaction: Mutable<StatementTransaction> = {
    account,
    amountMinor: Math.abs(amount.value),
    currency: currency.code,
    direction,
    bookingDate,
    location: { ...tx.position, element: context.element },
  };
  // VALUEDATE is not OFX, but some banks' exports use it for what DTAVAIL means.
  const available = tx.leaves.get('DTAVAIL') ?? tx.leaves.get('VALUEDATE');
  if (available !== undefined && available.value !== '') {
    const valueDate = readDate(available, 'DTAVAIL', 'valueDate');
    if (valueDate instanceof Problem) return valueDate;
    transaction.valueDate = valueDate;
  }
  const fitId = tx.leaves.get('FITID')?.value;
  if (fitId) transaction.bankReference = fitId;
  const name = tx.leaves.get('NAME')?.value || tx.payeeName?.value;
  if (name) {
    if (direction === 'debit') transaction.merchantName = name;
    else transaction.counterpartyName = name;
  }
  const memo = tx.leaves.get('MEMO')?.value;
  if (memo) transaction.description = memo;
  const counterpartyAccount = tx.counterpartyAccount?.value;
  if (counterpartyAccount) transaction.counterpartyAccount = counterpartyAccount;
  return transaction;
}

/**
 * Converts one STMTTRN. TRNAMT is signed (negative is money out); NAME is the merchant of a debit and
 * the counterparty of a credit; SIC is not read, since it is not an ISO 18245 MCC. ORIGCURRENCY does
 * not change the currency: by the OFX specification TRNAMT is then already converted to CURDEF.
 */
export function emitOfxTransaction(
  tx: OfxTransaction,
  context: OfxStatementContext,
  out: StatementEvent[],
): void {
  const result = build(tx, context);
  if (!(result instanceof Problem)) {
    out.push(transactionEvent(result));
    return;
  }
  const { leaf, child } = result;
  const location: SourceLocation =
    leaf === undefined
      ? { ...tx.position, element: context.element }
      : { ...leaf.position, element: `${context.element}/${child}` };
  const excerpt = leaf === undefined || leaf.value === '' ? undefined : excerptOf(leaf.value);
  out.push(rejectEvent(location, result.field, result.code, result.reason, excerpt));
}
