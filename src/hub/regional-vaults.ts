// The vaults one hub serves, one per region: registered with a pinned key, asked in parallel, answers combined.
import {
  vaultRegistration,
  type RegionalAnswer,
  type RegionalCheck,
  type RegionalPart,
  type RegionalQuestion,
  type RegisteredVault,
  type VaultProbe,
} from '../contracts/hub-regions.ts';
import { CurtainError, type ErrorCode } from '../core/errors.ts';
import type { Result } from '../core/result.ts';
import type { DoorRefusal, ProtectedCount, VaultDoor, VaultIdentity } from '../core/vault-door.ts';
import { parseOrRefuse } from './hub-input.ts';
import type { HubExecutor, HubStorage } from './hub-storage.ts';
import { requireRole } from './staff.ts';
import { reachColumns, reachedDespite, reachOf, recordReach, type ReachColumns } from './vault-reach.ts';

/** One region's outcome of a call through its door: its value, or the error that kept it from answering. */
export type Reached<T> =
  | { readonly region: string; readonly ok: true; readonly value: T }
  | { readonly region: string; readonly ok: false; readonly code: ErrorCode; readonly message: string };

/** Opens the door to a registered vault (over HTTP, with the door key configured for its region). */
export type VaultDoors = (vault: Pick<RegisteredVault, 'region' | 'url'>) => VaultDoor;

/** How the hub challenges a vault for its pinned key (audit/door-identity.ts; app/ wires it in). */
export interface KeyProofs {
  /** A fresh nonce, never used before. */
  nonce(): string;
  /** Whether `proof` signs `nonce` under the pinned verifier key. */
  holds(pinned: string, nonce: string, proof: VaultIdentity): boolean;
}

/** What the hub needs to serve regional vaults: doors to them and the check of their keys. */
export interface RegionalDoors {
  readonly open: VaultDoors;
  readonly proofs: KeyProofs;
}

interface VaultRow extends ReachColumns {
  region: string;
  url: string;
  public_key: string;
  added_by: string;
  added_at: Date;
}

const vaultOf = (row: VaultRow): RegisteredVault => ({
  region: row.region,
  url: row.url,
  publicKey: row.public_key,
  addedBy: row.added_by,
  addedAt: row.added_at.toISOString(),
  reach: reachOf(row),
});

const askers = ['marketer', 'partner', 'operator'] as const;
/** How long a vault's proof of its key stands before the hub asks again. */
const proofLifetimeMs = 5 * 60_000;

export class RegionalVaults {
  readonly #storage: HubStorage;
  readonly #doors: VaultDoors;
  readonly #proofs: KeyProofs;
  readonly #now: () => Date;
  /** Region → when its pinned key was last proved, and under which key and URL. */
  readonly #proved = new Map<string, { readonly at: number; readonly key: string; readonly url: string }>();

  constructor(storage: HubStorage, regional: RegionalDoors, now: () => Date) {
    this.#storage = storage;
    this.#doors = regional.open;
    this.#proofs = regional.proofs;
    this.#now = now;
  }

  /**
   * Registers (or re-registers, after a key rotation) a region's vault: an operator names its URL and its
   * log key, and the vault must prove that key before anything is stored; its own log records the event.
   */
  async register(input: unknown, actor: string): Promise<RegisteredVault> {
    const registration = parseOrRefuse(vaultRegistration, input, 'vault');
    await this.#storage.transaction((tx) => requireRole(tx, actor, ['operator'], 'register vaults'));
    const door = this.#doors(registration);
    await this.#prove(door, { ...registration, at: 0 });
    const [row] = (
      await this.#storage.query<VaultRow>(
        `INSERT INTO hub.vaults (region, url, public_key, added_by, last_seen_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (region) DO UPDATE SET url = EXCLUDED.url, public_key = EXCLUDED.public_key,
           added_by = EXCLUDED.added_by, added_at = now(), last_seen_at = EXCLUDED.last_seen_at,
           unreachable_since = NULL, last_failure = NULL
         RETURNING region, url, public_key, added_by, added_at, ${reachColumns}`,
        [registration.region, registration.url, registration.publicKey, actor, this.#now()],
      )
    ).rows;
    if (row === undefined) throw new CurtainError('INTERNAL', 'the vault was not stored');
    this.#proved.set(row.region, { at: this.#now().getTime(), key: row.public_key, url: row.url });
    await door.record([
      {
        type: 'admin.action',
        details: { action: 'hub.vault.registered', region: row.region, url: row.url, by: actor },
      },
    ]);
    return vaultOf(row);
  }

  async list(): Promise<RegisteredVault[]> {
    return (await this.#storage.transaction(listVaults)).map(vaultOf);
  }

  /**
   * Asks each named region's vault, in parallel, through its own guard, charged to `asker` in each. The
   * answer sums only released (noised) parts and names every region whose part is missing, and why.
   */
  async ask(question: RegionalQuestion, asker: string): Promise<RegionalAnswer> {
    const regions = await this.#storage.transaction(async (tx) => {
      await requireRole(tx, asker, askers, 'ask questions across regions');
      return chosen(await listVaults(tx), question.regions).map((vault) => vault.region);
    });
    const reached = await this.reach(regions, (door) =>
      door.count(question.expression, question.purpose, asker),
    );
    return combine(reached.map(partOf));
  }

  /**
   * Checks a question in each named region's vault (free, reads no data), for an editor to show, before a
   * count, what each region would charge, and which regions cannot answer now.
   */
  async check(question: RegionalQuestion, asker: string): Promise<RegionalCheck> {
    const regions = await this.#storage.transaction(async (tx) => {
      await requireRole(tx, asker, askers, 'check questions across regions');
      return chosen(await listVaults(tx), question.regions).map((vault) => vault.region);
    });
    const reached = await this.reach(regions, (door) => door.check(question.expression, question.purpose));
    return {
      parts: reached.map((r): RegionalCheck['parts'][number] => {
        if (!r.ok) return { region: r.region, status: 'unreachable', code: r.code, message: r.message };
        if (!r.value.ok) {
          const { code, message } = r.value.error;
          return { region: r.region, status: 'refused', code, message };
        }
        const { explanation, cost } = r.value.value;
        return { region: r.region, status: 'ready', explanation, cost: cost ?? 'unknown' };
      }),
    };
  }

  /**
   * Asks every registered vault to prove its pinned key now (a health probe: costs nothing, reads no data)
   * and records what it found; an operator's "check now", or a scheduler's.
   */
  async probe(actor: string): Promise<VaultProbe> {
    const vaults = await this.#storage.transaction(async (tx) => {
      await requireRole(tx, actor, ['operator'], 'probe vaults');
      return listVaults(tx);
    });
    const checkedAt = this.#now();
    await this.reach(
      vaults.map((vault) => vault.region),
      (door, region) => {
        const vault = vaults.find((v) => v.region === region)!;
        return this.#prove(door, { ...vaultOf(vault), at: checkedAt.getTime() });
      },
    );
    return { checkedAt: checkedAt.toISOString(), vaults: await this.list() };
  }

  /** The registered regions named ('all': every one registered now), in the order named; unknown ones refused. */
  async resolve(regions: RegionalQuestion['regions']): Promise<string[]> {
    return chosen(await this.#storage.transaction(listVaults), regions).map((vault) => vault.region);
  }

  /**
   * Calls `use` with each region's door, in parallel, once its vault has proved its pinned key. A region
   * that cannot be reached, answers too late or is no longer registered gives its error as a value (the
   * others go on); a CurtainError thrown by `use` is such a value too; bugs throw.
   */
  async reach<T>(
    regions: readonly string[],
    use: (door: VaultDoor, region: string) => Promise<T>,
  ): Promise<Reached<T>[]> {
    const vaults = new Map((await this.#storage.transaction(listVaults)).map((v) => [v.region, v]));
    return Promise.all(
      regions.map(async (region): Promise<Reached<T>> => {
        const vault = vaults.get(region);
        if (vault === undefined) {
          const message = `no vault is registered for ${region} any more`;
          return { region, ok: false, code: 'VAULT_REGION_UNKNOWN', message };
        }
        try {
          const door = this.#doors(vault);
          await this.#proveIfStale(door, vault);
          const value = await use(door, region);
          await recordReach(this.#storage, region, this.#now(), undefined);
          return { region, ok: true, value };
        } catch (error) {
          if (!(error instanceof CurtainError)) throw error;
          const failure = reachedDespite(error.code) ? undefined : error.code;
          await recordReach(this.#storage, region, this.#now(), failure);
          return { region, ok: false, code: error.code, message: error.message };
        }
      }),
    );
  }

  /**
   * Each named region's door and pinned key, once its vault proved that key: for work of several steps (a
   * federated round). A region that is not registered or cannot prove its key stops it (FEDERATED_ROUND_ABORTED).
   */
  async proven(
    regions: readonly string[],
  ): Promise<Map<string, { readonly door: VaultDoor; readonly publicKey: string }>> {
    const keys = new Map((await this.list()).map((vault) => [vault.region, vault.publicKey]));
    const reached = await this.reach(regions, (door) => Promise.resolve(door));
    const failed = reached.filter((r) => !r.ok);
    if (failed.length > 0) {
      const why = failed.map((r) => (r.ok ? '' : `${r.region} (${r.code})`)).join(', ');
      throw new CurtainError('FEDERATED_ROUND_ABORTED', `the federated round stopped: not reached: ${why}`);
    }
    return new Map(
      reached.flatMap((r) =>
        r.ok ? [[r.region, { door: r.value, publicKey: keys.get(r.region)! }] as const] : [],
      ),
    );
  }

  async #proveIfStale(door: VaultDoor, vault: VaultRow): Promise<void> {
    const proved = this.#proved.get(vault.region);
    const now = this.#now().getTime();
    const fresh =
      proved !== undefined &&
      proved.key === vault.public_key &&
      proved.url === vault.url &&
      now - proved.at < proofLifetimeMs;
    if (fresh) return;
    await this.#prove(door, { region: vault.region, publicKey: vault.public_key, url: vault.url, at: now });
  }

  async #prove(
    door: VaultDoor,
    vault: { readonly region: string; readonly publicKey: string; readonly url: string; readonly at: number },
  ): Promise<void> {
    const nonce = this.#proofs.nonce();
    const proof = await door.identify(nonce);
    if (!this.#proofs.holds(vault.publicKey, nonce, proof)) {
      this.#proved.delete(vault.region);
      throw new CurtainError(
        'VAULT_KEY_MISMATCH',
        `the vault at ${vault.url} did not prove the key pinned for region ${vault.region}`,
      );
    }
    if (vault.at > 0) this.#proved.set(vault.region, { at: vault.at, key: vault.publicKey, url: vault.url });
  }
}

async function listVaults(tx: HubExecutor): Promise<VaultRow[]> {
  const { rows } = await tx.query<VaultRow>(
    `SELECT region, url, public_key, added_by, added_at, ${reachColumns} FROM hub.vaults ORDER BY region`,
  );
  return rows;
}

/** The vaults of the named regions, in the order named; every region must be registered. */
function chosen(vaults: readonly VaultRow[], regions: RegionalQuestion['regions']): VaultRow[] {
  if (vaults.length === 0) {
    throw new CurtainError('VAULT_REGION_UNKNOWN', 'no vault is registered (curtain vaults add)');
  }
  if (regions === 'all') return [...vaults];
  const byRegion = new Map(vaults.map((vault) => [vault.region, vault]));
  const unknown = regions.filter((region) => !byRegion.has(region));
  if (unknown.length > 0) {
    throw new CurtainError(
      'VAULT_REGION_UNKNOWN',
      `no vault is registered for ${unknown.join(', ')} (registered: ${vaults.map((v) => v.region).join(', ')})`,
    );
  }
  return [...new Set(regions)].map((region) => byRegion.get(region)).filter((v) => v !== undefined);
}

/** A region's answer as a part: released, suppressed (under its noised k), refused, or unreachable. */
function partOf(reached: Reached<Result<ProtectedCount, DoorRefusal>>): RegionalPart {
  const { region } = reached;
  if (!reached.ok) return { region, status: 'unreachable', code: reached.code, message: reached.message };
  const answer = reached.value;
  if (answer.ok) return { region, status: 'released', ...answer.value };
  const { code, message, budget } = answer.error;
  const status = code === 'PRIVACY_TOO_FEW' ? 'suppressed' : 'refused';
  return { region, status, code, message, ...(budget === undefined ? {} : { budget }) };
}

/** Sums the released parts only, and says exactly which regions that sum covers and which it does not. */
export function combine(parts: readonly RegionalPart[]): RegionalAnswer {
  let count = 0;
  const regions: string[] = [];
  for (const part of parts) {
    if (part.status !== 'released') continue;
    count += part.count;
    regions.push(part.region);
  }
  const missing = parts.filter((part) => part.status !== 'released').map((part) => part.region);
  const complete = missing.length === 0;
  return {
    count: complete ? count : null,
    complete,
    released: { count, regions },
    missing,
    parts: [...parts],
  };
}
