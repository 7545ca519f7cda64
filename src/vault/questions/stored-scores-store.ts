// Stored propensity scores (model_scores) as the vault reads and forgets them: the columnar engine's score
// columns, and deletion at once when a customer withdraws profiling or objects (Art. 21).
import type { SqlExecutor } from '../../storage/ports.ts';
import type { StoredScores } from './columnar/score-columns.ts';

/** Every approved version's scores, customer ids ascending. */
export async function readApprovedScores(db: SqlExecutor): Promise<Map<string, StoredScores>> {
  const { rows } = await db.query<{ model_version: string; customer_id: number | string; score: number }>(
    `SELECT s.model_version, s.customer_id, s.score
       FROM model_scores s JOIN model_versions v ON v.id = s.model_version
      WHERE v.state = 'approved'
      ORDER BY s.model_version, s.customer_id`,
  );
  const grouped = new Map<string, { ids: number[]; scores: number[] }>();
  for (const row of rows) {
    let entry = grouped.get(row.model_version);
    if (entry === undefined) grouped.set(row.model_version, (entry = { ids: [], scores: [] }));
    entry.ids.push(Number(row.customer_id));
    entry.scores.push(Number(row.score));
  }
  return new Map(
    [...grouped].map(([model, e]) => [
      model,
      { customerIds: Int32Array.from(e.ids), scores: Float64Array.from(e.scores) },
    ]),
  );
}

/** Changes whenever a stored score is written or deleted, or a version changes state (a trigger counts, migration 32). */
export async function storedScoresStamp(db: SqlExecutor): Promise<string> {
  const { rows } = await db.query<{ generation: string | number }>(
    'SELECT generation FROM model_scores_generation',
  );
  return String(rows[0]!.generation);
}

/** Deletes every stored score of these customers, in the caller's transaction. */
export async function forgetStoredScores(tx: SqlExecutor, customerIds: readonly number[]): Promise<void> {
  if (customerIds.length === 0) return;
  await tx.query('DELETE FROM model_scores WHERE customer_id = ANY($1::bigint[])', [[...customerIds]]);
}

/** The approved versions' stored scores of these customers, per product (customers without one are absent). */
export async function approvedScoresOf(
  db: SqlExecutor,
  products: readonly string[],
  customerIds: ArrayLike<number>,
): Promise<Map<string, Map<number, number>>> {
  const { rows } = await db.query<{ product: string; customer_id: number | string; score: number }>(
    `SELECT v.product, s.customer_id, s.score
       FROM model_versions v JOIN model_scores s ON s.model_version = v.id
      WHERE v.state = 'approved' AND v.product = ANY($1::text[]) AND s.customer_id = ANY($2::bigint[])`,
    [[...new Set(products)], Array.from(customerIds)],
  );
  const scores = new Map<string, Map<number, number>>();
  for (const row of rows) {
    let perCustomer = scores.get(row.product);
    if (perCustomer === undefined) scores.set(row.product, (perCustomer = new Map<number, number>()));
    perCustomer.set(Number(row.customer_id), Number(row.score));
  }
  return scores;
}
