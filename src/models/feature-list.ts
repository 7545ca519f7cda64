// The versioned feature list of the propensity models and its pure part: catalogue expressions, their fixed
// transforms, and raw values → a scaled vector of L2 norm ≤ 1 (the same on the vault, for scoring and at the edge).
import { CurtainError } from '../core/errors.ts';
import { isProductCode, productCatalog } from '../core/products.ts';

/**
 * How a raw value (money in minor units, a count, days, or NaN for "absent") becomes a number in [0, 1].
 * The bounds are fixed constants, never read from the data: a data-dependent scaling would itself be a release.
 * - amount: log(1 + x/100) / log(1 + cap/100), x in minor units, capped at 1; ≤ 0 or absent → 0;
 * - count: log(1 + x) / log(1 + cap), capped; absent → 0;
 * - recency: 1 − min(x, cap)/cap for x days since the last one; absent (never) → 0;
 * - held: 1 when the value is present (the product is held), else 0;
 * - days: min(x, cap)/cap; absent → 0.
 */
export type FeatureTransform = 'amount' | 'count' | 'recency' | 'held' | 'days';

export interface FeatureDefinition {
  /** A stable name, e.g. "spent_groceries_90d". */
  readonly name: string;
  /** A value expression of the segment language (a number, money or duration), checked by the checker. */
  readonly expression: string;
  readonly transform: FeatureTransform;
  /** The raw value that maps to 1 (minor units, a count, or days). */
  readonly cap: number;
  /**
   * Set when the expression uses a fair-lending proxy (src/language/fair-lending.ts): never a feature of a
   * model for a credit product. The checker under a credit purpose refuses it too (test/models).
   */
  readonly proxy?: true;
}

/** Bumped whenever an entry is added, removed, reordered or changed: stored with each model version. */
export const featureListVersion = 1;

const gbp = (pounds: number): number => pounds * 100;

const spent = (category: string, days: number, capPounds: number, proxy?: true): FeatureDefinition => ({
  name: `spent_${category}_${days}d`,
  expression: `spent(category: "${category}", within: ${days}d)`,
  transform: 'amount',
  cap: gbp(capPounds),
  ...(proxy ? { proxy } : {}),
});

const held = (product: string, proxy?: true): FeatureDefinition => ({
  name: `holds_${product}`,
  expression: `held_for("${product}")`,
  transform: 'held',
  cap: 1,
  ...(proxy ? { proxy } : {}),
});

/** Version 1: spending by category and window, income, counts, recency, products held, tenure. */
const featureListV1: readonly FeatureDefinition[] = Object.freeze([
  spent('groceries', 90, 3_000),
  spent('dining', 90, 2_000),
  spent('travel', 90, 5_000),
  spent('travel', 365, 15_000),
  spent('home_inspection', 180, 2_000),
  spent('home_improvement', 90, 10_000),
  spent('shopping', 90, 5_000),
  spent('electronics', 90, 5_000),
  spent('clothing', 90, 3_000),
  spent('car_purchase', 180, 30_000),
  spent('fuel', 90, 1_500),
  spent('education', 180, 10_000),
  spent('rent', 90, 6_000),
  spent('mortgage_payment', 90, 9_000),
  spent('insurance', 90, 1_500),
  spent('loan_repayment', 90, 3_000),
  spent('savings_transfer', 90, 10_000),
  spent('fees', 90, 300),
  spent('entertainment', 90, 1_500),
  spent('baby', 365, 5_000, true),
  spent('childcare', 180, 10_000, true),
  spent('charity', 365, 2_000, true),
  {
    name: 'received_salary_90d',
    expression: 'received(category: "salary", within: 90d)',
    transform: 'amount',
    cap: gbp(30_000),
  },
  {
    name: 'received_salary_365d',
    expression: 'received(category: "salary", within: 365d)',
    transform: 'amount',
    cap: gbp(120_000),
  },
  {
    name: 'received_pension_90d',
    expression: 'received(category: "pension_income", within: 90d)',
    transform: 'amount',
    cap: gbp(15_000),
    proxy: true,
  },
  {
    name: 'received_benefits_90d',
    expression: 'received(category: "benefits", within: 90d)',
    transform: 'amount',
    cap: gbp(5_000),
    proxy: true,
  },
  {
    name: 'count_all_30d',
    expression: 'count(within: 30d)',
    transform: 'count',
    cap: 200,
  },
  {
    name: 'recurring_subscriptions_180d',
    expression: 'recurring(category: "subscriptions", within: 180d)',
    transform: 'count',
    cap: 10,
  },
  {
    name: 'days_since_salary',
    expression: 'days_since_last(category: "salary", within: 365d)',
    transform: 'recency',
    cap: 120,
  },
  {
    name: 'days_since_home_inspection',
    expression: 'days_since_last(category: "home_inspection", within: 365d)',
    transform: 'recency',
    cap: 365,
  },
  {
    name: 'days_since_travel',
    expression: 'days_since_last(category: "travel", within: 365d)',
    transform: 'recency',
    cap: 365,
  },
  held('savings'),
  held('credit_card'),
  held('mortgage'),
  held('overdraft'),
  held('personal_loan'),
  held('investment'),
  held('home_insurance'),
  held('pension', true),
  held('student_account', true),
  { name: 'tenure', expression: 'tenure()', transform: 'days', cap: 3_650 },
]);

/**
 * Version 2: a compact list per product, from the product's documented drivers (docs/generator.md's take-up
 * causes: a survey before a home purchase and renting for a mortgage; income and a new salary for a credit card;
 * a new baby, income and a surplus for savings), never from the data. Fewer weights, less noise per weight
 * (docs/personalisation-quality.md). Products without a compact list have no version 2.
 */
const compactFeatures: Readonly<Record<string, readonly string[]>> = {
  mortgage: ['spent_home_inspection_180d', 'days_since_home_inspection', 'spent_rent_90d'],
  credit_card: ['received_salary_90d', 'received_salary_365d', 'days_since_salary'],
  savings: ['spent_baby_365d', 'received_salary_365d', 'spent_savings_transfer_90d'],
};

/**
 * Version 3: a mid-sized list per product, the compact list plus the other traces docs/generator.md gives its
 * causes (a new job: a gap in salary, then dining and clothing up; a student: education; a home purchase:
 * furnishing and a deposit from savings; a baby: childcare), chosen before any model was measured on them.
 */
const midFeatures: Readonly<Record<string, readonly string[]>> = {
  mortgage: [
    ...compactFeatures['mortgage']!,
    'spent_home_improvement_90d',
    'spent_savings_transfer_90d',
    'holds_savings',
    'received_salary_365d',
  ],
  credit_card: [
    ...compactFeatures['credit_card']!,
    'spent_dining_90d',
    'spent_clothing_90d',
    'spent_education_180d',
    'tenure',
  ],
  savings: [
    ...compactFeatures['savings']!,
    'received_salary_90d',
    'spent_childcare_180d',
    'count_all_30d',
    'holds_investment',
  ],
};

const listOf =
  (names: Readonly<Record<string, readonly string[]>>) =>
  (product: string): readonly FeatureDefinition[] | undefined =>
    names[product]?.map((name) => featureListV1.find((f) => f.name === name)!);

const featureLists: Readonly<Record<number, (product: string) => readonly FeatureDefinition[] | undefined>> =
  {
    1: () => featureListV1,
    2: listOf(compactFeatures),
    3: listOf(midFeatures),
  };

/** Whether this vault knows feature list `version` (a model of another version cannot score here). */
export function hasFeatureList(version: number): boolean {
  return Object.hasOwn(featureLists, version);
}

/** Whether the product is a credit product (fair-lending rules apply to its models). */
export function isCreditProduct(product: string): boolean {
  return productCatalog.some((p) => p.code === product && p.credit);
}

/**
 * The features of a model for `product` under a list version: the whole list, less every proxy for a credit
 * product. An unknown product or version is a USAGE error.
 */
export function featuresFor(
  product: string,
  version: number = featureListVersion,
): readonly FeatureDefinition[] {
  if (!isProductCode(product)) throw new CurtainError('USAGE', `product: unknown product code "${product}"`);
  const lists = featureLists[version];
  if (lists === undefined) throw new CurtainError('USAGE', `feature list version ${version} does not exist`);
  const list = lists(product);
  if (list === undefined) {
    throw new CurtainError('USAGE', `feature list version ${version} has no features for "${product}"`);
  }
  return isCreditProduct(product) ? list.filter((f) => f.proxy !== true) : list;
}

/** The mapped value of one feature in [0, 1]. */
export function transformValue(feature: FeatureDefinition, raw: number): number {
  const present = raw === raw;
  switch (feature.transform) {
    case 'amount':
      return present && raw > 0 ? Math.min(1, Math.log1p(raw / 100) / Math.log1p(feature.cap / 100)) : 0;
    case 'count':
      return present && raw > 0 ? Math.min(1, Math.log1p(raw) / Math.log1p(feature.cap)) : 0;
    case 'recency':
      return present ? 1 - Math.min(Math.max(raw, 0), feature.cap) / feature.cap : 0;
    case 'held':
      return present ? 1 : 0;
    case 'days':
      return present && raw > 0 ? Math.min(raw, feature.cap) / feature.cap : 0;
  }
}

/**
 * The constant every input is divided by: √(d + 1) for d features, so that the d mapped values (each in
 * [0, 1]) and the intercept's constant input `interceptInput(d)` make a vector of L2 norm ≤ 1.
 */
export function inputScale(featureCount: number): number {
  return Math.sqrt(featureCount + 1);
}

/** The intercept's constant input: 1/√(d + 1). A model's bias is its intercept weight times this. */
export function interceptInput(featureCount: number): number {
  return 1 / inputScale(featureCount);
}

/**
 * One customer's scaled vector from their raw values (in the list's order), written at `out[offset …]`:
 * transformValue(feature, raw) / √(d + 1) for each feature. With the intercept input its L2 norm is ≤ 1.
 */
export function scaleVector(
  features: readonly FeatureDefinition[],
  raw: ArrayLike<number>,
  out: Float64Array,
  offset = 0,
): void {
  const scale = inputScale(features.length);
  for (let j = 0; j < features.length; j++) out[offset + j] = transformValue(features[j]!, raw[j]!) / scale;
}

/** A model's probability for one scaled vector: σ(w·x + bias). */
export function scoreVector(
  weights: ArrayLike<number>,
  bias: number,
  x: ArrayLike<number>,
  offset = 0,
): number {
  let z = bias;
  for (let j = 0; j < weights.length; j++) z += weights[j]! * x[offset + j]!;
  return 1 / (1 + Math.exp(-z));
}
