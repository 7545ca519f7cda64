// A vault's side of a round as the hub reaches it through the door: ring vectors encoded, contract breaches aborts.
import { CurtainError } from '../core/errors.ts';
import type { VaultDoor } from '../core/vault-door.ts';
import type { RoundBegin, RoundParty } from './round-messages.ts';
import { ringFromWire, ringToWire } from './ring-wire.ts';
import type { KeyBundle, SealedShares, Unmasking } from './secure-aggregation.ts';

/**
 * Adapts a region's door to `RoundParty`. A vault that answers outside the door contract (DOOR_CONTRACT, a
 * masked input that is not whole ring elements) stops the round as FEDERATED_ROUND_ABORTED naming the region; the
 * coordinator then tells every vault to forget the round.
 */
export class DoorRoundParty implements RoundParty {
  readonly #door: VaultDoor;
  readonly #region: string;

  constructor(door: VaultDoor, region: string) {
    this.#door = door;
    this.#region = region;
  }

  begin(request: RoundBegin): Promise<KeyBundle> {
    return this.#step(() => this.#door.roundBegin(request));
  }

  share(round: string, bundles: readonly KeyBundle[]): Promise<SealedShares[]> {
    return this.#step(async () => [...(await this.#door.roundShare({ round, bundles })).shares]);
  }

  mask(round: string, shares: readonly SealedShares[]): Promise<Uint32Array> {
    return this.#step(async () => {
      const { masked } = await this.#door.roundMask({ round, shares });
      try {
        return ringFromWire(masked, `the masked input of "${this.#region}"`);
      } catch (error) {
        throw new CurtainError('DOOR_CONTRACT', (error as Error).message);
      }
    });
  }

  unmask(round: string, survivors: readonly string[]): Promise<Unmasking> {
    return this.#step(() => this.#door.roundUnmask({ round, survivors }));
  }

  finish(round: string, sum: Uint32Array): Promise<{ readonly model: string; readonly version: number }> {
    return this.#step(() => this.#door.roundFinish({ round, sum: ringToWire(sum) }));
  }

  abort(round: string, why: string): Promise<void> {
    return this.#door.roundAbort({ round, why: why.slice(0, 500) });
  }

  async #step<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof CurtainError && error.code === 'DOOR_CONTRACT') {
        const why = `the vault of "${this.#region}" answered outside the door contract (${error.message})`;
        throw new CurtainError('FEDERATED_ROUND_ABORTED', `the federated round stopped: ${why}`, {
          breach: this.#region,
        });
      }
      throw error;
    }
  }
}
