// Reads a system-of-record CSV export with its mapping: records of named fields, in batches, with line numbers.
import { CurtainError } from '../../core/errors.ts';
import { cell } from '../ingest/formats/csv-row-reader.ts';
import { CsvTokenizer } from '../ingest/formats/csv-tokenizer.ts';
import { decodeText } from '../ingest/formats/text-decoding.ts';
import type { ImportMapping } from './import-mapping.ts';

/** One data row: the 1-based physical line it starts on, and its mapped fields (trimmed; '' when empty). */
export interface ImportRecord {
  readonly line: number;
  readonly fields: Readonly<Record<string, string>>;
}

/** A row that could not even be split into fields. */
export interface MalformedRecord {
  readonly line: number;
  readonly code: string;
  readonly reason: string;
}

export type RecordBatch = (ImportRecord | MalformedRecord)[];

export const isMalformed = (record: ImportRecord | MalformedRecord): record is MalformedRecord =>
  'code' in record;

function resolveColumns(mapping: ImportMapping, header: readonly string[] | undefined): Map<string, number> {
  const trimmed = header?.map((name) => name.trim().toLowerCase());
  const indexes = new Map<string, number>();
  for (const [field, ref] of Object.entries(mapping.columns)) {
    const index = typeof ref === 'number' ? ref : (trimmed?.indexOf(ref.toLowerCase()) ?? -1);
    if (index === -1) {
      throw new CurtainError(
        'MAPPING_INVALID',
        `line ${mapping.skipLines + 1}: the CSV header has no column "${String(ref)}" (mapping field columns.${field})`,
      );
    }
    indexes.set(field, index);
  }
  return indexes;
}

/** Batches of records, one per decoded chunk of input, so memory stays flat on large files. */
export async function* readImportCsv(
  input: AsyncIterable<unknown>,
  mapping: ImportMapping,
): AsyncGenerator<RecordBatch, void, undefined> {
  let columns = mapping.header ? undefined : resolveColumns(mapping, undefined);
  let out: RecordBatch = [];
  const tokenizer = new CsvTokenizer(mapping, {
    record(fields, line) {
      if (line <= mapping.skipLines || (fields.length === 1 && cell(fields, 0) === '')) return;
      if (columns === undefined) {
        columns = resolveColumns(mapping, fields);
        return;
      }
      const named: Record<string, string> = {};
      for (const [field, index] of columns) named[field] = cell(fields, index);
      out.push({ line, fields: named });
    },
    malformed(line, code, reason) {
      if (line > mapping.skipLines) out.push({ line, code, reason });
    },
  });
  for await (const text of decodeText(input, mapping.encoding)) {
    tokenizer.push(text);
    if (out.length > 0) {
      yield out;
      out = [];
    }
  }
  tokenizer.end();
  if (out.length > 0) yield out;
}
