// Edge mode's tables: keys, published definitions, token issuance counts, redemptions; and a customer's own facts.
import { birthMonthSql } from '../../core/age-bands.ts';
import { currentBalance } from '../accounts/balance-store.ts';
import { marketingExclusion } from '../import/marketing-exclusions.ts';
import { mainAccount } from '../insights/insights-store.ts';
import type { EdgeFacts, EdgeTransaction, ProcessingHold } from '../../edge/customer-source.ts';
import type { EdgeDefinition } from '../../edge/definitions.ts';
import type { SqlExecutor } from '../../storage/ports.ts';

export interface StoredEdgeKey {
  readonly id: string;
  readonly use: 'definitions' | 'tokens';
  readonly epoch: string;
  readonly publicKey: Buffer;
  readonly kekId: string;
  readonly wrappedPrivate: Buffer;
  readonly logIndex: number;
}

interface KeyRow {
  id: string;
  use: 'definitions' | 'tokens';
  epoch: string;
  public_key: Buffer;
  kek_id: string;
  wrapped_private: Buffer;
  log_index: number;
}

const keyOf = (r: KeyRow): StoredEdgeKey => ({
  id: r.id,
  use: r.use,
  epoch: r.epoch,
  publicKey: Buffer.from(r.public_key),
  kekId: r.kek_id,
  wrappedPrivate: Buffer.from(r.wrapped_private),
  logIndex: Number(r.log_index),
});

export async function readEdgeKey(
  db: SqlExecutor,
  use: StoredEdgeKey['use'],
  epoch: string,
): Promise<StoredEdgeKey | undefined> {
  const { rows } = await db.query<KeyRow>('SELECT * FROM edge_keys WHERE use = $1 AND epoch = $2', [
    use,
    epoch,
  ]);
  return rows[0] && keyOf(rows[0]);
}

/** Stores a key unless one of that use and epoch exists; returns the one stored. */
export async function insertEdgeKey(db: SqlExecutor, key: StoredEdgeKey): Promise<StoredEdgeKey> {
  await db.query(
    `INSERT INTO edge_keys (id, use, epoch, public_key, kek_id, wrapped_private, log_index)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (use, epoch) DO NOTHING`,
    [key.id, key.use, key.epoch, key.publicKey, key.kekId, key.wrappedPrivate, key.logIndex],
  );
  return (await readEdgeKey(db, key.use, key.epoch))!;
}

export interface PublishedCampaign {
  readonly id: string;
  readonly jws: string;
  readonly validUntil: string;
}

export async function insertEdgeCampaign(
  db: SqlExecutor,
  campaign: { id: string; definition: object; jws: string; publishedBy: string; publishedAt: Date },
): Promise<void> {
  await db.query(
    'INSERT INTO edge_campaigns (id, definition, jws, published_by, published_at) VALUES ($1, $2, $3, $4, $5)',
    [
      campaign.id,
      JSON.stringify(campaign.definition),
      campaign.jws,
      campaign.publishedBy,
      campaign.publishedAt,
    ],
  );
}

/** Definitions still valid on `day` and not withdrawn, oldest first: what every device's bundle carries. */
export async function publishedCampaigns(db: SqlExecutor, day: string): Promise<PublishedCampaign[]> {
  const { rows } = await db.query<{ id: string; jws: string; valid_until: string }>(
    `SELECT id, jws, definition->>'validUntil' AS valid_until FROM edge_campaigns
      WHERE definition->>'validUntil' >= $1 AND withdrawn_at IS NULL ORDER BY published_at, id`,
    [day],
  );
  return rows.map((r) => ({ id: r.id, jws: r.jws, validUntil: r.valid_until }));
}

export async function edgeCampaignExists(db: SqlExecutor, id: string): Promise<boolean> {
  return (await edgeCampaignPurpose(db, id)) !== undefined;
}

/** The purpose a published campaign was admitted under, or undefined when there is none of that id. */
export async function edgeCampaignPurpose(db: SqlExecutor, id: string): Promise<string | undefined> {
  const { rows } = await db.query<{ purpose: string }>(
    `SELECT definition->>'purpose' AS purpose FROM edge_campaigns WHERE id = $1`,
    [id],
  );
  return rows[0]?.purpose;
}

/** Records an epoch's issuance to a customer; false when they were issued tokens in that epoch already. */
export async function recordIssuance(
  db: SqlExecutor,
  customerId: number,
  epoch: string,
  tokens: number,
): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO edge_token_issuance (customer_id, epoch, tokens) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [customerId, epoch, tokens],
  );
  return rows.length === 1;
}

/** Spends a token's nonce with its report; false when the nonce was spent before. */
export async function recordRedemption(
  db: SqlExecutor,
  redemption: { nonce: Uint8Array; epoch: string; campaign: string; event: 'shown' | 'dummy' },
): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO edge_redemptions (nonce, epoch, campaign, event) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [Buffer.from(redemption.nonce), redemption.epoch, redemption.campaign, redemption.event],
  );
  return rows.length === 1;
}

/** Exact "shown" reports of a campaign per epoch: private, released only through the guard's noise. */
export async function shownCounts(db: SqlExecutor, campaign: string): Promise<Map<string, number>> {
  const { rows } = await db.query<{ epoch: string; n: number }>(
    `SELECT epoch, count(*)::int AS n FROM edge_redemptions WHERE campaign = $1 AND event = 'shown'
      GROUP BY epoch ORDER BY epoch`,
    [campaign],
  );
  return new Map(rows.map((r) => [r.epoch, Number(r.n)]));
}

/**
 * What stops every match for one customer on `asOf`, read as the question engine reads it for everyone
 * (restrictions.ts, marketing-exclusions.ts): a restriction or an objection not lifted, a marketing exclusion.
 */
export async function processingHoldsOf(
  db: SqlExecutor,
  customerId: number,
  asOf: string,
): Promise<ProcessingHold[]> {
  const { rows } = await db.query<{ reason: string }>(
    `SELECT reason FROM processing_restrictions WHERE customer_id = $1 AND lifted_at IS NULL
     UNION ALL
     SELECT 'marketing_exclusion' FROM customer_flags WHERE customer_id = $1 AND ${marketingExclusion('$2')}`,
    [customerId, asOf],
  );
  const order: readonly ProcessingHold[] = ['restriction', 'objection', 'marketing_exclusion'];
  return order.filter((hold) => rows.some((r) => r.reason === hold));
}

/**
 * One customer's own facts on `asOf`, read as the columnar store reads everyone's (owned_transactions, products
 * held), with the holds that stop every match.
 */
export async function customerFacts(db: SqlExecutor, customerId: number, asOf: string): Promise<EdgeFacts> {
  const [holds, transactions, products, customer] = await Promise.all([
    processingHoldsOf(db, customerId, asOf),
    db.query<EdgeTransaction>(
      `WITH main AS (${mainAccount})
       SELECT to_char(booking_date, 'YYYY-MM-DD') AS date, amount_minor::float8 AS "amountMinor",
              rtrim(currency) AS currency, direction, category, mcc, merchant_name AS merchant,
              coalesce(account_id = (SELECT id FROM main), false) AS main
         FROM owned_transactions WHERE customer_id = $1 ORDER BY booking_date, id`,
      [customerId],
    ),
    db.query<{ product: string; since: string; until: string | null }>(
      `SELECT product_code AS product, to_char(since, 'YYYY-MM-DD') AS since, to_char(until, 'YYYY-MM-DD') AS until
         FROM products_held WHERE customer_id = $1 ORDER BY since, product_code`,
      [customerId],
    ),
    db.query<{ first_opened: string | null; birth_month: number | null }>(
      `SELECT (SELECT to_char(min(opened_on), 'YYYY-MM-DD') FROM accounts WHERE customer_id = $1) AS first_opened,
              (SELECT ${birthMonthSql('f.adult_from')}
                 FROM customer_flags f WHERE f.customer_id = $1) AS birth_month`,
      [customerId],
    ),
  ]);
  return {
    holds,
    transactions: transactions.rows.map((t) => ({ ...t, mcc: t.mcc === null ? null : Number(t.mcc) })),
    products: products.rows,
    firstOpened: customer.rows[0]?.first_opened ?? null,
    birthMonth: customer.rows[0]?.birth_month ?? null,
  };
}

/** The balance of the customer's main account at the end of `asOf`, as the insights read it; null without one. */
export async function mainBalance(
  db: SqlExecutor,
  customerId: number,
  asOf: string,
): Promise<NonNullable<EdgeFacts['balance']> | null> {
  const { rows } = await db.query<{ id: string | number }>(mainAccount, [customerId]);
  const balance = rows[0] === undefined ? undefined : await currentBalance(db, Number(rows[0].id), asOf);
  if (balance === undefined) return null;
  const { currentMinor, overdraftLimitMinor } = balance;
  return overdraftLimitMinor === undefined ? { currentMinor } : { currentMinor, overdraftLimitMinor };
}

export interface EdgeRelease {
  readonly epoch: string;
  /** Noised count of "shown" reports; null when suppressed under the noised k. */
  readonly shown: number | null;
}

export async function releasesOf(db: SqlExecutor, campaign: string): Promise<Map<string, EdgeRelease>> {
  const { rows } = await db.query<{ epoch: string; shown: number | null }>(
    'SELECT epoch, shown FROM edge_releases WHERE campaign = $1 ORDER BY epoch',
    [campaign],
  );
  return new Map(rows.map((r) => [r.epoch, { epoch: r.epoch, shown: r.shown }]));
}

export async function insertRelease(
  db: SqlExecutor,
  campaign: string,
  release: EdgeRelease,
  by: string,
): Promise<void> {
  await db.query(
    'INSERT INTO edge_releases (campaign, epoch, shown, released_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
    [campaign, release.epoch, release.shown, by],
  );
}

/** A published edge campaign as staff see it: the definition as signed, who published it, and any withdrawal. */
export interface StoredEdgeCampaign {
  readonly definition: EdgeDefinition;
  readonly jws: string;
  readonly publishedBy: string;
  readonly publishedAt: Date;
  readonly withdrawnAt: Date | null;
  readonly withdrawnBy: string | null;
}

interface CampaignRow {
  definition: EdgeDefinition | string;
  jws: string;
  published_by: string;
  published_at: Date | string;
  withdrawn_at: Date | string | null;
  withdrawn_by: string | null;
}

const campaignOf = (r: CampaignRow): StoredEdgeCampaign => ({
  definition: typeof r.definition === 'string' ? (JSON.parse(r.definition) as EdgeDefinition) : r.definition,
  jws: r.jws,
  publishedBy: r.published_by,
  publishedAt: new Date(r.published_at),
  withdrawnAt: r.withdrawn_at === null ? null : new Date(r.withdrawn_at),
  withdrawnBy: r.withdrawn_by,
});

const campaignColumns = 'definition, jws, published_by, published_at, withdrawn_at, withdrawn_by';

/** Every published edge campaign, newest first. */
export async function edgeCampaigns(db: SqlExecutor): Promise<StoredEdgeCampaign[]> {
  const { rows } = await db.query<CampaignRow>(
    `SELECT ${campaignColumns} FROM edge_campaigns ORDER BY published_at DESC, id`,
  );
  return rows.map(campaignOf);
}

/** One published edge campaign, or undefined when there is none of that id. */
export async function edgeCampaign(db: SqlExecutor, id: string): Promise<StoredEdgeCampaign | undefined> {
  const { rows } = await db.query<CampaignRow>(
    `SELECT ${campaignColumns} FROM edge_campaigns WHERE id = $1`,
    [id],
  );
  return rows[0] && campaignOf(rows[0]);
}

/** Withdraws a campaign; false when it was withdrawn already. */
export async function withdrawEdgeCampaign(
  db: SqlExecutor,
  id: string,
  by: string,
  at: Date,
): Promise<boolean> {
  const { affectedRows } = await db.query(
    'UPDATE edge_campaigns SET withdrawn_at = $2, withdrawn_by = $3 WHERE id = $1 AND withdrawn_at IS NULL',
    [id, at, by],
  );
  return affectedRows > 0;
}

/**
 * Exact numbers of customers who asked "Connect me" on an edge campaign, per epoch of their request: private,
 * released only through the guard's noise. One inbox message per customer and campaign.
 */
export async function connectCounts(
  db: SqlExecutor,
  campaign: string,
  epochOf: (day: string) => string,
): Promise<Map<string, number>> {
  const { rows } = await db.query<{ day: string; n: number }>(
    `SELECT to_char(delivered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS n
       FROM inbox_messages WHERE campaign_id = $1 GROUP BY day`,
    [campaign],
  );
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(epochOf(r.day), (counts.get(epochOf(r.day)) ?? 0) + Number(r.n));
  return counts;
}

export async function connectReleasesOf(
  db: SqlExecutor,
  campaign: string,
): Promise<Map<string, number | null>> {
  const { rows } = await db.query<{ epoch: string; connects: number | null }>(
    'SELECT epoch, connects FROM edge_connect_releases WHERE campaign = $1',
    [campaign],
  );
  return new Map(rows.map((r) => [r.epoch, r.connects]));
}

export async function insertConnectRelease(
  db: SqlExecutor,
  campaign: string,
  release: { epoch: string; connects: number | null },
  by: string,
): Promise<void> {
  await db.query(
    `INSERT INTO edge_connect_releases (campaign, epoch, connects, released_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING`,
    [campaign, release.epoch, release.connects, by],
  );
}

/** Puts an offer in one customer's inbox (once per campaign); returns the message's public id. */
export async function inboxMessageFor(
  db: SqlExecutor,
  message: {
    publicId: string;
    campaignId: string;
    customerId: number;
    at: Date;
    offer: object;
    explanation: string;
  },
): Promise<string> {
  await db.query(
    `INSERT INTO inbox_messages (public_id, campaign_id, customer_id, offer, explanation, delivered_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6) ON CONFLICT (campaign_id, customer_id) DO NOTHING`,
    [
      message.publicId,
      message.campaignId,
      message.customerId,
      JSON.stringify(message.offer),
      message.explanation,
      message.at,
    ],
  );
  const { rows } = await db.query<{ public_id: string }>(
    'SELECT public_id FROM inbox_messages WHERE campaign_id = $1 AND customer_id = $2',
    [message.campaignId, message.customerId],
  );
  return rows[0]!.public_id;
}
