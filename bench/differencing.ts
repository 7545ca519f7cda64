// Benchmark: the guard's differencing check — its false-refusal rates, and its time with 1,000 earlier releases.
import { cpus, totalmem } from 'node:os';
import { cryptoRandomSource, seededRandomSource } from '../src/privacy/dp/random-source.ts';
import { AudienceBitset, popcount } from '../src/privacy/guard/audience-bitset.ts';
import { anyTooClose, exactDistances, queryScale, thresholdScale } from '../src/privacy/guard/mechanism.ts';
import { discreteLaplaceNoise } from '../src/privacy/guard/noise.ts';
import { PeriodReleases } from '../src/privacy/guard/period-releases.ts';
import { defaultGuardPolicy, type GuardPolicy } from '../src/privacy/guard/policy.ts';
import { Rational } from '../src/privacy/dp/rational.ts';

const customers = Number(process.env['BENCH_CUSTOMERS'] ?? 200_000);
const earlierCount = Number(process.env['BENCH_RELEASES'] ?? 1_000);
const runs = Number(process.env['BENCH_RUNS'] ?? 21);

/** P[X ≤ m] for discrete Laplace noise of scale s: P[X = x] ∝ e^{−|x|/s}. */
function cdf(m: number, scale: number): number {
  const r = Math.exp(-1 / scale);
  return m >= 0 ? 1 - r ** (m + 1) / (1 + r) : r ** -m / (1 + r);
}

function pmf(x: number, scale: number): number {
  const r = Math.exp(-1 / scale);
  return ((1 - r) / (1 + r)) * r ** Math.abs(x);
}

/**
 * The exact probability that the sparse-vector check refuses, given the distances to the earlier releases:
 * the sum over the threshold's noise t of P[t] · (1 − Π_i P[d_i + ν_i ≥ k + t]).
 */
function refusalRate(distances: readonly number[], policy: GuardPolicy): number {
  const ts = Number(thresholdScale(policy).numerator) / Number(thresholdScale(policy).denominator);
  const qs = Number(queryScale(policy).numerator) / Number(queryScale(policy).denominator);
  const width = Math.ceil(60 * ts);
  let rate = 0;
  for (let t = -width; t <= width; t++) {
    let passes = 1;
    for (const d of distances) passes *= 1 - cdf(policy.k + t - d - 1, qs);
    rate += pmf(t, ts) * (1 - passes);
  }
  return rate;
}

/** The same rate by sampling the production sampler (seeded): a check of the exact sum. */
function sampledRate(
  distances: readonly number[],
  policy: GuardPolicy,
  trials: number,
  seed: string,
): number {
  const noise = discreteLaplaceNoise(seededRandomSource(seed));
  let refused = 0;
  for (let i = 0; i < trials; i++) if (anyTooClose(exactDistances(distances), policy, noise)) refused++;
  return refused / trials;
}

function falseRefusals(policy: GuardPolicy, label: string): void {
  console.log(`\nfalse refusals, ${label} (k = ${policy.k}, ε_d = ${policy.differencingEpsilon.toString()})`);
  console.log(
    'earlier releases | distance | all at that distance | one at it, the rest at 5,000 | sampled (all)',
  );
  for (const n of [40, 1_000]) {
    for (const d of [100, 300, 1_000]) {
      const all = refusalRate(Array<number>(n).fill(d), policy);
      const one = refusalRate([d, ...Array<number>(n - 1).fill(5_000)], policy);
      const trials = n === 40 ? 2_000 : 200;
      const sampled = sampledRate(Array<number>(n).fill(d), policy, trials, `fr-${n}-${d}`);
      console.log(
        `${String(n).padStart(16)} | ${String(d).padStart(8)} | ${pct(all).padStart(20)} | ` +
          `${pct(one).padStart(28)} | ${pct(sampled)} of ${trials}`,
      );
    }
  }
  const attack = [1, 10, 30].map((d) => `d = ${d}: ${pct(refusalRate([d], policy))}`).join(', ');
  console.log(`attacks refused (one comparison): ${attack}`);
}

const pct = (rate: number) => (rate < 0.0001 && rate > 0 ? '< 0.01 %' : `${(rate * 100).toFixed(2)} %`);

/** A random audience of exactly `fraction` of the customers (ids 1..customers; selection sampling). */
function randomAudience(fraction: number, random: () => number): AudienceBitset {
  const ids: number[] = [];
  let needed = Math.round(fraction * customers);
  for (let id = 1; id <= customers; id++) {
    if (random() * (customers - id + 1) < needed) {
      ids.push(id);
      needed--;
    }
  }
  return AudienceBitset.fromIds(ids);
}

/** The reference: XOR and popcount over two word arrays, nothing else. */
function xorPopcount(a: Int32Array, b: Int32Array): number {
  const n = Math.min(a.length, b.length);
  let bits = 0;
  for (let w = 0; w < n; w++) bits += popcount(a[w]! ^ b[w]!);
  return bits;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeCheck(sameSize: boolean): { check: number; reference: number } {
  let state = 12_345;
  const random = () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
  const releases = new PeriodReleases();
  for (let i = 0; i < earlierCount; i++) {
    const fraction = sameSize ? 0.3 : 0.02 + 0.5 * random();
    releases.add({ id: i + 1, subjects: [`question:${i}`], audience: randomAudience(fraction, random) });
  }
  const audience = randomAudience(0.3, random);
  // Far from every earlier one, so the check runs to the end: its slowest case.
  const noise = discreteLaplaceNoise(cryptoRandomSource());
  const checks: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = process.hrtime.bigint();
    if (anyTooClose(releases.comparisons(audience, ['question:new']), defaultGuardPolicy, noise)) {
      throw new Error('a far audience was refused');
    }
    checks.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  // The reference: a bare XOR-and-popcount over the same number of 32-bit words, no noise, no objects.
  const words = audience.words;
  const earlier = Array.from({ length: earlierCount }, () => randomAudience(0.3, random).words);
  const references: number[] = [];
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    const started = process.hrtime.bigint();
    for (const other of earlier) sink += xorPopcount(words, other);
    references.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  if (sink < 0) console.log(sink);
  return { check: median(checks), reference: median(references) };
}

console.log(
  `differencing check — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`,
);
falseRefusals(defaultGuardPolicy, 'the default policy');
falseRefusals(
  { ...defaultGuardPolicy, differencingEpsilon: Rational.of(1n, 8n) },
  'the policy before issue 14 (ε_d = 1/8)',
);

console.log(
  `\ncheck time, ${customers} customers (${Math.ceil(customers / 8 / 1000)} kB a bitset), ` +
    `${earlierCount} earlier releases, p50 of ${runs}`,
);
for (const sameSize of [false, true]) {
  const { check, reference } = timeCheck(sameSize);
  const what = sameSize
    ? 'all of one size (every distance computed)'
    : 'of sizes 2–52 % (most skipped by size)';
  console.log(
    `earlier audiences ${what}: ${check.toFixed(1)} ms; bare popcount of every word ${reference.toFixed(1)} ms; ` +
      `ratio ${(check / reference).toFixed(2)}`,
  );
}
