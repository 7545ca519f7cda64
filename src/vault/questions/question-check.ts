// A question checked as the vault checks it: parsed, then typed against the catalog and the purpose's policy
// (the fair-lending rules among them). Pure: no data, no budget; the question service and door doubles use it.
import type { QuestionPurpose } from '../../core/question-purposes.ts';
import { err, ok, type Result } from '../../core/result.ts';
import { checkExpression, type CheckedQuestion } from '../../language/checker.ts';
import { renderDiagnostic, type LanguageDiagnostic } from '../../language/diagnostics.ts';
import { parseExpression } from '../../language/parser.ts';

export interface QuestionCheckContext {
  readonly currency: string;
  readonly retentionDays: number;
  /** The active policy's limit on attributes a question may combine. */
  readonly maxAttributes: number;
  /** The day the question is asked on (ISO date). */
  readonly asOf: string;
  /** The approved model version per product, for `propensity(…)`. */
  readonly models?: ReadonlyMap<string, string>;
}

export interface InvalidQuestion {
  readonly code: 'QUESTION_INVALID';
  readonly message: string;
  readonly diagnostics: readonly LanguageDiagnostic[];
  /** The diagnostics rendered with line, column and caret. */
  readonly rendered: string;
}

export function checkQuestion(
  expression: string,
  purpose: QuestionPurpose,
  context: QuestionCheckContext,
): Result<CheckedQuestion, InvalidQuestion> {
  const parsed = parseExpression(expression);
  const checked = parsed.ok ? checkExpression(parsed.ast, { purpose, ...context }) : err(parsed.diagnostics);
  if (checked.ok) return ok(checked.value);
  const diagnostics = checked.error;
  return err({
    code: 'QUESTION_INVALID',
    message: diagnostics.map((d) => `${d.span.line}:${d.span.column}: ${d.message}`).join('; '),
    diagnostics,
    rendered: diagnostics.map((d) => renderDiagnostic(expression, d)).join('\n'),
  });
}
