// OFX 1.x (SGML) and 2.x (XML) bank and credit-card statements: STMTTRN rows become transactions.
import type { Readable } from 'node:stream';
import type { AccountIdentifier, StatementEvent } from '../../../core/transaction.ts';
import { balanceMinorUnits } from './amounts.ts';
import { eventsFromBatches } from './batches.ts';
import { readOfxDate } from './dates.ts';
import { accountEvent, noticeEvent, normaliseAccountNumber, type Mutable } from './events.ts';
import { OfxElementReader, type OfxElementSink, type OfxPosition } from './ofx-elements.ts';
import { OfxTokenizer } from './ofx-tokenizer.ts';
import { emitOfxTransaction, type OfxLeaf, type OfxTransaction } from './ofx-transaction.ts';
import type { ParseOptions } from './parser.ts';
import { decodeSniffed, xmlDeclaredEncoding } from './text-decoding.ts';

/** Aggregates this parser looks into; a leaf belongs to the nearest of these around it. */
const knownAggregates = new Set([
  'OFX',
  'SIGNONMSGSRSV1',
  'SONRS',
  'STATUS',
  'FI',
  'BANKMSGSRSV1',
  'STMTTRNRS',
  'STMTRS',
  'CREDITCARDMSGSRSV1',
  'CCSTMTTRNRS',
  'CCSTMTRS',
  'BANKACCTFROM',
  'CCACCTFROM',
  'BANKACCTTO',
  'CCACCTTO',
  'BANKTRANLIST',
  'STMTTRN',
  'PAYEE',
  'CURRENCY',
  'ORIGCURRENCY',
  'LEDGERBAL',
  'AVAILBAL',
  'BALLIST',
  'BAL',
  'INVSTMTMSGSRSV1',
  'INVSTMTTRNRS',
  'INVSTMTRS',
  'INVACCTFROM',
  'INVTRANLIST',
  'INVBANKTRAN',
  'SIGNUPMSGSRSV1',
  'ACCTINFOTRNRS',
  'ACCTINFORS',
  'ACCTINFO',
  'BANKACCTINFO',
  'CCACCTINFO',
  'INVACCTINFO',
  'SECLISTMSGSRSV1',
]);

/** Meanings of common OFX status codes, so notices explain without quoting the server's message. */
const statusMeanings: Readonly<Record<string, string>> = {
  '2000': 'general error',
  '2001': 'invalid account',
  '2002': 'general account error',
  '2003': 'account not found',
  '2004': 'account closed',
  '2005': 'account not authorized',
  '2020': 'invalid date',
  '2027': 'invalid date range',
  '13000': 'user ID and password will be sent out-of-band',
  '15000': 'user must change password',
  '15500': 'sign-on invalid: wrong user ID or password',
  '15501': 'customer account already in use',
  '15502': 'user ID and password locked out',
  '15510': 'client UID rejected',
};

const requestNames: Readonly<Record<string, string>> = {
  SONRS: 'sign-on',
  STMTTRNRS: 'bank statement request',
  CCSTMTTRNRS: 'credit card statement request',
  INVSTMTTRNRS: 'investment statement request',
  ACCTINFOTRNRS: 'account information request',
};

interface StatementState {
  readonly tag: 'STMTRS' | 'CCSTMTRS';
  readonly index: number;
  readonly position: OfxPosition;
  currency?: string;
  bankId?: string;
  accountId?: string;
  account?: AccountIdentifier;
  transactions: number;
  ledgerAmount?: string;
  ledgerDate?: string;
}

function nearestKnown(ancestors: readonly string[]): string | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const name = ancestors[i]!;
    if (knownAggregates.has(name)) return name;
  }
  return undefined;
}

/** Character encoding from the OFX 1.x header (ENCODING/CHARSET) or the OFX 2.x XML declaration. */
export function ofxEncoding(head: string): string {
  const declared = xmlDeclaredEncoding(head.trimStart());
  if (declared !== undefined) return declared;
  const header = (key: string) =>
    new RegExp(`^\\s*${key}:([^\\r\\n]*)`, 'm').exec(head)?.[1]?.trim().toUpperCase();
  const encoding = header('ENCODING');
  if (encoding === 'UTF-8' || encoding === 'UTF8') return 'utf-8';
  const charset = header('CHARSET');
  if (charset === 'ISO-8859-1' || charset === '8859-1') return 'latin1';
  if (charset !== undefined && /^\d{3,4}$/.test(charset)) return `windows-${charset}`;
  return charset === undefined && encoding === undefined ? 'utf-8' : 'windows-1252';
}

/** Follows the elements of one OFX file and queues statement events. */
class OfxStatementReader implements OfxElementSink {
  out: StatementEvent[] = [];
  readonly #defaultCurrency: string | undefined;
  #sawOfx = false;
  #sawSignOn = false;
  #errors = 0;
  #invalid = false;
  #statementCount = 0;
  #investmentCount = 0;
  #investmentCash = 0;
  #accountInfos = 0;
  #statusLeaves = new Map<string, string>();
  #statement: StatementState | undefined;
  #transaction: OfxTransaction | undefined;

  constructor(defaultCurrency: string | undefined) {
    this.#defaultCurrency = defaultCurrency;
  }

  /** The events queued so far; the reader starts a new batch. */
  take(): StatementEvent[] {
    const batch = this.out;
    this.out = [];
    return batch;
  }

  instruction(): void {}

  malformed(message: string, position: OfxPosition): void {
    this.#invalid = true;
    this.out.push(noticeEvent('invalid-file', `malformed OFX: ${message}`, position));
  }

  start(name: string, ancestors: readonly string[], position: OfxPosition): void {
    switch (name) {
      case 'OFX':
        this.#sawOfx = true;
        break;
      case 'SONRS':
        this.#sawSignOn = true;
        break;
      case 'STATUS':
        this.#statusLeaves = new Map();
        break;
      case 'STMTRS':
      case 'CCSTMTRS':
        this.#statementCount++;
        this.#statement = { tag: name, index: this.#statementCount, position, transactions: 0 };
        break;
      case 'INVSTMTRS':
        this.#investmentCount++;
        this.#investmentCash = 0;
        break;
      case 'ACCTINFO':
        this.#accountInfos++;
        break;
      case 'STMTTRN':
        this.#startTransaction(ancestors, position);
        break;
      default:
        break;
    }
  }

  leaf(name: string, value: string, ancestors: readonly string[], position: OfxPosition): void {
    if (name === 'OFX') this.#sawOfx = true; // "<OFX></OFX>"
    const context = nearestKnown(ancestors);
    const leaf: OfxLeaf = { value, position };
    const transaction = this.#transaction;
    const statement = this.#statement;
    switch (context) {
      case 'STMTTRN':
        if (transaction !== undefined && !transaction.leaves.has(name)) transaction.leaves.set(name, leaf);
        break;
      case 'CURRENCY':
        if (transaction !== undefined && name === 'CURSYM') transaction.currency = leaf;
        break;
      case 'PAYEE':
        if (transaction !== undefined && name === 'NAME') transaction.payeeName = leaf;
        break;
      case 'BANKACCTTO':
      case 'CCACCTTO':
        if (transaction !== undefined && name === 'ACCTID') transaction.counterpartyAccount = leaf;
        break;
      case 'STMTRS':
      case 'CCSTMTRS':
        if (statement !== undefined && name === 'CURDEF' && value !== '')
          statement.currency = value.toUpperCase();
        break;
      case 'BANKACCTFROM':
      case 'CCACCTFROM':
        if (statement === undefined || value === '') break;
        if (name === 'ACCTID') statement.accountId = value;
        if (name === 'BANKID') statement.bankId = value;
        break;
      case 'STATUS':
        this.#statusLeaves.set(name, value);
        break;
      case 'LEDGERBAL':
        if (statement === undefined) break;
        if (name === 'BALAMT') statement.ledgerAmount = value;
        if (name === 'DTASOF') statement.ledgerDate = value;
        break;
      default:
        break;
    }
  }

  end(name: string, ancestors: readonly string[]): void {
    switch (name) {
      case 'BANKACCTFROM':
      case 'CCACCTFROM':
        if (this.#statement !== undefined && ancestors.at(-1) === this.#statement.tag) this.#openAccount();
        break;
      case 'STMTTRN':
        this.#finishTransaction();
        break;
      case 'STMTRS':
      case 'CCSTMTRS':
        this.#finishStatement();
        break;
      case 'STATUS':
        this.#checkStatus(ancestors.at(-1));
        break;
      case 'LEDGERBAL':
        this.#emitBalance();
        break;
      case 'INVSTMTRS':
        this.out.push(
          noticeEvent(
            'investment-statement',
            `OFX investment statement ${this.#investmentCount} not imported: holdings and trades are out of scope` +
              (this.#investmentCash > 0
                ? `; its ${this.#investmentCash} cash transactions (INVBANKTRAN) were skipped`
                : ''),
            { element: `INVSTMTRS[${this.#investmentCount}]` },
          ),
        );
        break;
      default:
        break;
    }
  }

  /** Whole-file notices once the input has ended. */
  finish(openElements: readonly string[]): void {
    if (openElements.length > 0 && !this.#invalid) {
      this.#invalid = true;
      const unfinished =
        this.#transaction === undefined ? '' : '; the last, unfinished transaction was not read';
      this.out.push(
        noticeEvent('invalid-file', `the OFX file ends before </${openElements.at(-1)}>${unfinished}`, {
          element: openElements.join('/'),
        }),
      );
    }
    if (this.#invalid) return;
    if (!this.#sawOfx) {
      this.out.push(noticeEvent('invalid-file', 'not an OFX file: there is no <OFX> element'));
      return;
    }
    if (this.#statementCount > 0 || this.#investmentCount > 0 || this.#errors > 0) return;
    let message = 'OFX document without sign-on or statements';
    if (this.#accountInfos > 0) {
      message = `OFX account list response without statements (${this.#accountInfos} accounts)`;
    } else if (this.#sawSignOn) {
      message = 'OFX sign-on response without statements';
    }
    this.out.push(noticeEvent('not-a-statement', message));
  }

  #checkStatus(request: string | undefined): void {
    const code = this.#statusLeaves.get('CODE') ?? '';
    const severity = (this.#statusLeaves.get('SEVERITY') ?? '').toUpperCase();
    if (code === '0' || code === '1' || code === '' || severity === 'INFO') return;
    this.#errors++;
    const what = requestNames[request ?? ''] ?? 'response';
    const meaning = statusMeanings[code];
    this.out.push(
      noticeEvent(
        'not-a-statement',
        `OFX error response: code ${code}${meaning === undefined ? '' : ` (${meaning})`} for the ${what}`,
        request === undefined ? undefined : { element: `${request}/STATUS` },
      ),
    );
  }

  #openAccount(): void {
    const statement = this.#statement!;
    if (statement.account !== undefined || statement.accountId === undefined) return;
    const value = normaliseAccountNumber(statement.accountId);
    const account: Mutable<AccountIdentifier> = { scheme: 'bban', value };
    if (statement.bankId !== undefined) account.bankId = statement.bankId;
    const currency = statement.currency ?? this.#defaultCurrency;
    if (currency !== undefined) account.currency = currency;
    statement.account = account;
    this.out.push(accountEvent(account));
  }

  /** The statement's LEDGERBAL, the booked balance at DTASOF; one that cannot be read is left out. */
  #emitBalance(): void {
    const statement = this.#statement;
    if (statement?.account === undefined || statement.ledgerAmount === undefined) return;
    const asOf = statement.ledgerDate === undefined ? undefined : readOfxDate(statement.ledgerDate);
    const amount = balanceMinorUnits(statement.ledgerAmount, statement.account.currency);
    if (asOf !== undefined && amount !== undefined)
      this.out.push({ kind: 'balance', balance: { account: statement.account, amountMinor: amount, asOf } });
  }

  #startTransaction(ancestors: readonly string[], position: OfxPosition): void {
    if (ancestors.includes('INVSTMTRS')) {
      this.#investmentCash++;
      return;
    }
    const statement = this.#statement;
    if (statement !== undefined) {
      statement.transactions++;
      this.#openAccount();
    }
    this.#transaction = { index: statement?.transactions ?? 1, position, leaves: new Map() };
  }

  #finishTransaction(): void {
    const tx = this.#transaction;
    this.#transaction = undefined;
    if (tx === undefined) return;
    const statement = this.#statement;
    const prefix = statement === undefined ? '' : `${statement.tag}[${statement.index}]/`;
    const context = {
      account: statement?.account,
      currency: statement?.currency,
      defaultCurrency: this.#defaultCurrency,
      element: `${prefix}STMTTRN[${tx.index}]`,
    };
    emitOfxTransaction(tx, context, this.out);
  }

  #finishStatement(): void {
    const statement = this.#statement;
    this.#statement = undefined;
    if (statement === undefined) return;
    const element = `${statement.tag}[${statement.index}]`;
    const what = statement.tag === 'STMTRS' ? 'bank' : 'credit card';
    if (statement.account === undefined) {
      this.out.push(
        noticeEvent('invalid-file', `OFX ${what} statement ${statement.index} names no account (ACCTID)`, {
          ...statement.position,
          element,
        }),
      );
    } else if (statement.transactions === 0) {
      this.out.push(
        noticeEvent('empty-statement', `OFX ${what} statement ${statement.index} holds no transactions`, {
          ...statement.position,
          element,
        }),
      );
    }
  }
}

async function* ofxBatches(
  input: Readable,
  options: ParseOptions,
): AsyncGenerator<StatementEvent[], void, undefined> {
  const statements = new OfxStatementReader(options.defaultCurrency?.toUpperCase());
  const elements = new OfxElementReader(statements);
  const tokenizer = new OfxTokenizer(elements);
  const sniff = { enough: (head: string) => head.includes('<OFX'), encodingOf: ofxEncoding };
  for await (const text of decodeSniffed(input, sniff)) {
    tokenizer.push(text);
    yield statements.take();
  }
  tokenizer.end();
  elements.finish();
  statements.finish(elements.openElements);
  yield statements.take();
}

/** Parses an OFX file; memory holds one transaction at a time. */
export function parseOfx(input: Readable, options: ParseOptions): AsyncIterable<StatementEvent> {
  return eventsFromBatches(ofxBatches(input, options));
}
