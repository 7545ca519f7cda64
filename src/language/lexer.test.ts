import { describe, expect, it } from 'vitest';
import { isCalendarDate, tokenize, type Token } from './lexer.ts';

const kinds = (source: string) => tokenize(source).tokens.map((t) => t.kind);
const codes = (source: string) => tokenize(source).diagnostics.map((d) => d.code);
const only = (source: string): Token => {
  const { tokens, diagnostics } = tokenize(source);
  expect(diagnostics).toEqual([]);
  expect(tokens).toHaveLength(2);
  return tokens[0]!;
};

describe('tokenize', () => {
  it('splits the seeds example into tokens with spans', () => {
    const { tokens, diagnostics } = tokenize(
      'spent(category: "home_inspection", within: 90d) > 0 and not holds("mortgage")',
    );
    expect(diagnostics).toEqual([]);
    expect(tokens.map((t) => t.kind)).toEqual([
      'name', 'symbol', 'name', 'symbol', 'string', 'symbol', 'name', 'symbol', 'duration', 'symbol',
      'symbol', 'number', 'keyword', 'keyword', 'name', 'symbol', 'string', 'symbol', 'end',
    ]); // prettier-ignore
    expect(tokens[4]!.span).toEqual({ start: 16, end: 33, line: 1, column: 17 });
    expect(tokens.at(-1)!.span).toEqual({ start: 77, end: 77, line: 1, column: 78 });
  });

  it('reads numbers with underscores and fractions, keeping the text as written', () => {
    expect(only('1_000.50')).toMatchObject({ kind: 'number', text: '1_000.50', value: 1000.5 });
    expect(only('007')).toMatchObject({ kind: 'number', text: '007', value: 7 });
    expect(codes('1__0')).toEqual(['SYNTAX_INVALID_NUMBER']);
    expect(codes('1_')).toEqual(['SYNTAX_INVALID_NUMBER']);
    expect(kinds('1.')).toEqual(['number', 'end']);
    expect(codes('1.')).toEqual(['SYNTAX_UNEXPECTED_CHARACTER']);
  });

  it('reads amounts: a number, whitespace and an ISO 4217 code', () => {
    expect(only('25.00 GBP')).toMatchObject({ kind: 'money', text: '25.00', currency: 'GBP' });
    expect(only('25\tEUR').span).toMatchObject({ start: 0, end: 6 });
    expect(only('1_000 CHF')).toMatchObject({ text: '1_000', currency: 'CHF' });
    const unknown = tokenize('25 GPB').diagnostics[0]!;
    expect(unknown).toMatchObject({ code: 'SYNTAX_UNKNOWN_CURRENCY', suggestion: 'GBP' });
    expect(unknown.span).toMatchObject({ start: 3, end: 6 });
    expect(tokenize('25GBP').diagnostics[0]).toMatchObject({
      code: 'SYNTAX_INVALID_NUMBER',
      suggestion: '25 GBP',
    });
    expect(kinds('25 gbp')).toEqual(['number', 'name', 'end']);
    expect(kinds('25 and x')).toEqual(['number', 'keyword', 'name', 'end']);
    expect(tokenize('25 AND x').diagnostics[0]).toMatchObject({
      code: 'SYNTAX_INVALID_NAME',
      suggestion: 'and',
    });
  });

  it('reads durations with a unit letter and no space', () => {
    expect(only('90d')).toMatchObject({ kind: 'duration', amount: 90, unit: 'd' });
    expect(only('12w')).toMatchObject({ amount: 12, unit: 'w' });
    expect(only('6m')).toMatchObject({ amount: 6, unit: 'm' });
    expect(only('1y')).toMatchObject({ amount: 1, unit: 'y' });
    expect(tokenize('90days').diagnostics[0]).toMatchObject({
      code: 'SYNTAX_INVALID_DURATION',
      suggestion: '90d',
    });
    expect(codes('1.5y')).toEqual(['SYNTAX_INVALID_DURATION']);
    expect(codes('3x')).toEqual(['SYNTAX_INVALID_DURATION']);
    expect(kinds('90 d')).toEqual(['number', 'name', 'end']);
  });

  it('reads dates and checks them against the calendar', () => {
    expect(only('2026-01-31')).toMatchObject({ kind: 'date', value: '2026-01-31' });
    expect(only('2024-02-29')).toMatchObject({ value: '2024-02-29' });
    expect(codes('2026-02-29')).toEqual(['SYNTAX_INVALID_DATE']);
    expect(codes('2026-13-01')).toEqual(['SYNTAX_INVALID_DATE']);
    expect(codes('2026-1-5')).toEqual(['SYNTAX_INVALID_DATE']);
    expect(codes('2026-01-31x')).toEqual(['SYNTAX_INVALID_DATE']);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2026-04-31')).toBe(false);
  });

  it('reads strings with escapes', () => {
    expect(only(String.raw`"a\"b\\c\nd\te\u{1F600}\u{e9}"`)).toMatchObject({
      kind: 'string',
      value: 'a"b\\c\nd\te😀é',
    });
    expect(only('"Caf\u00e9 & co"')).toMatchObject({ value: 'Café & co' });
    expect(only('""')).toMatchObject({ value: '' });
  });

  it('reports bad strings without throwing', () => {
    expect(tokenize('"abc').diagnostics[0]).toMatchObject({
      code: 'SYNTAX_UNTERMINATED_STRING',
      span: { start: 0, end: 4 },
    });
    expect(tokenize('"abc\r\nx').diagnostics[0]!.span).toMatchObject({ start: 0, end: 4 });
    expect(tokenize(String.raw`"a\qb"`).diagnostics[0]).toMatchObject({
      code: 'SYNTAX_INVALID_ESCAPE',
      span: { start: 2, end: 4 },
    });
    expect(codes(String.raw`"\u{d800}"`)).toEqual(['SYNTAX_INVALID_ESCAPE']);
    expect(codes(String.raw`"\u{110000}"`)).toEqual(['SYNTAX_INVALID_ESCAPE']);
    expect(codes('"\\')).toEqual(['SYNTAX_INVALID_ESCAPE', 'SYNTAX_UNTERMINATED_STRING']);
  });

  it('keeps keywords lowercase and names to [a-z_][a-z0-9_]*', () => {
    expect(kinds('and or not true false _x x_1')).toEqual([
      'keyword', 'keyword', 'keyword', 'keyword', 'keyword', 'name', 'name', 'end',
    ]); // prettier-ignore
    expect(tokenize('AND').diagnostics[0]).toMatchObject({ code: 'SYNTAX_INVALID_NAME', suggestion: 'and' });
    expect(tokenize('Spent').diagnostics[0]).toMatchObject({
      code: 'SYNTAX_INVALID_NAME',
      suggestion: 'spent',
    });
    expect(tokenize('GBP').diagnostics[0]!.message).toContain('currency code follows an amount');
  });

  it('skips whitespace and comments, and tracks lines and columns', () => {
    const { tokens } = tokenize('# a comment\n  holds("x") # another\n\tand');
    expect(tokens.map((t) => [t.kind, t.span.line, t.span.column])).toEqual([
      ['name', 2, 3],
      ['symbol', 2, 8],
      ['string', 2, 9],
      ['symbol', 2, 12],
      ['keyword', 3, 2],
      ['end', 3, 5],
    ]);
  });

  it('reads operators and reports common mistakes with a suggestion', () => {
    expect(tokenize('< <= > >= = !=').tokens.map((t) => (t.kind === 'symbol' ? t.text : t.kind))).toEqual([
      '<', '<=', '>', '>=', '=', '!=', 'end',
    ]); // prettier-ignore
    const suggestions = (source: string) => tokenize(source).diagnostics.map((d) => d.suggestion);
    expect(suggestions('a == b')).toEqual(['=']);
    expect(suggestions('a <> b')).toEqual(['!=']);
    expect(suggestions('a && b || c')).toEqual(['and', 'or']);
    expect(suggestions("holds('mortgage')")).toEqual(['"mortgage"']);
    expect(suggestions('holds(\u201cmortgage\u201d)')).toEqual(['"mortgage"']);
    expect(suggestions('a ≠ b')).toEqual(['!=']);
    expect(codes('a @ b $')).toEqual(['SYNTAX_UNEXPECTED_CHARACTER', 'SYNTAX_UNEXPECTED_CHARACTER']);
    expect(tokenize('😀').diagnostics[0]!.span).toMatchObject({ start: 0, end: 2 });
  });

  it('never throws on arbitrary input', () => {
    for (const source of ['\u0000', '"\n"', '2026-', '2026-01-', '1e5', '\\', "'", '\ud800', '-1', '.5']) {
      expect(() => tokenize(source)).not.toThrow();
    }
  });
});
