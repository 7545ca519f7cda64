// A door that loses the vault's answer to a run part-way (as when the connection drops): the vault has written
// that share of the run and keeps it `sending`, the hub's campaign stays `running`. For browser tests and screenshots.
import type { VaultDoor } from '../../src/core/vault-door.ts';

/** Set `after` (a share, in tenths) to lose the next runs' answers once that share is sent; unset, nothing is lost. */
export interface LostAnswers {
  after?: number;
}

export function losingAnswers(lose: LostAnswers): (door: VaultDoor) => VaultDoor {
  return (door) =>
    new Proxy(door, {
      get(target, property) {
        if (property === 'deliver') {
          const deliver: VaultDoor['deliver'] = (request, onProgress) =>
            target.deliver(request, (fraction) => {
              onProgress?.(fraction);
              if (lose.after !== undefined && fraction >= lose.after) {
                throw new Error('the connection to the vault dropped (test)');
              }
            });
          return deliver;
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
}
