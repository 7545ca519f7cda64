// Helpers shared by the format parser tests: fixture paths, chunked input streams, collected events.
import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type {
  AccountIdentifier,
  FileNotice,
  RejectedRow,
  StatementBalance,
  StatementEvent,
  StatementTransaction,
} from '../../../core/transaction.ts';
import type { ParseOptions, StatementParser } from './parser.ts';

export const fixtureDirectory = fileURLToPath(
  new URL('../../../../test/fixtures/statements/', import.meta.url),
);

export function fixturePath(relative: string): string {
  return `${fixtureDirectory}${relative}`;
}

export function fixtureStream(relative: string, chunkSize = 64 * 1024): Readable {
  return createReadStream(fixturePath(relative), { highWaterMark: chunkSize });
}

export function fixtureBytes(relative: string): Buffer {
  return readFileSync(fixturePath(relative));
}

/** A stream delivering `bytes` in chunks of `chunkSize`, to prove parsers do not care where chunks end. */
export function chunkedStream(bytes: Buffer | string, chunkSize: number): Readable {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const chunks: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += chunkSize) chunks.push(buffer.subarray(i, i + chunkSize));
  return Readable.from(chunks, { objectMode: false });
}

export interface Collected {
  readonly events: StatementEvent[];
  readonly transactions: StatementTransaction[];
  readonly rejects: RejectedRow[];
  readonly notices: FileNotice[];
  readonly accounts: AccountIdentifier[];
  readonly balances: StatementBalance[];
}

export async function collect(
  parser: StatementParser,
  input: Readable,
  options: ParseOptions = {},
): Promise<Collected> {
  const collected: Collected = {
    events: [],
    transactions: [],
    rejects: [],
    notices: [],
    accounts: [],
    balances: [],
  };
  for await (const event of parser(input, options)) {
    collected.events.push(event);
    switch (event.kind) {
      case 'transaction':
        collected.transactions.push(event.transaction);
        break;
      case 'reject':
        collected.rejects.push(event.reject);
        break;
      case 'notice':
        collected.notices.push(event.notice);
        break;
      case 'account':
        collected.accounts.push(event.account);
        break;
      case 'balance':
        collected.balances.push(event.balance);
        break;
      default:
        event satisfies never;
    }
  }
  return collected;
}

/** Counts of each kind, for compact assertions. */
export function counts(collected: Collected): { transactions: number; rejects: number; notices: number } {
  return {
    transactions: collected.transactions.length,
    rejects: collected.rejects.length,
    notices: collected.notices.length,
  };
}

export interface HeapReport {
  readonly events: number;
  /** Largest heap still in use after a full collection while parsing, minus the same before parsing. */
  readonly peakRetained: number;
}

/** A full garbage collection, so that heapUsed counts what is retained rather than what awaits collection. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
}

/** Runs a parser over a large generated input without keeping its events, sampling the retained heap. */
export async function measureHeap(
  parser: StatementParser,
  input: Readable,
  options: ParseOptions = {},
  sampleEvery = 20_000,
): Promise<HeapReport> {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let events = 0;
  for await (const event of parser(input, options)) {
    void event;
    events++;
    if (events % sampleEvery === 0) {
      collectGarbage();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  return { events, peakRetained: peak - before };
}

/** A byte stream produced on demand from generated text pieces, so the input never exists in memory whole. */
export function generatedStream(pieces: () => Generator<string>): { stream: Readable; bytes: () => number } {
  let total = 0;
  const source = pieces();
  const stream = new Readable({
    read() {
      let batch = '';
      while (batch.length < 64 * 1024) {
        const next = source.next();
        if (next.done === true) {
          if (batch.length > 0) {
            total += Buffer.byteLength(batch);
            this.push(batch);
          }
          this.push(null);
          return;
        }
        batch += next.value;
      }
      total += Buffer.byteLength(batch);
      this.push(batch);
    },
  });
  return { stream, bytes: () => total };
}
