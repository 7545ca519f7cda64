// The JSON form of the syntax tree, for APIs: the nodes' kinds and values, spans optional, validated on the way in.
import { z } from 'zod';
import { err, ok, type Result } from '../core/result.ts';
import * as ast from './ast.ts';
import type { Argument, CompareOperator, DurationUnit, Expression, LogicalOperator, Span } from './ast.ts';
import {
  currencyPattern,
  isCalendarDate,
  isCurrency,
  isKeyword,
  namePattern,
  numberPattern,
  numberValue,
} from './lexer.ts';
import { parseExpression } from './parser.ts';
import { printExpression } from './printer.ts';

type WithSpan<T> = T & { readonly span?: Span };

export type ExpressionJson =
  | WithSpan<{ readonly kind: 'number'; readonly text: string; readonly value: number }>
  | WithSpan<{ readonly kind: 'money'; readonly text: string; readonly currency: string }>
  | WithSpan<{ readonly kind: 'duration'; readonly amount: number; readonly unit: DurationUnit }>
  | WithSpan<{ readonly kind: 'string'; readonly value: string }>
  | WithSpan<{ readonly kind: 'date'; readonly value: string }>
  | WithSpan<{ readonly kind: 'boolean'; readonly value: boolean }>
  | WithSpan<{ readonly kind: 'list'; readonly items: readonly ExpressionJson[] }>
  | WithSpan<{
      readonly kind: 'call';
      readonly name: string;
      readonly nameSpan?: Span;
      readonly args: readonly ArgumentJson[];
    }>
  | WithSpan<{ readonly kind: 'not'; readonly operand: ExpressionJson }>
  | WithSpan<{
      readonly kind: 'logical';
      readonly operator: LogicalOperator;
      readonly left: ExpressionJson;
      readonly right: ExpressionJson;
    }>
  | WithSpan<{
      readonly kind: 'comparison';
      readonly operator: CompareOperator;
      readonly left: ExpressionJson;
      readonly right: ExpressionJson;
    }>
  | WithSpan<{ readonly kind: 'group'; readonly expression: ExpressionJson }>;

export type ArgumentJson = WithSpan<{
  readonly kind: 'argument';
  readonly name?: string;
  readonly nameSpan?: Span;
  readonly value: ExpressionJson;
}>;

export interface ToJsonOptions {
  /** Include `span` (and `nameSpan`) on every node. Default false. */
  readonly spans?: boolean;
}

/** One problem in a JSON tree: where (`["left", "args", 0, "value"]`) and what. */
export interface AstJsonIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Deepest JSON tree accepted, in nodes from the root; the text it prints must also pass the parser's limits. */
export const maxJsonDepth = 2_000;

export function toJson(node: Expression, options: ToJsonOptions = {}): ExpressionJson {
  const spans = options.spans ?? false;
  const span = (s: Span) =>
    spans ? { span: { start: s.start, end: s.end, line: s.line, column: s.column } } : {};
  const convert = (e: Expression): ExpressionJson => {
    switch (e.kind) {
      case 'number':
        return { kind: e.kind, text: e.text, value: e.value, ...span(e.span) };
      case 'money':
        return { kind: e.kind, text: e.text, currency: e.currency, ...span(e.span) };
      case 'duration':
        return { kind: e.kind, amount: e.amount, unit: e.unit, ...span(e.span) };
      case 'string':
      case 'date':
        return { kind: e.kind, value: e.value, ...span(e.span) };
      case 'boolean':
        return { kind: e.kind, value: e.value, ...span(e.span) };
      case 'list':
        return { kind: e.kind, items: e.items.map(convert), ...span(e.span) };
      case 'call':
        return {
          kind: e.kind,
          name: e.name,
          ...(spans && { nameSpan: span(e.nameSpan).span }),
          args: e.args.map((a) => convertArgument(a)),
          ...span(e.span),
        };
      case 'not':
        return { kind: e.kind, operand: convert(e.operand), ...span(e.span) };
      case 'logical':
      case 'comparison':
        return {
          kind: e.kind,
          operator: e.operator,
          left: convert(e.left),
          right: convert(e.right),
          ...span(e.span),
        } as ExpressionJson;
      case 'group':
        return { kind: e.kind, expression: convert(e.expression), ...span(e.span) };
    }
  };
  const convertArgument = (a: Argument): ArgumentJson => ({
    kind: 'argument',
    ...(a.name !== undefined && { name: a.name }),
    ...(spans && a.nameSpan !== undefined && { nameSpan: span(a.nameSpan).span }),
    value: convert(a.value),
    ...span(a.span),
  });
  return convert(node);
}

const spanSchema = z
  .strictObject({
    start: z.int().nonnegative(),
    end: z.int().nonnegative(),
    line: z.int().positive(),
    column: z.int().positive(),
  })
  .refine((s) => s.end >= s.start, { message: 'a span cannot end before it starts', path: ['end'] });
const nameSchema = z
  .string()
  .regex(namePattern, 'names are lowercase letters, digits and "_", starting with a letter or "_"')
  .refine((name) => !isKeyword(name), 'a keyword cannot be a name');
const childSchema = z.looseObject({}, { error: 'expected a node: an object with a "kind"' });
const optionalSpan = spanSchema.optional();

const nodeSchemas = {
  number: z.strictObject({
    kind: z.literal('number'),
    text: z.string().regex(numberPattern, 'not a number as the language writes it, such as 12, 1.5 or 1_000'),
    value: z.number().optional(),
    span: optionalSpan,
  }),
  money: z.strictObject({
    kind: z.literal('money'),
    text: z.string().regex(numberPattern, 'not an amount as the language writes it, such as 25 or 25.00'),
    currency: z
      .string()
      .regex(currencyPattern, 'currency codes are three uppercase letters')
      .refine(isCurrency, 'not an ISO 4217 currency code'),
    span: optionalSpan,
  }),
  duration: z.strictObject({
    kind: z.literal('duration'),
    amount: z.int().nonnegative(),
    unit: z.enum(['d', 'w', 'm', 'y']),
    span: optionalSpan,
  }),
  string: z.strictObject({ kind: z.literal('string'), value: z.string(), span: optionalSpan }),
  date: z.strictObject({
    kind: z.literal('date'),
    value: z.string().refine(isCalendarDate, 'not a calendar day written YYYY-MM-DD'),
    span: optionalSpan,
  }),
  boolean: z.strictObject({ kind: z.literal('boolean'), value: z.boolean(), span: optionalSpan }),
  list: z.strictObject({ kind: z.literal('list'), items: z.array(childSchema), span: optionalSpan }),
  call: z.strictObject({
    kind: z.literal('call'),
    name: nameSchema,
    nameSpan: optionalSpan,
    args: z.array(childSchema),
    span: optionalSpan,
  }),
  not: z.strictObject({ kind: z.literal('not'), operand: childSchema, span: optionalSpan }),
  logical: z.strictObject({
    kind: z.literal('logical'),
    operator: z.enum(['and', 'or']),
    left: childSchema,
    right: childSchema,
    span: optionalSpan,
  }),
  comparison: z.strictObject({
    kind: z.literal('comparison'),
    operator: z.enum(['<', '<=', '>', '>=', '=', '!=']),
    left: childSchema,
    right: childSchema,
    span: optionalSpan,
  }),
  group: z.strictObject({ kind: z.literal('group'), expression: childSchema, span: optionalSpan }),
} satisfies Record<Expression['kind'], z.ZodType>;

const argumentSchema = z.strictObject({
  kind: z.literal('argument'),
  name: nameSchema.optional(),
  nameSpan: optionalSpan,
  value: childSchema,
  span: optionalSpan,
});

const kinds = Object.keys(nodeSchemas) as Expression['kind'][];
const isKind = (kind: unknown): kind is Expression['kind'] =>
  typeof kind === 'string' && Object.hasOwn(nodeSchemas, kind);

type Path = readonly (string | number)[];
/** The kinds of node with children; the others are literals. */
const branchKinds = ['list', 'call', 'not', 'logical', 'comparison', 'group'] as const;
type BranchKind = (typeof branchKinds)[number];
type LiteralKind = Exclude<Expression['kind'], BranchKind>;
const isBranch = (kind: Expression['kind']): kind is BranchKind =>
  (branchKinds as readonly string[]).includes(kind);
const placeholder: Span = Object.freeze({ start: 0, end: 0, line: 1, column: 1 });

/**
 * Validates and rebuilds a tree from its JSON form. With spans on every node they are kept; otherwise
 * the tree is reparsed from its printed text, so its spans point into `printExpression(tree)` (and any
 * parentheses the shape needs appear as groups). A tree the parser could not accept from text (too long,
 * too deep) is refused too.
 */
export function fromJson(value: unknown): Result<Expression, readonly AstJsonIssue[]> {
  const builder = new Builder();
  const built = builder.expression(value, [], 0);
  if (built === undefined || builder.issues.length > 0) return err(Object.freeze(builder.issues));
  const reparsed = parseExpression(printExpression(built));
  if (!reparsed.ok) {
    return err(
      reparsed.diagnostics.map((d) => ({
        path: [],
        message: `the expression is not acceptable: ${d.message}`,
      })),
    );
  }
  return ok(builder.spansComplete ? built : reparsed.ast);
}

class Builder {
  readonly issues: AstJsonIssue[] = [];
  spansComplete = true;

  #check<T>(schema: z.ZodType<T>, value: unknown, path: Path): T | undefined {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      this.issues.push({ path: [...path, ...(issue.path as (string | number)[])], message: issue.message });
    }
    return undefined;
  }

  #span(span: Span | undefined): Span {
    if (span === undefined) {
      this.spansComplete = false;
      return placeholder;
    }
    return Object.freeze({ ...span });
  }

  expression(value: unknown, path: Path, depth: number): Expression | undefined {
    if (depth > maxJsonDepth) {
      this.issues.push({ path, message: `the tree is more than ${maxJsonDepth} nodes deep` });
      return undefined;
    }
    const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
    if (!isKind(kind)) {
      this.issues.push({
        path: typeof value === 'object' && value !== null ? [...path, 'kind'] : path,
        message: `expected a node with a kind, one of: ${kinds.join(', ')}`,
      });
      return undefined;
    }
    return isBranch(kind) ? this.#branch(kind, value, path, depth) : this.#literal(kind, value, path);
  }

  /** A leaf: a literal value. */
  #literal(kind: LiteralKind, value: unknown, path: Path): Expression | undefined {
    switch (kind) {
      case 'number': {
        const n = this.#check(nodeSchemas.number, value, path);
        if (n === undefined) return undefined;
        if (n.value !== undefined && n.value !== numberValue(n.text)) {
          this.issues.push({
            path: [...path, 'value'],
            message: `value ${n.value} does not match text "${n.text}"`,
          });
          return undefined;
        }
        return ast.numberLiteral({ text: n.text, value: numberValue(n.text), span: this.#span(n.span) });
      }
      case 'money': {
        const n = this.#check(nodeSchemas.money, value, path);
        return n && ast.moneyLiteral({ text: n.text, currency: n.currency, span: this.#span(n.span) });
      }
      case 'duration': {
        const n = this.#check(nodeSchemas.duration, value, path);
        return n && ast.durationLiteral({ amount: n.amount, unit: n.unit, span: this.#span(n.span) });
      }
      case 'string': {
        const n = this.#check(nodeSchemas.string, value, path);
        return n && ast.stringLiteral({ value: n.value, span: this.#span(n.span) });
      }
      case 'date': {
        const n = this.#check(nodeSchemas.date, value, path);
        return n && ast.dateLiteral({ value: n.value, span: this.#span(n.span) });
      }
      case 'boolean': {
        const n = this.#check(nodeSchemas.boolean, value, path);
        return n && ast.booleanLiteral({ value: n.value, span: this.#span(n.span) });
      }
    }
  }

  /** A node with children, each checked one level deeper. */
  #branch(kind: BranchKind, value: unknown, path: Path, depth: number): Expression | undefined {
    // Children are checked here directly, not through a helper: one stack frame fewer per level of a deep tree.
    const next = depth + 1;
    switch (kind) {
      case 'list': {
        const n = this.#check(nodeSchemas.list, value, path);
        if (n === undefined) return undefined;
        const items = n.items.map((item, i) => this.expression(item, [...path, 'items', i], next));
        return all(items)
          ? ast.listLiteral({ items: Object.freeze(items), span: this.#span(n.span) })
          : undefined;
      }
      case 'call': {
        const n = this.#check(nodeSchemas.call, value, path);
        if (n === undefined) return undefined;
        const args = n.args.map((a, i) => this.#argument(a, [...path, 'args', i], next));
        if (!all(args)) return undefined;
        return ast.call({
          name: n.name,
          nameSpan: this.#span(n.nameSpan),
          args: Object.freeze(args),
          span: this.#span(n.span),
        });
      }
      case 'not': {
        const n = this.#check(nodeSchemas.not, value, path);
        const operand = n && this.expression(n.operand, [...path, 'operand'], next);
        return n && operand && ast.not({ operand, span: this.#span(n.span) });
      }
      case 'logical': {
        const n = this.#check(nodeSchemas.logical, value, path);
        const left = n && this.expression(n.left, [...path, 'left'], next);
        const right = n && this.expression(n.right, [...path, 'right'], next);
        return (
          n && left && right && ast.logical({ operator: n.operator, left, right, span: this.#span(n.span) })
        );
      }
      case 'comparison': {
        const n = this.#check(nodeSchemas.comparison, value, path);
        const left = n && this.expression(n.left, [...path, 'left'], next);
        const right = n && this.expression(n.right, [...path, 'right'], next);
        return (
          n &&
          left &&
          right &&
          ast.comparison({ operator: n.operator, left, right, span: this.#span(n.span) })
        );
      }
      case 'group': {
        const n = this.#check(nodeSchemas.group, value, path);
        const expression = n && this.expression(n.expression, [...path, 'expression'], next);
        return n && expression && ast.group({ expression, span: this.#span(n.span) });
      }
    }
  }

  #argument(value: unknown, path: Path, depth: number): Argument | undefined {
    const n = this.#check(argumentSchema, value, path);
    if (n === undefined) return undefined;
    const expression = this.expression(n.value, [...path, 'value'], depth);
    if (expression === undefined) return undefined;
    if (n.name === undefined) return ast.argument({ value: expression, span: this.#span(n.span) });
    return ast.argument({
      name: n.name,
      nameSpan: this.#span(n.nameSpan),
      value: expression,
      span: this.#span(n.span),
    });
  }
}

function all<T>(items: readonly (T | undefined)[]): items is T[] {
  return items.every((item) => item !== undefined);
}
