// Model features for every customer on a day: the feature list's expressions checked by the language and
// evaluated by the vault's columnar engine into one scaled Float64Array matrix (customers × features).
import { CurtainError } from '../core/errors.ts';
import { questionPurpose, type QuestionPurpose } from '../core/question-purposes.ts';
import type { ValuePlan } from '../language/plan.ts';
import { checkQuestion } from '../vault/questions/question-check.ts';
import {
  featuresFor,
  inputScale,
  isCreditProduct,
  transformValue,
  type FeatureDefinition,
} from './feature-list.ts';

export {
  featureListVersion,
  featuresFor,
  inputScale,
  interceptInput,
  scaleVector,
  scoreVector,
  type FeatureDefinition,
} from './feature-list.ts';

/** What reads a value for every customer: the columnar engine (`ColumnarEngine.valuesNow`). */
export interface FeatureSource {
  /** The customers, ascending internal ids: the rows of every `valuesNow`. */
  readonly customerIds: Int32Array;
  valuesNow(value: ValuePlan, asOf: string): Float64Array;
}

export interface FeatureMatrix {
  /** Row r is customer `ids[r]`. */
  readonly ids: Int32Array;
  /** Row-major, `ids.length × columns`: every value in [0, 1/√(d + 1)] (see `scaleVector`). */
  readonly matrix: Float64Array;
  readonly columns: number;
  readonly features: readonly FeatureDefinition[];
}

export interface FeatureCheckContext {
  readonly currency: string;
  readonly asOf: string;
  /** How far back transactions are kept (days): no feature's window may reach further. */
  readonly retentionDays?: number;
}

const durations: ReadonlySet<FeatureDefinition['transform']> = new Set(['recency', 'held', 'days']);

/**
 * The plan of each feature's expression, checked under the purpose a model for `product` serves: credit
 * offers (fair-lending rules, so a proxy is refused) for a credit product, bank offers otherwise.
 */
export function featurePlans(
  features: readonly FeatureDefinition[],
  product: string,
  context: FeatureCheckContext,
): ValuePlan[] {
  const purpose: QuestionPurpose = questionPurpose(
    isCreditProduct(product) ? 'credit_offers' : 'bank_offers',
  )!;
  return features.map((feature) => {
    // A value is checked as the left side of a comparison: the checker only accepts conditions.
    const zero = durations.has(feature.transform) ? '0d' : '0';
    const checked = checkQuestion(`${feature.expression} > ${zero}`, purpose, {
      currency: context.currency,
      retentionDays: context.retentionDays ?? 3_650,
      maxAttributes: 1,
      asOf: context.asOf,
    });
    if (!checked.ok) {
      throw new CurtainError('USAGE', `feature ${feature.name}: ${checked.error.message}`);
    }
    const plan = checked.value.plan;
    if (plan.kind !== 'compare') throw new CurtainError('USAGE', `feature ${feature.name}: not a value`);
    return plan.left;
  });
}

/**
 * Every customer's scaled feature vector for a model of `product` on `asOf` (feature list `version`): each
 * expression evaluated once for all customers by the engine, then mapped by its fixed transform into [0, 1]
 * and divided by √(d + 1), so that a row with the intercept's input 1/√(d + 1) has L2 norm ≤ 1.
 */
export function featureMatrix(
  source: FeatureSource,
  product: string,
  context: FeatureCheckContext & { readonly version?: number },
): FeatureMatrix {
  const features = featuresFor(product, context.version);
  const plans = featurePlans(features, product, context);
  const ids = source.customerIds;
  const columns = features.length;
  const matrix = new Float64Array(ids.length * columns);
  const scale = inputScale(columns);
  plans.forEach((plan, j) => {
    const raw = source.valuesNow(plan, context.asOf);
    const feature = features[j]!;
    for (let r = 0; r < ids.length; r++) matrix[r * columns + j] = transformValue(feature, raw[r]!) / scale;
  });
  return { ids, matrix, columns, features };
}
