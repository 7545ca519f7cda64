// The models' data module: frozen model versions (model_versions), their stored scores (model_scores), and the
// trainer's reads of who held or took up a product. The trainer and the registry share its one version type.
import type { SqlExecutor, Storage } from '../storage/ports.ts';

export type ModelState = 'trained' | 'approved' | 'retired';

/** How a version trained in a federated round was trained: the round, its vaults, what each spent and added. */
export interface FederatedTraining {
  readonly round: string;
  readonly regions: readonly string[];
  /** The (ε, δ) each vault of the round charged its own ledger. */
  readonly perVault: { readonly epsilon: number; readonly delta: number };
  readonly noise: {
    readonly mechanism: string;
    /** σ² of the discrete Gaussian each vault added to its quantised statistics (an integer, as text). */
    readonly variancePerVault: string;
    /** The noise of any `minimumVaults − 1` vaults carries the whole (ε, δ). */
    readonly minimumVaults: number;
  };
}

/** A frozen model version as stored: weights never change, only its state moves on. */
export interface ModelVersion {
  readonly id: string;
  readonly product: string;
  readonly version: number;
  readonly featureListVersion: number;
  readonly weights: readonly number[];
  readonly bias: number;
  readonly mechanism: string;
  readonly epsilon: number;
  readonly delta: number;
  /** 'YYYY-MM-DD'. */
  readonly trainedFrom: string;
  readonly trainedTo: string;
  readonly trainedBy: string;
  readonly trainedAt: Date;
  readonly state: ModelState;
  readonly approvedBy: string | null;
  readonly approvedAt: Date | null;
  readonly approvalReason: string | null;
  readonly retiredBy: string | null;
  readonly retiredAt: Date | null;
  readonly retirementReason: string | null;
  /** The released card (see model-card.ts), `{}` until its figures are released. */
  readonly card: Readonly<Record<string, unknown>>;
  /** Null for a version trained in this vault alone. */
  readonly federated: FederatedTraining | null;
}

/**
 * What a training run writes: a new frozen version of a product's model. The trainer passes the id it charged
 * the ledger under (`training:<id>`); without one the database draws it.
 */
export type NewModelVersion = Pick<
  ModelVersion,
  | 'product'
  | 'featureListVersion'
  | 'weights'
  | 'bias'
  | 'mechanism'
  | 'epsilon'
  | 'delta'
  | 'trainedFrom'
  | 'trainedTo'
  | 'trainedBy'
> & { readonly id?: string; readonly federated?: FederatedTraining };

interface VersionRow {
  id: string;
  product: string;
  version: number;
  feature_list_version: number;
  weights: number[];
  bias: number;
  mechanism: string;
  epsilon: number;
  delta: number;
  trained_from: string;
  trained_to: string;
  trained_by: string;
  trained_at: Date;
  state: ModelState;
  approved_by: string | null;
  approved_at: Date | null;
  approval_reason: string | null;
  retired_by: string | null;
  retired_at: Date | null;
  retirement_reason: string | null;
  card: Record<string, unknown>;
  federated: FederatedTraining | null;
}

const versionColumns = `id, product, version, feature_list_version, weights, bias, mechanism, epsilon, delta,
  trained_from::text AS trained_from, trained_to::text AS trained_to, trained_by, trained_at, state,
  approved_by, approved_at, approval_reason, retired_by, retired_at, retirement_reason, card, federated`;

function versionOf(row: VersionRow): ModelVersion {
  return {
    id: row.id,
    product: row.product,
    version: Number(row.version),
    featureListVersion: Number(row.feature_list_version),
    weights: row.weights.map(Number),
    bias: Number(row.bias),
    mechanism: row.mechanism,
    epsilon: Number(row.epsilon),
    delta: Number(row.delta),
    trainedFrom: row.trained_from,
    trainedTo: row.trained_to,
    trainedBy: row.trained_by,
    trainedAt: new Date(row.trained_at),
    state: row.state,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at === null ? null : new Date(row.approved_at),
    approvalReason: row.approval_reason,
    retiredBy: row.retired_by,
    retiredAt: row.retired_at === null ? null : new Date(row.retired_at),
    retirementReason: row.retirement_reason,
    card: row.card,
    federated: row.federated,
  };
}

/** Writes a frozen version under the product's next version number (one at a time, under a lock). */
export async function insertModelVersion(storage: Storage, model: NewModelVersion): Promise<ModelVersion> {
  return storage.transaction(async (tx) => {
    await tx.query('LOCK TABLE model_versions IN SHARE ROW EXCLUSIVE MODE');
    const { rows } = await tx.query<VersionRow>(
      `INSERT INTO model_versions (id, product, version, feature_list_version, weights, bias, mechanism,
                                   epsilon, delta, trained_from, trained_to, trained_by, federated)
       SELECT coalesce($1::uuid, gen_random_uuid()), $2, coalesce(max(version), 0) + 1, $3,
              $4::double precision[], $5, $6, $7, $8, $9::date, $10::date, $11, $12::jsonb
         FROM model_versions WHERE product = $2
       RETURNING ${versionColumns}`,
      [
        model.id ?? null,
        model.product,
        model.featureListVersion,
        [...model.weights],
        model.bias,
        model.mechanism,
        model.epsilon,
        model.delta,
        model.trainedFrom,
        model.trainedTo,
        model.trainedBy,
        model.federated === undefined ? null : JSON.stringify(model.federated),
      ],
    );
    return versionOf(rows[0]!);
  });
}

/** Every version, newest first per product. */
export async function listModelVersions(db: SqlExecutor): Promise<ModelVersion[]> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${versionColumns} FROM model_versions ORDER BY product, version DESC`,
  );
  return rows.map(versionOf);
}

export async function readModelVersion(db: SqlExecutor, id: string): Promise<ModelVersion | undefined> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${versionColumns} FROM model_versions WHERE id::text = $1`,
    [id],
  );
  return rows[0] === undefined ? undefined : versionOf(rows[0]);
}

/** The approved version per product: what `propensity(…)` and the next best offer read. */
export async function approvedModels(db: SqlExecutor): Promise<Map<string, string>> {
  const { rows } = await db.query<{ product: string; id: string }>(
    `SELECT product, id FROM model_versions WHERE state = 'approved'`,
  );
  return new Map(rows.map((r) => [r.product, r.id]));
}

/** Moves a trained version to approved; undefined when it was not in state 'trained'. */
export async function markApproved(
  tx: SqlExecutor,
  id: string,
  by: string,
  reason: string,
  at: Date,
): Promise<ModelVersion | undefined> {
  const { rows } = await tx.query<VersionRow>(
    `UPDATE model_versions SET state = 'approved', approved_by = $2, approved_at = $3, approval_reason = $4
      WHERE id::text = $1 AND state = 'trained'
     RETURNING ${versionColumns}`,
    [id, by, at, reason],
  );
  return rows[0] === undefined ? undefined : versionOf(rows[0]);
}

/** Retires a version that is not retired yet and deletes its stored scores; undefined when already retired. */
export async function markRetired(
  tx: SqlExecutor,
  id: string,
  by: string,
  reason: string,
  at: Date,
): Promise<ModelVersion | undefined> {
  const { rows } = await tx.query<VersionRow>(
    `UPDATE model_versions SET state = 'retired', retired_by = $2, retired_at = $3, retirement_reason = $4
      WHERE id::text = $1 AND state <> 'retired'
     RETURNING ${versionColumns}`,
    [id, by, at, reason],
  );
  if (rows[0] === undefined) return undefined;
  await tx.query('DELETE FROM model_scores WHERE model_version = $1::uuid', [rows[0].id]);
  return versionOf(rows[0]);
}

/** The indices of this vault's log entries about a federated round (its charge, its steps, the hub's actions). */
export async function federatedRoundEntries(db: SqlExecutor, round: string): Promise<number[]> {
  const { rows } = await db.query<{ idx: string | number }>(
    `SELECT idx FROM audit_entries WHERE entry LIKE $1 OR entry LIKE $2 ORDER BY idx`,
    [`%"round":"${round}"%`, `%"label":"federated:${round}"%`],
  );
  return rows.map((row) => Number(row.idx));
}

export async function writeCard(db: SqlExecutor, id: string, card: Record<string, unknown>): Promise<void> {
  await db.query('UPDATE model_versions SET card = $2::jsonb WHERE id::text = $1', [
    id,
    JSON.stringify(card),
  ]);
}

/** Active customers, ascending: those a model may score (consent and restrictions are applied after). */
export async function activeCustomerIds(db: SqlExecutor): Promise<number[]> {
  const { rows } = await db.query<{ id: number | string }>(
    `SELECT id FROM customers WHERE status = 'active' ORDER BY id`,
  );
  return rows.map((r) => Number(r.id));
}

const scoreChunk = 10_000;

/** Replaces a version's stored scores by these, in the caller's transaction. */
export async function replaceScores(
  tx: SqlExecutor,
  model: string,
  customerIds: readonly number[],
  scores: ArrayLike<number>,
): Promise<void> {
  await tx.query('DELETE FROM model_scores WHERE model_version = $1::uuid', [model]);
  for (let start = 0; start < customerIds.length; start += scoreChunk) {
    const ids = customerIds.slice(start, start + scoreChunk);
    const values = Array.from(ids, (_, k) => scores[start + k]!);
    await tx.query(
      `INSERT INTO model_scores (model_version, customer_id, score)
       SELECT $1::uuid, id, score FROM unnest($2::bigint[], $3::double precision[]) AS s (id, score)`,
      [model, ids, values],
    );
  }
}

/** Customers with a `product` row meeting `condition` (a constant of this module), ascending. */
async function productCustomers(
  db: SqlExecutor,
  condition: string,
  parameters: readonly unknown[],
): Promise<Int32Array> {
  const { rows } = await db.query<{ customer_id: number }>(
    `SELECT DISTINCT customer_id FROM products_held WHERE product_code = $1 AND ${condition} ORDER BY customer_id`,
    [...parameters],
  );
  return Int32Array.from(rows, (r) => Number(r.customer_id));
}

/** Customers holding `product` on `asOf` (since ≤ asOf, until null or ≥ asOf), ascending. */
export function holdersOn(db: SqlExecutor, product: string, asOf: string): Promise<Int32Array> {
  return productCustomers(db, 'since <= $2::date AND (until IS NULL OR until >= $2::date)', [product, asOf]);
}

/** Customers with a `product` row starting in the `days` after `asOf` (asOf < since ≤ asOf + days), ascending. */
export function takeUpsAfter(
  db: SqlExecutor,
  product: string,
  asOf: string,
  days: number,
): Promise<Int32Array> {
  return productCustomers(db, 'since > $2::date AND since <= $2::date + $3::int', [product, asOf, days]);
}
