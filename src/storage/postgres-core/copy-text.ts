// PostgreSQL's COPY text format (tab-separated, \N for NULL): the writer for COPY FROM, the parser and statements for COPY TO.
import type { CopyParameter, CopyToQuery } from '../ports.ts';

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

// ——— Reading: COPY (…) TO in text format ———

/** Reads one field: `\N` is NULL; backslash escapes are undone. */
export function copyFieldValue(field: string): string | null {
  if (field.length === 2 && field === '\\N') return null;
  return field.indexOf('\\') === -1 ? field : unescapeField(field);
}

const simpleEscapes: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function unescapeField(field: string): string {
  let out = '';
  let from = 0;
  let at = field.indexOf('\\');
  while (at !== -1) {
    out += field.slice(from, at);
    const next = field[at + 1];
    if (next === undefined) throw new SyntaxError('COPY text: a field ends in a lone backslash');
    const octal = /^[0-7]{1,3}/.exec(field.slice(at + 1, at + 4))?.[0];
    const hex = next === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(field.slice(at + 2, at + 4))?.[0] : undefined;
    let end = at + 2;
    if (octal !== undefined || hex !== undefined) {
      // The escaped value is a byte of the server encoding; only ASCII is one character.
      const code = octal !== undefined ? parseInt(octal, 8) : parseInt(hex ?? '', 16);
      if (code > 0x7f) throw new SyntaxError('COPY text: a non-ASCII byte escape is not supported');
      out += String.fromCharCode(code);
      end = octal !== undefined ? at + 1 + octal.length : at + 2 + (hex ?? '').length;
    } else {
      out += simpleEscapes[next] ?? next;
    }
    from = end;
    at = field.indexOf('\\', from);
  }
  return out + field.slice(from);
}

/**
 * Splits whole rows of COPY text, as `copyTo` yields them, into fields and calls `onRow` once per
 * row. `fields` is one array reused for every row: copy out what you keep. Returns the row count.
 */
export function parseCopyRows(text: string, onRow: (fields: readonly (string | null)[]) => void): number {
  const fields: (string | null)[] = [];
  let rows = 0;
  let start = 0;
  let tab = text.indexOf('\t');
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    if (end === -1) throw new SyntaxError('COPY text: the last row does not end in a newline');
    let count = 0;
    let from = start;
    while (tab !== -1 && tab < end) {
      fields[count++] = copyFieldValue(text.slice(from, tab));
      from = tab + 1;
      tab = text.indexOf('\t', from);
    }
    fields[count++] = copyFieldValue(text.slice(from, end));
    fields.length = count;
    onRow(fields);
    rows++;
    start = end + 1;
  }
  return rows;
}

const byteaHex = /^\\x(?:[0-9a-fA-F]{2})*$/;

/** Decodes a `bytea` field (after `copyFieldValue`), which PostgreSQL prints as '\x' and hex digits. */
export function byteaFromCopy(value: string): Uint8Array {
  if (!byteaHex.test(value)) throw new SyntaxError('COPY text: a bytea value is not in hex format');
  return Buffer.from(value.slice(2), 'hex');
}

/**
 * The key (first field) of the last row of whole COPY text rows, and where the run of rows ending
 * the text with that same key starts. Throws unless the key is an integer.
 */
export function lastKeyRun(text: string): { readonly key: string; readonly start: number } {
  let start = text.lastIndexOf('\n', text.length - 2) + 1;
  const key = keyOf(text, start, text.length - 1);
  while (start > 0) {
    const previous = text.lastIndexOf('\n', start - 2) + 1;
    if (keyOf(text, previous, start - 1) !== key) break;
    start = previous;
  }
  return { key, start };
}

function keyOf(text: string, start: number, end: number): string {
  const tab = text.indexOf('\t', start);
  const key = text.slice(start, tab === -1 || tab > end ? end : tab);
  if (!integer.test(key)) throw new TypeError('copyTo: the first column must be an integer key');
  return key;
}

const integer = /^-?\d+$/;

/** Where COPY TO writes: the client connection, or PGlite's in-memory device. */
export type CopyTarget = 'STDOUT' | "'/dev/blob'";

/** Part of a COPY TO by key: keys above `after` (or from it, when `inclusive`), or only `key`. */
export type CopyToRange =
  | { readonly after: string | undefined; readonly inclusive: boolean; readonly limit: number }
  | { readonly key: string };

/**
 * `COPY (select in key order) TO target`, whole or one range of keys. The select's first column
 * is renamed `copy_key`, so that the key can be called anything. `int8eq(copy_key, copy_key)` is
 * the type check (only smallint, integer and bigint convert implicitly) and leaves NULL keys out.
 */
export function copyToStatement(
  query: string | CopyToQuery,
  target: CopyTarget,
  range?: CopyToRange,
): string {
  const { select, parameters = [] } = typeof query === 'string' ? { select: query } : query;
  let where = '';
  let limit = '';
  if (range !== undefined && 'key' in range) {
    where = ` AND copy_key = ${integerLiteral(range.key)}`;
  } else if (range !== undefined) {
    if (range.after !== undefined) {
      where = ` AND copy_key ${range.inclusive ? '>=' : '>'} ${integerLiteral(range.after)}`;
    }
    if (!Number.isSafeInteger(range.limit) || range.limit < 1) throw new RangeError('copyTo: bad page size');
    limit = ` LIMIT ${range.limit}`;
  }
  // The newline ends a comment that the select may end with.
  const source = `SELECT * FROM (${bindCopyParameters(select, parameters)}\n) AS copy_source (copy_key)`;
  const order = `WHERE int8eq(copy_key, copy_key)${where} ORDER BY copy_key${limit}`;
  return `COPY (${source} ${order}) TO ${target} (FORMAT text, ENCODING 'UTF8')`;
}

function integerLiteral(digits: string): string {
  if (!integer.test(digits)) throw new TypeError('copyTo: a key is not an integer');
  return `(${digits})`;
}

/** One parameter as a SQL literal, from a type whose text cannot carry SQL. */
export function copyParameterLiteral(value: CopyParameter): string {
  if (value === null) return 'NULL';
  switch (typeof value) {
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'bigint':
      return `(${value})`;
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError('copyTo: a number parameter is not finite');
      return `(${value})`;
    case 'object':
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new RangeError('copyTo: a Date parameter is invalid');
        return `TIMESTAMPTZ '${value.toISOString()}'`;
      }
      if (Array.isArray(value)) {
        const items = (value as readonly unknown[]).map((item) => {
          if (typeof item === 'bigint' || (typeof item === 'number' && Number.isSafeInteger(item))) {
            return String(item);
          }
          throw new TypeError('copyTo: an array parameter may hold only integers');
        });
        return `'{${items.join(',')}}'`;
      }
  }
  throw new TypeError(`copyTo: a parameter of type ${typeof value} cannot be rendered as a literal`);
}

const identifierChar = /[\p{L}\p{N}_$]/u;

/**
 * Replaces the placeholders `$1`, `$2`, … of `sql` with literals of `parameters`. Skips quoted
 * strings (including E'…' with backslash escapes), quoted identifiers, dollar-quoted strings and
 * comments, and refuses SQL where one of those does not end, or a placeholder has no parameter.
 */
export function bindCopyParameters(sql: string, parameters: readonly CopyParameter[]): string {
  let out = '';
  let from = 0;
  let at = 0;
  const unterminated = (what: string) => new SyntaxError(`copyTo: unterminated ${what} in the select`);
  const skipTo = (close: string, start: number, what: string) => {
    const found = sql.indexOf(close, start);
    if (found === -1) throw unterminated(what);
    return found + close.length;
  };
  while (at < sql.length) {
    const c = sql[at]!;
    const previous = at > 0 ? sql[at - 1]! : ' ';
    if (c === "'") {
      const escapes = (previous === 'E' || previous === 'e') && !identifierChar.test(sql[at - 2] ?? ' ');
      at = skipString(sql, at + 1, escapes, unterminated);
    } else if (c === '"') {
      at = skipTo('"', at + 1, 'quoted identifier');
    } else if (c === '-' && sql[at + 1] === '-') {
      const newline = sql.indexOf('\n', at);
      at = newline === -1 ? sql.length : newline + 1;
    } else if (c === '/' && sql[at + 1] === '*') {
      at = skipBlockComment(sql, at, unterminated);
    } else if (c === '$' && !identifierChar.test(previous)) {
      const placeholder = /^\$(\d+)/.exec(sql.slice(at, at + 12));
      if (placeholder !== null) {
        const index = Number(placeholder[1]);
        if (index < 1 || index > parameters.length) {
          throw new RangeError(`copyTo: placeholder $${index} has no parameter`);
        }
        out += sql.slice(from, at) + copyParameterLiteral(parameters[index - 1]!);
        at += placeholder[0].length;
        from = at;
      } else {
        const tag = /^\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$/.exec(sql.slice(at, at + 64));
        at = tag === null ? at + 1 : skipTo(tag[0], at + tag[0].length, 'dollar-quoted string');
      }
    } else {
      at++;
    }
  }
  return out + sql.slice(from);
}

function skipString(
  sql: string,
  at: number,
  backslashEscapes: boolean,
  unterminated: (what: string) => Error,
): number {
  while (at < sql.length) {
    const c = sql[at];
    if (backslashEscapes && c === '\\') at += 2;
    else if (c === "'" && sql[at + 1] === "'") at += 2;
    else if (c === "'") return at + 1;
    else at++;
  }
  throw unterminated('string');
}

function skipBlockComment(sql: string, at: number, unterminated: (what: string) => Error): number {
  let depth = 0;
  while (at < sql.length) {
    if (sql.startsWith('/*', at)) {
      depth++;
      at += 2;
    } else if (sql.startsWith('*/', at)) {
      depth--;
      at += 2;
      if (depth === 0) return at;
    } else {
      at++;
    }
  }
  throw unterminated('comment');
}
