// Language diagnostics: stable codes pointing at the source, rendered with the line and a caret.
import damerauLevenshtein from 'damerau-levenshtein';
import type { Span } from './ast.ts';

/**
 * A problem found in a segment expression. `code` is stable (documented in docs/segment-language.md);
 * `message` is for people and never contains customer data. The syntax codes are listed in
 * `syntaxCodes`; the checker adds its own codes.
 */
export interface LanguageDiagnostic {
  readonly code: string;
  readonly message: string;
  readonly span: Span;
  /** What would have been accepted at `span`, as shown to people: `"and"`, `a number`, `end of input`. */
  readonly expected?: readonly string[];
  /** A close, valid replacement for the text at `span`. */
  readonly suggestion?: string;
}

export const syntaxCodes = [
  'SYNTAX_TOO_LONG',
  'SYNTAX_TOO_DEEP',
  'SYNTAX_EMPTY',
  'SYNTAX_UNEXPECTED_CHARACTER',
  'SYNTAX_UNTERMINATED_STRING',
  'SYNTAX_INVALID_ESCAPE',
  'SYNTAX_INVALID_NUMBER',
  'SYNTAX_INVALID_DURATION',
  'SYNTAX_INVALID_DATE',
  'SYNTAX_UNKNOWN_CURRENCY',
  'SYNTAX_INVALID_NAME',
  'SYNTAX_UNEXPECTED_TOKEN',
  'SYNTAX_UNEXPECTED_END',
  'SYNTAX_CHAINED_COMPARISON',
  'SYNTAX_NAME_NOT_CALLED',
] as const;

export type SyntaxCode = (typeof syntaxCodes)[number];

export function diagnostic(
  code: SyntaxCode,
  message: string,
  span: Span,
  extra: { readonly expected?: readonly string[] | undefined; readonly suggestion?: string | undefined } = {},
): LanguageDiagnostic {
  return Object.freeze({
    code,
    message,
    span,
    ...(extra.expected !== undefined && { expected: Object.freeze([...extra.expected]) }),
    ...(extra.suggestion !== undefined && { suggestion: extra.suggestion }),
  });
}

const tabWidth = 4;

/** Display columns (0-based) of each code point boundary of `line`, with tabs advancing to the next stop. */
function displayColumns(line: string): { text: string; columnAt: (offset: number) => number } {
  const columns = new Map<number, number>();
  let text = '';
  let width = 0;
  let offset = 0;
  for (const char of line) {
    columns.set(offset, width);
    const shown = char === '\t' ? ' '.repeat(tabWidth - (width % tabWidth)) : char === '\r' ? ' ' : char;
    text += shown;
    width += char === '\t' ? shown.length : 1;
    offset += char.length;
  }
  columns.set(offset, width);
  return { text, columnAt: (o) => columns.get(o) ?? width + Math.max(0, o - line.length) };
}

/**
 * `line:column: message`, the source line, a caret line under the span (`^~~~`), then
 * `expected one of: …` and `did you mean "…"?` when the diagnostic has them.
 */
export function renderDiagnostic(source: string, diagnostic: LanguageDiagnostic): string {
  const { span } = diagnostic;
  const start = Math.min(Math.max(0, span.start), source.length);
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const newline = source.indexOf('\n', lineStart);
  const lineEnd = newline === -1 ? source.length : newline;
  const line = source.slice(lineStart, lineEnd).replace(/\r$/, '');
  const { text, columnAt } = displayColumns(line);
  const from = columnAt(start - lineStart);
  const to = columnAt(Math.min(Math.max(span.end, start), lineStart + line.length) - lineStart);
  const width = Math.max(1, to - from);
  const lines = [
    `${span.line}:${span.column}: ${diagnostic.message}`,
    text.trimEnd(),
    ' '.repeat(from) + '^' + '~'.repeat(width - 1),
  ];
  if (diagnostic.expected !== undefined && diagnostic.expected.length > 0) {
    lines.push(
      diagnostic.expected.length === 1
        ? `expected: ${diagnostic.expected[0]}`
        : `expected one of: ${diagnostic.expected.join(', ')}`,
    );
  }
  const { suggestion } = diagnostic;
  if (suggestion !== undefined) {
    lines.push(`did you mean ${suggestion.includes('"') ? `\`${suggestion}\`` : `"${suggestion}"`}?`);
  }
  return lines.join('\n');
}

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions (`adn` is 1 from `and`). */
export function editDistance(a: string, b: string): number {
  return damerauLevenshtein(a, b).steps;
}

/**
 * The candidate closest to `name`, if it is close: at most one edit for short names, a third of the
 * length for longer ones; case differences are free. Undefined when `name` is itself a candidate.
 */
export function suggestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor([...name].length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) return undefined;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance && distance < [...name].length) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
