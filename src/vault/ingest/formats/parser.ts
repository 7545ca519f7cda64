// The seam every statement format implements: a byte stream in, a stream of statement events out.
import type { Readable } from 'node:stream';
import type { StatementEvent, StatementFormat } from '../../../core/transaction.ts';
import type { CsvMapping } from './csv-mapping.ts';

export interface ParseOptions {
  /** Required for CSV; ignored by the self-describing formats. */
  readonly mapping?: CsvMapping;
  /** Default currency when the file carries none (CSV without a currency column, OFX without CURDEF). */
  readonly defaultCurrency?: string;
}

/**
 * Parses one file. Implementations stream: memory stays constant whatever the file size.
 * Malformed rows become `reject` events and parsing goes on; a file that is unreadable as a
 * whole, or is not a statement, yields a `notice` (and no exception).
 */
export type StatementParser = (input: Readable, options: ParseOptions) => AsyncIterable<StatementEvent>;

export type ParserRegistry = Readonly<Record<StatementFormat, StatementParser>>;
