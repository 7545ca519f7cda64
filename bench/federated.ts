// Benchmark: one federated round's aggregation at three vaults — local fixed-point statistics, each vault's
// discrete Gaussian noise and secure aggregation with double masking — against plain averaging of the same
// statistics (no noise, no masks) measured in the same run; the ratio is secure aggregation's overhead.
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { discreteGaussianNoise, noiseVector, vaultVariance } from '../src/federated/distributed-noise.ts';
import { toRing } from '../src/federated/fixed-point.ts';
import { federatedQuantisation, localStatistics } from '../src/federated/newton-update.ts';
import { SecureAggregationClient } from '../src/federated/secure-aggregation-client.ts';
import { SecureAggregationServer } from '../src/federated/secure-aggregation-server.ts';
import { roundSensitivity } from '../src/federated/vault-participant.ts';
import type { TrainingSet } from '../src/models/train/logistic.ts';
import { cryptoRandomSource } from '../src/privacy/dp/random-source.ts';
import { benchHeader, fmt } from './support.ts';

const customers = Number(process.env['BENCH_FEDERATED_CUSTOMERS'] ?? 20_000);
const columns = 21;
const regions = ['london', 'north', 'scotland'];

/** A vault's examples: random inputs of norm ≤ 1 (the trainer's scaling) and a 2 % take-up. */
function syntheticSet(seed: number): TrainingSet {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const matrix = Float64Array.from({ length: customers * columns }, () => next() / Math.sqrt(columns + 1));
  return {
    matrix,
    columns,
    rows: Int32Array.from({ length: customers }, (_, i) => i),
    labels: Uint8Array.from({ length: customers }, () => (next() < 0.02 ? 1 : 0)),
  };
}

async function secureRound(sets: TrainingSet[]): Promise<Uint32Array> {
  const random = cryptoRandomSource();
  const sensitivity = roundSensitivity(columns + 1);
  const variance = vaultVariance({ epsilon: 1, delta: 1e-6, vaults: 3 }, sensitivity);
  const plan = {
    round: 'bench',
    participants: regions,
    threshold: 3,
    minimum: 3,
    dimension: sensitivity.dimension,
  };
  const keys = new Map(regions.map((id) => [id, generateKeyPairSync('ed25519')]));
  const verifier = (id: string, statement: Buffer, signature: string) =>
    verify(null, statement, keys.get(id)!.publicKey, Buffer.from(signature, 'base64'));
  const clients = regions.map(
    (id) =>
      new SecureAggregationClient(
        plan,
        id,
        (s) => sign(null, s, keys.get(id)!.privateKey).toString('base64'),
        verifier,
      ),
  );
  const server = new SecureAggregationServer(plan, verifier);
  const bundles = server.collectBundles(clients.map((c) => c.advertise()));
  const routed = server.routeShares(await Promise.all(clients.map((c) => c.shareKeys(bundles))));
  const masked = new Map(
    clients.map((c, i) => {
      const statistics = localStatistics(sets[i]!, federatedQuantisation, random);
      const noise = noiseVector(statistics.length, variance, discreteGaussianNoise(random));
      const input = toRing(statistics.map((s, j) => s + noise[j]!));
      return [regions[i]!, c.maskInput(routed.get(regions[i]!) ?? [], input)] as const;
    }),
  );
  const survivors = server.collectMasked(masked);
  return server.unmask(clients.map((c) => c.unmask(survivors)));
}

function plainRound(sets: TrainingSet[]): Float64Array {
  const random = cryptoRandomSource();
  const parts = sets.map((s) => localStatistics(s, federatedQuantisation, random));
  return parts.reduce((a, b) => a.map((x, i) => x + b[i]!));
}

async function main(): Promise<void> {
  console.log(benchHeader('federated'));
  console.log(
    `3 vaults × ${customers} customers, ${columns} features (${roundSensitivity(columns + 1).dimension} ring elements)`,
  );
  const sets = regions.map((_, i) => syntheticSet(i + 1));
  const runs = 3;
  let plain = 0;
  let secure = 0;
  for (let run = 1; run <= runs; run++) {
    let t = performance.now();
    plainRound(sets);
    plain += performance.now() - t;
    t = performance.now();
    await secureRound(sets);
    secure += performance.now() - t;
    console.log(
      `run ${run}/${runs}: plain ${fmt(plain / run, 0)} ms, secure ${fmt(secure / run, 0)} ms (means so far)`,
    );
  }
  console.log(`plain averaging: ${fmt(plain / runs, 0)} ms per round`);
  console.log(`secure aggregation with noise: ${fmt(secure / runs, 0)} ms per round`);
  console.log(`overhead ratio (secure / plain): ${fmt(secure / plain, 2)}`);
}

await main();
