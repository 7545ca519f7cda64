// Benchmark: federated propensity models against the same model trained centrally (all three regions' data in one
// place, same ε) and against each region's vault alone, AUC and lift per product, on the realistic bank's regions
// london, north and scotland (their customers differ by the generator's regional persona mixes and take-up rates).
// Figures: docs/personalisation-quality.md (federated section) and docs/benchmarks.md.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VaultServices } from '../src/app/vault-process.ts';
import { generateBank, realBankVersion } from '../src/demo/generate/index.ts';
import { loadDemoBank } from '../src/demo/load-demo-bank.ts';
import {
  discreteGaussianNoise,
  noiseVector,
  vaultVariance,
  varianceFor,
  type GaussianNoise,
} from '../src/federated/distributed-noise.ts';
import { toRing } from '../src/federated/fixed-point.ts';
import {
  federatedPrior,
  federatedQuantisation,
  localStatistics,
  newtonStep,
} from '../src/federated/newton-update.ts';
import { roundSensitivity } from '../src/federated/vault-participant.ts';
import { featureMatrix, type FeatureMatrix } from '../src/models/features.ts';
import { defaultLambda, trainingSet } from '../src/models/train/train-model.ts';
import { seededRandomSource, type RandomSource } from '../src/privacy/dp/random-source.ts';
import { defaultApproximateBudget } from '../src/privacy/guard/approximate-budget.ts';
import { openPgliteStorage } from '../src/storage/pglite/pglite-storage.ts';
import { population, quality, scoresOf, type Population, type Quality } from './models-quality.ts';
import { benchDirectory, benchHeader, benchVault, fmt } from './support.ts';

/** Customers of the whole generated bank; the three regions hold about 56 % of them. */
const customers = Number(process.env['BENCH_FEDERATED_BANK'] ?? 10_000);
const density = Number(process.env['BENCH_FEDERATED_DENSITY'] ?? 2);
const draws = Number(process.env['BENCH_FEDERATED_DRAWS'] ?? 20);
const epsilons = [1, 4] as const;
const seed = 1;
const end = '2026-11-01';
const trainAsOf = '2026-05-05';
const evalAsOf = '2026-08-03';
const regions = ['london', 'north', 'scotland'] as const;
const products = ['mortgage', 'credit_card', 'savings'] as const;
const delta = defaultApproximateBudget.delta;
const q = federatedQuantisation;

const seconds = (started: number) => (performance.now() - started) / 1000;

/** Which of the three regions each generated customer lives in (the generator draws the region first). */
function regionOf(): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of generateBank({ customers, seed, end, density })) {
    const region = c.truth?.region;
    if (region !== undefined && (regions as readonly string[]).includes(region))
      map.set(c.externalId, region);
  }
  return map;
}

/** A region's vault in a PGlite data directory kept between runs, holding only that region's customers. */
async function openRegion(region: string, home: ReadonlyMap<string, string>): Promise<VaultServices> {
  const root = join(
    benchDirectory,
    `federated-v${realBankVersion}-${customers}-d${density}-s${seed}-${region}`,
  );
  await mkdir(root, { recursive: true });
  const loaded = join(root, 'loaded');
  const storage = await openPgliteStorage({ dataDirectory: join(root, 'pgdata') });
  const vault = await benchVault(storage, root, 'pglite');
  if (!existsSync(loaded)) {
    const started = performance.now();
    await loadDemoBank(vault, { customers, seed, end, density, only: (id) => home.get(id) === region });
    await writeFile(loaded, `${seconds(started)}\n`);
    console.log(`loaded ${region} in ${fmt(seconds(started), 0)} s`);
  }
  return vault;
}

interface RegionData {
  readonly region: string;
  /** Fixed-point statistics of the region's consenting customers on the training window (no noise). */
  readonly statistics: Float64Array;
  readonly trainCustomers: number;
  readonly evalMatrix: FeatureMatrix;
  readonly evaluation: Population;
}

async function regionData(vault: VaultServices, region: string, product: string, random: RandomSource) {
  const engine = await vault.questionEngine.columnar();
  const train = featureMatrix(engine, product, { currency: 'GBP', asOf: trainAsOf });
  const set = await trainingSet(vault, train, product, trainAsOf);
  const evalMatrix = featureMatrix(engine, product, { currency: 'GBP', asOf: evalAsOf });
  return {
    region,
    statistics: localStatistics(set, q, random),
    trainCustomers: set.rows.length,
    evalMatrix,
    evaluation: await population(vault.storage, evalMatrix, product, evalAsOf),
  } satisfies RegionData;
}

/** The Newton step every vault takes from a released sum, exactly as `VaultParticipant.finish` does. */
function weightsFrom(sum: Float64Array, inputs: number): Float64Array {
  return newtonStep(toRing(sum), inputs, q, defaultLambda).weights;
}

const noised = (statistics: Float64Array, variance: bigint, noise: GaussianNoise) => {
  const n = noiseVector(statistics.length, variance, noise);
  return statistics.map((s, i) => s + n[i]!);
};

/** Scores of one model per region (or the same model everywhere) on each region and on all three pooled. */
function evaluate(data: readonly RegionData[], weights: (region: number) => Float64Array): Quality[] {
  const parts = data.map((d, i) => scoresOf(d.evalMatrix, d.evaluation, weights(i), federatedPrior));
  const pooledScores = Float64Array.from(parts.flatMap((p) => [...p]));
  const pooledLabels = Uint8Array.from(data.flatMap((d) => [...d.evaluation.labels]));
  return [
    ...data.map((d, i) => quality(parts[i]!, d.evaluation.labels)),
    quality(pooledScores, pooledLabels),
  ];
}

const mean = (runs: readonly Quality[][]): Quality[] =>
  runs[0]!.map((_, j) => ({
    auc: runs.reduce((s, r) => s + r[j]!.auc, 0) / runs.length,
    lift: runs.reduce((s, r) => s + r[j]!.lift, 0) / runs.length,
  }));

function row(label: string, qualities: readonly Quality[]): string {
  return `| ${label} | ${qualities.map((x) => `${fmt(x.auc, 3)} / ${fmt(x.lift, 2)}`).join(' | ')} |`;
}

async function benchProduct(vaults: readonly VaultServices[], product: string): Promise<void> {
  const random = seededRandomSource(`bench-federated-${product}`);
  const data = await Promise.all(vaults.map((v, i) => regionData(v, regions[i]!, product, random)));
  const inputs = data[0]!.evalMatrix.columns + 1;
  const sensitivity = roundSensitivity(inputs);
  const total = data.map((d) => d.statistics).reduce((a, b) => a.map((x, i) => x + b[i]!));
  const rate = (d: Population) => (100 * d.labels.reduce((s, l) => s + l, 0)) / d.labels.length;
  console.log(`\n### ${product}\n`);
  console.log(
    data
      .map(
        (d) =>
          `${d.region}: ${d.trainCustomers} consenting customers trained on, ${d.evaluation.rows.length} evaluated ` +
          `(take-up ${fmt(rate(d.evaluation), 2)} %)`,
      )
      .join('; '),
  );
  console.log(`\n| model (AUC / lift in top 10 %) | ${regions.join(' | ')} | all three |`);
  console.log(`| --- | ${regions.map(() => '---').join(' | ')} | --- |`);
  for (const epsilon of epsilons) {
    const perVault = vaultVariance({ epsilon, delta, vaults: regions.length }, sensitivity);
    const central = varianceFor(epsilon, delta, 1, sensitivity);
    const noise = discreteGaussianNoise(seededRandomSource(`bench-federated-${product}-${epsilon}`));
    const federatedRuns: Quality[][] = [];
    const centralRuns: Quality[][] = [];
    const aloneRuns: Quality[][] = [];
    for (let draw = 0; draw < draws; draw++) {
      const released = data
        .map((d) => noised(d.statistics, perVault, noise))
        .reduce((a, b) => a.map((x, i) => x + b[i]!));
      const federated = weightsFrom(released, inputs);
      federatedRuns.push(evaluate(data, () => federated));
      const pooled = weightsFrom(noised(total, central, noise), inputs);
      centralRuns.push(evaluate(data, () => pooled));
      const alone = data.map((d) => weightsFrom(noised(d.statistics, central, noise), inputs));
      aloneRuns.push(evaluate(data, (i) => alone[i]!));
    }
    const label = `ε = ${epsilon}, δ = ${delta}`;
    console.log(row(`federated, 3 vaults (σ² = ${perVault} each), ${label}`, mean(federatedRuns)));
    console.log(row(`central, all data in one place (σ² = ${central}), ${label}`, mean(centralRuns)));
    console.log(row(`each vault alone (σ² = ${central}), ${label}`, mean(aloneRuns)));
  }
  const ceiling = weightsFrom(total, inputs);
  console.log(
    row(
      'federated = central without noise (not private: the ceiling)',
      evaluate(data, () => ceiling),
    ),
  );
  const aloneCeiling = data.map((d) => weightsFrom(d.statistics, inputs));
  console.log(
    row(
      'each vault alone without noise (not private)',
      evaluate(data, (i) => aloneCeiling[i]!),
    ),
  );
}

async function main(): Promise<void> {
  console.log(benchHeader('federated-comparison'));
  console.log(
    `bank of ${customers} customers (density ${density}, seed ${seed}); regions ${regions.join(', ')}; ` +
      `trained on ${trainAsOf}, evaluated on ${evalAsOf}–${end}; mean of ${draws} seeded noise draws`,
  );
  const started = performance.now();
  const home = regionOf();
  const counts = regions.map((r) => `${r} ${[...home.values()].filter((h) => h === r).length}`);
  console.log(`customers per region: ${counts.join(', ')}`);
  const vaults: VaultServices[] = [];
  for (const region of regions) vaults.push(await openRegion(region, home));
  try {
    for (const product of products) await benchProduct(vaults, product);
  } finally {
    for (const vault of vaults) await vault.storage.close();
  }
  console.log(`\nwhole run: ${fmt(seconds(started), 0)} s`);
}

await main();
