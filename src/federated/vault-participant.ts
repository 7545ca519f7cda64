// A vault's part in federated rounds: charge first, then local statistics, own noise, masking, and the model.
import { randomUUID } from 'node:crypto';
import { CurtainError } from '../core/errors.ts';
import { featureListVersion, featureMatrix, featuresFor, interceptInput } from '../models/features.ts';
import { defaultLambda, trainingSet, type TrainingVault } from '../models/train/train-model.ts';
import { insertModelVersion } from '../models/model-store.ts';
import { cryptoRandomSource, type RandomSource } from '../privacy/dp/random-source.ts';
import {
  discreteGaussianNoise,
  distributedGaussian,
  distributedGaussianCurve,
  noiseVector,
  vaultVariance,
  type GaussianNoise,
  type SumSensitivity,
} from './distributed-noise.ts';
import { l1Sensitivity, l2Sensitivity, toRing } from './fixed-point.ts';
import {
  federatedPrior,
  federatedQuantisation,
  localStatistics,
  newtonStep,
  statisticsDimension,
} from './newton-update.ts';
import type { RoundBegin, RoundParty } from './round-messages.ts';
import {
  aborted,
  type BundleSigner,
  type BundleVerifier,
  type KeyBundle,
  type SealedShares,
} from './secure-aggregation.ts';
import { SecureAggregationClient } from './secure-aggregation-client.ts';

export interface ParticipantOptions {
  /** This vault's region: its id in every round. */
  readonly region: string;
  readonly sign: BundleSigner;
  /** Checks peers' bundles against the keys this vault's operator pinned for them. */
  readonly verify: BundleVerifier;
  readonly noise?: GaussianNoise;
  readonly random?: RandomSource;
}

interface RoundState {
  readonly request: RoundBegin;
  readonly client: SecureAggregationClient;
  readonly variance: bigint;
  readonly inputs: number;
}

const day = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The sensitivity of the round's sum to one customer, for a model with `inputs` inputs. */
export function roundSensitivity(inputs: number): SumSensitivity {
  const dimension = statisticsDimension(inputs);
  return {
    l2: l2Sensitivity(federatedQuantisation, dimension),
    l1: l1Sensitivity(federatedQuantisation, dimension),
    dimension,
  };
}

export class VaultParticipant implements RoundParty {
  readonly #vault: TrainingVault;
  readonly #options: ParticipantOptions;
  readonly #rounds = new Map<string, RoundState>();

  constructor(vault: TrainingVault, options: ParticipantOptions) {
    this.#vault = vault;
    this.#options = options;
  }

  #state(round: string): RoundState {
    const state = this.#rounds.get(round);
    if (state === undefined) throw aborted(`this vault holds no round "${round}"`);
    return state;
  }

  /** Charges the whole round to this vault's (ε, δ) ledger before any customer data is read. */
  async begin(request: RoundBegin): Promise<KeyBundle> {
    if (this.#rounds.has(request.round)) throw aborted(`round "${request.round}" was begun before`);
    const inputs = featuresFor(request.product).length + 1;
    const plan = { ...request, dimension: statisticsDimension(inputs) };
    const client = new SecureAggregationClient(
      plan,
      this.#options.region,
      this.#options.sign,
      this.#options.verify,
    );
    const budget = await this.#vault.guard.approximateBudget();
    const sensitivity = roundSensitivity(inputs);
    // Sized for the fewest vaults that can finish the round: the noise of any minimum − 1 carries the budget.
    const target = { epsilon: request.epsilon, delta: budget.budget.delta, vaults: request.minimum };
    const variance = vaultVariance(target, sensitivity);
    const spent = await this.#vault.guard.spend({
      asker: request.asker,
      purpose: request.purpose,
      label: `federated:${request.round}`,
      mechanism: distributedGaussian,
      rdp: distributedGaussianCurve(Number(variance), request.minimum - 1, sensitivity),
    });
    if (!spent.ok) throw new CurtainError(spent.error.code, spent.error.message);
    this.#rounds.set(request.round, { request, client, variance, inputs });
    await this.#log(request, 'begun', { variance: variance.toString() });
    return client.advertise();
  }

  share(round: string, bundles: readonly KeyBundle[]): Promise<SealedShares[]> {
    return this.#state(round).client.shareKeys(bundles);
  }

  /** Reads the data now: statistics of consenting customers, plus this vault's noise, then masked. */
  async mask(round: string, shares: readonly SealedShares[]): Promise<Uint32Array> {
    const { request, client, variance, inputs } = this.#state(round);
    const engine = await this.#vault.questionEngine.columnar();
    const features = featureMatrix(engine, request.product, { currency: 'GBP', asOf: request.asOf });
    const set = await trainingSet(this.#vault, features, request.product, request.asOf);
    const random = this.#options.random ?? cryptoRandomSource();
    const statistics = localStatistics(set, federatedQuantisation, random);
    const noise = noiseVector(
      statistics.length,
      variance,
      this.#options.noise ?? discreteGaussianNoise(random),
    );
    if (statistics.length !== statisticsDimension(inputs))
      throw aborted('the feature list changed mid-round');
    return client.maskInput(shares, toRing(statistics.map((s, i) => s + noise[i]!)));
  }

  unmask(
    round: string,
    survivors: readonly string[],
  ): Promise<ReturnType<SecureAggregationClient['unmask']>> {
    return Promise.resolve(this.#state(round).client.unmask(survivors));
  }

  /** Takes the Newton step from the released sum and stores the model as a version awaiting approval. */
  async finish(
    round: string,
    sum: Uint32Array,
  ): Promise<{ readonly model: string; readonly version: number }> {
    const { request, inputs, variance } = this.#state(round);
    this.#rounds.delete(round);
    const delta = (await this.#vault.guard.approximateBudget()).budget.delta;
    const step = newtonStep(sum, inputs, federatedQuantisation, defaultLambda);
    const columns = inputs - 1;
    const model = await insertModelVersion(this.#vault.storage, {
      id: randomUUID(),
      product: request.product,
      featureListVersion,
      weights: [...step.weights.subarray(0, columns)],
      bias: federatedPrior + step.weights[columns]! * interceptInput(columns),
      mechanism: distributedGaussian,
      epsilon: request.epsilon,
      delta,
      trainedFrom: day(request.asOf, -365),
      trainedTo: request.asOf,
      trainedBy: request.asker,
      federated: {
        round: request.round,
        regions: [...request.participants],
        perVault: { epsilon: request.epsilon, delta },
        noise: {
          mechanism: 'distributed discrete Gaussian (Kairouz, Liu and Steinke 2021)',
          variancePerVault: variance.toString(),
          minimumVaults: request.minimum,
        },
      },
    });
    await this.#log(request, 'finished', {
      model: model.id,
      version: model.version,
      customers: step.customers,
    });
    return { model: model.id, version: model.version };
  }

  async abort(round: string, why: string): Promise<void> {
    const state = this.#rounds.get(round);
    if (state === undefined) return;
    this.#rounds.delete(round);
    await this.#log(state.request, 'aborted', { why: why.slice(0, 200) });
  }

  async #log(request: RoundBegin, stage: string, details: Record<string, string | number>): Promise<void> {
    await this.#vault.audit.record([
      {
        type: 'federated.round',
        details: {
          round: request.round,
          stage,
          region: this.#options.region,
          participants: [...request.participants],
          product: request.product,
          epsilon: request.epsilon,
          asker: request.asker,
          purpose: request.purpose,
          ...details,
        },
      },
    ]);
  }
}
