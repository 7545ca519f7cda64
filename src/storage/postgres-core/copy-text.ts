// Encodes values for COPY … FROM STDIN in PostgreSQL's text format (tab-separated, \N for NULL).

const specials = /[\\\t\n\r]/;

/** A bytea value already in hex, as hashing code produces it: saves a Buffer round trip per row. */
export interface ByteaHex {
  readonly byteaHex: string;
}

export type CopyValue = string | number | Uint8Array | ByteaHex | null | undefined;

/** One field: NULL, number, bytea (as hex) or text with backslash escapes. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  if (value instanceof Uint8Array) return '\\\\x' + Buffer.from(value).toString('hex');
  if (typeof value === 'object') return '\\\\x' + value.byteaHex;
  return specials.test(value) ? escapeText(value) : value;
}

function escapeText(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** One row, newline-terminated. */
export function copyRow(fields: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i === 0 ? '' : '\t') + copyField(fields[i]);
  return line + '\n';
}

/** Regroups a stream of rows into pieces of about `targetBytes` characters, for bounded memory. */
export async function* batchText(
  rows: AsyncIterable<string> | Iterable<string>,
  targetChars: number,
): AsyncGenerator<string> {
  let parts: string[] = [];
  let size = 0;
  for await (const row of rows) {
    parts.push(row);
    size += row.length;
    if (size >= targetChars) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}

const identifier = /^[a-z_][a-z0-9_]*$/;

/** The one sanitizer for identifiers: only plain lower-case names pass. */
export function sqlIdentifier(name: string): string {
  if (!identifier.test(name)) throw new Error(`invalid SQL identifier: ${JSON.stringify(name)}`);
  return name;
}

export function copyStatement(table: string, columns: readonly string[]): string {
  return `COPY ${sqlIdentifier(table)} (${columns.map(sqlIdentifier).join(', ')}) FROM STDIN`;
}
