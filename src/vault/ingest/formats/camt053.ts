// ISO 20022 camt.053 (BankToCustomerStatement) 001.02 to 001.08: each Stmt an account, each booked Ntry transactions.
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { AccountIdentifier, StatementEvent } from '../../../core/transaction.ts';
import { balanceMinorUnits } from './amounts.ts';
import { eventsFromBatches } from './batches.ts';
import {
  emitEntry,
  newTransactionDetails,
  type CamtEntry,
  type CamtParty,
  type CamtPosition,
  type CamtTransactionDetails,
  type CamtValue,
} from './camt053-entry.ts';
import { accountEvent, noticeEvent, normaliseAccountNumber, rejectEvent } from './events.ts';
import type { ParseOptions } from './parser.ts';
import { decodeSniffed, xmlDeclaredEncoding } from './text-decoding.ts';

const namespacePattern = /^urn:iso:std:iso:20022:tech:xsd:(camt\.\d{3})\.001\.(\d{2})$/;
export const supportedCamt053Versions = ['02', '03', '04', '05', '06', '07', '08'] as const;

interface StatementState {
  readonly index: number;
  readonly position: CamtPosition;
  accountId?: { scheme: 'iban' | 'bban'; value: string };
  currency?: string;
  bankId?: string;
  ownerName?: string;
  account?: AccountIdentifier;
  entries: number;
  booked: number;
  notBooked: number;
  /** The Bal being read, then the booked balances kept: the latest CLBD, else OPBD (closing of the day before). */
  balance?: CamtBalance | undefined;
  closing?: { amountMinor: number; asOf: string; overdraftLimitMinor?: number };
}

interface CamtBalance {
  code?: string;
  amount?: string;
  currency?: string;
  debit?: boolean;
  date?: string;
  creditLine?: string;
}

/** The day before a YYYY-MM-DD date. */
function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

function xmlEncoding(head: string): string {
  if (head.startsWith('\xff\xfe')) return 'utf-16le';
  if (head.startsWith('\xfe\xff')) return 'utf-16be';
  return xmlDeclaredEncoding(head.replace(/^\xef\xbb\xbf/, '')) ?? 'utf-8';
}

const partyRoles = {
  Dbtr: 'debtor',
  Cdtr: 'creditor',
  UltmtDbtr: 'ultimateDebtor',
  UltmtCdtr: 'ultimateCreditor',
} as const;

type PartyRole = (typeof partyRoles)[keyof typeof partyRoles];

/**
 * Where a party's name and account sit under RltdPties: Dbtr/Nm up to 001.07, Dbtr/Pty/Nm from
 * 001.08; DbtrAcct/Id/IBAN or DbtrAcct/Id/Othr/Id. Party ids (Dbtr/Id/...) are not read.
 */
function partyField(relative: string): { role: PartyRole; field: keyof CamtParty } | undefined {
  const match =
    /^RltdPties\/(Dbtr|Cdtr|UltmtDbtr|UltmtCdtr)(?:\/(?:Pty\/)?(Nm)|Acct\/Id\/(?:IBAN|Othr\/Id))$/.exec(
      relative,
    );
  if (match === null) return undefined;
  const role = partyRoles[match[1] as keyof typeof partyRoles];
  return { role, field: match[2] === 'Nm' ? 'name' : 'account' };
}

function entries(count: number): string {
  return count === 1 ? '1 entry' : `${count} entries`;
}

/** Follows the XML of one camt.053 document and queues statement events. */
class CamtReader {
  out: StatementEvent[] = [];

  /** The events queued so far; the reader starts a new batch. */
  take(): StatementEvent[] {
    const batch = this.out;
    this.out = [];
    return batch;
  }
  /** Set when the rest of the document is not worth reading (wrong message, malformed XML). */
  stopped = false;
  readonly #path: string[] = [];
  readonly #positions: CamtPosition[] = [];
  #text = '';
  #currency: string | undefined;
  #version: string | undefined;
  #statements = 0;
  #statement: StatementState | undefined;
  #statementDepth = -1;
  #entry: CamtEntry | undefined;
  #entryDepth = -1;
  #details: CamtTransactionDetails | undefined;
  #detailsDepth = -1;

  open(tag: SaxesTagNS, position: CamtPosition): void {
    const depth = this.#path.length;
    this.#path.push(tag.local);
    this.#positions.push(position);
    this.#text = '';
    this.#currency = tag.attributes['Ccy']?.value;
    if (depth === 0) return this.#checkRoot(tag, position);
    if (depth === 1 && tag.local !== 'BkToCstmrStmt') {
      this.out.push(
        noticeEvent(
          'not-a-statement',
          `camt document holds <${tag.local}>, not a statement (BkToCstmrStmt)`,
          position,
        ),
      );
      this.stopped = true;
      return;
    }
    if (depth === 2 && tag.local === 'Stmt') {
      this.#statements++;
      this.#statement = { index: this.#statements, position, entries: 0, booked: 0, notBooked: 0 };
      this.#statementDepth = depth;
    } else if (depth === this.#statementDepth + 1 && tag.local === 'Ntry' && this.#statement !== undefined) {
      this.#statement.entries++;
      this.#entry = { index: this.#statement.entries, position, details: [] };
      this.#entryDepth = depth;
    } else if (this.#entry !== undefined && depth === this.#entryDepth + 2 && tag.local === 'TxDtls') {
      this.#details = newTransactionDetails(this.#entry.details.length + 1, position);
      this.#entry.details.push(this.#details);
      this.#detailsDepth = depth;
    }
  }

  text(text: string): void {
    this.#text += text;
  }

  close(): void {
    const depth = this.#path.length - 1;
    const value: CamtValue = {
      text: this.#text.trim(),
      position: this.#positions[depth]!,
      ...(this.#currency === undefined ? {} : { currency: this.#currency }),
    };
    this.#text = '';
    this.#currency = undefined;
    if (this.#details !== undefined && depth > this.#detailsDepth) {
      this.#readDetails(this.#relative(this.#detailsDepth), value);
    } else if (this.#entry !== undefined && depth > this.#entryDepth) {
      this.#readEntry(this.#relative(this.#entryDepth), value);
    } else if (this.#statement !== undefined && depth > this.#statementDepth) {
      this.#readStatement(this.#relative(this.#statementDepth), value);
    }
    if (depth === this.#detailsDepth) {
      this.#details = undefined;
      this.#detailsDepth = -1;
    } else if (depth === this.#entryDepth) {
      this.#finishEntry();
    } else if (depth === this.#statementDepth) {
      this.#finishStatement();
    } else if (depth === 0) {
      this.#finishDocument();
    }
    this.#path.pop();
    this.#positions.pop();
  }

  malformed(message: string, position: CamtPosition): void {
    const unfinished = this.#entry === undefined ? '' : '; the unfinished entry was not read';
    this.out.push(noticeEvent('invalid-file', `malformed XML: ${message}${unfinished}`, position));
    this.stopped = true;
  }

  /** At the end of the input: a document cut short has elements still open. */
  finish(): void {
    if (this.stopped) return;
    if (this.#path.length === 0 && this.#version === undefined) {
      this.out.push(noticeEvent('invalid-file', 'the file holds no XML document'));
    }
  }

  #checkRoot(tag: SaxesTagNS, position: CamtPosition): void {
    const match = namespacePattern.exec(tag.uri);
    if (tag.local !== 'Document' || match === null) {
      const namespace = tag.uri === '' ? 'no namespace' : `namespace ${tag.uri}`;
      this.out.push(
        noticeEvent(
          'not-a-statement',
          `XML root <${tag.local}> in ${namespace} is not an ISO 20022 camt.053 document`,
          position,
        ),
      );
      this.stopped = true;
      return;
    }
    const [, message, version] = match;
    if (message !== 'camt.053') {
      this.out.push(
        noticeEvent('not-a-statement', `ISO 20022 ${message} message, not a camt.053 statement`, position),
      );
      this.stopped = true;
      return;
    }
    if (!(supportedCamt053Versions as readonly string[]).includes(version!)) {
      this.out.push(
        noticeEvent(
          'invalid-file',
          `camt.053 version 001.${version} is not supported (supported: 001.02 to 001.08)`,
          position,
        ),
      );
      this.stopped = true;
      return;
    }
    this.#version = version;
  }

  #relative(baseDepth: number): string {
    return this.#path.slice(baseDepth + 1).join('/');
  }

  #readStatement(relative: string, value: CamtValue): void {
    const statement = this.#statement!;
    switch (relative) {
      case 'Acct/Id/IBAN':
        if (value.text !== '')
          statement.accountId = { scheme: 'iban', value: normaliseAccountNumber(value.text) };
        break;
      case 'Acct/Id/Othr/Id':
        if (value.text !== '')
          statement.accountId = { scheme: 'bban', value: normaliseAccountNumber(value.text) };
        break;
      case 'Acct/Ccy':
        if (value.text !== '') statement.currency = value.text;
        break;
      case 'Acct/Ownr/Nm':
      case 'Acct/Ownr/Pty/Nm':
        if (value.text !== '') statement.ownerName = value.text;
        break;
      case 'Acct/Svcr/FinInstnId/BIC':
      case 'Acct/Svcr/FinInstnId/BICFI':
        if (value.text !== '') statement.bankId = value.text;
        break;
      case 'Acct':
        this.#openAccount();
        break;
      case 'Bal':
        this.#finishBalance();
        break;
      default:
        if (relative.startsWith('Bal/')) this.#readBalance(relative.slice(4), value);
        break;
    }
  }

  #readBalance(relative: string, value: CamtValue): void {
    const statement = this.#statement!;
    const balance = (statement.balance ??= {});
    switch (relative) {
      case 'Tp/CdOrPrtry/Cd':
        balance.code = value.text;
        break;
      case 'Amt':
        balance.amount = value.text;
        if (value.currency !== undefined) balance.currency = value.currency;
        break;
      case 'CdtDbtInd':
        balance.debit = value.text === 'DBIT';
        break;
      case 'Dt/Dt':
      case 'Dt/DtTm':
        balance.date = value.text.slice(0, 10);
        break;
      case 'CdtLine/Amt':
        balance.creditLine = value.text;
        break;
      default:
        break;
    }
  }

  /** Keeps a booked balance (CLBD, or OPBD as the closing of the day before); others are not read. */
  #finishBalance(): void {
    const statement = this.#statement!;
    const balance = statement.balance;
    statement.balance = undefined;
    if (balance === undefined || (balance.code !== 'CLBD' && balance.code !== 'OPBD')) return;
    if (
      balance.amount === undefined ||
      balance.date === undefined ||
      !/^\d{4}-\d{2}-\d{2}$/.test(balance.date)
    )
      return;
    const currency = balance.currency ?? statement.currency;
    const amount = balanceMinorUnits(balance.amount, currency);
    if (amount === undefined) return;
    const amountMinor = balance.debit === true ? -amount : amount;
    const asOf = balance.code === 'CLBD' ? balance.date : dayBefore(balance.date);
    const known = statement.closing;
    // A closing balance wins over an opening one of the next day: both state the same, CLBD more directly.
    if (known !== undefined && (known.asOf > asOf || (known.asOf === asOf && balance.code === 'OPBD')))
      return;
    const limit =
      balance.creditLine === undefined ? undefined : balanceMinorUnits(balance.creditLine, currency);
    statement.closing =
      limit === undefined
        ? { amountMinor, asOf }
        : { amountMinor, asOf, overdraftLimitMinor: Math.abs(limit) };
  }

  #readEntry(relative: string, value: CamtValue): void {
    const entry = this.#entry!;
    switch (relative) {
      case 'Amt':
        entry.amount = value;
        break;
      case 'CdtDbtInd':
        entry.creditDebit = value;
        break;
      case 'Sts':
      case 'Sts/Cd':
      case 'Sts/Prtry':
        if (value.text !== '') entry.status = value.text;
        break;
      case 'BookgDt/Dt':
      case 'BookgDt/DtTm':
        entry.bookingDate = value;
        break;
      case 'ValDt/Dt':
      case 'ValDt/DtTm':
        entry.valueDate = value;
        break;
      case 'AcctSvcrRef':
        if (value.text !== '') entry.accountServicerReference = value.text;
        break;
      case 'AddtlNtryInf':
        if (value.text !== '') entry.additionalInformation = value.text;
        break;
      case 'BkTxCd/Domn/Fmly/Cd':
        entry.family = value.text;
        break;
      default:
        break;
    }
  }

  #readDetails(relative: string, value: CamtValue): void {
    const details = this.#details!;
    switch (relative) {
      case 'Amt':
        details.amount = value;
        return;
      case 'AmtDtls/TxAmt/Amt':
        details.transactionAmount = value;
        return;
      case 'CdtDbtInd':
        details.creditDebit = value;
        return;
      case 'Refs/AcctSvcrRef':
        if (value.text !== '') details.accountServicerReference = value.text;
        return;
      case 'Refs/EndToEndId':
        if (value.text !== '') details.endToEndId = value.text;
        return;
      case 'RmtInf/Ustrd':
        if (value.text !== '') details.remittance.push(value.text);
        return;
      case 'AddtlTxInf':
        if (value.text !== '') details.additionalInformation = value.text;
        return;
      case 'BkTxCd/Domn/Fmly/Cd':
        details.family = value.text;
        return;
      default:
        break;
    }
    if (value.text === '' || !relative.startsWith('RltdPties/')) return;
    const party = partyField(relative);
    if (party !== undefined) details[party.role][party.field] = value.text;
  }

  #openAccount(): void {
    const statement = this.#statement!;
    if (statement.account !== undefined || statement.accountId === undefined) return;
    const account: AccountIdentifier = {
      ...statement.accountId,
      ...(statement.bankId === undefined ? {} : { bankId: statement.bankId }),
      ...(statement.currency === undefined ? {} : { currency: statement.currency }),
    };
    statement.account = account;
    this.out.push(accountEvent(account, statement.ownerName));
  }

  #finishEntry(): void {
    const entry = this.#entry!;
    const statement = this.#statement!;
    this.#entry = undefined;
    this.#entryDepth = -1;
    const element = `Stmt[${statement.index}]/Ntry[${entry.index}]`;
    if (entry.status !== undefined && entry.status !== 'BOOK') {
      statement.notBooked++;
      return;
    }
    statement.booked++;
    if (statement.account === undefined) {
      this.out.push(
        rejectEvent(
          { ...entry.position, element },
          'account',
          'account.missing',
          'the statement names no account (Acct/Id)',
        ),
      );
      return;
    }
    emitEntry(entry, { account: statement.account, element, out: this.out });
  }

  #finishStatement(): void {
    const statement = this.#statement!;
    this.#statement = undefined;
    this.#statementDepth = -1;
    const location = { ...statement.position, element: `Stmt[${statement.index}]` };
    if (statement.account !== undefined && statement.closing !== undefined)
      this.out.push({ kind: 'balance', balance: { account: statement.account, ...statement.closing } });
    if (statement.account === undefined) {
      this.out.push(
        noticeEvent('invalid-file', `camt.053 Stmt[${statement.index}] names no account (Acct/Id)`, location),
      );
    }
    if (statement.notBooked > 0) {
      const kind = statement.booked === 0 ? 'empty-statement' : 'not-a-statement';
      this.out.push(
        noticeEvent(
          kind,
          `camt.053 Stmt[${statement.index}]: ${entries(statement.notBooked)} not booked (status PDNG, INFO or FUTR) ` +
            'skipped; booked entries appear in a later statement',
          location,
        ),
      );
    } else if (statement.entries === 0) {
      this.out.push(
        noticeEvent('empty-statement', `camt.053 Stmt[${statement.index}] holds no entries`, location),
      );
    }
  }

  #finishDocument(): void {
    if (this.#statements === 0) {
      this.out.push(
        noticeEvent(
          'invalid-file',
          'camt.053 document holds no statement (Stmt); the schema requires at least one',
          {
            element: 'BkToCstmrStmt',
          },
        ),
      );
    }
  }
}

async function* camtBatches(input: Readable): AsyncGenerator<StatementEvent[], void, undefined> {
  const reader = new CamtReader();
  const parser = new SaxesParser({ xmlns: true, position: true });
  const position = (): CamtPosition => ({ line: parser.line, column: parser.column + 1 });
  let tagStart: CamtPosition = { line: 1, column: 1 };
  parser.on('opentagstart', (tag) => {
    // Reported just after the tag name; the column of its "<" is more useful in messages.
    tagStart = { line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) };
  });
  parser.on('opentag', (tag) => {
    if (!reader.stopped) reader.open(tag, tagStart);
  });
  parser.on('text', (text) => {
    if (!reader.stopped) reader.text(text);
  });
  parser.on('cdata', (text) => {
    if (!reader.stopped) reader.text(text);
  });
  parser.on('closetag', () => {
    if (!reader.stopped) reader.close();
  });
  parser.on('error', (error) => {
    if (reader.stopped) return;
    reader.malformed(error.message.replace(/^\d+:\d+: /, ''), position());
  });

  const sniff = {
    enough: (head: string) => head.length >= 512 || head.includes('?>'),
    encodingOf: xmlEncoding,
  };
  for await (const text of decodeSniffed(input, sniff)) {
    parser.write(text);
    yield reader.take();
    if (reader.stopped) return;
  }
  parser.close();
  reader.finish();
  yield reader.take();
}

/** Parses a camt.053 document, streaming: memory holds one entry at a time. */
export function parseCamt053(input: Readable, _options: ParseOptions): AsyncIterable<StatementEvent> {
  return eventsFromBatches(camtBatches(input));
}
