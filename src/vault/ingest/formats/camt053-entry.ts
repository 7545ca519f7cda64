// One camt.053 entry (Ntry) as read from the XML, and how it becomes one or more transactions.
import type {
  AccountIdentifier,
  SourceLocation,
  StatementEvent,
  StatementTransaction,
} from '../../../core/transaction.ts';
import { lookupCurrency, parseAmount } from './amounts.ts';
import { readIsoDate } from './dates.ts';
import { excerptOf, rejectEvent, transactionEvent, type Mutable } from './events.ts';

export interface CamtPosition {
  readonly line: number;
  readonly column: number;
}

/** A leaf value with where it was found. */
export interface CamtValue {
  readonly text: string;
  readonly position: CamtPosition;
  /** The Ccy attribute, for amounts. */
  readonly currency?: string;
}

/** The parties of a transaction, by role. */
export interface CamtParty {
  name?: string;
  account?: string;
}

export interface CamtTransactionDetails {
  readonly index: number;
  readonly position: CamtPosition;
  amount?: CamtValue;
  /** AmtDtls/TxAmt/Amt: the only per-transaction amount in camt.053.001.02. */
  transactionAmount?: CamtValue;
  creditDebit?: CamtValue;
  accountServicerReference?: string;
  endToEndId?: string;
  debtor: CamtParty;
  creditor: CamtParty;
  ultimateDebtor: CamtParty;
  ultimateCreditor: CamtParty;
  remittance: string[];
  additionalInformation?: string;
  family?: string;
}

export interface CamtEntry {
  readonly index: number;
  readonly position: CamtPosition;
  amount?: CamtValue;
  creditDebit?: CamtValue;
  status?: string;
  bookingDate?: CamtValue;
  valueDate?: CamtValue;
  accountServicerReference?: string;
  additionalInformation?: string;
  family?: string;
  readonly details: CamtTransactionDetails[];
}

export function newTransactionDetails(index: number, position: CamtPosition): CamtTransactionDetails {
  return {
    index,
    position,
    debtor: {},
    creditor: {},
    ultimateDebtor: {},
    ultimateCreditor: {},
    remittance: [],
  };
}

const maxDescriptionLength = 500;

function joinDescriptions(parts: readonly string[]): string | undefined {
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  return text.length > maxDescriptionLength ? text.slice(0, maxDescriptionLength) : text;
}

type Direction = 'debit' | 'credit';

/** Why an entry or one of its parts is rejected. */
class Problem {
  constructor(
    /** The offending value (for its position); undefined when it is missing. */
    readonly value: CamtValue | undefined,
    /** Element path below the entry or TxDtls, e.g. "BookgDt". */
    readonly path: string,
    readonly field: string,
    readonly code: string,
    readonly reason: string,
    /** The raw text to show in the quarantine; defaults to the offending value's text. */
    readonly excerpt: string | undefined = value?.text,
  ) {}
}

function readDirection(value: CamtValue | undefined, path: string): Direction | Problem | undefined {
  if (value === undefined || value.text === '') return undefined;
  if (value.text === 'DBIT') return 'debit';
  if (value.text === 'CRDT') return 'credit';
  return new Problem(value, path, 'direction', 'direction.invalid', 'CdtDbtInd is neither CRDT nor DBIT');
}

function readDate(value: CamtValue | undefined, path: string, field: string): string | Problem | undefined {
  if (value === undefined || value.text === '') return undefined;
  const date = readIsoDate(value.text);
  return date ?? new Problem(value, path, field, 'date.invalid', `${path} is not a real ISO date`);
}

/** What every transaction of an entry shares. */
interface EntryBasics {
  readonly direction: Direction;
  readonly bookingDate: string;
  readonly valueDate: string | undefined;
}

function entryBasics(entry: CamtEntry): EntryBasics | Problem {
  const direction = readDirection(entry.creditDebit, 'CdtDbtInd');
  if (direction instanceof Problem) return direction;
  if (direction === undefined) {
    return new Problem(undefined, '', 'direction', 'direction.missing', 'CdtDbtInd is missing');
  }
  const bookingDate = readDate(entry.bookingDate, 'BookgDt', 'bookingDate');
  if (bookingDate instanceof Problem) return bookingDate;
  if (bookingDate === undefined) {
    return new Problem(undefined, '', 'bookingDate', 'date.missing', 'BookgDt is missing');
  }
  const valueDate = readDate(entry.valueDate, 'ValDt', 'valueDate');
  if (valueDate instanceof Problem) return valueDate;
  return { direction, bookingDate, valueDate };
}

/** One transaction of the entry: the whole entry, or one TxDtls of a split entry. */
function partTransaction(
  entry: CamtEntry,
  part: CamtTransactionDetails | undefined,
  split: boolean,
  basics: EntryBasics,
  context: EntryContext,
  location: SourceLocation,
): StatementTransaction | Problem {
  const ownAmount = part?.amount ?? part?.transactionAmount;
  const amount = split ? ownAmount : entry.amount;
  const amountPath = split && part?.amount === undefined ? 'AmtDtls/TxAmt/Amt' : 'Amt';
  if (amount === undefined || amount.text === '') {
    return new Problem(undefined, '', 'amount', 'amount.missing', 'Amt is missing');
  }
  const currencyCode = amount.currency ?? context.account.currency ?? '';
  const currency = lookupCurrency(currencyCode);
  if (currency === undefined) {
    return currencyCode === ''
      ? new Problem(amount, amountPath, 'currency', 'currency.missing', 'Amt has no Ccy attribute', '')
      : new Problem(
          amount,
          amountPath,
          'currency',
          'currency.unknown',
          'Ccy is not an ISO 4217 code',
          currencyCode,
        );
  }
  const minor = parseAmount(amount.text, currency);
  if (!minor.ok) return new Problem(amount, amountPath, 'amount', 'amount.invalid', minor.error);
  if (minor.value < 0) {
    const reason = 'amount is negative; camt amounts are unsigned';
    return new Problem(amount, amountPath, 'amount', 'amount.invalid', reason);
  }
  const ownDirection = split ? readDirection(part?.creditDebit, 'CdtDbtInd') : undefined;
  if (ownDirection instanceof Problem) return ownDirection;
  const direction = ownDirection ?? basics.direction;
  const transaction: Mutable<StatementTransaction> = {
    account: context.account,
    amountMinor: minor.value,
    currency: currency.code,
    direction,
    bookingDate: basics.bookingDate,
    location,
  };
  if (basics.valueDate !== undefined) transaction.valueDate = basics.valueDate;
  const reference = bankReference(entry, part, split);
  if (reference !== undefined) transaction.bankReference = reference;
  describeParties(transaction, entry, part ?? sharedParty(entry.details, direction), direction);
  const description =
    part !== undefined
      ? (joinDescriptions(part.remittance) ?? part.additionalInformation ?? entry.additionalInformation)
      : (joinDescriptions(entry.details.flatMap((d) => d.remittance)) ?? entry.additionalInformation);
  if (description !== undefined) transaction.description = description;
  return transaction;
}

function reject(problem: Problem, element: string, fallback: CamtPosition): StatementEvent {
  const { value } = problem;
  const location =
    value === undefined
      ? { ...fallback, element }
      : { ...value.position, element: problem.path === '' ? element : `${element}/${problem.path}` };
  const excerpt =
    problem.excerpt === undefined || problem.excerpt === '' ? undefined : excerptOf(problem.excerpt);
  return rejectEvent(location, problem.field, problem.code, problem.reason, excerpt);
}

export interface EntryContext {
  readonly account: AccountIdentifier;
  /** "Stmt[1]/Ntry[4]" */
  readonly element: string;
  readonly out: StatementEvent[];
}

/**
 * Turns a booked entry into transactions: one per TxDtls when there are several and each carries
 * its own amount (a batch booked as one entry), otherwise one for the entry, with the details of
 * its single TxDtls if it has exactly one. A single TxDtls's own amount is ignored: the entry's
 * amount is what was booked on the account, in the account's currency.
 */
export function emitEntry(entry: CamtEntry, context: EntryContext): void {
  const { element, out } = context;
  const basics = entryBasics(entry);
  if (basics instanceof Problem) {
    out.push(reject(basics, element, entry.position));
    return;
  }
  const details = entry.details;
  const split = details.length >= 2 && details.every((d) => (d.amount ?? d.transactionAmount) !== undefined);
  const parts = split ? details : [details.length === 1 ? details[0] : undefined];
  for (const part of parts) {
    const partElement = split && part !== undefined ? `${element}/NtryDtls/TxDtls[${part.index}]` : element;
    const position = split && part !== undefined ? part.position : entry.position;
    const location = { ...position, element: partElement };
    const result = partTransaction(entry, part, split, basics, context, location);
    out.push(result instanceof Problem ? reject(result, partElement, position) : transactionEvent(result));
  }
}

/**
 * The entry's AcctSvcrRef, else the transaction's, else its end-to-end id. Parts of a split entry
 * share the entry's reference, so theirs gets the TxDtls ordinal to stay unique.
 */
function bankReference(
  entry: CamtEntry,
  part: CamtTransactionDetails | undefined,
  split: boolean,
): string | undefined {
  const endToEnd =
    part?.endToEndId !== undefined && part.endToEndId !== 'NOTPROVIDED' ? part.endToEndId : undefined;
  if (split && part !== undefined) {
    if (part.accountServicerReference !== undefined) return part.accountServicerReference;
    if (entry.accountServicerReference !== undefined)
      return `${entry.accountServicerReference}/${part.index}`;
    return endToEnd;
  }
  return entry.accountServicerReference ?? part?.accountServicerReference ?? endToEnd;
}

/**
 * Several TxDtls without their own amounts (one entry booked for several items): their counterparty
 * still applies when they all name the same one.
 */
function sharedParty(
  details: readonly CamtTransactionDetails[],
  direction: 'debit' | 'credit',
): CamtTransactionDetails | undefined {
  const first = details[0];
  if (first === undefined) return undefined;
  const role = direction === 'credit' ? 'debtor' : 'creditor';
  const same = details.every(
    (d) => d[role].name === first[role].name && d[role].account === first[role].account,
  );
  return same ? { ...first, remittance: [] } : undefined;
}

/**
 * The counterparty is the other side: the debtor of a credit, the creditor of a debit (or the
 * ultimate one when only that is given). The creditor of a card payment is the merchant.
 */
function describeParties(
  transaction: Mutable<StatementTransaction>,
  entry: CamtEntry,
  part: CamtTransactionDetails | undefined,
  direction: 'debit' | 'credit',
): void {
  if (part === undefined) return;
  const party = direction === 'credit' ? part.debtor : part.creditor;
  const ultimate = direction === 'credit' ? part.ultimateDebtor : part.ultimateCreditor;
  const name = party.name ?? ultimate.name;
  const account = party.account ?? ultimate.account;
  const family = part.family ?? entry.family;
  if (name !== undefined) {
    if (direction === 'debit' && family === 'CCRD') transaction.merchantName = name;
    else transaction.counterpartyName = name;
  }
  if (account !== undefined) transaction.counterpartyAccount = account;
}
