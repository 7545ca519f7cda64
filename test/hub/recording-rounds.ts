// The recording door's part in federated rounds: a real secure-aggregation client over a fixed input, no data.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { LogKeys } from '../../src/audit/audit-log.ts';
import { roundDoorMethods } from '../../src/contracts/door-rounds.ts';
import { contractProblems } from '../../src/contracts/door.ts';
import { CurtainError } from '../../src/core/errors.ts';
import type { RoundAnswer, RoundDoor, RoundRequest } from '../../src/core/vault-door.ts';
import { logKeySigner, pinnedVerifier } from '../../src/federated/bundle-keys.ts';
import { statisticsDimension } from '../../src/federated/newton-update.ts';
import { ringFromWire, ringToWire } from '../../src/federated/ring-wire.ts';
import { aborted } from '../../src/federated/secure-aggregation.ts';
import { SecureAggregationClient } from '../../src/federated/secure-aggregation-client.ts';
import { featuresFor } from '../../src/models/feature-list.ts';

function parsed<S extends z.ZodType>(schema: S, request: unknown, what: string): z.output<S> {
  const result = schema.safeParse(request);
  if (!result.success) throw new CurtainError('USAGE', contractProblems(result.error, what));
  return result.data;
}

/** `work`'s value as a promise, or its error as a rejection (never thrown synchronously). */
function settled<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * Takes part in rounds as a vault does (signed bundles, sealed shares, double masking) with `input` in every
 * ring element instead of a region's statistics, so a hub test can check the released sum. A round asking
 * more than `epsilonLeft` is refused with PRIVACY_BUDGET_EXHAUSTED before it begins.
 */
export class RecordingRounds implements RoundDoor {
  /** This double's region; its own key is pinned under it. */
  region = 'home';
  /** Region → pinned verifier key: the double's own, plus whatever peers a test pins. */
  readonly pins = new Map<string, string>();
  input = 1;
  epsilonLeft = 10;
  /** Every step asked, as "<step> <round>". */
  readonly steps: string[] = [];
  /** The released sums this double was given, by round. */
  readonly sums = new Map<string, Uint32Array>();
  readonly #keys: LogKeys;
  readonly #clients = new Map<string, { client: SecureAggregationClient; dimension: number }>();
  #versions = 0;

  constructor(keys: LogKeys, publicKey: string) {
    this.#keys = keys;
    this.pins.set(this.region, publicKey);
  }

  /** Moves this double to another region, its own key pinned there. */
  rename(region: string): void {
    const own = this.pins.get(this.region)!;
    this.pins.delete(this.region);
    this.region = region;
    this.pins.set(region, own);
  }

  roundBegin(request: RoundRequest<'roundBegin'>): Promise<RoundAnswer<'roundBegin'>> {
    return settled(() => this.#begin(request));
  }

  #begin(request: RoundRequest<'roundBegin'>): RoundAnswer<'roundBegin'> {
    const plan = parsed(roundDoorMethods.roundBegin.request, request, 'roundBegin');
    this.steps.push(`begin ${plan.round}`);
    if (this.#clients.has(plan.round)) throw aborted(`round "${plan.round}" was begun before`);
    if (plan.epsilon > this.epsilonLeft) {
      throw new CurtainError('PRIVACY_BUDGET_EXHAUSTED', 'the round costs more ε than the budget has left');
    }
    if (!plan.participants.includes(this.region)) {
      throw aborted(`the round does not name this vault's region "${this.region}"`);
    }
    const unpinned = plan.participants.filter((peer) => !this.pins.has(peer));
    if (unpinned.length > 0) throw aborted(`no key is pinned here for ${unpinned.join(', ')}`);
    const dimension = statisticsDimension(featuresFor(plan.product).length + 1);
    const client = new SecureAggregationClient(
      { ...plan, dimension },
      this.region,
      logKeySigner(this.#keys),
      pinnedVerifier(new Map(this.pins)),
    );
    this.#clients.set(plan.round, { client, dimension });
    this.epsilonLeft -= plan.epsilon;
    return client.advertise();
  }

  async roundShare(request: RoundRequest<'roundShare'>): Promise<RoundAnswer<'roundShare'>> {
    const { round, bundles } = parsed(roundDoorMethods.roundShare.request, request, 'roundShare');
    return { shares: await this.#client(round, 'share').client.shareKeys(bundles) };
  }

  roundMask(request: RoundRequest<'roundMask'>): Promise<RoundAnswer<'roundMask'>> {
    return settled(() => {
      const { round, shares } = parsed(roundDoorMethods.roundMask.request, request, 'roundMask');
      const { client, dimension } = this.#client(round, 'mask');
      return { masked: ringToWire(client.maskInput(shares, new Uint32Array(dimension).fill(this.input))) };
    });
  }

  roundUnmask(request: RoundRequest<'roundUnmask'>): Promise<RoundAnswer<'roundUnmask'>> {
    return settled(() => {
      const { round, survivors } = parsed(roundDoorMethods.roundUnmask.request, request, 'roundUnmask');
      return this.#client(round, 'unmask').client.unmask(survivors);
    });
  }

  roundFinish(request: RoundRequest<'roundFinish'>): Promise<RoundAnswer<'roundFinish'>> {
    return settled(() => {
      const { round, sum } = parsed(roundDoorMethods.roundFinish.request, request, 'roundFinish');
      this.#client(round, 'finish');
      this.#clients.delete(round);
      this.sums.set(round, ringFromWire(sum, 'the released sum'));
      return { model: randomUUID(), version: ++this.#versions };
    });
  }

  roundAbort(request: RoundRequest<'roundAbort'>): Promise<void> {
    return settled(() => {
      const { round } = parsed(roundDoorMethods.roundAbort.request, request, 'roundAbort');
      this.steps.push(`abort ${round}`);
      this.#clients.delete(round);
    });
  }

  #client(round: string, step: string): { client: SecureAggregationClient; dimension: number } {
    this.steps.push(`${step} ${round}`);
    const client = this.#clients.get(round);
    if (client === undefined) throw aborted(`this vault holds no round "${round}"`);
    return client;
  }
}
