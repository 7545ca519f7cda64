// Benchmark: private propensity models against the best hand rule and the same model without privacy, on a
// later time window of the generated bank (AUC, lift in the top 10 %), with training and scoring times as
// ratios against the non-private model measured in the same run. Figures: docs/personalisation-quality.md.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VaultServices } from '../src/app/vault-process.ts';
import { realBankVersion } from '../src/demo/generate/index.ts';
import { loadDemoBank } from '../src/demo/load-demo-bank.ts';
import { featureMatrix, featureMatrixOneByOne, type FeatureMatrix } from '../src/models/features.ts';
import { fitLogistic, type TrainingSet } from '../src/models/train/logistic.ts';
import { perturbationScale, perturbWeights } from '../src/models/train/output-perturbation.ts';
import {
  defaultWindows,
  firstStepShare,
  laterStepDamping,
  newtonVariances,
  noisyNewtonFit,
} from '../src/models/train/noisy-newton.ts';
import { discreteGaussianNoise } from '../src/federated/distributed-noise.ts';
import { defaultApproximateBudget } from '../src/privacy/guard/approximate-budget.ts';
import {
  defaultPriorRate,
  defaultTolerance,
  priorLogit,
  trainingSet,
  trainPropensityModel,
  windowDays,
} from '../src/models/train/train-model.ts';
import { seededRandomSource } from '../src/privacy/dp/random-source.ts';
import { discreteLaplaceNoise } from '../src/privacy/guard/noise.ts';
import { openPgliteStorage } from '../src/storage/pglite/pglite-storage.ts';
import type { ColumnarEngine } from '../src/vault/questions/columnar/columnar-engine.ts';
import {
  population,
  quality,
  ruleScores,
  scoresOf,
  type Population,
  type Quality,
} from './models-quality.ts';
import { benchStamp } from './models-stamp.ts';
import { benchDirectory, benchHeader, benchVault, fmt } from './support.ts';

const customers = Number(process.env['BENCH_MODELS_CUSTOMERS'] ?? 4_000);
/** Everyday card payments per customer per month: the realistic model (with take-up) at a lighter density. */
const density = Number(process.env['BENCH_MODELS_DENSITY'] ?? 2);
const draws = Number(process.env['BENCH_MODELS_DRAWS'] ?? 20);
const seed = Number(process.env['BENCH_MODELS_SEED'] ?? 1);
const end = '2026-11-01';
/** Features on trainAsOf, labels in the 90 days after; evaluated on the next window (evalAsOf → end). */
const trainAsOf = '2026-05-05';
const evalAsOf = '2026-08-03';
const lambda = Number(process.env['BENCH_MODELS_LAMBDA'] ?? 1);
const offset = priorLogit(defaultPriorRate);
const allProducts = ['mortgage', 'credit_card', 'savings'] as const;
const numbers = (variable: string, fallback: string) =>
  (process.env[variable] ?? fallback).split(',').map(Number);
/** Narrowing for a quick run while choosing settings: products, feature list versions, Newton steps. */
const products = allProducts.filter((p) =>
  (process.env['BENCH_MODELS_PRODUCTS'] ?? p).split(',').includes(p),
);
const listVersions = numbers('BENCH_MODELS_LISTS', '1,2,3');
/** Noisy Newton settings: "steps" or "steps:damping" (the later steps' curvature factor), comma-separated. */
const newtonSettings = (process.env['BENCH_MODELS_STEPS'] ?? `1,2:${laterStepDamping}`)
  .split(',')
  .map((e) => {
    const [steps, damping] = e.split(':').map(Number);
    return { steps: steps!, damping: damping ?? laterStepDamping };
  });
const shareOfFirst = Number(process.env['BENCH_MODELS_SHARE'] ?? firstStepShare);
const withOutputPerturbation = process.env['BENCH_MODELS_OUTPUT'] !== '0';
const epsilons = numbers('BENCH_MODELS_EPSILONS', '0.5,1,2,4');

/** Hand rules in the segment language, per product: the best on the training window is reported. */
const handRules: Record<(typeof products)[number], readonly string[]> = {
  mortgage: [
    'spent(category: "home_inspection", within: 90d) > 0',
    'spent(category: "home_inspection", within: 180d) > 0',
    'spent(category: "home_inspection", within: 180d) > 0 and spent(category: "rent", within: 90d) > 0',
  ],
  credit_card: [
    'received(category: "salary", within: 90d) > 9000 GBP',
    'spent(category: "travel", within: 90d) > 500 GBP',
    'days_since_last(category: "salary", within: 365d) < 45d and received(category: "salary", within: 365d) > 20000 GBP',
  ],
  savings: [
    'received(category: "salary", within: 90d) > 9000 GBP',
    'spent(category: "baby", within: 365d) > 0',
    'spent(category: "savings_transfer", within: 90d) > 0',
  ],
};

const seconds = (started: number) => (performance.now() - started) / 1000;

/** The bank in a PGlite data directory kept between runs (loading it is most of a first run). */
async function openBank(): Promise<VaultServices> {
  const root = join(benchDirectory, `models-real-v${realBankVersion}-${customers}-d${density}-seed-${seed}`);
  await mkdir(root, { recursive: true });
  const loaded = join(root, 'loaded');
  const storage = await openPgliteStorage({ dataDirectory: join(root, 'pgdata') });
  // Trainings are charged to a period of this run's own (a shifted clock), so repeated runs never exhaust the
  // budget; the bank is loaded under the real clock (ingest keeps transactions by their age today).
  let shift = 0;
  const vault = await benchVault(storage, root, 'pglite', () => new Date(Date.now() + shift));
  if (!existsSync(loaded)) {
    const started = performance.now();
    await loadDemoBank(vault, { customers, seed, end, density });
    await writeFile(loaded, `${seconds(started)}\n`);
    console.log(`loaded the bank in ${fmt(seconds(started), 0)} s`);
  }
  shift = (1 + Math.floor(Math.random() * 10_000)) * 31 * 86_400_000;
  return vault;
}

function asTrainingSet(m: FeatureMatrix, p: Population): TrainingSet {
  return { matrix: m.matrix, columns: m.columns, rows: p.rows, labels: p.labels };
}

type PrivateQuality = Quality & { readonly epsilon: number; readonly minLift: number };

interface ListReport {
  readonly version: number;
  readonly features: number;
  /** (c): the same logistic regression without privacy on all customers of the training window. */
  readonly open: Quality;
  readonly private: readonly PrivateQuality[];
  /** Noisy-statistics Newton over `defaultWindows` label windows, at the vault's δ, per number of steps. */
  readonly newton: readonly NewtonReport[];
}

interface NewtonReport {
  readonly steps: number;
  readonly damping: number;
  readonly noised: readonly PrivateQuality[];
  /** The same Newton steps with every noise draw 0: the mechanism's own ceiling (not private). */
  readonly noiseless: Quality;
}

/** The mean AUC and lift of `draws` noised models, and the lowest lift. */
function summarise(epsilon: number, runs: readonly Quality[]): PrivateQuality {
  const mean = (f: (q: Quality) => number) => runs.reduce((s, q) => s + f(q), 0) / runs.length;
  return {
    epsilon,
    auc: mean((q) => q.auc),
    lift: mean((q) => q.lift),
    minLift: Math.min(...runs.map((q) => q.lift)),
  };
}

interface ProductReport {
  readonly product: string;
  /** The version trained through `trainPropensityModel` (approved for the stamp measure). */
  readonly modelId: string;
  readonly base: { readonly train: number; readonly evaluation: number };
  readonly rule: Quality & { readonly expression: string };
  /** (b) and (c) on each feature list version. */
  readonly lists: readonly ListReport[];
  /** Output perturbation (list 1), noisy Newton (list 2) through `trainPropensityModel`, and the open fit. */
  readonly trainSeconds: { readonly private: number; readonly newton: number; readonly open: number };
  /**
   * Scoring every customer with the private and the open weights, the open weights with the features read one
   * by one (the reference path), and the bare reference: the amount column summed once.
   */
  readonly scoreSecondsPer200k: {
    readonly private: number;
    readonly open: number;
    readonly oneByOne: number;
    readonly bare: number;
    /** The non-private scoring's CPU time. */
    readonly openCpu: number;
  };
}

function bestRule(
  engine: ColumnarEngine,
  product: (typeof products)[number],
  train: Population,
  m: FeatureMatrix,
) {
  const scored = handRules[product].map((expression) => ({
    expression,
    train: quality(ruleScores(engine, m, train, expression, trainAsOf), train.labels),
  }));
  return scored.reduce((a, b) => (b.train.lift > a.train.lift ? b : a));
}

function privateQualities(fit: Float64Array, m: FeatureMatrix, evaluation: Population, product: string) {
  return epsilons.map((epsilon) => {
    const { scale } = perturbationScale({
      epsilon,
      lambda,
      dimension: m.columns + 1,
      tolerance: defaultTolerance,
    });
    const noise = discreteLaplaceNoise(seededRandomSource(`bench-models-${product}-${epsilon}`));
    const runs = Array.from({ length: draws }, () =>
      quality(scoresOf(m, evaluation, perturbWeights(fit, scale, noise), offset), evaluation.labels),
    );
    return summarise(epsilon, runs);
  });
}

/** Noisy Newton on the profiled customers' label windows ending on trainAsOf, `draws` seeded noise draws per ε. */
async function newtonQualities(
  vault: VaultServices,
  engine: ColumnarEngine,
  product: string,
  m: FeatureMatrix,
  evaluation: Population,
  version: number,
) {
  const days = windowDays(trainAsOf, defaultWindows);
  const sets = await Promise.all(
    days.map((day) =>
      trainingSet(
        vault,
        featureMatrix(engine, product, { currency: 'GBP', asOf: day, version }),
        product,
        day,
      ),
    ),
  );
  const silent = { discreteGaussian: () => 0n };
  return newtonSettings.map(({ steps, damping }): NewtonReport => {
    const silentVariances = Array.from({ length: steps }, () => 1n);
    const fit = noisyNewtonFit(
      sets,
      silentVariances,
      lambda,
      silent,
      seededRandomSource('bench-models-noiseless'),
      damping,
    );
    const noiseless = quality(scoresOf(m, evaluation, fit.weights, offset), evaluation.labels);
    const noised = epsilons.map((epsilon) => {
      const variances = newtonVariances(
        epsilon,
        defaultApproximateBudget.delta,
        m.columns + 1,
        steps,
        shareOfFirst,
      );
      const random = seededRandomSource(`bench-models-newton-${product}-v${version}-${epsilon}`);
      const noise = discreteGaussianNoise(random);
      const runs = Array.from({ length: draws }, () => {
        const { weights } = noisyNewtonFit(sets, variances, lambda, noise, random, damping);
        return quality(scoresOf(m, evaluation, weights, offset), evaluation.labels);
      });
      return summarise(epsilon, runs);
    });
    return { steps, damping, noised, noiseless };
  });
}

type MatrixOf = typeof featureMatrix;

/**
 * Features for all customers on evalAsOf and every customer scored, in seconds per 200,000 customers (the best of
 * three after a warm-up: compiled code, no first-call costs); `matrixOf` reads the features (the one-pass
 * `featureMatrix`, or `featureMatrixOneByOne`, the per-feature reference).
 */
function scoringSeconds(
  engine: ColumnarEngine,
  product: string,
  weights: Float64Array,
  matrixOf: MatrixOf = featureMatrix,
  clock = wallClock,
): number {
  return per200k(engine.customerIds.length, () => scoreEveryone(engine, product, weights, matrixOf), clock);
}

function scoreEveryone(
  engine: ColumnarEngine,
  product: string,
  weights: Float64Array,
  matrixOf: MatrixOf,
): void {
  const m = matrixOf(engine, product, { currency: 'GBP', asOf: evalAsOf });
  const everyone = { rows: Int32Array.from(m.ids.keys()), labels: new Uint8Array(m.ids.length) };
  scoresOf(m, everyone, weights, offset);
}

/** The bare reference: every transaction's amount summed once, per 200,000 customers. */
function bareSeconds(vault: VaultServices, engine: ColumnarEngine): number {
  const { amount } = vault.questionEngine.store!.data.transactions;
  let total = 0;
  const figure = per200k(engine.customerIds.length, () => {
    let sum = 0;
    for (let i = 0; i < amount.length; i++) sum += amount[i]!;
    total += sum;
  });
  if (!Number.isFinite(total)) throw new Error('amounts do not add up');
  return figure;
}

/** Seconds by the wall clock, or of CPU time (user and system, this process: on a busy machine, the work alone). */
const wallClock = () => performance.now() / 1000;
const cpuClock = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

function per200k(customers: number, run: () => void, clock = wallClock): number {
  run();
  const times = Array.from({ length: 3 }, () => {
    const started = clock();
    run();
    return clock() - started;
  });
  return (Math.min(...times) * 200_000) / customers;
}

/** (b) both ways and (c) on feature list `version`, on the evaluation window. */
async function listQualities(
  vault: VaultServices,
  engine: ColumnarEngine,
  product: string,
  version: number,
): Promise<ListReport> {
  const trainMatrix = featureMatrix(engine, product, { currency: 'GBP', asOf: trainAsOf, version });
  const trainAll = await population(vault.storage, trainMatrix, product, trainAsOf);
  const fit = (set: TrainingSet) => fitLogistic(set, { lambda, tolerance: defaultTolerance, offset });
  const open = fit(asTrainingSet(trainMatrix, trainAll));
  const privateFit = fit(await trainingSet(vault, trainMatrix, product, trainAsOf));
  const evalMatrix = featureMatrix(engine, product, { currency: 'GBP', asOf: evalAsOf, version });
  const evaluation = await population(vault.storage, evalMatrix, product, evalAsOf);
  return {
    version,
    features: trainMatrix.columns,
    open: quality(scoresOf(evalMatrix, evaluation, open.weights, offset), evaluation.labels),
    private: withOutputPerturbation
      ? privateQualities(privateFit.weights, evalMatrix, evaluation, `${product}-v${version}`)
      : [],
    newton: await newtonQualities(vault, engine, product, evalMatrix, evaluation, version),
  };
}

async function benchProduct(
  vault: VaultServices,
  product: (typeof products)[number],
): Promise<ProductReport> {
  const engine = await vault.questionEngine.columnar();
  const context = { currency: 'GBP' };
  let started = performance.now();
  const trainMatrix = featureMatrix(engine, product, { ...context, asOf: trainAsOf });
  const trainAll = await population(vault.storage, trainMatrix, product, trainAsOf);
  const open = fitLogistic(asTrainingSet(trainMatrix, trainAll), {
    lambda,
    tolerance: defaultTolerance,
    offset,
  });
  const openSeconds = seconds(started);
  started = performance.now();
  const trained = await trainPropensityModel(
    vault,
    { product, asOf: trainAsOf, epsilon: 1, asker: 'bench', purpose: 'bank_offers' },
    { now: () => new Date(), lambda },
  );
  if (!trained.ok) throw new Error(trained.error.message);
  const privateSeconds = seconds(started);
  started = performance.now();
  const newtonTrained = await trainPropensityModel(
    vault,
    {
      product,
      asOf: trainAsOf,
      epsilon: 1,
      asker: 'bench',
      purpose: 'bank_offers',
      mechanism: 'noisy-newton',
      featureList: 2,
    },
    { now: () => new Date(), lambda },
  );
  if (!newtonTrained.ok) throw new Error(newtonTrained.error.message);
  const newtonSeconds = seconds(started);
  const evalMatrix = featureMatrix(engine, product, { ...context, asOf: evalAsOf });
  const evaluation = await population(vault.storage, evalMatrix, product, evalAsOf);
  const rule = bestRule(engine, product, trainAll, trainMatrix);
  const ruleQuality = quality(
    ruleScores(engine, evalMatrix, evaluation, rule.expression, evalAsOf),
    evaluation.labels,
  );
  const { model } = trained.value;
  const privateWeights = Float64Array.from([
    ...model.weights,
    model.bias * Math.sqrt(model.weights.length + 1),
  ]);
  const rate = (p: Population) => p.labels.reduce((s, y) => s + y, 0) / p.labels.length;
  return {
    product,
    modelId: model.id,
    base: { train: rate(trainAll), evaluation: rate(evaluation) },
    rule: { expression: rule.expression, ...ruleQuality },
    lists: await listVersions.reduce<Promise<ListReport[]>>(
      async (done, version) => [...(await done), await listQualities(vault, engine, product, version)],
      Promise.resolve([]),
    ),
    trainSeconds: { private: privateSeconds, newton: newtonSeconds, open: openSeconds },
    scoreSecondsPer200k: {
      open: scoringSeconds(engine, product, open.weights),
      private: scoringSeconds(engine, product, privateWeights),
      oneByOne: scoringSeconds(engine, product, open.weights, featureMatrixOneByOne),
      bare: bareSeconds(vault, engine),
      openCpu: scoringSeconds(engine, product, open.weights, featureMatrix, cpuClock),
    },
  };
}

function print(report: ProductReport): void {
  const pct = (x: number) => `${fmt(100 * x, 2)} %`;
  console.log(
    `\n${report.product}: take-up rate ${pct(report.base.train)} (training window), ${pct(report.base.evaluation)} (evaluation window)`,
  );
  console.log('| model | AUC | lift in top 10 % | share of (c)’s lift, same list |');
  console.log('| --- | --- | --- | --- |');
  const share = (lift: number, open: Quality) =>
    open.lift > 0 ? `${fmt((100 * lift) / open.lift, 0)} %` : '—';
  console.log(
    `| (a) best hand rule: \`${report.rule.expression}\` | ${fmt(report.rule.auc, 3)} | ${fmt(report.rule.lift)} | ${share(report.rule.lift, report.lists[0]!.open)} of list 1 |`,
  );
  for (const list of report.lists) {
    const on = `list ${list.version} (${list.features} features)`;
    const rowsOf = (name: string, rows: readonly PrivateQuality[]) => {
      for (const p of rows) {
        console.log(
          `| (b) ${on}, ${name}, ε = ${p.epsilon} (lowest lift of ${draws}: ${fmt(p.minLift)}) | ${fmt(p.auc, 3)} | ${fmt(p.lift)} | ${share(p.lift, list.open)} |`,
        );
      }
    };
    rowsOf('output perturbation', list.private);
    for (const n of list.newton) {
      const steps =
        n.steps === 1
          ? '1 step'
          : `${n.steps} steps (first ${fmt(100 * shareOfFirst, 0)} % of ρ, damping ${n.damping})`;
      rowsOf(
        `noisy Newton, ${steps}, ${defaultWindows} windows, δ = ${defaultApproximateBudget.delta}`,
        n.noised,
      );
      console.log(
        `| the same ${n.steps === 1 ? 'Newton step' : `${n.steps} Newton steps`} without noise (not private: the mechanism's ceiling) | ${fmt(n.noiseless.auc, 3)} | ${fmt(n.noiseless.lift)} | ${share(n.noiseless.lift, list.open)} |`,
      );
    }
    console.log(
      `| (c) ${on}, without privacy, all customers | ${fmt(list.open.auc, 3)} | ${fmt(list.open.lift)} | 100 % |`,
    );
  }
  const t = report.trainSeconds;
  const s = report.scoreSecondsPer200k;
  console.log(
    `training: output perturbation ${fmt(t.private)} s (${fmt(t.private / t.open)} × the non-private model's ${fmt(t.open)} s), ` +
      `noisy Newton on list 2 ${fmt(t.newton)} s (${fmt(t.newton / t.open)} ×); ` +
      `scoring per 200,000 customers: private ${fmt(s.private)} s (${fmt(s.private / s.open)} × non-private ${fmt(s.open)} s)`,
  );
  console.log(
    `scoring per 200,000 customers, non-private: features in one pass ${fmt(s.open)} s (CPU time ${fmt(s.openCpu)} s), one by one ${fmt(s.oneByOne)} s ` +
      `(${fmt(s.oneByOne / s.open)} × slower); ${fmt(s.open / s.bare)} × the bare sum of the amount column once (${fmt(s.bare, 3)} s)`,
  );
}

async function main(): Promise<void> {
  console.log(benchHeader('propensity models'));
  console.log(
    `bank: ${customers} customers, density ${density} card payments a month, seed ${seed}, history to ${end}; ` +
      `trained on ${trainAsOf} (+90 days), evaluated on ${evalAsOf} (+90 days); Λ = ${lambda}`,
  );
  const vault = await openBank();
  try {
    const started = performance.now();
    await vault.questionEngine.loadColumnar();
    console.log(`columnar store loaded in ${fmt(seconds(started))} s`);
    const trained: string[] = [];
    for (const product of products) {
      const report = await benchProduct(vault, product);
      print(report);
      trained.push(report.modelId);
    }
    // BENCH_MODELS_STAMP=0 measures the models only (the stamp's scale part writes a million filler scores).
    if (process.env['BENCH_MODELS_STAMP'] !== '0') await benchStamp(vault, trained, evalAsOf);
  } finally {
    await vault.storage.close();
  }
}

await main();
