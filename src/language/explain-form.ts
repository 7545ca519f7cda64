// A checked plan in the shape an explanation reads: `not` pushed down to the conditions, constants folded
// away, and `and`/`or` flattened.
import { unreachable } from '../core/unreachable.ts';
import type { CompareOperator, Plan, ValuePlan } from './plan.ts';

export type Atom = Extract<Plan, { kind: 'compare' } | { kind: 'holds' } | { kind: 'ageBand' }>;

/** A plan with `not` pushed down to the conditions, constants folded away, and `and`/`or` flattened. */
export type Form =
  | { readonly kind: 'constant'; readonly value: boolean }
  | { readonly kind: 'and' | 'or'; readonly items: readonly Form[] }
  | { readonly kind: 'atom'; readonly atom: Atom; readonly negated: boolean };

export function normalise(plan: Plan, negated: boolean): Form {
  switch (plan.kind) {
    case 'and':
    case 'or': {
      const items = plan.items.map((item) => normalise(item, negated));
      const isAnd = (plan.kind === 'and') !== negated;
      return junction(isAnd ? 'and' : 'or', items);
    }
    case 'not':
      return normalise(plan.item, !negated);
    case 'constant':
      return { kind: 'constant', value: plan.value !== negated };
    case 'holds':
    case 'ageBand':
      return { kind: 'atom', atom: plan, negated };
    case 'compare':
      if (plan.left.kind === 'constant' && plan.right.kind === 'constant') {
        return { kind: 'constant', value: compare(plan.op, plan.left.value, plan.right.value) !== negated };
      }
      return { kind: 'atom', atom: plan, negated };
    default:
      return unreachable(plan, 'plan node');
  }
}

function junction(kind: 'and' | 'or', items: readonly Form[]): Form {
  // `and` is absorbed by false and ignores true; `or` the other way round.
  const absorbing = kind === 'or';
  const kept: Form[] = [];
  for (const item of items) {
    if (item.kind === 'constant') {
      if (item.value === absorbing) return item;
    } else if (item.kind === kind) {
      kept.push(...item.items);
    } else {
      kept.push(item);
    }
  }
  if (kept.length === 0) return { kind: 'constant', value: !absorbing };
  return kept.length === 1 ? kept[0]! : { kind, items: kept };
}

function compare(op: CompareOperator, left: number, right: number): boolean {
  switch (op) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    default:
      return unreachable(op, 'comparison');
  }
}

export const flipped: Record<CompareOperator, CompareOperator> = {
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
  '=': '=',
  '!=': '!=',
};
export const complement: Record<CompareOperator, CompareOperator> = {
  '<': '>=',
  '<=': '>',
  '>': '<=',
  '>=': '<',
  '=': '!=',
  '!=': '=',
};

export type Valued = Exclude<ValuePlan, { kind: 'constant' }>;
/** Whether the value is always there (counts and sums are 0 over nothing), so `not` can flip the operator. */
export function alwaysPresent(value: Valued): boolean {
  return (
    value.kind === 'recurring' || (value.kind === 'aggregate' && (value.fn === 'sum' || value.fn === 'count'))
  );
}
