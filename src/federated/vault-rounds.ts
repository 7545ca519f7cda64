// The vault's side of federated rounds at its door: one participant per round, keyed by the vault's own pins.
import type { LogKeys } from '../audit/audit-log.ts';
import type { RoundAnswer, RoundDoor, RoundRequest } from '../core/vault-door.ts';
import type { TrainingVault } from '../models/train/train-model.ts';
import type { RandomSource } from '../privacy/dp/random-source.ts';
import { logKeySigner, pinnedVerifier } from './bundle-keys.ts';
import type { GaussianNoise } from './distributed-noise.ts';
import type { PeerPins } from './peer-pin-store.ts';
import { ringFromWire, ringToWire } from './ring-wire.ts';
import { aborted } from './secure-aggregation.ts';
import { VaultParticipant } from './vault-participant.ts';

export interface VaultRoundsOptions {
  /** This vault's active log verifier key: the pin that carries it names this vault's region. */
  readonly ownKey: () => string;
  readonly noise?: GaussianNoise;
  readonly random?: RandomSource;
}

/**
 * What the door calls for a round. A round's participant lives from `roundBegin` to `roundFinish` or
 * `roundAbort`; a step for a round this vault does not hold is FEDERATED_ROUND_ABORTED.
 */
export class VaultRounds implements RoundDoor {
  readonly #vault: TrainingVault;
  readonly #keys: LogKeys;
  readonly #pins: PeerPins;
  readonly #options: VaultRoundsOptions;
  readonly #rounds = new Map<string, VaultParticipant>();

  constructor(vault: TrainingVault, keys: LogKeys, pins: PeerPins, options: VaultRoundsOptions) {
    this.#vault = vault;
    this.#keys = keys;
    this.#pins = pins;
    this.#options = options;
  }

  async roundBegin(request: RoundRequest<'roundBegin'>): Promise<RoundAnswer<'roundBegin'>> {
    if (this.#rounds.has(request.round)) throw aborted(`round "${request.round}" was begun before`);
    const pins = await this.#pins.all();
    const ownKey = this.#options.ownKey();
    const region = [...pins].find(([, key]) => key === ownKey)?.[0];
    if (region === undefined) {
      throw aborted('this vault has not pinned its own key for federated rounds (curtain federation pin)');
    }
    if (!request.participants.includes(region)) {
      throw aborted(`the round does not name this vault's region "${region}"`);
    }
    const unpinned = request.participants.filter((peer) => !pins.has(peer));
    if (unpinned.length > 0) throw aborted(`no key is pinned here for ${unpinned.join(', ')}`);
    const participant = new VaultParticipant(this.#vault, {
      region,
      sign: logKeySigner(this.#keys),
      verify: pinnedVerifier(pins),
      ...(this.#options.noise === undefined ? {} : { noise: this.#options.noise }),
      ...(this.#options.random === undefined ? {} : { random: this.#options.random }),
    });
    const bundle = await participant.begin(request);
    this.#rounds.set(request.round, participant);
    return bundle;
  }

  async roundShare(request: RoundRequest<'roundShare'>): Promise<RoundAnswer<'roundShare'>> {
    return { shares: await this.#participant(request.round).share(request.round, request.bundles) };
  }

  async roundMask(request: RoundRequest<'roundMask'>): Promise<RoundAnswer<'roundMask'>> {
    const masked = await this.#participant(request.round).mask(request.round, request.shares);
    return { masked: ringToWire(masked) };
  }

  roundUnmask(request: RoundRequest<'roundUnmask'>): Promise<RoundAnswer<'roundUnmask'>> {
    return this.#participant(request.round).unmask(request.round, request.survivors);
  }

  async roundFinish(request: RoundRequest<'roundFinish'>): Promise<RoundAnswer<'roundFinish'>> {
    const participant = this.#participant(request.round);
    this.#rounds.delete(request.round);
    return participant.finish(request.round, ringFromWire(request.sum, 'the released sum'));
  }

  async roundAbort(request: RoundRequest<'roundAbort'>): Promise<void> {
    const participant = this.#rounds.get(request.round);
    this.#rounds.delete(request.round);
    await participant?.abort(request.round, request.why);
  }

  #participant(round: string): VaultParticipant {
    const participant = this.#rounds.get(round);
    if (participant === undefined) throw aborted(`this vault holds no round "${round}"`);
    return participant;
  }
}
