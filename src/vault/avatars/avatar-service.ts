// Avatars: a random id per customer and epoch, per-campaign tokens only the vault resolves, k-anonymous attributes.
import { createHmac, randomBytes } from 'node:crypto';
import { CurtainError } from '../../core/errors.ts';
import { categories, type CategoryGroup } from '../../core/taxonomy.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import type { KeyProvider } from '../../keys/key-provider.ts';
import { generalisationKeys, planRelease, type ReleaseCandidate } from './k-anonymity.ts';

/** Names the epoch a date falls in; avatars, and so tokens, change when it changes. */
export type EpochFunction = (date: Date) => string;

/** Calendar months in UTC: '2026-11'. The default. */
export const monthlyEpoch: EpochFunction = (date) => date.toISOString().slice(0, 7);

/** ISO weeks in UTC: '2026-W47'. */
export const weeklyEpoch: EpochFunction = (date) => {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil((day.getTime() - yearStart) / 86_400_000 / 7 + 1 / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
};

export interface AvatarServiceOptions {
  /** Monthly by default. */
  readonly epochOf?: EpochFunction;
  /** Rows per statement when creating avatars or issuing tokens in bulk; 10,000 by default. */
  readonly batchSize?: number;
}

export type ResolveOutcome =
  | { readonly ok: true; readonly customerIds: readonly number[] }
  /** Some tokens were not issued for this campaign and epoch (forged, another campaign's, or erased). */
  | { readonly ok: false; readonly reason: 'unknown-tokens'; readonly unknown: number };

export interface TokenAttributes {
  readonly token: string;
  /** Coarse interest categories, sorted; possibly generalised, possibly empty. */
  readonly attributes: readonly CategoryGroup[];
}

export interface AttributeRelease {
  readonly epoch: string;
  readonly campaign: string;
  readonly k: number;
  /** Ordered by token, so that the order says nothing about the customers. */
  readonly vectors: readonly TokenAttributes[];
  readonly generalised: number;
  readonly suppressed: number;
}

const avatarBytes = 16;
const tokenBytes = 16;
const categoryGroups: ReadonlySet<string> = new Set(categories.map((c) => c.group));

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

function checkEpoch(epoch: string): void {
  if (!/^[0-9A-Za-z-]{1,32}$/.test(epoch))
    throw new CurtainError('USAGE', 'an epoch is 1–32 letters, digits or -');
}

function checkCampaign(campaignId: string): void {
  if (campaignId.length === 0 || campaignId.length > 200 || campaignId.includes('\u0000')) {
    throw new CurtainError('USAGE', 'a campaign id is 1–200 characters without NUL');
  }
}

function uniqueIds(customerIds: Iterable<number>): number[] {
  const ids = [...new Set(customerIds)];
  if (!ids.every((id) => Number.isSafeInteger(id) && id > 0)) {
    throw new CurtainError('USAGE', 'customer ids are positive integers');
  }
  return ids;
}

/** The 16 bytes of a well-formed token, or undefined. */
function tokenBytesOf(token: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return undefined;
  const bytes = Buffer.from(token, 'base64url');
  return bytes.length === tokenBytes && bytes.toString('base64url') === token ? bytes : undefined;
}

/**
 * Avatars stand for customers towards the hub. An avatar is a random id per customer and epoch,
 * created in bulk the first time an audience needs it. A campaign's token for an avatar is
 * HMAC-SHA256(avatar-token secret, campaign ‖ 0x00 ‖ avatar id), truncated to 16 bytes: tokens of
 * two campaigns, or of one campaign in two epochs, share nothing, and only the vault, which holds
 * the secret and the avatars, can resolve one. Issued tokens are kept (`campaign_tokens`) so that
 * resolving is an index lookup. Lists that leave the vault are ordered by token, never by customer.
 */
export class AvatarService {
  readonly #storage: Storage;
  readonly #secret: Buffer;
  readonly #epochOf: EpochFunction;
  readonly #batchSize: number;

  constructor(storage: Storage, keys: KeyProvider, options: AvatarServiceOptions = {}) {
    this.#storage = storage;
    this.#secret = keys.secret('avatar-token');
    this.#epochOf = options.epochOf ?? monthlyEpoch;
    this.#batchSize = options.batchSize ?? 10_000;
  }

  epochOf(date: Date): string {
    return this.#epochOf(date);
  }

  /**
   * The avatar ids of customers in an epoch, created for those that have none yet. Customers that
   * do not exist or were erased get none and are absent from the map.
   */
  async avatarsFor(customerIds: Iterable<number>, epoch: string): Promise<Map<number, Buffer>> {
    checkEpoch(epoch);
    const avatars = new Map<number, Buffer>();
    for (const batch of chunks(uniqueIds(customerIds), this.#batchSize)) {
      await this.#readAvatars(epoch, batch, avatars);
      const missing = batch.filter((id) => !avatars.has(id));
      if (missing.length === 0) continue;
      await this.#storage.query(
        `INSERT INTO avatars (epoch, customer_id, avatar_id)
         SELECT $1, m.id, decode(m.avatar, 'hex')
           FROM unnest($2::bigint[], $3::text[]) AS m (id, avatar)
           JOIN customers c ON c.id = m.id AND c.status = 'active'
         ON CONFLICT DO NOTHING`,
        [epoch, missing, missing.map(() => randomBytes(avatarBytes).toString('hex'))],
      );
      // Read back rather than trust our ids: a concurrent call may have created some first.
      await this.#readAvatars(epoch, missing, avatars);
    }
    return avatars;
  }

  async #readAvatars(
    epoch: string,
    customerIds: readonly number[],
    into: Map<number, Buffer>,
  ): Promise<void> {
    const rows = await this.#storage.query<{ customer_id: number; avatar: string }>(
      `SELECT customer_id, encode(avatar_id, 'hex') AS avatar FROM avatars
        WHERE epoch = $1 AND customer_id = ANY($2::bigint[])`,
      [epoch, customerIds],
    );
    for (const row of rows.rows) into.set(row.customer_id, Buffer.from(row.avatar, 'hex'));
  }

  /** The token of an avatar in a campaign (not recorded: see `tokensFor`). */
  tokenOf(avatarId: Uint8Array, campaignId: string): string {
    return createHmac('sha256', this.#secret)
      .update(campaignId, 'utf8')
      .update(Buffer.of(0))
      .update(avatarId)
      .digest()
      .subarray(0, tokenBytes)
      .toString('base64url');
  }

  /**
   * Issues the campaign's tokens for customers in an epoch, recording them for `resolve`. The map is
   * for the vault: whatever goes to the hub must not keep its customer order.
   */
  async tokensFor(
    customerIds: Iterable<number>,
    campaignId: string,
    epoch: string,
  ): Promise<Map<number, string>> {
    checkCampaign(campaignId);
    const avatars = await this.avatarsFor(customerIds, epoch);
    const tokens = new Map<number, string>();
    const issued: { token: string; avatar: Buffer }[] = [];
    for (const [customerId, avatar] of avatars) {
      const token = this.tokenOf(avatar, campaignId);
      tokens.set(customerId, token);
      issued.push({ token, avatar });
    }
    await this.#recordTokens(this.#storage, issued, campaignId, epoch);
    return tokens;
  }

  async #recordTokens(
    tx: SqlExecutor,
    issued: readonly { token: string; avatar: Buffer }[],
    campaignId: string,
    epoch: string,
  ): Promise<void> {
    for (const batch of chunks(issued, this.#batchSize)) {
      await tx.query(
        `INSERT INTO campaign_tokens (token, campaign, epoch, avatar_id)
         SELECT decode(t.token, 'hex'), $1, $2, decode(t.avatar, 'hex')
           FROM unnest($3::text[], $4::text[]) AS t (token, avatar)
         ON CONFLICT (token) DO NOTHING`,
        [
          campaignId,
          epoch,
          batch.map((i) => Buffer.from(i.token, 'base64url').toString('hex')),
          batch.map((i) => i.avatar.toString('hex')),
        ],
      );
    }
  }

  /**
   * The customers behind tokens of one campaign and epoch, in the order of `tokens`. All or nothing:
   * if any token was not issued for this campaign and epoch, none is resolved.
   */
  async resolve(tokens: readonly string[], campaignId: string, epoch: string): Promise<ResolveOutcome> {
    checkCampaign(campaignId);
    checkEpoch(epoch);
    const wanted = new Map<string, string>();
    let malformed = 0;
    for (const token of new Set(tokens)) {
      const bytes = tokenBytesOf(token);
      if (bytes) wanted.set(token, bytes.toString('hex'));
      else malformed++;
    }
    const found = new Map<string, number>();
    for (const batch of chunks([...wanted.values()], this.#batchSize)) {
      const rows = await this.#storage.query<{ token: string; customer_id: number }>(
        `SELECT encode(t.token, 'hex') AS token, a.customer_id
           FROM unnest($1::text[]) AS q (token)
           JOIN campaign_tokens t ON t.token = decode(q.token, 'hex')
           JOIN avatars a ON a.avatar_id = t.avatar_id
          WHERE t.campaign = $2 AND t.epoch = $3`,
        [batch, campaignId, epoch],
      );
      for (const row of rows.rows) found.set(row.token, row.customer_id);
    }
    const unknown = malformed + [...wanted.values()].filter((hex) => !found.has(hex)).length;
    if (unknown > 0) return { ok: false, reason: 'unknown-tokens', unknown };
    return { ok: true, customerIds: tokens.map((token) => found.get(wanted.get(token)!)!) };
  }

  /**
   * Releases tokens with coarse interest categories so that every attribute vector released in the
   * epoch, counting the epoch's earlier releases, is shared by at least `k` distinct avatars:
   * vectors are generalised (least common category first, down to the empty vector) or suppressed
   * (no token at all) until that holds. Customers without an avatar (erased, unknown) are left out.
   */
  async releaseAttributes(
    interests: ReadonlyMap<number, readonly CategoryGroup[]>,
    campaignId: string,
    epoch: string,
    k: number,
  ): Promise<AttributeRelease> {
    checkCampaign(campaignId);
    if (!Number.isSafeInteger(k) || k < 1) throw new CurtainError('USAGE', 'k is a positive integer');
    for (const groups of interests.values()) {
      if (!groups.every((group) => categoryGroups.has(group))) {
        throw new CurtainError('USAGE', 'interests are category groups of the taxonomy');
      }
    }
    const avatars = await this.avatarsFor(interests.keys(), epoch);
    return this.#storage.transaction(async (tx) => {
      const hexOf = new Map<number, string>();
      for (const [customerId, avatar] of avatars) hexOf.set(customerId, avatar.toString('hex'));
      const releasedWith = await this.#memberships(tx, epoch, [...hexOf.values()]);
      const candidates: ReleaseCandidate<number>[] = [...avatars.keys()].map((customerId) => {
        const previous = releasedWith.get(hexOf.get(customerId)!);
        return {
          id: customerId,
          attributes: interests.get(customerId)!,
          ...(previous === undefined ? {} : { releasedWith: previous }),
        };
      });
      const counts = await this.#epochCounts(tx, epoch, [...generalisationKeys(candidates)]);
      const plan = planRelease(candidates, counts, k);

      const vectors: TokenAttributes[] = [];
      const issued: { token: string; avatar: Buffer }[] = [];
      const members: { key: string; avatar: string }[] = [];
      for (const released of plan.released) {
        const avatar = avatars.get(released.id)!;
        const token = this.tokenOf(avatar, campaignId);
        issued.push({ token, avatar });
        members.push({ key: released.key, avatar: hexOf.get(released.id)! });
        vectors.push({ token, attributes: released.attributes as CategoryGroup[] });
      }
      vectors.sort((a, b) => (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
      await this.#recordTokens(tx, issued, campaignId, epoch);
      for (const batch of chunks(members, this.#batchSize)) {
        await tx.query(
          `INSERT INTO avatar_release_vectors (epoch, attribute_vector, avatar_id)
           SELECT $1, m.key, decode(m.avatar, 'hex') FROM unnest($2::text[], $3::text[]) AS m (key, avatar)
           ON CONFLICT DO NOTHING`,
          [epoch, batch.map((m) => m.key), batch.map((m) => m.avatar)],
        );
      }
      const generalised = plan.released.filter((r) => r.generalised).length;
      await tx.query(
        `INSERT INTO avatar_releases (epoch, campaign, k, released, generalised, suppressed)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [epoch, campaignId, k, plan.released.length, generalised, plan.suppressed.length],
      );
      return { epoch, campaign: campaignId, k, vectors, generalised, suppressed: plan.suppressed.length };
    });
  }

  async #memberships(
    tx: SqlExecutor,
    epoch: string,
    avatarHexes: readonly string[],
  ): Promise<Map<string, Set<string>>> {
    const memberships = new Map<string, Set<string>>();
    for (const batch of chunks(avatarHexes, this.#batchSize)) {
      const rows = await tx.query<{ avatar: string; attribute_vector: string }>(
        `SELECT q.avatar, r.attribute_vector
           FROM unnest($2::text[]) AS q (avatar)
           JOIN avatar_release_vectors r ON r.avatar_id = decode(q.avatar, 'hex')
          WHERE r.epoch = $1`,
        [epoch, batch],
      );
      for (const row of rows.rows) {
        const keys = memberships.get(row.avatar);
        if (keys) keys.add(row.attribute_vector);
        else memberships.set(row.avatar, new Set([row.attribute_vector]));
      }
    }
    return memberships;
  }

  async #epochCounts(tx: SqlExecutor, epoch: string, keys: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const batch of chunks(keys, this.#batchSize)) {
      const rows = await tx.query<{ attribute_vector: string; avatars: number }>(
        `SELECT attribute_vector, count(*)::int AS avatars FROM avatar_release_vectors
          WHERE epoch = $1 AND attribute_vector = ANY($2::text[]) GROUP BY attribute_vector`,
        [epoch, batch],
      );
      for (const row of rows.rows) counts.set(row.attribute_vector, row.avatars);
    }
    return counts;
  }

  /**
   * Forgets customers' avatars in every epoch, with their tokens and release memberships (by
   * cascade). Erasure needs no call: a trigger does the same when a customer's status becomes
   * 'erased'. Call it inside the erasing transaction when erasing some other way.
   */
  async forgetCustomers(customerIds: readonly number[], tx: SqlExecutor = this.#storage): Promise<number> {
    if (customerIds.length === 0) return 0;
    const deleted = await tx.query('DELETE FROM avatars WHERE customer_id = ANY($1::bigint[])', [
      uniqueIds(customerIds),
    ]);
    return deleted.affectedRows;
  }
}
