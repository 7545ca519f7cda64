// Until the trainer's feature list (src/models/features.ts) is merged: a small versioned list of real catalogue
// expressions, evaluated by the columnar engine, with exactly its signature. The integrator swaps it for theirs.
import type { VaultQuestionEngine } from '../../vault/questions/vault-engine.ts';
import { checkExpression } from '../../language/checker.ts';
import { parseExpression } from '../../language/parser.ts';
import { questionPurpose } from '../../core/question-purposes.ts';
import { ColumnarEngine } from '../../vault/questions/columnar/columnar-engine.ts';

/** What the feature list needs of a vault: its question engine (and so its columnar store). */
export interface FeatureVault {
  readonly questionEngine: VaultQuestionEngine;
}

/** The version models record (model_versions.feature_list_version); a model of another version cannot score. */
export const featureListVersion = 1;

/**
 * Each feature is 1 when the customer matches the condition on the as-of day, else 0; a row is scaled by
 * 1/√d so that its L2 norm is at most 1. No protected attribute or listed proxy is among them.
 */
export const featureExpressions: readonly string[] = [
  'spent(category: "groceries", within: 90d) > 300 GBP',
  'received(category: "salary", within: 90d) > 0',
  'spent(category: "rent", within: 90d) > 0',
  'count(within: 30d) >= 40',
  'holds("credit_card")',
  'holds("savings")',
  'tenure() > 3y',
];

export async function featureMatrix(
  vault: FeatureVault,
  asOf: Date,
  customerIds: readonly number[],
): Promise<{ version: number; names: string[]; rows: Float64Array[] }> {
  const day = asOf.toISOString().slice(0, 10);
  const engine = vault.questionEngine;
  if (engine.store === undefined) await engine.loadColumnar({ features: false });
  const columnar = new ColumnarEngine(engine.store!);
  const purpose = questionPurpose('bank_offers')!;
  const scale = 1 / Math.sqrt(featureExpressions.length);
  const rows = customerIds.map(() => new Float64Array(featureExpressions.length));
  const position = new Map(customerIds.map((id, k) => [id, k]));
  featureExpressions.forEach((expression, f) => {
    const parsed = parseExpression(expression);
    if (!parsed.ok) throw new Error(`feature ${f} does not parse`);
    const checked = checkExpression(parsed.ast, {
      purpose,
      currency: 'GBP',
      retentionDays: 3650,
      maxAttributes: 5,
      asOf: day,
    });
    if (!checked.ok) throw new Error(`feature ${f} does not check: ${checked.error[0]?.message ?? ''}`);
    for (const id of columnar.evaluateNow(checked.value.plan, day)) {
      const k = position.get(id);
      if (k !== undefined) rows[k]![f] = scale;
    }
  });
  return { version: featureListVersion, names: [...featureExpressions], rows };
}
