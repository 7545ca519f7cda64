// The order in which a plan's `and` and `or` run their items: cheap ones first, feature reads cheaper than scans.
import type { Plan, ValuePlan } from '../../../language/plan.ts';
import { unreachable } from '../../../core/unreachable.ts';

/** Which values the features answer, for the plan's currency; undefined without features. */
export type Featured = ((value: ValuePlan) => boolean) | undefined;

function cost(plan: Plan, featured: Featured): number {
  switch (plan.kind) {
    case 'constant':
      return 0;
    case 'holds':
    case 'ageBand':
      return 1;
    case 'not':
      return cost(plan.item, featured);
    case 'and':
    case 'or':
      return plan.items.reduce((sum, item) => sum + cost(item, featured), 0);
    case 'compare':
      return valueCost(plan.left, featured) + valueCost(plan.right, featured);
    default:
      return unreachable(plan, 'plan node');
  }
}

function valueCost(value: ValuePlan, featured: Featured): number {
  switch (value.kind) {
    case 'constant':
      return 0;
    case 'tenureDays':
    case 'holdingDays':
    case 'propensity':
      return 1;
    case 'aggregate':
      return featured?.(value) ? 0.5 : 10;
    case 'recurring':
      return featured?.(value) ? 0.5 : 20;
    default:
      return unreachable(value, 'plan node');
  }
}

/** Cheap items first: with two-valued logic, `and` and `or` may run their items in any order. */
export function byCost(items: readonly Plan[], featured: Featured): Plan[] {
  return items
    .map((item, index) => ({ item, index, cost: cost(item, featured) }))
    .sort((x, y) => x.cost - y.cost || x.index - y.index)
    .map((entry) => entry.item);
}
