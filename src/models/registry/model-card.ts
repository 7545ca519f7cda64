// A model version's card: every figure computed from customers' data is released through the guard (noised,
// charged to the person who asks, logged); the card shows the features' fair-lending check and ε, δ.
import { ageInYears, monthIndex } from '../../core/age-bands.ts';
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import { CurtainError } from '../../core/errors.ts';
import { productCatalog } from '../../core/products.ts';
import { questionPurpose } from '../../core/question-purposes.ts';
import { fairLendingVersion } from '../../language/fair-lending.ts';
import { budgetReport, costSentence } from '../../privacy/guard/budget-report.ts';
import type { PrivacyGuard } from '../../privacy/guard/privacy-guard.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import { noBirthMonth, rowOf } from '../../vault/questions/columnar/columnar-data.ts';
import type { VaultQuestionEngine } from '../../vault/questions/vault-engine.ts';
import { checkQuestion } from '../../vault/questions/question-check.ts';
import {
  featureCondition,
  featuresFor,
  modelFeatureMatrix,
  modelScores,
  type FeatureDefinition,
} from '../features.ts';
import { federatedRoundEntries, takeUpsAfter, writeCard, type ModelVersion } from '../model-store.ts';
import { mechanismSentence } from '../train/noisy-newton.ts';

/** Score bands of the calibration table (lower bound inclusive); few, since each released count costs ε. */
export const scoreBands = [
  { name: '0-0.25', from: 0, to: 0.25 },
  { name: '0.25-0.5', from: 0.25, to: 0.5 },
  { name: '0.5-1', from: 0.5, to: 1.000_001 },
] as const;
/** Age groups of the results by protected attribute (coarse, for the same reason). */
export const ageGroups = [
  { name: '18-34', from: 18, to: 34 },
  { name: '35-54', from: 35, to: 54 },
  { name: '55+', from: 55, to: Number.POSITIVE_INFINITY },
] as const;
/** A customer is "selected" by the model at this score (the results by age band compare selection rates). */
export const selectionScore = 0.5;
const labelDays = 90;

export interface CardSources {
  readonly storage: Storage;
  readonly audit: TransactionalAuditSink<SqlExecutor>;
  readonly guard: Pick<PrivacyGuard, 'release'>;
  readonly questionEngine: VaultQuestionEngine;
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The later window: features on trained_to + 90 days, labels in the 90 days after that. */
export function evaluationWindow(model: Pick<ModelVersion, 'trainedTo'>): { asOf: string; through: string } {
  const asOf = addDays(model.trainedTo, labelDays);
  return { asOf, through: addDays(asOf, labelDays) };
}

/** The exact audiences the card's figures count; they never leave this module except through the guard. */
async function cardAudiences(
  sources: CardSources,
  model: ModelVersion,
  customers: readonly number[],
  currency: string,
): Promise<Record<string, number[]>> {
  const window = evaluationWindow(model);
  const engine = await sources.questionEngine.columnar();
  const features = modelFeatureMatrix(engine, model, { currency, asOf: window.asOf });
  const scored = modelScores(features, model, customers);
  const took = new Set(await takeUpsAfter(sources.storage, model.product, window.asOf, labelDays));
  const store = sources.questionEngine.store!;
  const { ids, birthMonth } = store.data.customers;
  const asOfMonth = monthIndex(window.asOf);
  const audiences: Record<string, number[]> = {};
  const add = (name: string, id: number) => (audiences[name] ??= []).push(id);
  // Every audience is released, the empty ones too: which are empty is itself data.
  scoreBands.forEach((_, i) => ['band', 'took'].forEach((kind) => (audiences[`${kind}_${i}`] = [])));
  ageGroups.forEach((_, i) => ['age', 'selected'].forEach((kind) => (audiences[`${kind}_${i}`] = [])));
  scored.ids.forEach((id, k) => {
    const score = scored.scores[k]!;
    const band = scoreBands.findIndex((b) => score >= b.from && score < b.to);
    add(`band_${band}`, id);
    if (took.has(id)) add(`took_${band}`, id);
    const row = rowOf(ids, id);
    const month = row < 0 ? noBirthMonth : birthMonth[row]!;
    if (month === noBirthMonth) return;
    const age = ageInYears(month, asOfMonth);
    const group = ageGroups.findIndex((g) => age >= g.from && age <= g.to);
    if (group < 0) return;
    add(`age_${group}`, id);
    if (score >= selectionScore) add(`selected_${group}`, id);
  });
  return audiences;
}

/**
 * Whether any feature would be refused in a question for credit products (protected attribute or proxy): each
 * feature's value checked as a condition, as the trainer checks it.
 */
export function fairLendingCheck(features: readonly FeatureDefinition[], asOf: string) {
  const purpose = questionPurpose('credit_offers')!;
  const findings = features.flatMap((feature) => {
    const checked = checkQuestion(featureCondition(feature), purpose, {
      currency: 'GBP',
      retentionDays: 3650,
      maxAttributes: 1,
      asOf,
    });
    if (checked.ok) return [];
    return checked.error.diagnostics
      .filter((d) => d.code.startsWith('FAIR_LENDING'))
      .map((d) => ({ feature: feature.expression, finding: d.message }));
  });
  return { rules: fairLendingVersion, passed: findings.length === 0, findings };
}

type Counts = { readonly [name: string]: number | null };

/** Binned AUC from noised counts per score band: P(score of a taker > a non-taker's), ties counted half. */
export function bandedAuc(positives: readonly number[], negatives: readonly number[]): number | null {
  const p = positives.reduce((a, b) => a + b, 0);
  const n = negatives.reduce((a, b) => a + b, 0);
  if (p <= 0 || n <= 0) return null;
  let below = 0;
  let area = 0;
  positives.forEach((pos, i) => {
    area += pos * (below + negatives[i]! / 2);
    below += negatives[i]!;
  });
  return Math.min(1, Math.max(0, area / (p * n)));
}

/** Lift in the top 10 % by score, estimated from the bands (a band partly inside is taken pro rata). */
export function bandedLift(customers: readonly number[], positives: readonly number[]): number | null {
  const total = customers.reduce((a, b) => a + b, 0);
  const took = positives.reduce((a, b) => a + b, 0);
  if (total <= 0 || took <= 0) return null;
  let room = total / 10;
  let inTop = 0;
  for (let i = customers.length - 1; i >= 0 && room > 0; i--) {
    const share = customers[i]! <= 0 ? 0 : Math.min(1, room / customers[i]!);
    inTop += share * positives[i]!;
    room -= share * customers[i]!;
  }
  return inTop / (total / 10) / (took / total);
}

const clampCount = (n: number | null | undefined): number | null =>
  n === null || n === undefined ? null : Math.max(0, n);

/** The card's figures, all derived from the guard's noised counts (null where a count was suppressed). */
export function cardFigures(counts: Counts) {
  const bands = scoreBands.map((band, i) => {
    const customers = clampCount(counts[`band_${i}`]);
    const tookUp = clampCount(counts[`took_${i}`]);
    const observedRate =
      customers === null || tookUp === null || customers === 0 ? null : Math.min(1, tookUp / customers);
    return { band: band.name, customers, tookUp, observedRate };
  });
  const complete = bands.every((b) => b.customers !== null && b.tookUp !== null);
  const customers = bands.map((b) => b.customers ?? 0);
  const positives = bands.map((b) => Math.min(b.tookUp ?? 0, b.customers ?? 0));
  const ages = ageGroups.map((group, i) => {
    const inGroup = clampCount(counts[`age_${i}`]);
    const selected = clampCount(counts[`selected_${i}`]);
    const selectionRate =
      inGroup === null || selected === null || inGroup === 0 ? null : Math.min(1, selected / inGroup);
    return { group: group.name, customers: inGroup, selected, selectionRate };
  });
  return {
    auc: complete
      ? bandedAuc(
          positives,
          customers.map((c, i) => Math.max(0, c - positives[i]!)),
        )
      : null,
    liftTop10: complete ? bandedLift(customers, positives) : null,
    calibration: bands,
    byAgeBand: ages,
  };
}

/**
 * Releases the card of `model` through the guard, charged to `asker`: noised counts per score band and age
 * group on the later window, the figures derived from them alone; stored on the version and logged.
 */
export async function releaseCard(
  sources: CardSources,
  model: ModelVersion,
  customers: readonly number[],
  asker: string,
  at: { readonly today: string; readonly currency: string },
): Promise<Record<string, unknown>> {
  const { today, currency } = at;
  const window = evaluationWindow(model);
  if (window.through > today) {
    throw new CurtainError(
      'MODEL_STATE',
      `the later window of this version ends on ${window.through}; its card can be released after`,
    );
  }
  const credit = productCatalog.find((p) => p.code === model.product)?.credit ?? false;
  const audiences = await cardAudiences(sources, model, customers, currency);
  const featureList = featuresFor(model.product, model.featureListVersion);
  const features = featureList.map((f) => f.expression);
  const released = await sources.guard.release({
    asker,
    purpose: credit ? 'credit_offers' : 'bank_offers',
    label: `model-card:${model.id}`,
    audiences,
    subjects: [`model:${model.id}`],
  });
  if (!released.ok) {
    const refusal = released.error;
    const cost = 'budget' in refusal ? budgetReport(refusal.budget) : undefined;
    throw new CurtainError(
      refusal.code,
      cost === undefined ? refusal.message : `${refusal.message} (${costSentence(cost)})`,
    );
  }
  const { counts, budget, releasedOn } = released.value;
  const card = {
    releasedOn,
    releasedBy: asker,
    epsilonCharged: budget.charged.toString(),
    training: {
      from: model.trainedFrom,
      to: model.trainedTo,
      mechanism: model.mechanism,
      description: mechanismSentence(model),
      epsilon: model.epsilon,
      delta: model.delta,
    },
    evaluation: { asOf: window.asOf, labelsThrough: window.through, selectionScore },
    featureListVersion: model.featureListVersion,
    features,
    fairLending: fairLendingCheck(featureList, window.asOf),
    ...cardFigures(counts),
    federated:
      model.federated === null
        ? null
        : {
            ...model.federated,
            logEntries: await federatedRoundEntries(sources.storage, model.federated.round),
          },
  };
  await writeCard(sources.storage, model.id, card);
  await sources.audit.record([
    {
      type: 'model.card',
      details: {
        model: model.id,
        product: model.product,
        version: model.version,
        by: asker,
        epsilon: card.epsilonCharged,
      },
    },
  ]);
  return card;
}
