// CSV statements: a declarative column mapping turns each row into a transaction or a reject.
import type { Readable } from 'node:stream';
import type { StatementEvent } from '../../../core/transaction.ts';
import { lookupCurrency } from './amounts.ts';
import { eventsFromBatches } from './batches.ts';
import { columnRefs, type CsvMapping } from './csv-mapping.ts';
import { cell, CsvRowReader, type ColumnIndexes } from './csv-row-reader.ts';
import { CsvTokenizer } from './csv-tokenizer.ts';
import { noticeEvent, rejectEvent } from './events.ts';
import type { ParseOptions } from './parser.ts';
import { decodeText } from './text-decoding.ts';

/** Finds every mapped column in the header; an unknown name is an error naming the mapping field. */
export function resolveColumns(
  mapping: CsvMapping,
  header: readonly string[] | undefined,
): ColumnIndexes | string {
  const trimmed = header?.map((name) => name.trim());
  const indexes: Record<string, number> = {};
  for (const [path, ref] of columnRefs(mapping)) {
    if (typeof ref === 'number') {
      indexes[path] = ref;
      continue;
    }
    let index = trimmed?.indexOf(ref) ?? -1;
    if (index === -1) index = trimmed?.findIndex((name) => name.toLowerCase() === ref.toLowerCase()) ?? -1;
    if (index === -1) return `the CSV header has no column "${ref}" (mapping field ${path})`;
    indexes[path] = index;
  }
  return indexes;
}

/** A line with nothing but white space. */
function isBlank(fields: readonly string[]): boolean {
  return fields.length === 1 && cell(fields, 0) === '';
}

/** Event batches, one per decoded chunk of input, which keeps memory flat. */
async function* csvBatches(
  input: Readable,
  options: ParseOptions,
): AsyncGenerator<StatementEvent[], void, undefined> {
  const mapping = options.mapping;
  if (mapping === undefined) {
    yield [noticeEvent('invalid-file', 'a CSV file needs a column mapping')];
    return;
  }
  const defaultCode = mapping.defaultCurrency ?? options.defaultCurrency;
  const defaultCurrency = defaultCode === undefined ? undefined : lookupCurrency(defaultCode.toUpperCase());
  let out: StatementEvent[] = [];
  let reader: CsvRowReader | undefined;
  let fatal: string | undefined;
  let rows = 0;

  const start = (header: readonly string[] | undefined): void => {
    const indexes = resolveColumns(mapping, header);
    if (typeof indexes === 'string') {
      fatal = indexes;
      return;
    }
    reader = new CsvRowReader(mapping, indexes, defaultCurrency);
    const fixed = reader.fixedAccountEvent();
    if (fixed !== undefined) out.push(fixed);
  };
  if (!mapping.header) start(undefined);

  const tokenizer = new CsvTokenizer(mapping, {
    record(fields, line) {
      if (fatal !== undefined || line <= mapping.skipLines || isBlank(fields)) return;
      if (reader === undefined) {
        start(fields);
        return;
      }
      rows++;
      reader.read(fields, line, out);
    },
    malformed(line, code, reason) {
      if (line <= mapping.skipLines) return;
      rows++;
      out.push(rejectEvent({ line }, 'row', code, reason));
    },
  });

  for await (const text of decodeText(input, mapping.encoding)) {
    tokenizer.push(text);
    if (out.length > 0) {
      yield out;
      out = [];
    }
    if (fatal !== undefined) break;
  }
  if (fatal === undefined) tokenizer.end();
  if (fatal !== undefined) {
    out.push(noticeEvent('invalid-file', fatal, { line: mapping.skipLines + 1 }));
  } else if (reader === undefined) {
    out.push(noticeEvent('empty-statement', 'the CSV file is empty'));
  } else if (rows === 0) {
    out.push(noticeEvent('empty-statement', 'the CSV file holds no data rows'));
  }
  if (out.length > 0) yield out;
}

/** Parses a CSV statement with `options.mapping`. */
export function parseCsv(input: Readable, options: ParseOptions): AsyncIterable<StatementEvent> {
  return eventsFromBatches(csvBatches(input, options));
}

export { generatedBankCsvHeader, generatedBankCsvMapping } from './csv-mapping.ts';
