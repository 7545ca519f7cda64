// What a comparison of two numbers means, for the columnar engine and the planner's folding of constants alike.
import { unreachable } from '../core/unreachable.ts';
import type { CompareOperator } from './plan.ts';

/** `a op b`, where a missing value (NaN) satisfies no comparison, `!=` included (as SQL's NULL). */
export function holds(op: CompareOperator, a: number, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '=':
      return a === b;
    case '!=':
      return a === a && b === b && a !== b;
    default:
      return unreachable(op, 'comparison');
  }
}
