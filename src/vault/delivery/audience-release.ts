// Releases an audience to the hub as a noised number of tokens with k-anonymous interests, and reads it back.
import { randomBytes } from 'node:crypto';
import type { ReleasedAudience, ReleasedToken } from '../../core/vault-door.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import type { AttributeRelease } from '../avatars/avatar-service.ts';
import { vectorKey } from '../avatars/k-anonymity.ts';

export interface StoredRelease {
  readonly campaignId: string;
  readonly epoch: string;
  readonly requestedBy: string;
  readonly purpose: string;
  readonly audience: string;
  readonly k: number;
  readonly state: 'released' | 'too_small';
}

/** A released token as the vault knows it: the customer behind it, or none (a decoy, or erased since). */
export interface ReleasedTokenOwner {
  readonly customerId: number | undefined;
  readonly decoy: boolean;
  /** The interests the token was released with. */
  readonly interests: readonly string[];
}

const tokenBytes = 16;

export async function readRelease(db: SqlExecutor, campaignId: string): Promise<StoredRelease | undefined> {
  const { rows } = await db.query<{
    epoch: string;
    requested_by: string;
    purpose: string;
    audience: string;
    k: number;
    state: 'released' | 'too_small';
  }>(
    'SELECT epoch, requested_by, purpose, audience, k, state FROM audience_releases WHERE campaign_id = $1',
    [campaignId],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    campaignId,
    epoch: row.epoch,
    requestedBy: row.requested_by,
    purpose: row.purpose,
    audience: row.audience,
    k: Number(row.k),
    state: row.state,
  };
}

/** The tokens of a release as the hub got them: sorted by token, decoys indistinguishable. */
export async function releasedTokens(db: SqlExecutor, campaignId: string): Promise<ReleasedToken[]> {
  const { rows } = await db.query<{ token: string; attribute_vector: string }>(
    `SELECT encode(token, 'base64') AS token, attribute_vector FROM audience_release_tokens
      WHERE campaign_id = $1`,
    [campaignId],
  );
  return sortByToken(
    rows.map((r) => ({
      token: Buffer.from(r.token, 'base64').toString('base64url'),
      interests: r.attribute_vector === '' ? [] : r.attribute_vector.split(','),
    })),
  );
}

/** Who stands behind each released token of a campaign, keyed by token. */
export async function tokenOwners(
  db: SqlExecutor,
  campaignId: string,
): Promise<Map<string, ReleasedTokenOwner>> {
  const { rows } = await db.query<{
    token: string;
    decoy: boolean;
    attribute_vector: string;
    customer_id: number | null;
  }>(
    `SELECT encode(r.token, 'base64') AS token, r.decoy, r.attribute_vector, a.customer_id
       FROM audience_release_tokens r
       LEFT JOIN campaign_tokens t ON t.token = r.token AND t.campaign = r.campaign_id AND NOT r.decoy
       LEFT JOIN avatars a ON a.avatar_id = t.avatar_id
      WHERE r.campaign_id = $1`,
    [campaignId],
  );
  const owners = new Map<string, ReleasedTokenOwner>();
  for (const row of rows) {
    owners.set(Buffer.from(row.token, 'base64').toString('base64url'), {
      customerId: row.customer_id === null ? undefined : Number(row.customer_id),
      decoy: row.decoy,
      interests: row.attribute_vector === '' ? [] : row.attribute_vector.split(','),
    });
  }
  return owners;
}

/**
 * Pads the attribute release with decoy tokens to exactly `noisedSize` entries. A decoy gets the interests of
 * a released entry drawn at random, so every vector stays shared by at least k entries and a decoy's vector
 * says nothing a real one does not; its token is random bytes, as indistinguishable as the HMAC of a real one.
 */
export function padWithDecoys(
  release: AttributeRelease,
  noisedSize: number,
  pick: (below: number) => number,
): { token: string; interests: readonly string[]; decoy: boolean }[] {
  const entries = release.vectors.map((v) => ({ token: v.token, interests: v.attributes, decoy: false }));
  const decoys = Math.max(0, noisedSize - entries.length);
  const tokens = randomBytes(tokenBytes * decoys);
  for (let i = 0; i < decoys; i++) {
    const model = release.vectors.length === 0 ? undefined : release.vectors[pick(release.vectors.length)];
    entries.push({
      token: tokens.subarray(i * tokenBytes, (i + 1) * tokenBytes).toString('base64url'),
      interests: model?.attributes ?? [],
      decoy: true,
    });
  }
  return sortByToken(entries);
}

/** Stores a release and its tokens; false when the campaign has one already (another process won). */
export async function storeRelease(
  tx: SqlExecutor,
  release: StoredRelease,
  tokens: readonly { token: string; interests: readonly string[]; decoy: boolean }[],
): Promise<boolean> {
  const { rows } = await tx.query(
    `INSERT INTO audience_releases (campaign_id, epoch, requested_by, purpose, audience, k, state, released)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (campaign_id) DO NOTHING RETURNING campaign_id`,
    [
      release.campaignId,
      release.epoch,
      release.requestedBy,
      release.purpose,
      release.audience,
      release.k,
      release.state,
      tokens.length,
    ],
  );
  if (rows.length === 0) return false;
  const batch = 10_000;
  for (let start = 0; start < tokens.length; start += batch) {
    const slice = tokens.slice(start, start + batch);
    await tx.query(
      `INSERT INTO audience_release_tokens (campaign_id, token, attribute_vector, decoy)
       SELECT $1, decode(t.token, 'base64'), t.vector, t.decoy
         FROM unnest($2::text[], $3::text[], $4::boolean[]) AS t (token, vector, decoy)`,
      [
        release.campaignId,
        slice.map((t) => Buffer.from(t.token, 'base64url').toString('base64')),
        slice.map((t) => vectorKey(t.interests)),
        slice.map((t) => t.decoy),
      ],
    );
  }
  return true;
}

export function releasedAudience(
  release: StoredRelease,
  tokens: readonly ReleasedToken[],
  repeated: boolean,
): ReleasedAudience {
  return {
    campaignId: release.campaignId,
    k: release.k,
    tokens: tokens.map((t) => ({ token: t.token, interests: [...t.interests] })),
    repeated,
  };
}

function sortByToken<T extends { readonly token: string }>(entries: T[]): T[] {
  return entries.sort((a, b) => (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
}
