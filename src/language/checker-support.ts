// Small pure helpers of the checker: the plan's aggregate function of a language function, days between dates.
import type { AggregateFunction } from './plan.ts';

export function aggregateFunction(
  name: 'spent' | 'received' | 'sum' | 'count' | 'average' | 'min' | 'max' | 'days_since_last',
): AggregateFunction {
  switch (name) {
    case 'spent':
    case 'received':
    case 'sum':
      return 'sum';
    case 'days_since_last':
      return 'daysSinceLast';
    default:
      return name;
  }
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
