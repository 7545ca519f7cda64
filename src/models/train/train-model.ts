// Trains a private propensity model inside the vault: charge the (ε, δ) ledger first, then features, labels,
// the private fit on consenting customers only (output perturbation or noisy-statistics Newton), a frozen row.
import { randomUUID } from 'node:crypto';
import { consentChannels } from '../../core/consent.ts';
import { CurtainError } from '../../core/errors.ts';
import { err, ok, type Result } from '../../core/result.ts';
import { pureDpCurve, type RdpCurve } from '../../privacy/accounting/rdp.ts';
import { cryptoRandomSource } from '../../privacy/dp/random-source.ts';
import type { ApproximateBudgetState, SpendRefusal } from '../../privacy/guard/approximate-budget.ts';
import { discreteLaplaceNoise, type NoiseSampler } from '../../privacy/guard/noise.ts';
import type { RandomSource } from '../../privacy/dp/random-source.ts';
import { discreteGaussianNoise, type GaussianNoise } from '../../federated/distributed-noise.ts';
import { federatedPrior } from '../../federated/newton-update.ts';
import { checkAsker } from '../../privacy/guard/privacy-guard.ts';
import { restrictedCustomers } from '../../vault/compliance/restrictions.ts';
import type { CustomerSet } from '../../vault/consent/customer-set.ts';
import { excludedFromMarketing } from '../../vault/import/marketing-exclusions.ts';
import type { VaultServices } from '../../vault/vault.ts';
import {
  featureListVersion,
  featureMatrix,
  featuresFor,
  interceptInput,
  type FeatureMatrix,
  type FeatureSource,
} from '../features.ts';
import { fitLogistic, priorLogit, type TrainingSet } from './logistic.ts';

export { priorLogit } from './logistic.ts';
import { perturbationScale, perturbWeights } from './output-perturbation.ts';
import {
  defaultSteps,
  defaultWindows,
  maxSteps,
  maxWindows,
  newtonStepsCurve,
  newtonVariances,
  noisyNewton,
  noisyNewtonFit,
  recordedMechanism,
} from './noisy-newton.ts';
import { holdersOn, insertModelVersion, takeUpsAfter, type ModelVersion } from '../model-store.ts';

/** Labels: the product is taken up in this many days after the as-of date. */
export const labelDays = 90;
/** The longest window a feature reads: the training period starts this many days before the as-of date. */
const featureLookbackDays = 365;

export const outputPerturbation = 'output-perturbation';

/** How the weights are made private: pure-ε output perturbation, or approximate-DP noisy-statistics Newton. */
export type TrainingMechanism = typeof outputPerturbation | typeof noisyNewton;
export const trainingMechanisms: readonly TrainingMechanism[] = [outputPerturbation, noisyNewton];

/** The fixed regularisation Λ of the summed objective (docs/privacy-model.md): sensitivity 1/Λ. */
export const defaultLambda = 1;
/**
 * The public prior take-up rate per 90 days whose logit every margin starts from (a constant, not read from
 * the data): without it the regularised intercept, whose input is only 1/√(d + 1), cannot reach a rare
 * product's base rate and the weights learn "fewer active features" instead.
 */
export const defaultPriorRate = 0.01;

/** The certified gradient norm the fit reaches: it adds 2·tolerance/Λ to the sensitivity. */
export const defaultTolerance = 1e-6;

export type TrainingStage = 'charged' | 'features' | 'labels' | 'fitted' | 'stored';

export interface TrainRequest {
  /** A product code, e.g. "mortgage". */
  readonly product: string;
  /** Features are read on this day; labels are take-ups in the 90 days after it (which must have passed). */
  readonly asOf: string;
  readonly epsilon: number;
  /**
   * The δ the caller accepts; output perturbation is pure ε, so the version records δ = 0. Noisy Newton uses
   * this δ when it is positive, else the vault's (ε, δ) budget's δ.
   */
  readonly delta?: number;
  /** The feature list version (default `featureListVersion`; 2 is the compact list of a few products). */
  readonly featureList?: number;
  /** Default output perturbation (pure ε); `noisy-newton` is approximate DP and keeps more of the lift. */
  readonly mechanism?: TrainingMechanism;
  /**
   * Noisy Newton only: the label windows each customer contributes (the as-of day and the quarters before it),
   * 1 to 5, default 3. More windows see more take-ups for the same noise; the customer stays the unit.
   */
  readonly windows?: number;
  /**
   * Noisy Newton only: Newton steps, 1 to 3, default 1. The first releases gradient and curvature, each later
   * one the gradients at the last weights; the budget is split between them (`firstStepShare`).
   */
  readonly steps?: number;
  /** The staff handle charged for the training. */
  readonly asker: string;
  /** A question purpose code, e.g. "credit_offers". */
  readonly purpose: string;
}

export interface TrainOptions {
  /** The noise of the weights; default exact discrete Laplace from the operating system's CSPRNG. */
  readonly noise?: NoiseSampler;
  /** Noisy Newton's noise; default exact discrete Gaussian from `random`. */
  readonly gaussianNoise?: GaussianNoise;
  /** Noisy Newton's randomised rounding (and default noise); default the operating system's CSPRNG. */
  readonly random?: RandomSource;
  readonly lambda?: number;
  /** The public prior rate (default 1 % per 90 days); see `defaultPriorRate`. */
  readonly priorRate?: number;
  readonly tolerance?: number;
  /** The vault's currency (default GBP, the vault's default). */
  readonly currency?: string;
  readonly now?: () => Date;
  readonly onProgress?: (stage: TrainingStage) => void;
}

export interface TrainedModel {
  readonly model: ModelVersion;
  readonly budget: ApproximateBudgetState;
}

/** What training needs of the vault: its ledger, consent, log, and the columnar engine (kept current). */
export type TrainingVault = Pick<VaultServices, 'storage' | 'guard' | 'consent' | 'audit'> & {
  readonly questionEngine: { columnar(): Promise<FeatureSource> };
};

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function checkRequest(request: TrainRequest, today: string): void {
  checkAsker(request.asker);
  featuresFor(request.product, request.featureList);
  if (!datePattern.test(request.asOf) || Number.isNaN(Date.parse(`${request.asOf}T00:00:00Z`))) {
    throw new CurtainError('USAGE', `asOf: a date YYYY-MM-DD (got "${request.asOf}")`);
  }
  if (addDays(request.asOf, labelDays) > today) {
    throw new CurtainError('USAGE', `asOf: the ${labelDays} days after it (its labels) must have passed`);
  }
  const {
    delta = 0,
    mechanism = outputPerturbation,
    windows = defaultWindows,
    steps = defaultSteps,
  } = request;
  if (!(delta >= 0 && delta < 1)) throw new CurtainError('USAGE', `delta: must be in [0, 1) (got ${delta})`);
  if (!trainingMechanisms.includes(mechanism)) {
    throw new CurtainError(
      'USAGE',
      `mechanism: one of ${trainingMechanisms.join(', ')} (got "${mechanism}")`,
    );
  }
  if (!(Number.isInteger(windows) && windows >= 1 && windows <= maxWindows)) {
    throw new CurtainError('USAGE', `windows: a whole number from 1 to ${maxWindows} (got ${windows})`);
  }
  if (!(Number.isInteger(steps) && steps >= 1 && steps <= maxSteps)) {
    throw new CurtainError('USAGE', `steps: a whole number from 1 to ${maxSteps} (got ${steps})`);
  }
}

/** Customers who may be trained on: profiling granted on some channel, not restricted, objecting or excluded. */
async function profilingAllowed(vault: TrainingVault, asOf: string): Promise<(id: number) => boolean> {
  const [restricted, excluded, ...allowed] = await Promise.all([
    restrictedCustomers(vault.storage),
    excludedFromMarketing(vault.storage, asOf),
    ...consentChannels.map((channel) => vault.consent.allowed('profiling', channel)),
  ]);
  const sets: CustomerSet[] = allowed;
  return (id) => !restricted.has(id) && !excluded.has(id) && sets.some((set) => set.has(id));
}

/**
 * The examples: one row per active customer who may be profiled and did not hold the product on asOf,
 * labelled 1 when they took it up in the 90 days after.
 */
export async function trainingSet(
  vault: TrainingVault,
  features: FeatureMatrix,
  product: string,
  asOf: string,
): Promise<TrainingSet> {
  const [allowed, holders, takers] = await Promise.all([
    profilingAllowed(vault, asOf),
    holdersOn(vault.storage, product, asOf),
    takeUpsAfter(vault.storage, product, asOf, labelDays),
  ]);
  const held = new Set(holders);
  const took = new Set(takers);
  const rows: number[] = [];
  const labels: number[] = [];
  features.ids.forEach((id, row) => {
    if (!allowed(id) || held.has(id)) return;
    rows.push(row);
    labels.push(took.has(id) ? 1 : 0);
  });
  return {
    matrix: features.matrix,
    columns: features.columns,
    rows: Int32Array.from(rows),
    labels: Uint8Array.from(labels),
  };
}

/** The weights a training releases, and what its version row records of the mechanism. */
interface PrivateFit {
  readonly weights: Float64Array;
  /** The public prior logit every margin starts from. */
  readonly offset: number;
  readonly delta: number;
  readonly trainedFrom: string;
}

/** What a mechanism charges and then computes once the charge is accepted. */
interface PlannedTraining {
  readonly rdp: RdpCurve;
  fit(features: (asOf: string) => FeatureMatrix): Promise<PrivateFit>;
}

/** The label windows' as-of days, oldest first: `asOf` and the `windows − 1` quarters (labelDays) before it. */
export function windowDays(asOf: string, windows: number): string[] {
  return Array.from({ length: windows }, (_, k) => addDays(asOf, -labelDays * (windows - 1 - k)));
}

async function planTraining(
  vault: TrainingVault,
  request: TrainRequest,
  options: TrainOptions,
): Promise<PlannedTraining> {
  const lambda = options.lambda ?? defaultLambda;
  const tolerance = options.tolerance ?? defaultTolerance;
  const dimension = featuresFor(request.product, request.featureList).length + 1;
  const offset = priorLogit(options.priorRate ?? defaultPriorRate);
  if ((request.mechanism ?? outputPerturbation) === outputPerturbation) {
    const { scale } = perturbationScale({ epsilon: request.epsilon, lambda, dimension, tolerance });
    return {
      rdp: pureDpCurve(request.epsilon),
      async fit(features) {
        const m = features(request.asOf);
        const set = await trainingSet(vault, m, request.product, request.asOf);
        const fit = fitLogistic(set, { lambda, tolerance, offset });
        const noise = options.noise ?? discreteLaplaceNoise(cryptoRandomSource());
        const trainedFrom = addDays(request.asOf, -featureLookbackDays);
        return { weights: perturbWeights(fit.weights, scale, noise), offset, delta: 0, trainedFrom };
      },
    };
  }
  const delta =
    request.delta !== undefined && request.delta > 0
      ? request.delta
      : (await vault.guard.approximateBudget()).budget.delta;
  const variances = newtonVariances(request.epsilon, delta, dimension, request.steps ?? defaultSteps);
  const days = windowDays(request.asOf, request.windows ?? defaultWindows);
  return {
    rdp: newtonStepsCurve(variances, dimension),
    async fit(features) {
      const sets = await Promise.all(
        days.map((day) => trainingSet(vault, features(day), request.product, day)),
      );
      const random = options.random ?? cryptoRandomSource();
      const noise = options.gaussianNoise ?? discreteGaussianNoise(random);
      const fit = noisyNewtonFit(sets, variances, lambda, noise, random);
      return {
        weights: fit.weights,
        offset: federatedPrior,
        delta,
        trainedFrom: addDays(days[0]!, -featureLookbackDays),
      };
    },
  };
}

/**
 * Trains and freezes a propensity model for `request.product`. The (ε, δ) ledger is charged before any
 * customer data is read: a refusal (PRIVACY_BUDGET_EXHAUSTED, QUESTION_PURPOSE_UNKNOWN) trains nothing.
 */
export async function trainPropensityModel(
  vault: TrainingVault,
  request: TrainRequest,
  options: TrainOptions = {},
): Promise<Result<TrainedModel, SpendRefusal>> {
  const now = options.now?.() ?? new Date();
  checkRequest(request, now.toISOString().slice(0, 10));
  const mechanism =
    (request.mechanism ?? outputPerturbation) === outputPerturbation
      ? outputPerturbation
      : recordedMechanism(request.steps ?? defaultSteps);
  const plan = await planTraining(vault, request, options);
  const id = randomUUID();
  const spent = await vault.guard.spend({
    asker: request.asker,
    purpose: request.purpose,
    label: `training:${id}`,
    mechanism,
    rdp: plan.rdp,
  });
  if (!spent.ok) return err(spent.error);
  const progress = options.onProgress ?? (() => undefined);
  progress('charged');
  const engine = await vault.questionEngine.columnar();
  const currency = options.currency ?? 'GBP';
  const version = request.featureList ?? featureListVersion;
  const columns = featuresFor(request.product, version).length;
  const features = (asOf: string) => featureMatrix(engine, request.product, { currency, asOf, version });
  progress('features');
  const fit = await plan.fit(features);
  progress('labels');
  progress('fitted');
  const model = await insertModelVersion(vault.storage, {
    id,
    product: request.product,
    featureListVersion: version,
    weights: [...fit.weights.subarray(0, columns)],
    bias: fit.offset + fit.weights[columns]! * interceptInput(columns),
    mechanism,
    epsilon: request.epsilon,
    delta: fit.delta,
    trainedFrom: fit.trainedFrom,
    trainedTo: request.asOf,
    trainedBy: request.asker,
  });
  await vault.audit.record([
    {
      type: 'model.trained',
      details: {
        model: model.id,
        product: model.product,
        version: model.version,
        featureListVersion: version,
        mechanism,
        epsilon: request.epsilon,
        delta: fit.delta,
        asker: request.asker,
        purpose: request.purpose,
      },
    },
  ]);
  progress('stored');
  return ok({ model, budget: spent.value });
}
