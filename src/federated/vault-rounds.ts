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
  /** How long a round may wait for its next step before this vault forgets it (default 30 minutes). */
  readonly timeoutMs?: number;
  /** Runs `expire` after `ms` unless cancelled; a test passes its own to expire a round at once. */
  readonly schedule?: (ms: number, expire: () => void) => () => void;
}

/** Long enough for the slowest step (masking reads every consenting customer); short enough to free memory. */
export const defaultRoundTimeoutMs = 30 * 60_000;

const timer = (ms: number, expire: () => void): (() => void) => {
  const handle = setTimeout(expire, ms);
  handle.unref();
  return () => clearTimeout(handle);
};

interface HeldRound {
  readonly participant: VaultParticipant;
  cancel: () => void;
}

/**
 * What the door calls for a round. A round's participant lives from `roundBegin` to `roundFinish` or
 * `roundAbort`, or until no step came for `timeoutMs` (a hub that died mid-round): then it is forgotten and the
 * log records the abort. A step for a round this vault does not hold is FEDERATED_ROUND_ABORTED.
 */
export class VaultRounds implements RoundDoor {
  readonly #vault: TrainingVault;
  readonly #keys: LogKeys;
  readonly #pins: PeerPins;
  readonly #options: VaultRoundsOptions;
  readonly #rounds = new Map<string, HeldRound>();

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
    this.#rounds.set(request.round, { participant, cancel: () => undefined });
    this.#participant(request.round);
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
    this.#forget(request.round);
    return participant.finish(request.round, ringFromWire(request.sum, 'the released sum'));
  }

  async roundAbort(request: RoundRequest<'roundAbort'>): Promise<void> {
    const held = this.#forget(request.round);
    await held?.participant.abort(request.round, request.why);
  }

  /** The round's participant, its expiry pushed back: every step restarts the wait for the next. */
  #participant(round: string): VaultParticipant {
    const held = this.#rounds.get(round);
    if (held === undefined) throw aborted(`this vault holds no round "${round}"`);
    held.cancel();
    const ms = this.#options.timeoutMs ?? defaultRoundTimeoutMs;
    held.cancel = (this.#options.schedule ?? timer)(ms, () => void this.#expire(round, ms));
    return held.participant;
  }

  #forget(round: string): HeldRound | undefined {
    const held = this.#rounds.get(round);
    held?.cancel();
    this.#rounds.delete(round);
    return held;
  }

  async #expire(round: string, ms: number): Promise<void> {
    const held = this.#forget(round);
    const why = `no step of the round came for ${Math.round(ms / 1000)} s: the vault forgot it`;
    // The secrets are gone from memory already; a log that cannot be written now is not worth a crash.
    await held?.participant.abort(round, why).catch(() => undefined);
  }
}
