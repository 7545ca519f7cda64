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

/** At most this many problems are reported for one expression; fixing them shows the rest. */
export const maxDiagnostics = 25;

/**
 * Parses one segment expression. Never throws for bad input: problems come back as diagnostics, all of them
 * (up to `maxDiagnostics`) — the lexer's, and the parser's after recovering at the next `and`, `or`, `,` or
 * closing bracket — sorted by position, without the follow-on errors of a problem already reported.
 */
export function parseExpression(source: string, options: ParseOptions = {}): ParseResult {
  const maxLength = options.maxLength ?? defaultMaxLength;
  if (source.length > maxLength) {
    const span = createLocator(source).span(maxLength, source.length);
    return failure([
      diagnostic(
        'SYNTAX_TOO_LONG',
        `the expression is ${source.length.toLocaleString('en')} characters long; the limit is ${maxLength.toLocaleString('en')}`,
        span,
      ),
    ]);
  }
  const lexed = tokenize(source);
  const onlyEnd = lexed.tokens.length === 1;
  if (onlyEnd && lexed.diagnostics.length > 0) return failure(lexed.diagnostics);
  const parser = new Parser(lexed.tokens, options.maxDepth ?? defaultMaxDepth, afterGaps(lexed));
  const ast = parser.parse();
  const found = [...lexed.diagnostics, ...parser.diagnostics];
  if (found.length === 0) return { ok: true, ast };
  return failure(found.sort((a, b) => a.span.start - b.span.start).slice(0, maxDiagnostics));
}

function failure(found: readonly LanguageDiagnostic[]): ParseResult {
  return { ok: false, diagnostics: Object.freeze([...found]) };
}

/** Where each of the lexer's problems left a gap: the offset of the token just after it. */
function afterGaps(lexed: ReturnType<typeof tokenize>): ReadonlySet<number> {
  const starts = new Set<number>();
  for (const problem of lexed.diagnostics) {
    const next = lexed.tokens.find((t) => t.span.start >= problem.span.end) ?? lexed.tokens.at(-1)!;
    starts.add(next.span.start);
  }
  return starts;
}

/** Unwinds the descent to the nearest point that can recover; never escapes parseExpression. */
class SyntaxFailure extends Error {
  constructor(readonly diagnostic: LanguageDiagnostic) {
    super(diagnostic.message);
  }
}

/** Nesting too deep: not recovered from, the parse stops. */
class FatalFailure extends SyntaxFailure {}

/** Stands in for a part that failed to parse; never leaves the parser, whose result is then a failure. */
const placeholder = (span: Span): Expression => booleanLiteral({ value: true, span });

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
  /** Offsets of tokens just after a lexical problem: a syntax error there is its echo, not news. */
  readonly #afterGaps: ReadonlySet<number>;
  readonly #diagnostics: LanguageDiagnostic[] = [];
  #index = 0;
  #depth = 0;
  /** Whether recovery skipped to the end: "ends too early" is then an echo of the problem skipped from. */
  #skippedToEnd = false;
  /** Whether the last operand parsed could still take a comparison operator. */
  #bareOperand = false;

  constructor(tokens: readonly Token[], maxDepth: number, afterGaps: ReadonlySet<number>) {
    this.#tokens = tokens;
    this.#maxDepth = maxDepth;
    this.#afterGaps = afterGaps;
  }

  get diagnostics(): readonly LanguageDiagnostic[] {
    return this.#diagnostics;
  }

  parse(): Expression {
    if (this.#peek().kind === 'end') {
      this.#record(
        diagnostic('SYNTAX_EMPTY', 'the expression is empty', this.#peek().span, {
          expected: ['"not"', ...operandStarts],
        }),
      );
      return placeholder(this.#peek().span);
    }
    const top: Context = { closer: undefined, separator: false, opener: undefined };
    try {
      const expression = this.#expression(top);
      this.#expectEnd(top);
      return expression;
    } catch (error) {
      if (!(error instanceof FatalFailure)) throw error;
      this.#record(error.diagnostic);
      return placeholder(error.diagnostic.span);
    }
  }

  /** Keeps a problem unless it echoes one already reported: at the same place, or after a lexical gap. */
  #record(found: LanguageDiagnostic): void {
    const echo =
      (this.#afterGaps.has(found.span.start) && found.code !== 'SYNTAX_TOO_DEEP') ||
      (this.#skippedToEnd && found.span.start === this.#tokens.at(-1)!.span.start) ||
      this.#diagnostics.some((d) => d.span.start === found.span.start);
    if (!echo) this.#diagnostics.push(found);
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
      throw new FatalFailure(
        diagnostic(
          'SYNTAX_TOO_DEEP',
          `the expression nests more than ${this.#maxDepth} levels deep`,
          token.span,
        ),
      );
    }
  }

  /**
   * Parses with `parse`; on a syntax error records it, skips to the next `and`, `or`, `,`, closing bracket
   * or the end (outside any bracket opened meanwhile) and stands a placeholder in for the broken part.
   */
  #recovering(parse: () => Expression): Expression {
    const depth = this.#depth;
    const from = this.#peek();
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof SyntaxFailure) || error instanceof FatalFailure) throw error;
      this.#record(error.diagnostic);
      this.#depth = depth;
      this.#skip(['and', 'or', ',', ')', ']']);
      return placeholder(from.span);
    }
  }

  /** Skips tokens up to one of `stops` (or the end) that is outside any bracket opened while skipping. */
  #skip(stops: readonly string[]): void {
    let open = 0;
    for (let token = this.#peek(); token.kind !== 'end'; token = this.#peek()) {
      if (open === 0 && stops.some((stop) => this.#is(token, stop))) return;
      if (this.#is(token, '(') || this.#is(token, '[')) open++;
      if ((this.#is(token, ')') || this.#is(token, ']')) && open > 0) open--;
      this.#next();
    }
    this.#skippedToEnd = true;
  }

  /** Why the current token cannot follow a complete expression in `context`. */
  #afterExpressionProblem(context: Context): LanguageDiagnostic {
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
      return diagnostic(
        'SYNTAX_UNEXPECTED_END',
        opener === undefined || context.closer === undefined
          ? 'the expression ends too early'
          : `expected "${context.closer}" to close the "${describe(opener).replaceAll('"', '')}" at ${opener.span.line}:${opener.span.column}`,
        token.span,
        { expected },
      );
    }
    const suggestion = token.kind === 'name' ? suggestName(token.text, ['and', 'or']) : undefined;
    return diagnostic('SYNTAX_UNEXPECTED_TOKEN', `unexpected ${describe(token)}`, token.span, {
      expected,
      suggestion,
    });
  }

  /** At the top level, reports what follows a complete expression, then checks the rest after `and`/`or`. */
  #expectEnd(context: Context): void {
    while (this.#peek().kind !== 'end') {
      this.#record(this.#afterExpressionProblem(context));
      this.#next();
      this.#skip(['and', 'or']);
      if (this.#peek().kind === 'end') return;
      this.#next();
      this.#expression(context);
    }
  }

  /**
   * The connective at the current token: `and`, `or`, or a name one edit away from them (`adn`), which is
   * reported with its suggestion and then read as the keyword meant, so the rest is still checked.
   */
  #connective(context: Context): 'and' | 'or' | undefined {
    const token = this.#peek();
    if (this.#is(token, 'and')) return 'and';
    if (this.#is(token, 'or')) return 'or';
    if (token.kind !== 'name') return undefined;
    const meant = suggestName(token.text, ['and', 'or']);
    if (meant !== 'and' && meant !== 'or') return undefined;
    this.#record(this.#afterExpressionProblem(context));
    return meant;
  }

  #expression(context: Context): Expression {
    let left = this.#and(context);
    while (this.#connective(context) === 'or') {
      this.#next();
      const right = this.#and(context);
      left = logical({ operator: 'or', left, right, span: cover(left.span, right.span) });
    }
    return left;
  }

  #and(context: Context): Expression {
    let left = this.#recovering(() => this.#unary(context));
    while (this.#connective(context) === 'and') {
      this.#next();
      const right = this.#recovering(() => this.#unary(context));
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
      this.#record(
        diagnostic(
          'SYNTAX_CHAINED_COMPARISON',
          'comparisons do not chain: join two comparisons with "and", as in a < b and b < c',
          after.span,
          {
            expected: [
              '"and"',
              '"or"',
              context.closer === undefined ? 'end of input' : quoted(context.closer),
            ],
          },
        ),
      );
      this.#next();
      this.#primary(false);
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
    const close = this.#close(context);
    this.#depth--;
    return group({ expression, span: cover(open.span, close.span) });
  }

  /**
   * The closing bracket of `context`. Anything else before it is reported and skipped; at the end of input
   * the bracket was never closed, which is thrown to the enclosing recovery.
   */
  #close(context: Context): Token {
    if (!this.#is(this.#peek(), context.closer!)) {
      const problem = this.#afterExpressionProblem(context);
      if (this.#peek().kind === 'end') throw new SyntaxFailure(problem);
      this.#record(problem);
      this.#skip([context.closer!]);
      if (this.#peek().kind === 'end') throw new SyntaxFailure(this.#afterExpressionProblem(context));
    }
    return this.#next();
  }

  /** Items separated by commas up to the closer of `context`; each item recovers on its own. */
  #items<T>(context: Context, item: () => T): T[] {
    const items: T[] = [];
    while (!this.#is(this.#peek(), context.closer!)) {
      if (this.#peek().kind === 'end') throw new SyntaxFailure(this.#afterExpressionProblem(context));
      items.push(item());
      if (this.#is(this.#peek(), ',')) this.#next();
      else if (!this.#is(this.#peek(), context.closer!)) {
        const problem = this.#afterExpressionProblem(context);
        if (this.#peek().kind === 'end') throw new SyntaxFailure(problem);
        this.#record(problem);
        this.#skip([',', context.closer!]);
        if (this.#is(this.#peek(), ',')) this.#next();
      }
    }
    return items;
  }

  #list(open: Token): Expression {
    this.#next();
    this.#enter(open);
    const context: Context = { closer: ']', separator: true, opener: open };
    const items = this.#items(context, () => this.#expression(context));
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
    const args = this.#items(context, () => this.#argument(context));
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
