// FDX / open-banking JSON transaction feeds: { accounts: [{ …, transactions: […] }] } or { transactions: […] }.
import type { Readable } from 'node:stream';
import type { AccountIdentifier, StatementEvent } from '../../../core/transaction.ts';
import { eventsFromBatches } from './batches.ts';
import { accountEvent, noticeEvent } from './events.ts';
import { currencyCodeOf, emitFdxTransaction, fdxAccount, scalarText } from './fdx-transaction.ts';
import {
  isJsonObject,
  JsonAssembler,
  jsonTokens,
  pointerSegment,
  type JsonValue,
  type Token,
} from './json-tokens.ts';
import type { ParseOptions } from './parser.ts';

/** What a container in the document is to this parser. */
type Role = 'root' | 'accounts' | 'account' | 'transactions';

interface AccountState {
  readonly pointer: string;
  accountId?: string;
  accountNumber?: string;
  currency?: string;
  account?: AccountIdentifier;
  /** Transactions that came before the account's own id (rare key order); held until the account ends. */
  readonly waiting: { readonly value: JsonValue; readonly pointer: string }[];
  transactions: number;
  notBooked: number;
}

interface Frame {
  readonly role: Role;
  readonly pointer: string;
  /** For an account object, or a transactions array inside one. */
  readonly account: AccountState | undefined;
  /** True for the frame that created `account` (not for a typed wrapper inside it). */
  readonly ownsAccount: boolean;
  key: string | undefined;
  index: number;
}

type Delivery = (value: JsonValue) => void;

const startTokens = new Set(['startObject', 'startArray']);
const endTokens = new Set(['endObject', 'endArray']);

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Walks the token stream: descends into the parts it knows, assembles transactions, skips the rest. */
class FdxReader {
  out: StatementEvent[] = [];

  /** The events queued so far; the reader starts a new batch. */
  take(): StatementEvent[] {
    const batch = this.out;
    this.out = [];
    return batch;
  }
  readonly #defaultCurrency: string | undefined;
  readonly #frames: Frame[] = [];
  #skipDepth = 0;
  #assembler: JsonAssembler | undefined;
  #delivery: Delivery | undefined;
  #sawFeed = false;
  #sawRoot = false;
  #bareTransactions = 0;
  #bareNotBooked = 0;
  #lastBareAccount: AccountIdentifier | undefined;

  constructor(defaultCurrency: string | undefined) {
    this.#defaultCurrency = defaultCurrency;
  }

  /** Where the walk is, as a JSON pointer (for error messages). */
  get pointer(): string {
    const top = this.#frames.at(-1);
    if (top === undefined) return '';
    const next = top.role === 'accounts' || top.role === 'transactions' ? top.index : top.key;
    return next === undefined ? top.pointer : `${top.pointer}/${pointerSegment(next)}`;
  }

  token(token: Token): void {
    if (this.#assembler !== undefined) {
      const done = this.#assembler.consume(token);
      if (done !== undefined) {
        const deliver = this.#delivery!;
        this.#assembler = undefined;
        this.#delivery = undefined;
        deliver(done.value);
      }
      return;
    }
    if (this.#skipDepth > 0) {
      if (startTokens.has(token.name)) this.#skipDepth++;
      else if (endTokens.has(token.name)) this.#skipDepth--;
      return;
    }
    if (token.name === 'keyValue') {
      this.#frames.at(-1)!.key = token.value;
      return;
    }
    if (endTokens.has(token.name)) {
      this.#close(this.#frames.pop()!);
      return;
    }
    if (token.name === 'startKey' || token.name === 'endKey' || token.name === 'whitespace') return;
    this.#value(token);
  }

  /** Whole-file notices once the input has ended. */
  finish(): void {
    if (!this.#sawRoot) {
      this.out.push(noticeEvent('invalid-file', 'the file holds no JSON value'));
    } else if (!this.#sawFeed) {
      this.out.push(
        noticeEvent(
          'not-a-statement',
          'JSON document has neither "accounts" nor "transactions": not an FDX transaction feed',
        ),
      );
    }
  }

  /** A value starts (or is a scalar) inside the current container: descend, assemble or skip it. */
  #value(token: Token): void {
    const parent = this.#frames.at(-1);
    const isStart = startTokens.has(token.name);
    if (parent === undefined) {
      this.#sawRoot = true;
      if (token.name === 'startObject') this.#descend('root', '', undefined, false);
      else if (token.name === 'startArray') this.#descendBare('');
      return;
    }
    const segment =
      parent.role === 'accounts' || parent.role === 'transactions' ? parent.index++ : parent.key;
    const pointer = `${parent.pointer}/${pointerSegment(segment ?? '')}`;
    switch (parent.role) {
      case 'root':
        if (token.name === 'startArray' && segment === 'accounts') {
          this.#sawFeed = true;
          return this.#descend('accounts', pointer, undefined, false);
        }
        if (token.name === 'startArray' && segment === 'transactions') return this.#descendBare(pointer);
        break;
      case 'accounts':
        if (token.name === 'startObject') {
          const account: AccountState = { pointer, waiting: [], transactions: 0, notBooked: 0 };
          return this.#descend('account', pointer, account, true);
        }
        break;
      case 'account':
        if (this.#readAccountField(parent.account!, segment, token, pointer)) return;
        break;
      case 'transactions':
        if (token.name === 'startObject') {
          return this.#assemble(token, (value) => this.#transaction(parent.account, value, pointer));
        }
        break;
      default:
        parent.role satisfies never;
    }
    if (isStart) this.#skipDepth = 1;
  }

  /** Handles one value inside an account object; false when it is not one this parser reads. */
  #readAccountField(
    state: AccountState,
    key: string | number | undefined,
    token: Token,
    pointer: string,
  ): boolean {
    if (typeof key !== 'string') return false;
    if ((key === 'accountId' || key === 'accountNumber') && !startTokens.has(token.name)) {
      const text = token.name === 'stringValue' || token.name === 'numberValue' ? token.value.trim() : '';
      if (text !== '') state[key] = text;
      return true;
    }
    if (key === 'currency') {
      this.#assemble(token, (value) => {
        const code = currencyCodeOf(value);
        if (code !== undefined) state.currency = code;
      });
      return true;
    }
    if (key === 'transactions' && token.name === 'startArray') {
      this.#openAccount(state);
      this.#descend('transactions', pointer, state, false);
      return true;
    }
    if (key.endsWith('Account') && token.name === 'startObject') {
      this.#descend('account', pointer, state, false); // FDX typed wrapper: { "depositAccount": { … } }
      return true;
    }
    return false;
  }

  #descend(role: Role, pointer: string, account: AccountState | undefined, ownsAccount: boolean): void {
    this.#frames.push({ role, pointer, account, ownsAccount, key: undefined, index: 0 });
  }

  #descendBare(pointer: string): void {
    this.#sawFeed = true;
    this.#descend('transactions', pointer, undefined, false);
  }

  #assemble(token: Token, deliver: Delivery): void {
    const assembler = new JsonAssembler();
    const done = assembler.consume(token);
    if (done !== undefined) {
      deliver(done.value);
      return;
    }
    this.#assembler = assembler;
    this.#delivery = deliver;
  }

  #openAccount(state: AccountState): void {
    if (state.account !== undefined) return;
    const account = fdxAccount(state.accountNumber, state.accountId, state.currency);
    if (account === undefined) return;
    state.account = account;
    this.out.push(accountEvent(account));
  }

  #transaction(state: AccountState | undefined, value: JsonValue, pointer: string): void {
    if (!isJsonObject(value)) return;
    if (state === undefined) return this.#bareTransaction(value, pointer);
    if (state.account === undefined) {
      state.waiting.push({ value, pointer });
      return;
    }
    state.transactions++;
    if (emitFdxTransaction(value, pointer, state.account, this.#defaultCurrency, this.out) === 'not-booked') {
      state.notBooked++;
    }
  }

  /** A transaction of a bare feed names its own account; an account event starts each run of one account. */
  #bareTransaction(value: JsonValue, pointer: string): void {
    if (!isJsonObject(value)) return;
    this.#bareTransactions++;
    const account = fdxAccount(scalarText(value['accountNumber']), scalarText(value['accountId']), undefined);
    const last = this.#lastBareAccount;
    if (account !== undefined && (last === undefined || last.value !== account.value)) {
      this.#lastBareAccount = account;
      this.out.push(accountEvent(account));
    }
    const same = account !== undefined && last !== undefined && last.value === account.value ? last : account;
    if (emitFdxTransaction(value, pointer, same, this.#defaultCurrency, this.out) === 'not-booked') {
      this.#bareNotBooked++;
    }
  }

  #close(frame: Frame): void {
    if (frame.role === 'transactions' && frame.account === undefined) {
      this.#finishFeed(frame.pointer, this.#bareTransactions, this.#bareNotBooked);
    }
    if (frame.role !== 'account' || !frame.ownsAccount) return;
    const state = frame.account!;
    this.#openAccount(state);
    for (const waiting of state.waiting.splice(0)) this.#transaction(state, waiting.value, waiting.pointer);
    if (state.account === undefined) {
      this.out.push(
        noticeEvent('invalid-file', 'FDX account has no accountId or accountNumber', {
          element: state.pointer,
        }),
      );
      return;
    }
    this.#finishFeed(state.pointer, state.transactions, state.notBooked);
  }

  #finishFeed(pointer: string, transactions: number, notBooked: number): void {
    const what = pointer.endsWith('/transactions') || pointer === '' ? 'FDX transaction list' : 'FDX account';
    if (notBooked > 0) {
      const kind = notBooked === transactions ? 'empty-statement' : 'not-a-statement';
      this.out.push(
        noticeEvent(
          kind,
          `${plural(notBooked, 'FDX transaction')} not posted (PENDING, AUTHORIZATION or MEMO) skipped`,
          {
            element: pointer,
          },
        ),
      );
    } else if (transactions === 0) {
      this.out.push(noticeEvent('empty-statement', `${what} holds no transactions`, { element: pointer }));
    }
  }
}

async function* fdxBatches(
  input: Readable,
  options: ParseOptions,
): AsyncGenerator<StatementEvent[], void, undefined> {
  const reader = new FdxReader(options.defaultCurrency?.toUpperCase());
  try {
    for await (const token of jsonTokens(input)) {
      reader.token(token);
      if (reader.out.length >= 256) yield reader.take();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : 'unreadable input';
    const where = reader.pointer === '' ? '' : ` after ${reader.pointer}`;
    reader.out.push(
      noticeEvent('invalid-file', `malformed JSON${where}: ${message}`, { element: reader.pointer }),
    );
    yield reader.take();
    return;
  }
  reader.finish();
  yield reader.take();
}

/** Parses an FDX JSON feed, streaming: memory holds one transaction object at a time. */
export function parseFdx(input: Readable, options: ParseOptions): AsyncIterable<StatementEvent> {
  return eventsFromBatches(fdxBatches(input, options));
}
