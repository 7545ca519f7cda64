// Checks `propensity(product)`: bound to the product's approved model version, compared with a literal only.
import { err, ok, type Result } from '../core/result.ts';
import type { Span } from './ast.ts';
import type { LanguageDiagnostic } from './diagnostics.ts';
import type { ValuePlan } from './plan.ts';

const example = 'e.g. propensity("mortgage") >= 0.6';

/** The approved version of the product's model, or CHECK_NO_MODEL. */
export function approvedModel(
  models: ReadonlyMap<string, string> | undefined,
  product: string,
  span: Span,
): Result<string, LanguageDiagnostic> {
  const model = models?.get(product);
  if (model !== undefined) return ok(model);
  return err({
    code: 'CHECK_NO_MODEL',
    message:
      `no approved propensity model for "${product}": a model version must be trained and approved by a ` +
      'second person before questions can use it',
    span,
  });
}

/**
 * The other side of a comparison with a propensity: a literal number from 0 to 1 only. No other value and no
 * data-dependent cut-off ("top 10 %"), which would let one customer move everyone else's answer.
 */
export function checkThreshold(
  other: { readonly type: string; readonly value: ValuePlan },
  span: Span,
): Result<number, LanguageDiagnostic> {
  if (other.type !== 'number' || other.value.kind !== 'constant') {
    const what = other.type === 'score' ? 'propensity' : other.type;
    return err({
      code: 'CHECK_TYPE_MISMATCH',
      message: `a propensity is compared with a fixed number from 0 to 1, not a ${what}; ${example}`,
      span,
    });
  }
  const threshold = other.value.value;
  if (threshold < 0 || threshold > 1) {
    return err({
      code: 'CHECK_BAD_VALUE',
      message: `a propensity threshold is from 0 to 1, not ${threshold}; ${example}`,
      span,
    });
  }
  return ok(threshold);
}
