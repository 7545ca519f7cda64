// The segment language's syntax tree: frozen plain nodes with a kind and a source span, one factory per kind.

/** A range of the source text: offsets (0-based, end exclusive) and the 1-based line and column of `start`. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

export type DurationUnit = 'd' | 'w' | 'm' | 'y';
export type CompareOperator = '<' | '<=' | '>' | '>=' | '=' | '!=';
export type LogicalOperator = 'and' | 'or';

export interface NumberLiteral {
  readonly kind: 'number';
  /** Decimal text as written, so `1.50` prints back as `1.50`. */
  readonly text: string;
  readonly value: number;
  readonly span: Span;
}

/** `25.00 GBP`: an amount and an ISO 4217 currency code. */
export interface MoneyLiteral {
  readonly kind: 'money';
  readonly text: string;
  readonly currency: string;
  readonly span: Span;
}

/** `90d`, `12w`, `6m`, `1y`. */
export interface DurationLiteral {
  readonly kind: 'duration';
  readonly amount: number;
  readonly unit: DurationUnit;
  readonly span: Span;
}

export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
  readonly span: Span;
}

/** `2026-01-31`. */
export interface DateLiteral {
  readonly kind: 'date';
  readonly value: string;
  readonly span: Span;
}

export interface BooleanLiteral {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly span: Span;
}

/** `["groceries", "dining"]`. */
export interface ListLiteral {
  readonly kind: 'list';
  readonly items: readonly Expression[];
  readonly span: Span;
}

/** `name: value` or a positional `value` inside a call. */
export interface Argument {
  readonly kind: 'argument';
  readonly name?: string;
  readonly nameSpan?: Span;
  readonly value: Expression;
  readonly span: Span;
}

/** `spent(category: "home_inspection", within: 90d)`. */
export interface Call {
  readonly kind: 'call';
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly Argument[];
  readonly span: Span;
}

export interface Not {
  readonly kind: 'not';
  readonly operand: Expression;
  readonly span: Span;
}

export interface Logical {
  readonly kind: 'logical';
  readonly operator: LogicalOperator;
  readonly left: Expression;
  readonly right: Expression;
  readonly span: Span;
}

export interface Comparison {
  readonly kind: 'comparison';
  readonly operator: CompareOperator;
  readonly left: Expression;
  readonly right: Expression;
  readonly span: Span;
}

/** Parentheses are kept so that the printer round-trips what was written. */
export interface Group {
  readonly kind: 'group';
  readonly expression: Expression;
  readonly span: Span;
}

export type Expression =
  | NumberLiteral
  | MoneyLiteral
  | DurationLiteral
  | StringLiteral
  | DateLiteral
  | BooleanLiteral
  | ListLiteral
  | Call
  | Not
  | Logical
  | Comparison
  | Group;

export type ExpressionKind = Expression['kind'];
export type Node = Expression | Argument;

type Fields<T> = Omit<T, 'kind'>;
const node =
  <T extends Node>(kind: T['kind']) =>
  (fields: Fields<T>): T =>
    Object.freeze({ kind, ...fields }) as T;

export const numberLiteral = node<NumberLiteral>('number');
export const moneyLiteral = node<MoneyLiteral>('money');
export const durationLiteral = node<DurationLiteral>('duration');
export const stringLiteral = node<StringLiteral>('string');
export const dateLiteral = node<DateLiteral>('date');
export const booleanLiteral = node<BooleanLiteral>('boolean');
export const listLiteral = node<ListLiteral>('list');
export const argument = node<Argument>('argument');
export const call = node<Call>('call');
export const not = node<Not>('not');
export const logical = node<Logical>('logical');
export const comparison = node<Comparison>('comparison');
export const group = node<Group>('group');
