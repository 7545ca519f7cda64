// The segment language's lexer: source text to tokens with spans; bad input becomes diagnostics, never exceptions.
import currencyCodes from 'currency-codes';
import type { DurationUnit, Span } from './ast.ts';
import { diagnostic, suggestName, type LanguageDiagnostic } from './diagnostics.ts';

export const keywords = ['and', 'or', 'not', 'true', 'false'] as const;
export type Keyword = (typeof keywords)[number];

export const symbols = ['(', ')', '[', ']', ',', ':', '<', '<=', '>', '>=', '=', '!='] as const;
export type Symbol = (typeof symbols)[number];

export type Token =
  | { readonly kind: 'number'; readonly text: string; readonly value: number; readonly span: Span }
  | { readonly kind: 'money'; readonly text: string; readonly currency: string; readonly span: Span }
  | { readonly kind: 'duration'; readonly amount: number; readonly unit: DurationUnit; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly kind: 'date'; readonly value: string; readonly span: Span }
  | { readonly kind: 'name'; readonly text: string; readonly span: Span }
  | { readonly kind: 'keyword'; readonly text: Keyword; readonly span: Span }
  | { readonly kind: 'symbol'; readonly text: Symbol; readonly span: Span }
  | { readonly kind: 'end'; readonly span: Span };

export interface LexResult {
  /** Always ends with an `end` token. Bad input is skipped, so tokens may be missing where diagnostics are. */
  readonly tokens: readonly Token[];
  readonly diagnostics: readonly LanguageDiagnostic[];
}

export const namePattern = /^[a-z_][a-z0-9_]*$/;
/** Digits with single underscores between them, and an optional fraction. */
export const numberPattern = /^[0-9](?:_?[0-9])*(?:\.[0-9](?:_?[0-9])*)?$/;
export const currencyPattern = /^[A-Z]{3}$/;
const durationUnits: readonly string[] = ['d', 'w', 'm', 'y'];

export function isKeyword(text: string): text is Keyword {
  return (keywords as readonly string[]).includes(text);
}

/** The numeric value of number text as written (`1_000.50` → 1000.5). */
export function numberValue(text: string): number {
  return Number(text.replaceAll('_', ''));
}

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

export function isCurrency(code: string): boolean {
  return currencyPattern.test(code) && currencyCodes.code(code) !== undefined;
}

/** Maps offsets to 1-based line and column (columns count code points; lines end at `\n`). */
export interface Locator {
  span(start: number, end: number): Span;
}

export function createLocator(source: string): Locator {
  const lines = new Int32Array(source.length + 1);
  const columns = new Int32Array(source.length + 1);
  let line = 1;
  let column = 1;
  for (let i = 0; i <= source.length; i++) {
    lines[i] = line;
    columns[i] = column;
    const code = source.charCodeAt(i);
    if (code === 10) {
      line++;
      column = 1;
    } else if (!(code >= 0xd800 && code <= 0xdbff && isLowSurrogate(source.charCodeAt(i + 1)))) {
      column++;
    }
  }
  return {
    span(start, end) {
      return Object.freeze({ start, end, line: lines[start] ?? line, column: columns[start] ?? column });
    },
  };
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

const operatorMistakes: Partial<Record<string, string>> = {
  '==': '=',
  '<>': '!=',
  '=<': '<=',
  '=>': '>=',
  '&&': 'and',
  '||': 'or',
};
const characterMistakes: Partial<Record<string, string>> = {
  '!': '!=',
  '&': 'and',
  '|': 'or',
  '\u2260': '!=',
  '\u2264': '<=',
  '\u2265': '>=',
};
const simpleEscapes: Partial<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };
const quoteMistakes: Partial<Record<string, string>> = { "'": "'", '\u201c': '\u201d', '\u201e': '\u201c' };

export function tokenize(source: string): LexResult {
  return new Lexer(source).run();
}

class Lexer {
  readonly #source: string;
  readonly #locator: Locator;
  readonly #tokens: Token[] = [];
  readonly #diagnostics: LanguageDiagnostic[] = [];
  #offset = 0;

  constructor(source: string) {
    this.#source = source;
    this.#locator = createLocator(source);
  }

  run(): LexResult {
    const source = this.#source;
    while (this.#offset < source.length) {
      const c = source[this.#offset]!;
      if (isSpace(c)) {
        this.#offset++;
      } else if (c === '#') {
        const newline = source.indexOf('\n', this.#offset);
        this.#offset = newline === -1 ? source.length : newline;
      } else if (isDigit(c)) {
        this.#number();
      } else if (/[A-Za-z_]/.test(c)) {
        this.#word();
      } else if (c === '"') {
        this.#string();
      } else {
        this.#symbol();
      }
    }
    this.#tokens.push({ kind: 'end', span: this.#span(source.length, source.length) });
    return { tokens: Object.freeze(this.#tokens), diagnostics: Object.freeze(this.#diagnostics) };
  }

  #span(start: number, end: number): Span {
    return this.#locator.span(start, end);
  }

  #error(...args: Parameters<typeof diagnostic>): void {
    this.#diagnostics.push(diagnostic(...args));
  }

  #wordEnd(from: number): number {
    let end = from;
    while (isWordChar(this.#source[end])) end++;
    return end;
  }

  #symbol(): void {
    const source = this.#source;
    const start = this.#offset;
    const two = source.slice(start, start + 2);
    const mistake = operatorMistakes[two];
    if (mistake !== undefined) {
      this.#offset += 2;
      this.#error(
        'SYNTAX_UNEXPECTED_CHARACTER',
        `unexpected operator "${two}"`,
        this.#span(start, start + 2),
        {
          suggestion: mistake,
        },
      );
      return;
    }
    const text = [two, two[0]].find((t) => (symbols as readonly string[]).includes(t!));
    if (text !== undefined) {
      this.#offset += text.length;
      this.#tokens.push({ kind: 'symbol', text: text as Symbol, span: this.#span(start, this.#offset) });
      return;
    }
    const char = String.fromCodePoint(source.codePointAt(start)!);
    const close = quoteMistakes[char];
    const closeAt = close === undefined ? -1 : source.slice(start + 1).search(new RegExp(`[${close}\n]`));
    if (close !== undefined && closeAt !== -1 && source[start + 1 + closeAt] !== '\n') {
      // 'mortgage' or “mortgage”: one error for the whole string rather than one per quote.
      this.#offset = start + 2 + closeAt;
      const content = source.slice(start + 1, start + 1 + closeAt);
      this.#error(
        'SYNTAX_UNEXPECTED_CHARACTER',
        'strings are written in double quotes',
        this.#span(start, this.#offset),
        {
          suggestion: JSON.stringify(content),
        },
      );
      return;
    }
    this.#offset += char.length;
    this.#error(
      'SYNTAX_UNEXPECTED_CHARACTER',
      `unexpected character ${JSON.stringify(char)}`,
      this.#span(start, this.#offset),
      {
        suggestion: characterMistakes[char],
      },
    );
  }

  #word(): void {
    const start = this.#offset;
    const end = this.#wordEnd(start);
    const text = this.#source.slice(start, end);
    this.#offset = end;
    const span = this.#span(start, end);
    if (isKeyword(text)) {
      this.#tokens.push({ kind: 'keyword', text, span });
    } else if (namePattern.test(text)) {
      this.#tokens.push({ kind: 'name', text, span });
    } else if (currencyPattern.test(text) && !isKeyword(text.toLowerCase())) {
      this.#error('SYNTAX_INVALID_NAME', `a currency code follows an amount, as in "25 ${text}"`, span);
    } else {
      const lower = text.toLowerCase();
      this.#error(
        'SYNTAX_INVALID_NAME',
        isKeyword(lower)
          ? `keywords are lowercase: "${text}"`
          : `names are lowercase letters, digits and "_": "${text}"`,
        span,
        { suggestion: namePattern.test(lower) ? lower : undefined },
      );
    }
  }

  /** Numbers, amounts (`25.00 GBP`), durations (`90d`) and dates (`2026-01-31`). */
  #number(): void {
    const source = this.#source;
    const start = this.#offset;
    if (/^\d{4}-/.test(source.slice(start, start + 5)) && isDigit(source[start + 5])) {
      this.#date(start);
      return;
    }
    let end = start;
    while (isDigit(source[end]) || source[end] === '_' || (source[end] === '.' && isDigit(source[end + 1]))) {
      end++;
    }
    const text = source.slice(start, end);
    const suffixEnd = this.#wordEnd(end);
    const suffix = source.slice(end, suffixEnd);
    this.#offset = suffixEnd;
    const span = this.#span(start, suffixEnd);
    if (!numberPattern.test(text)) {
      this.#error(
        'SYNTAX_INVALID_NUMBER',
        'numbers are digits with an optional fraction, and "_" only between digits, as in 1_000.50',
        span,
      );
      return;
    }
    if (suffix !== '') {
      this.#duration(text, suffix, span);
      return;
    }
    const money = /^[ \t\r\n]+([A-Za-z]{3})(?![A-Za-z0-9_])/.exec(source.slice(end, end + 64));
    if (money !== null && currencyPattern.test(money[1]!) && !isKeyword(money[1]!.toLowerCase())) {
      const currency = money[1]!;
      const currencyStart = end + money[0].length - 3;
      this.#offset = currencyStart + 3;
      if (!isCurrency(currency)) {
        this.#error(
          'SYNTAX_UNKNOWN_CURRENCY',
          `"${currency}" is not an ISO 4217 currency code`,
          this.#span(currencyStart, currencyStart + 3),
          { suggestion: suggestName(currency, currencyCodes.codes()) },
        );
        return;
      }
      this.#tokens.push({ kind: 'money', text, currency, span: this.#span(start, this.#offset) });
      return;
    }
    this.#tokens.push({ kind: 'number', text, value: numberValue(text), span });
  }

  #duration(text: string, unit: string, span: Span): void {
    if (currencyPattern.test(unit)) {
      this.#error('SYNTAX_INVALID_NUMBER', 'an amount and its currency are separated by a space', span, {
        suggestion: `${text} ${unit}`,
      });
      return;
    }
    if (!durationUnits.includes(unit)) {
      const word: Partial<Record<string, string>> = {
        day: 'd',
        days: 'd',
        week: 'w',
        weeks: 'w',
        month: 'm',
        months: 'm',
        mo: 'm',
        year: 'y',
        years: 'y',
        D: 'd',
        W: 'w',
        M: 'm',
        Y: 'y',
      };
      const unitSuggestion = word[unit];
      this.#error(
        'SYNTAX_INVALID_DURATION',
        `unknown unit "${unit}": durations are a whole number and d, w, m (30 days) or y (365 days), as in 90d`,
        span,
        { suggestion: unitSuggestion === undefined ? undefined : text + unitSuggestion },
      );
      return;
    }
    if (text.includes('.')) {
      this.#error('SYNTAX_INVALID_DURATION', 'durations are whole numbers, as in 90d', span);
      return;
    }
    const amount = numberValue(text);
    if (!Number.isSafeInteger(amount)) {
      this.#error('SYNTAX_INVALID_DURATION', 'the duration is too large', span);
      return;
    }
    this.#tokens.push({ kind: 'duration', amount, unit: unit as DurationUnit, span });
  }

  #date(start: number): void {
    const source = this.#source;
    let end = start;
    while (isWordChar(source[end]) || (source[end] === '-' && isDigit(source[end + 1]))) end++;
    const text = source.slice(start, end);
    this.#offset = end;
    const span = this.#span(start, end);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      this.#error('SYNTAX_INVALID_DATE', `dates are written YYYY-MM-DD, as in 2026-01-31`, span);
    } else if (!isCalendarDate(text)) {
      this.#error('SYNTAX_INVALID_DATE', `${text} is not a day of the calendar`, span);
    } else {
      this.#tokens.push({ kind: 'date', value: text, span });
    }
  }

  #string(): void {
    const source = this.#source;
    const start = this.#offset;
    let value = '';
    let offset = start + 1;
    let valid = true;
    for (;;) {
      const c = source[offset];
      if (c === undefined || c === '\n') {
        const end = c === '\n' && source[offset - 1] === '\r' ? offset - 1 : offset;
        this.#error(
          'SYNTAX_UNTERMINATED_STRING',
          'this string has no closing quote on its line',
          this.#span(start, end),
        );
        this.#offset = offset;
        return;
      }
      if (c === '"') break;
      if (c !== '\\') {
        value += c;
        offset++;
        continue;
      }
      const escape = source[offset + 1];
      const replacement = escape === undefined ? undefined : simpleEscapes[escape];
      if (replacement !== undefined) {
        value += replacement;
        offset += 2;
        continue;
      }
      const unicode = /^u\{([0-9A-Fa-f]{1,6})\}/.exec(source.slice(offset + 1, offset + 11));
      const codePoint = unicode === null ? undefined : parseInt(unicode[1]!, 16);
      if (
        unicode !== null &&
        codePoint !== undefined &&
        codePoint <= 0x10ffff &&
        !(codePoint >= 0xd800 && codePoint <= 0xdfff)
      ) {
        value += String.fromCodePoint(codePoint);
        offset += 1 + unicode[0].length;
        continue;
      }
      const length =
        unicode !== null ? 1 + unicode[0].length : escape === undefined || escape === '\n' ? 1 : 2;
      this.#error(
        'SYNTAX_INVALID_ESCAPE',
        unicode !== null
          ? 'not a Unicode scalar value'
          : 'unknown escape: strings may use \\", \\\\, \\n, \\t and \\u{hex}',
        this.#span(offset, offset + length),
      );
      valid = false;
      offset += length;
    }
    this.#offset = offset + 1;
    if (valid) this.#tokens.push({ kind: 'string', value, span: this.#span(start, this.#offset) });
  }
}
