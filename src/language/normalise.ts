// Normal form of a plan: the same question written two ways gets one key, so its answer is reused, not re-noised.
import canonicalize from 'canonicalize';
import type { Plan, ValuePlan } from './plan.ts';

const mirrored = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' } as const;

/** Flattens and/or, drops double negation and duplicates, orders operands, puts constants on the right. */
export function normalisePlan(plan: Plan): Plan {
  switch (plan.kind) {
    case 'and':
    case 'or': {
      const items = plan.items.map(normalisePlan).flatMap((p) => (p.kind === plan.kind ? p.items : [p]));
      const unique = new Map(items.map((p) => [planKey(p), p]));
      const sorted = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
      return sorted.length === 1 ? sorted[0]! : { kind: plan.kind, items: sorted };
    }
    case 'not': {
      const item = normalisePlan(plan.item);
      return item.kind === 'not' ? item.item : { kind: 'not', item };
    }
    case 'compare':
      return plan.left.kind === 'constant' && plan.right.kind !== 'constant'
        ? { kind: 'compare', op: mirrored[plan.op], left: normaliseValue(plan.right), right: plan.left }
        : {
            kind: 'compare',
            op: plan.op,
            left: normaliseValue(plan.left),
            right: normaliseValue(plan.right),
          };
    case 'holds':
    case 'constant':
      return plan;
    default: {
      const unexpected: never = plan;
      throw new Error(`unknown plan ${JSON.stringify(unexpected)}`);
    }
  }
}

function normaliseValue(value: ValuePlan): ValuePlan {
  if (value.kind !== 'aggregate' && value.kind !== 'recurring') return value;
  const { filter } = value;
  const sorted = <T extends string | number>(list: readonly T[]): T[] =>
    [...new Set(list)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    ...value,
    filter: {
      ...filter,
      ...(filter.categories === undefined ? {} : { categories: sorted(filter.categories) }),
      ...(filter.mccs === undefined ? {} : { mccs: sorted(filter.mccs) }),
      ...(filter.merchants === undefined ? {} : { merchants: sorted(filter.merchants) }),
    },
  };
}

/** Canonical JSON (RFC 8785) of a plan: equal keys mean equal questions. */
export function planKey(plan: Plan): string {
  return canonicalize(plan)!;
}
