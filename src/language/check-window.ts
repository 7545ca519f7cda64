// The window of a transaction aggregate: `within`, or `from`/`to`, inside what the vault keeps.
import type { Argument, Expression, Span } from './ast.ts';
import { daysBetween, fail, type Typed } from './checker-support.ts';
import type { Window } from './plan.ts';

/** When neither `within` nor `from`/`to` is given. */
export const defaultWindowDays = 365;

export function checkWindow(
  given: ReadonlyMap<string, Argument>,
  span: Span,
  typeOf: (value: Expression) => Typed,
  options: { readonly retentionDays: number; readonly asOf: string },
): Window {
  const within = given.get('within');
  const from = given.get('from');
  const to = given.get('to');
  const retention = options.retentionDays;
  if (within !== undefined) {
    if (from !== undefined || to !== undefined) {
      fail('CHECK_UNEXPECTED_ARGUMENT', 'give either within or from/to, not both', within.span);
    }
    const typed = typeOf(within.value);
    if (typed.type !== 'duration' || typed.value.kind !== 'constant') {
      return fail('CHECK_TYPE_MISMATCH', 'within is a duration, e.g. within: 90d', within.value.span);
    }
    const days = typed.value.value;
    if (days < 1) fail('CHECK_BAD_VALUE', 'a window is at least one day', within.value.span);
    if (days > retention) {
      fail(
        'CHECK_WINDOW_RETENTION',
        `the window of ${days} days reaches beyond the ${retention} days transactions are kept`,
        within.value.span,
      );
    }
    return { kind: 'within', days };
  }
  if (from === undefined && to === undefined)
    return { kind: 'within', days: Math.min(defaultWindowDays, retention) };
  if (from === undefined || to === undefined) {
    return fail(
      'CHECK_MISSING_ARGUMENT',
      'a dated window needs both from and to',
      (from ?? to ?? { span }).span,
    );
  }
  const date = (arg: Argument): string => {
    const typed = typeOf(arg.value);
    if (typed.type !== 'date')
      return fail('CHECK_TYPE_MISMATCH', `${arg.name} is a date, e.g. 2026-01-31`, arg.value.span);
    return typed.value;
  };
  const first = date(from);
  const last = date(to);
  if (first > last)
    fail('CHECK_BAD_VALUE', `the window starts (${first}) after it ends (${last})`, from.span);
  if (daysBetween(first, options.asOf) > retention) {
    fail(
      'CHECK_WINDOW_RETENTION',
      `${first} is before the ${retention} days transactions are kept`,
      from.value.span,
    );
  }
  return { kind: 'between', from: first, to: last };
}
