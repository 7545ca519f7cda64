// Small helpers of the checker: its failures and typed parts, the plan's aggregate function, days between dates.
import type { Span } from './ast.ts';
import type { LanguageDiagnostic } from './diagnostics.ts';
import type { FunctionResult } from './functions.ts';
import type { AggregateFunction, Plan, ValuePlan } from './plan.ts';

/** Unwinds to the nearest part that can recover; without a diagnostic, the part used one already reported. */
export class CheckFailure extends Error {
  constructor(readonly diagnostic: LanguageDiagnostic | undefined) {
    super(diagnostic?.message ?? 'already reported');
  }
}

export const silent = (): never => {
  throw new CheckFailure(undefined);
};

export const fail = (code: string, message: string, span: Span, suggestion?: string): never => {
  throw new CheckFailure({ code, message, span, ...(suggestion === undefined ? {} : { suggestion }) });
};

/** A `score` is a model's propensity, 0 to 1: compared only with a fixed number (no data-dependent cut-off). */
export type ValueType = Exclude<FunctionResult, 'boolean'>;
/** `error`: a part already reported; whatever uses it stays silent, so one mistake is one problem. */
export type Typed =
  | { readonly type: 'error' }
  | { readonly type: 'boolean'; readonly plan: Plan }
  | { readonly type: ValueType; readonly value: ValuePlan; readonly zeroLiteral: boolean }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'date'; readonly value: string }
  | { readonly type: 'list'; readonly items: readonly Typed[]; readonly spans: readonly Span[] };

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
