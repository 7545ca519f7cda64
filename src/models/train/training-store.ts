// The trainer's reads and its one write: who took a product up after a day, who held it, and the frozen version row.
import type { SqlExecutor, Storage } from '../../storage/ports.ts';

/** A frozen model version as migration 25 stores it. */
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
  readonly trainedFrom: string;
  readonly trainedTo: string;
  readonly trainedBy: string;
  readonly trainedAt: string;
  readonly state: 'trained' | 'approved' | 'retired';
}

export type NewModelVersion = Omit<ModelVersion, 'version' | 'trainedAt' | 'state'>;

/** Customers holding `product` on `asOf` (since ≤ asOf, until null or ≥ asOf), ascending. */
export async function holdersOn(db: SqlExecutor, product: string, asOf: string): Promise<Int32Array> {
  const { rows } = await db.query<{ customer_id: number }>(
    `SELECT DISTINCT customer_id FROM products_held
      WHERE product_code = $1 AND since <= $2::date AND (until IS NULL OR until >= $2::date)
      ORDER BY customer_id`,
    [product, asOf],
  );
  return Int32Array.from(rows, (r) => Number(r.customer_id));
}

/** Customers with a `product` row starting in the `days` after `asOf` (asOf < since ≤ asOf + days), ascending. */
export async function takeUpsAfter(
  db: SqlExecutor,
  product: string,
  asOf: string,
  days: number,
): Promise<Int32Array> {
  const { rows } = await db.query<{ customer_id: number }>(
    `SELECT DISTINCT customer_id FROM products_held
      WHERE product_code = $1 AND since > $2::date AND since <= $2::date + $3::int
      ORDER BY customer_id`,
    [product, asOf, days],
  );
  return Int32Array.from(rows, (r) => Number(r.customer_id));
}

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
  trained_from: string | Date;
  trained_to: string | Date;
  trained_by: string;
  trained_at: string | Date;
  state: ModelVersion['state'];
}

const isoDate = (value: string | Date): string =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

/** Writes a trained version under the product's next version number (one at a time, under a lock). */
export async function insertModelVersion(storage: Storage, model: NewModelVersion): Promise<ModelVersion> {
  return storage.transaction(async (tx) => {
    await tx.query('LOCK TABLE model_versions IN SHARE ROW EXCLUSIVE MODE');
    const { rows } = await tx.query<VersionRow>(
      `INSERT INTO model_versions (id, product, version, feature_list_version, weights, bias, mechanism,
                                   epsilon, delta, trained_from, trained_to, trained_by)
       SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4::double precision[], $5, $6, $7, $8,
              $9::date, $10::date, $11
         FROM model_versions WHERE product = $2
       RETURNING id, product, version, feature_list_version, weights, bias, mechanism, epsilon, delta,
                 trained_from::text, trained_to::text, trained_by, trained_at, state`,
      [
        model.id,
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
      ],
    );
    const row = rows[0]!;
    return Object.freeze({
      id: row.id,
      product: row.product,
      version: Number(row.version),
      featureListVersion: Number(row.feature_list_version),
      weights: Object.freeze(row.weights.map(Number)),
      bias: Number(row.bias),
      mechanism: row.mechanism,
      epsilon: Number(row.epsilon),
      delta: Number(row.delta),
      trainedFrom: isoDate(row.trained_from),
      trainedTo: isoDate(row.trained_to),
      trainedBy: row.trained_by,
      trainedAt: new Date(row.trained_at).toISOString(),
      state: row.state,
    });
  });
}
