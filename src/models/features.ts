// Model features for every customer on a day: the feature list's expressions checked by the language and
// evaluated by the vault's columnar engine into one scaled Float64Array matrix (customers × features).
import { CurtainError } from '../core/errors.ts';
import { questionPurpose, type QuestionPurpose } from '../core/question-purposes.ts';
import type { ValuePlan } from '../language/plan.ts';
import { checkQuestion } from '../vault/questions/question-check.ts';
import {
  featuresFor,
  hasFeatureList,
  inputScale,
  scoreVector,
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

/** What reads values for every customer: the columnar engine (`ColumnarEngine.valuesNow`, `valuesOfEach`). */
export interface FeatureSource {
  /** The customers, ascending internal ids: the rows of every `valuesNow`. */
  readonly customerIds: Int32Array;
  valuesNow(value: ValuePlan, asOf: string): Float64Array;
  /** `valuesNow` of each value, the same bit for bit, read together (one pass over the transactions). */
  valuesOfEach(values: readonly ValuePlan[], asOf: string): Float64Array[];
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

/** A feature's value as a condition (`… > 0` or `… > 0d`): the checker only accepts conditions. */
export function featureCondition(feature: FeatureDefinition): string {
  return `${feature.expression} > ${durations.has(feature.transform) ? '0d' : '0'}`;
}

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
    const checked = checkQuestion(featureCondition(feature), purpose, {
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
  const raw = source.valuesOfEach(featurePlans(features, product, context), context.asOf);
  return scaledMatrix(source.customerIds, features, raw);
}

/**
 * `featureMatrix` with each feature's plan evaluated on its own (one scan of the transactions per feature): the
 * reference the one-pass reading is tested and benchmarked against.
 */
export function featureMatrixOneByOne(
  source: FeatureSource,
  product: string,
  context: FeatureCheckContext & { readonly version?: number },
): FeatureMatrix {
  const features = featuresFor(product, context.version);
  const plans = featurePlans(features, product, context);
  const raw = plans.map((plan) => source.valuesNow(plan, context.asOf));
  return scaledMatrix(source.customerIds, features, raw);
}

function scaledMatrix(
  ids: Int32Array,
  features: readonly FeatureDefinition[],
  raw: readonly Float64Array[],
): FeatureMatrix {
  const columns = features.length;
  const matrix = new Float64Array(ids.length * columns);
  const scale = inputScale(columns);
  raw.forEach((values, j) => {
    const feature = features[j]!;
    for (let r = 0; r < ids.length; r++)
      matrix[r * columns + j] = transformValue(feature, values[r]!) / scale;
  });
  return { ids, matrix, columns, features };
}

/** What scoring reads of a frozen model version. */
export interface ScoringModel {
  readonly product: string;
  readonly featureListVersion: number;
  readonly weights: readonly number[];
  readonly bias: number;
}

/**
 * The features a frozen model reads: its own feature list version for its product. A version this vault does
 * not know, or weights of another width than that list's, is refused (MODEL_FEATURES_MISMATCH): weights read
 * against other features give scores that mean nothing.
 */
export function modelFeatures(model: Omit<ScoringModel, 'bias'>): readonly FeatureDefinition[] {
  const version = model.featureListVersion;
  if (!hasFeatureList(version)) {
    throw new CurtainError(
      'MODEL_FEATURES_MISMATCH',
      `the model was trained on feature list ${version}, which this vault does not compute`,
    );
  }
  const features = featuresFor(model.product, version);
  if (features.length !== model.weights.length) {
    throw new CurtainError(
      'MODEL_FEATURES_MISMATCH',
      `the model has ${model.weights.length} weights; feature list ${version} has ${features.length} features for ${model.product}`,
    );
  }
  return features;
}

/** The matrix a frozen model scores on (its list version, checked by `modelFeatures`). */
export function modelFeatureMatrix(
  source: FeatureSource,
  model: ScoringModel,
  context: FeatureCheckContext,
): FeatureMatrix {
  modelFeatures(model);
  return featureMatrix(source, model.product, { ...context, version: model.featureListVersion });
}

/**
 * The scores σ(w·x + bias) of the listed customers (ascending) that the matrix holds, in their order; a
 * customer the matrix lacks (not in the columnar store) is left out of both arrays.
 */
export function modelScores(
  m: FeatureMatrix,
  model: Pick<ScoringModel, 'weights' | 'bias'>,
  customerIds: readonly number[],
): { ids: number[]; scores: Float64Array } {
  const ids: number[] = [];
  const scores: number[] = [];
  let r = 0;
  for (const id of customerIds) {
    while (r < m.ids.length && m.ids[r]! < id) r++;
    if (r === m.ids.length || m.ids[r] !== id) continue;
    ids.push(id);
    scores.push(scoreVector(model.weights, model.bias, m.matrix, r * m.columns));
  }
  return { ids, scores: Float64Array.from(scores) };
}
