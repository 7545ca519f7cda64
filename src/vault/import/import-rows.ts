// Shared reading of import cells: dates in the mapping's layout, yes/no flags, the bank's codes, problems per field.
import { dateReader, readIsoDate, type DateReader } from '../ingest/formats/dates.ts';
import type { ImportMapping } from './import-mapping.ts';
import type { ImportRecord } from './import-csv.ts';

/** Why a row was quarantined: the field and a reason that never quotes the row's values. */
export interface RowProblem {
  readonly field: string;
  readonly code: string;
  readonly reason: string;
}

export const isProblem = (value: unknown): value is RowProblem =>
  typeof value === 'object' && value !== null && 'code' in value && 'reason' in value && 'field' in value;

export const problem = (field: string, code: string, reason: string): RowProblem => ({ field, code, reason });

/** Reads the cells of one record the way its mapping says. */
export class CellReader {
  readonly #mapping: ImportMapping;
  readonly #date: DateReader;
  readonly #yes: Set<string>;

  constructor(mapping: ImportMapping) {
    this.#mapping = mapping;
    this.#date = dateReader(mapping.dateFormat);
    this.#yes = new Set(mapping.trueValues.map((value) => value.toLowerCase()));
  }

  text(record: ImportRecord, field: string): string {
    return record.fields[field] ?? '';
  }

  required(record: ImportRecord, field: string): string | RowProblem {
    const text = this.text(record, field);
    return text === '' ? problem(field, 'missing-value', `${field} is empty`) : text;
  }

  /** A date in the mapping's layout (ISO accepted too); '' when the cell is empty and the field optional. */
  date(record: ImportRecord, field: string, required: boolean): string | RowProblem {
    const text = this.text(record, field);
    if (text === '') return required ? problem(field, 'missing-value', `${field} is empty`) : '';
    const date = this.#date(text) ?? readIsoDate(text);
    return (
      date ??
      problem(field, 'invalid-date', `${field} is not a date in the layout ${this.#mapping.dateFormat}`)
    );
  }

  flag(record: ImportRecord, field: string): boolean {
    return this.#yes.has(this.text(record, field).toLowerCase());
  }

  /** A value through the mapping's `codes` for the field; unchanged when the mapping has no code for it. */
  translate(field: string, text: string): string {
    const codes = this.#mapping.codes[field];
    return codes?.[text] ?? codes?.[text.toLowerCase()] ?? text;
  }

  /** The cell through the mapping's `codes` for the field, then checked against the values Curtain knows. */
  code<T extends string>(
    record: ImportRecord,
    field: string,
    allowed: readonly T[],
    fallback: T | undefined,
  ): T | RowProblem {
    const text = this.text(record, field);
    if (text === '') {
      return fallback ?? problem(field, 'missing-value', `${field} is empty`);
    }
    const mapped = this.translate(field, text);
    return (allowed as readonly string[]).includes(mapped)
      ? (mapped as T)
      : problem(
          field,
          `unknown-${field}`,
          `${field} has a code the mapping does not translate (codes.${field})`,
        );
  }
}
