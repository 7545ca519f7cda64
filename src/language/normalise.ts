// Normal form of a plan: the same question written two ways gets one key, so its answer is reused, not re-noised.
// The rewrites are a closed list, documented in docs/segment-language.md ("Normal form"); each keeps the
// audience on every bank, including customers for whom a value is absent (a comparison with it is false).
import canonicalize from 'canonicalize';
import { sortedBands } from '../core/age-bands.ts';
import { holds } from './compare.ts';
import type { CompareOperator, Plan, TransactionFilter, ValuePlan, Window } from './plan.ts';

export interface NormaliseOptions {
  /** The evaluation day ('YYYY-MM-DD'): a dated window ending on it is the relative window it equals. */
  readonly asOf: string;
}

type Compare = Extract<Plan, { kind: 'compare' }>;
type Bound = { readonly key: string; readonly value: ValuePlan; readonly op: '>=' | '<'; readonly c: number };

const mirrored = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' } as const;
const negated = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '=': '!=', '!=': '=' } as const;
const yes: Plan = { kind: 'constant', value: true };
const no: Plan = { kind: 'constant', value: false };

/** The normal form: constants folded, negation pushed inward, terms deduplicated and sorted, bounds canonical. */
export function normalisePlan(plan: Plan, options: NormaliseOptions): Plan {
  return normal(plan, false, options);
}

/** Canonical JSON (RFC 8785) of a plan: equal keys mean equal questions. */
export function planKey(plan: Plan | ValuePlan): string {
  return canonicalize(plan)!;
}

/** Whether a normalised plan selects no one (`false`) or everyone (`true`) on any bank; undefined otherwise. */
export function triviallyDecided(normalised: Plan): boolean | undefined {
  return normalised.kind === 'constant' ? normalised.value : undefined;
}

function normal(plan: Plan, negate: boolean, options: NormaliseOptions): Plan {
  switch (plan.kind) {
    case 'constant':
      return plan.value !== negate ? yes : no;
    case 'holds':
      return negate ? { kind: 'not', item: plan } : plan;
    case 'ageBand': {
      const bands: Plan = { kind: 'ageBand', bands: sortedBands(plan.bands) };
      return negate ? { kind: 'not', item: bands } : bands;
    }
    case 'not':
      return normal(plan.item, !negate, options);
    case 'and':
    case 'or': {
      const kind = negate ? (plan.kind === 'and' ? 'or' : 'and') : plan.kind;
      return combine(
        kind,
        plan.items.map((item) => normal(item, negate, options)),
      );
    }
    case 'compare':
      return compare(plan, negate, options);
    default: {
      const unexpected: never = plan;
      throw new Error(`unknown plan ${JSON.stringify(unexpected)}`);
    }
  }
}

/** A comparison: a value on the left, a constant on the right, integer bounds as `>=` and `<`. */
function compare(plan: Compare, negate: boolean, options: NormaliseOptions): Plan {
  let left = normaliseValue(plan.left, options);
  let right = normaliseValue(plan.right, options);
  let op: CompareOperator = plan.op;
  if (left.kind === 'constant' && right.kind === 'constant') {
    return holds(op, left.value, right.value) !== negate ? yes : no;
  }
  if (left.kind === 'constant' || (right.kind !== 'constant' && planKey(left) > planKey(right))) {
    [left, right, op] = [right, left, mirrored[op]];
  }
  if (negate) {
    // not (a < b) is a >= b only where both sides are present; an absent side makes both false.
    if (!isTotal(left) || !isTotal(right)) {
      const item = compare(plan, false, options);
      return item.kind === 'constant' ? (item.value ? no : yes) : { kind: 'not', item };
    }
    op = negated[op];
  }
  return right.kind === 'constant' && isIntegerValued(left)
    ? integerBound(left, op, right.value)
    : tidy(left, op, right);
}

function tidy(left: ValuePlan, op: CompareOperator, right: ValuePlan): Plan {
  return { kind: 'compare', op, left, right };
}

/** `x > 0` is `x >= 1`, `x <= 4.5` is `x < 5`, for x whole; bounds below zero are folded away. */
function integerBound(value: ValuePlan, op: CompareOperator, c: number): Plan {
  const floor = isNonNegative(value) ? 0 : -Infinity;
  const atLeast = (n: number): Plan =>
    n > floor ? tidy(value, '>=', constant(n)) : isTotal(value) ? yes : tidy(value, '>=', constant(floor));
  const below = (n: number): Plan => (n <= floor ? no : tidy(value, '<', constant(n)));
  switch (op) {
    case '>':
      return atLeast(Math.floor(c) + 1);
    case '>=':
      return atLeast(Math.ceil(c));
    case '<':
      return below(Math.ceil(c));
    case '<=':
      return below(Math.floor(c) + 1);
    case '=':
      return Number.isInteger(c) && c >= floor ? tidy(value, '=', constant(c)) : no;
    case '!=':
      if (Number.isInteger(c) && c >= floor) return tidy(value, '!=', constant(c));
      return floor === 0 ? atLeast(0) : tidy(value, '!=', constant(c));
  }
}

const constant = (value: number): ValuePlan => ({ kind: 'constant', value });

/** Present for every customer: a count or a sum over none is 0. */
function isTotal(value: ValuePlan): boolean {
  return (
    value.kind === 'constant' ||
    value.kind === 'recurring' ||
    (value.kind === 'aggregate' && (value.fn === 'count' || value.fn === 'sum'))
  );
}

/** Never below zero: amounts are stored unsigned; days since the last payment may be negative for a window
 * that ends after the evaluation day. */
function isNonNegative(value: ValuePlan): boolean {
  return !(value.kind === 'aggregate' && value.fn === 'daysSinceLast');
}

/** Whole numbers (minor units, days, counts), never negative; an average is neither rounded nor whole. */
function isIntegerValued(value: ValuePlan): boolean {
  return (
    value.kind !== 'constant' &&
    value.kind !== 'propensity' &&
    !(value.kind === 'aggregate' && value.fn === 'average')
  );
}

/** Flattens, folds constants and complements, merges bounds on one value, deduplicates and sorts. */
function combine(kind: 'and' | 'or', items: readonly Plan[]): Plan {
  const absorbing = kind === 'and' ? no : yes;
  const absorbingValue = kind === 'or';
  const flat = items.flatMap((p) => (p.kind === kind ? p.items : [p]));
  if (flat.some((p) => p.kind === 'constant' && p.value === absorbingValue)) return absorbing;
  const unique = new Map(flat.filter((p) => p.kind !== 'constant').map((p) => [planKey(p), p]));
  for (const [key, p] of unique) {
    const complement = p.kind === 'not' ? planKey(p.item) : planKey({ kind: 'not', item: p });
    if (unique.has(complement) || (p.kind === 'compare' && unique.has(complementOf(p, key))))
      return absorbing;
  }
  const merged = mergeBounds(kind, [...unique.values()]);
  if (merged === absorbing) return absorbing;
  const sorted = [...new Map((merged as Plan[]).map((p) => [planKey(p), p])).entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, p]) => p);
  if (sorted.length === 0) return kind === 'and' ? yes : no;
  return sorted.length === 1 ? sorted[0]! : { kind, items: sorted };
}

/** The key of `x = c`'s complement `x != c` (and back), for x present for everyone; '' otherwise. */
function complementOf(p: Compare, key: string): string {
  if (!isTotal(p.left) || !isTotal(p.right) || (p.op !== '=' && p.op !== '!=')) return '';
  const other = planKey({ ...p, op: negated[p.op] });
  return other === key ? '' : other;
}

/**
 * In `and`, several lower (`>=`) or upper (`<`) bounds on one whole value keep the tightest, and an empty range
 * is false; in `or`, the loosest, and two bounds covering every number are true when the value is total.
 */
function mergeBounds(kind: 'and' | 'or', items: readonly Plan[]): readonly Plan[] | Plan {
  const bounds = new Map<string, Bound[]>();
  const rest: Plan[] = [];
  for (const p of items) {
    const bound = asBound(p);
    if (bound === undefined) rest.push(p);
    else bounds.set(bound.key, [...(bounds.get(bound.key) ?? []), bound]);
  }
  const pick = kind === 'and' ? [Math.max, Math.min] : [Math.min, Math.max];
  for (const group of bounds.values()) {
    const lows = group.filter((b) => b.op === '>=').map((b) => b.c);
    const highs = group.filter((b) => b.op === '<').map((b) => b.c);
    const low = lows.length === 0 ? undefined : pick[0]!(...lows);
    const high = highs.length === 0 ? undefined : pick[1]!(...highs);
    const value = group[0]!.value;
    if (low !== undefined && high !== undefined) {
      if (kind === 'and' && low >= high) return no;
      if (kind === 'or' && low <= high && isTotal(value)) return yes;
    }
    if (low !== undefined) rest.push(tidy(value, '>=', constant(low)));
    if (high !== undefined) rest.push(tidy(value, '<', constant(high)));
  }
  return rest;
}

function asBound(p: Plan): Bound | undefined {
  if (p.kind !== 'compare' || p.right.kind !== 'constant' || !isIntegerValued(p.left)) return undefined;
  if (p.op !== '>=' && p.op !== '<') return undefined;
  return { key: planKey(p.left), value: p.left, op: p.op, c: p.right.value };
}

function normaliseValue(value: ValuePlan, options: NormaliseOptions): ValuePlan {
  if (value.kind !== 'aggregate' && value.kind !== 'recurring') return value;
  const { filter } = value;
  const sorted = <T extends string | number>(list: readonly T[]): T[] =>
    [...new Set(list)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const normalised: TransactionFilter = {
    ...filter,
    window: relativeWindow(filter.window, options.asOf),
    ...(filter.categories === undefined ? {} : { categories: sorted(filter.categories) }),
    ...(filter.mccs === undefined ? {} : { mccs: sorted(filter.mccs) }),
    ...(filter.merchants === undefined ? {} : { merchants: sorted(filter.merchants) }),
  };
  return { ...value, filter: normalised };
}

/** `from: F, to: asOf` is `within: (asOf − F + 1) days`; never the reverse, so keys stay the same all period. */
function relativeWindow(window: Window, asOf: string): Window {
  if (window.kind !== 'between' || window.to !== asOf) return window;
  const days = Math.round(
    (Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${window.from}T00:00:00Z`)) / 86_400_000,
  );
  return { kind: 'within', days: days + 1 };
}
