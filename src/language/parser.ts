// The segment language's parser: recursive descent from tokens to a frozen syntax tree, or diagnostics.
import {
  argument,
  booleanLiteral,
  call,
  comparison,
  dateLiteral,
  durationLiteral,
  group,
  listLiteral,
  logical,
  moneyLiteral,
  not,
  numberLiteral,
  stringLiteral,
  type Argument,
  type CompareOperator,
  type Expression,
  type Span,
} from './ast.ts';
import { diagnostic, suggestName, type LanguageDiagnostic } from './diagnostics.ts';
import { createLocator, keywords, tokenize, type Token } from './lexer.ts';

export type ParseResult =
  | { readonly ok: true; readonly ast: Expression }
  | { readonly ok: false; readonly diagnostics: readonly LanguageDiagnostic[] };

export interface ParseOptions {
  /** Longest accepted source, in UTF-16 code units. Default 10,000. */
  readonly maxLength?: number;
  /** Deepest accepted nesting of parentheses, lists, calls and `not`. Default 200. */
  readonly maxDepth?: number;
}

export const defaultMaxLength = 10_000;
export const defaultMaxDepth = 200;

const compareOperators: readonly string[] = ['<', '<=', '>', '>=', '=', '!='];
const quoted = (text: string): string => `"${text}"`;
const operandStarts = [
  'a function call',
  'a number',
  'an amount',
  'a duration',
  'a string',
  'a date',
  '"true"',
  '"false"',
  '"("',
  '"["',
];

/** Parses one segment expression. Never throws for bad input: problems come back as diagnostics. */
export function parseExpression(source: string, options: ParseOptions = {}): ParseResult {
  const maxLength = options.maxLength ?? defaultMaxLength;
  if (source.length > maxLength) {
    const span = createLocator(source).span(maxLength, source.length);
    return failure(
      diagnostic(
        'SYNTAX_TOO_LONG',
        `the expression is ${source.length.toLocaleString('en')} characters long; the limit is ${maxLength.toLocaleString('en')}`,
        span,
      ),
    );
  }
  const lexed = tokenize(source);
  if (lexed.diagnostics.length > 0) return { ok: false, diagnostics: lexed.diagnostics };
  const parser = new Parser(lexed.tokens, options.maxDepth ?? defaultMaxDepth);
  try {
    return { ok: true, ast: parser.parse() };
  } catch (error) {
    if (error instanceof SyntaxFailure) return failure(error.diagnostic);
    throw error;
  }
}

function failure(d: LanguageDiagnostic): ParseResult {
  return { ok: false, diagnostics: Object.freeze([d]) };
}

/** Unwinds the descent at the first syntax error; caught in parseExpression and never escapes it. */
class SyntaxFailure extends Error {
  constructor(readonly diagnostic: LanguageDiagnostic) {
    super(diagnostic.message);
  }
}

function cover(from: Span, to: Span): Span {
  return Object.freeze({ start: from.start, end: to.end, line: from.line, column: from.column });
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'number':
      return `number ${token.text}`;
    case 'money':
      return `amount ${token.text} ${token.currency}`;
    case 'duration':
      return `duration ${token.amount}${token.unit}`;
    case 'string':
      return 'string';
    case 'date':
      return `date ${token.value}`;
    case 'name':
      return `name "${token.text}"`;
    case 'keyword':
    case 'symbol':
      return quoted(token.text);
    case 'end':
      return 'end of input';
  }
}

interface Context {
  /** What closes the construct being parsed (`")"`), or undefined at the top level. */
  readonly closer: string | undefined;
  /** Also accepted after an item: `","` inside calls and lists. */
  readonly separator: boolean;
  readonly opener: Token | undefined;
}

class Parser {
  readonly #tokens: readonly Token[];
  readonly #maxDepth: number;
  #index = 0;
  #depth = 0;
  /** Whether the last operand parsed could still take a comparison operator. */
  #bareOperand = false;

  constructor(tokens: readonly Token[], maxDepth: number) {
    this.#tokens = tokens;
    this.#maxDepth = maxDepth;
  }

  parse(): Expression {
    if (this.#peek().kind === 'end') {
      throw this.#fail('SYNTAX_EMPTY', 'the expression is empty', this.#peek().span, {
        expected: ['"not"', ...operandStarts],
      });
    }
    const top: Context = { closer: undefined, separator: false, opener: undefined };
    const expression = this.#expression(top);
    this.#expectEnd(top);
    return expression;
  }

  #peek(ahead = 0): Token {
    return this.#tokens[Math.min(this.#index + ahead, this.#tokens.length - 1)]!;
  }

  #next(): Token {
    const token = this.#peek();
    if (token.kind !== 'end') this.#index++;
    return token;
  }

  #is(token: Token, text: string): boolean {
    return (token.kind === 'symbol' || token.kind === 'keyword') && token.text === text;
  }

  #fail(...args: Parameters<typeof diagnostic>): SyntaxFailure {
    return new SyntaxFailure(diagnostic(...args));
  }

  #enter(token: Token): void {
    if (++this.#depth > this.#maxDepth) {
      throw this.#fail(
        'SYNTAX_TOO_DEEP',
        `the expression nests more than ${this.#maxDepth} levels deep`,
        token.span,
      );
    }
  }

  /** Fails on the current token, which cannot follow a complete expression in `context`. */
  #unexpectedAfterExpression(context: Context): never {
    const token = this.#peek();
    const expected = [
      ...(this.#bareOperand ? compareOperators.map(quoted) : []),
      '"and"',
      '"or"',
      ...(context.separator ? ['","'] : []),
      context.closer === undefined ? 'end of input' : quoted(context.closer),
    ];
    if (token.kind === 'end') {
      const opener = context.opener;
      throw this.#fail(
        'SYNTAX_UNEXPECTED_END',
        opener === undefined || context.closer === undefined
          ? 'the expression ends too early'
          : `expected "${context.closer}" to close the "${describe(opener).replaceAll('"', '')}" at ${opener.span.line}:${opener.span.column}`,
        token.span,
        { expected },
      );
    }
    const suggestion = token.kind === 'name' ? suggestName(token.text, ['and', 'or']) : undefined;
    throw this.#fail('SYNTAX_UNEXPECTED_TOKEN', `unexpected ${describe(token)}`, token.span, {
      expected,
      suggestion,
    });
  }

  #expectEnd(context: Context): void {
    if (this.#peek().kind !== 'end') this.#unexpectedAfterExpression(context);
  }

  #expression(context: Context): Expression {
    let left = this.#and(context);
    while (this.#is(this.#peek(), 'or')) {
      this.#next();
      const right = this.#and(context);
      left = logical({ operator: 'or', left, right, span: cover(left.span, right.span) });
    }
    return left;
  }

  #and(context: Context): Expression {
    let left = this.#unary(context);
    while (this.#is(this.#peek(), 'and')) {
      this.#next();
      const right = this.#unary(context);
      left = logical({ operator: 'and', left, right, span: cover(left.span, right.span) });
    }
    return left;
  }

  #unary(context: Context): Expression {
    const token = this.#peek();
    if (this.#is(token, 'not')) {
      this.#next();
      this.#enter(token);
      const operand = this.#unary(context);
      this.#depth--;
      return not({ operand, span: cover(token.span, operand.span) });
    }
    return this.#comparison(context);
  }

  #comparison(context: Context): Expression {
    const left = this.#primary(true);
    const operator = this.#peek();
    if (!(operator.kind === 'symbol' && compareOperators.includes(operator.text))) {
      this.#bareOperand = true;
      return left;
    }
    this.#next();
    const right = this.#primary(false);
    const after = this.#peek();
    if (after.kind === 'symbol' && compareOperators.includes(after.text)) {
      throw this.#fail(
        'SYNTAX_CHAINED_COMPARISON',
        'comparisons do not chain: join two comparisons with "and", as in a < b and b < c',
        after.span,
        {
          expected: ['"and"', '"or"', context.closer === undefined ? 'end of input' : quoted(context.closer)],
        },
      );
    }
    this.#bareOperand = false;
    return comparison({
      operator: operator.text as CompareOperator,
      left,
      right,
      span: cover(left.span, right.span),
    });
  }

  #primary(first: boolean): Expression {
    const token = this.#peek();
    switch (token.kind) {
      case 'number':
        this.#next();
        return numberLiteral({ text: token.text, value: token.value, span: token.span });
      case 'money':
        this.#next();
        return moneyLiteral({ text: token.text, currency: token.currency, span: token.span });
      case 'duration':
        this.#next();
        return durationLiteral({ amount: token.amount, unit: token.unit, span: token.span });
      case 'string':
        this.#next();
        return stringLiteral({ value: token.value, span: token.span });
      case 'date':
        this.#next();
        return dateLiteral({ value: token.value, span: token.span });
      case 'name':
        return this.#call(token);
      case 'keyword':
        if (token.text === 'true' || token.text === 'false') {
          this.#next();
          return booleanLiteral({ value: token.text === 'true', span: token.span });
        }
        break;
      case 'symbol':
        if (token.text === '(') return this.#group(token);
        if (token.text === '[') return this.#list(token);
        break;
      case 'end':
        break;
    }
    const expected = first ? ['"not"', ...operandStarts] : operandStarts;
    if (token.kind === 'end') {
      throw this.#fail('SYNTAX_UNEXPECTED_END', 'the expression ends too early', token.span, { expected });
    }
    const hint =
      !first && this.#is(token, 'not')
        ? ': put "not" before the comparison, or the negated part in parentheses'
        : '';
    throw this.#fail('SYNTAX_UNEXPECTED_TOKEN', `unexpected ${describe(token)}${hint}`, token.span, {
      expected,
    });
  }

  #group(open: Token): Expression {
    this.#next();
    this.#enter(open);
    const context: Context = { closer: ')', separator: false, opener: open };
    const expression = this.#expression(context);
    const close = this.#peek();
    if (!this.#is(close, ')')) this.#unexpectedAfterExpression(context);
    this.#next();
    this.#depth--;
    return group({ expression, span: cover(open.span, close.span) });
  }

  #list(open: Token): Expression {
    this.#next();
    this.#enter(open);
    const context: Context = { closer: ']', separator: true, opener: open };
    const items: Expression[] = [];
    while (!this.#is(this.#peek(), ']')) {
      items.push(this.#expression(context));
      if (this.#is(this.#peek(), ',')) this.#next();
      else if (!this.#is(this.#peek(), ']')) this.#unexpectedAfterExpression(context);
    }
    const close = this.#next();
    this.#depth--;
    return listLiteral({ items: Object.freeze(items), span: cover(open.span, close.span) });
  }

  #call(name: Token & { kind: 'name' }): Expression {
    this.#next();
    const open = this.#peek();
    if (!this.#is(open, '(')) {
      const suggestion = suggestName(name.text, keywords);
      throw this.#fail(
        'SYNTAX_NAME_NOT_CALLED',
        suggestion === undefined
          ? `"${name.text}" is not a value: functions are called with parentheses, as in ${name.text}(…)`
          : `unknown word "${name.text}"`,
        name.span,
        { expected: suggestion === undefined ? ['"("'] : undefined, suggestion },
      );
    }
    this.#next();
    this.#enter(open);
    const context: Context = { closer: ')', separator: true, opener: open };
    const args: Argument[] = [];
    while (!this.#is(this.#peek(), ')')) {
      args.push(this.#argument(context));
      if (this.#is(this.#peek(), ',')) this.#next();
      else if (!this.#is(this.#peek(), ')')) this.#unexpectedAfterExpression(context);
    }
    const close = this.#next();
    this.#depth--;
    return call({
      name: name.text,
      nameSpan: name.span,
      args: Object.freeze(args),
      span: cover(name.span, close.span),
    });
  }

  #argument(context: Context): Argument {
    const first = this.#peek();
    if (first.kind === 'name' && this.#is(this.#peek(1), ':')) {
      this.#next();
      this.#next();
      const value = this.#expression(context);
      return argument({ name: first.text, nameSpan: first.span, value, span: cover(first.span, value.span) });
    }
    const value = this.#expression(context);
    return argument({ value, span: value.span });
  }
}
