// Checks the arguments of `age_band(…)`: one or more of the fixed bands, as positional strings.
import { ageBandRange, ageBands, isAgeBand, sortedBands, type AgeBand } from '../core/age-bands.ts';
import { err, ok, type Result } from '../core/result.ts';
import type { Call, Expression } from './ast.ts';
import { suggestName, type LanguageDiagnostic } from './diagnostics.ts';

/** The bands in their fixed order, each once; `stringOf` gives an argument's string value, if it is one. */
export function checkAgeBands(
  node: Call,
  stringOf: (value: Expression) => string | undefined,
): Result<AgeBand[], LanguageDiagnostic> {
  if (node.args.length === 0) {
    return err({
      code: 'CHECK_MISSING_ARGUMENT',
      message: 'age_band() needs a band, e.g. age_band("25-34")',
      span: node.span,
    });
  }
  const bands: AgeBand[] = [];
  for (const arg of node.args) {
    if (arg.name !== undefined) {
      return err({
        code: 'CHECK_UNEXPECTED_ARGUMENT',
        message: 'age_band() takes bands, not named filters, e.g. age_band("25-34", "35-44")',
        span: arg.span,
      });
    }
    const value = stringOf(arg.value);
    if (value === undefined) {
      return err({
        code: 'CHECK_TYPE_MISMATCH',
        message: 'an age band is a string, e.g. "25-34"',
        span: arg.value.span,
      });
    }
    if (!isAgeBand(value)) {
      const suggestion = suggestName(value, ageBands) ?? bandOfAge(value);
      return err({
        code: 'CHECK_UNKNOWN_AGE_BAND',
        message: `unknown age band "${value}"; the bands are ${ageBands.map((b) => `"${b}"`).join(', ')}`,
        span: arg.value.span,
        ...(suggestion === undefined ? {} : { suggestion }),
      });
    }
    bands.push(value);
  }
  return ok(sortedBands(bands));
}

/** For "30" or "30-39", the band holding age 30, when there is one. */
function bandOfAge(text: string): AgeBand | undefined {
  const age = /^\d{1,3}/.exec(text);
  if (age === null) return undefined;
  const years = Number(age[0]);
  return ageBands.find((band) => years >= ageBandRange[band].from && years <= ageBandRange[band].to);
}
