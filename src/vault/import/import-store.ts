// The import room's data module: batches and quarantine, customer status and flags, owners, products, evidence.
import { CurtainError } from '../../core/errors.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import { runnerIsDead, thisRunner, type BatchStatus } from '../ingest/batch-store.ts';
import type { CustomerFlags, CustomerStatus } from './customers-import.ts';
import type { AccountKind, OwnerRole } from './accounts-import.ts';
import type { ImportKind } from './import-mapping.ts';
import type { RowProblem } from './import-rows.ts';

export type ImportBatchKind = ImportKind | 'fdx';

export interface BatchCounts {
  readonly rowsRead: number;
  readonly rowsStored: number;
  readonly rowsUnchanged: number;
  readonly rowsQuarantined: number;
}

export interface QuarantinedRow extends RowProblem {
  readonly line: number;
}

export interface CustomerState {
  readonly id: number;
  readonly status: CustomerStatus | 'erased';
  readonly leftOn: string | null;
  readonly flags: CustomerFlags | undefined;
}

export interface AccountUpsert {
  readonly ref: Buffer;
  readonly maskedNumber: string;
  /** The primary owner, or null for business accounts (kept out of consumer questions) and placeholders. */
  readonly customerId: number | null;
  readonly kind: AccountKind;
  readonly product: string | null;
  readonly currency: string | null;
  readonly openedOn: string | null;
  readonly closedOn: string | null;
}

export interface OwnerRow {
  readonly accountId: number;
  readonly customerId: number;
  readonly role: OwnerRole;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** A new batch, run by this process: `received`, then `running` once its first chunk is read. */
export async function openImportBatch(
  db: SqlExecutor,
  kind: ImportBatchKind,
  sourceName: string,
  format: string,
): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO import_batches (kind, source_name, format, runner) VALUES ($1, $2, $3, $4) RETURNING id`,
    [kind, sourceName, format, thisRunner],
  );
  return Number(rows[0]!.id);
}

export async function startImportBatch(db: SqlExecutor, id: number): Promise<void> {
  await db.query(`UPDATE import_batches SET status = 'running' WHERE id = $1 AND status = 'received'`, [id]);
}

/**
 * Takes an interrupted batch of `kind` up again in this process: its stored rows stay counted, the rest of its
 * counts and its quarantine start over (the file is read again). Returns the rows it had stored.
 */
export async function resumeImportBatch(db: SqlExecutor, id: number, kind: ImportBatchKind): Promise<number> {
  const { rows } = await db.query<{ rows_stored: number }>(
    `UPDATE import_batches SET status = 'running', runner = $3, resumed_at = now(), finished_at = NULL,
            rows_read = 0, rows_unchanged = 0, rows_quarantined = 0, notice = NULL
      WHERE id = $1 AND kind = $2 AND status = 'interrupted'
      RETURNING rows_stored`,
    [id, kind, thisRunner],
  );
  const row = rows[0];
  if (row === undefined) {
    throw new CurtainError(
      'USAGE',
      `import batch ${id} is not an interrupted ${kind} batch: only an interrupted batch can be resumed, with its own kind`,
    );
  }
  await db.query('DELETE FROM import_quarantine WHERE batch_id = $1', [id]);
  return Number(row.rows_stored);
}

export async function finishImportBatch(
  db: SqlExecutor,
  id: number,
  status: Exclude<BatchStatus, 'received' | 'running'>,
  counts: BatchCounts,
  notice: string | null = null,
): Promise<void> {
  await db.query(
    `UPDATE import_batches SET status = $2, finished_at = now(), runner = NULL, rows_read = $3, rows_stored = $4,
            rows_unchanged = $5, rows_quarantined = $6, notice = $7 WHERE id = $1`,
    [id, status, counts.rowsRead, counts.rowsStored, counts.rowsUnchanged, counts.rowsQuarantined, notice],
  );
}

/**
 * At open: a batch left received or running by a process of this host that no longer exists was killed mid-way.
 * It becomes `interrupted`, with the rows it stored counted (each chunk committed its counts). Returns those.
 */
export async function markImportBatchesInterrupted(db: SqlExecutor): Promise<number[]> {
  const { rows } = await db.query<{ id: number; runner: string | null }>(
    `SELECT id, runner FROM import_batches WHERE status IN ('received', 'running')`,
  );
  const dead = rows.filter((row) => runnerIsDead(row.runner)).map((row) => Number(row.id));
  if (dead.length > 0) {
    await db.query(
      `UPDATE import_batches SET status = 'interrupted', runner = NULL,
              notice = 'interrupted: the process importing it stopped; resume it with the same file'
        WHERE id = ANY($1::bigint[]) AND status IN ('received', 'running')`,
      [dead],
    );
  }
  return dead;
}

/** The running totals of a batch, written with each chunk so a killed batch still adds up. */
export async function updateImportBatchCounts(
  db: SqlExecutor,
  id: number,
  counts: BatchCounts,
): Promise<void> {
  await db.query(
    `UPDATE import_batches SET rows_read = $2, rows_stored = $3, rows_unchanged = $4, rows_quarantined = $5
      WHERE id = $1`,
    [id, counts.rowsRead, counts.rowsStored, counts.rowsUnchanged, counts.rowsQuarantined],
  );
}

export async function quarantineRows(
  db: SqlExecutor,
  batchId: number,
  rows: readonly QuarantinedRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO import_quarantine (batch_id, line, field, reason_code, reason)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])`,
    [
      batchId,
      rows.map((r) => r.line),
      rows.map((r) => r.field),
      rows.map((r) => r.code),
      rows.map((r) => r.reason),
    ],
  );
}

export async function quarantineOf(db: SqlExecutor, batchId: number): Promise<QuarantinedRow[]> {
  const { rows } = await db.query<{ line: number; field: string; reason_code: string; reason: string }>(
    'SELECT line, field, reason_code, reason FROM import_quarantine WHERE batch_id = $1 ORDER BY line, id',
    [batchId],
  );
  return rows.map((r) => ({ line: r.line, field: r.field, code: r.reason_code, reason: r.reason }));
}

/** Customers by the blind index of their external id: digest (hex) → id. */
export async function customersByExternalDigest(
  db: SqlExecutor,
  digests: readonly Buffer[],
): Promise<Map<string, number>> {
  if (digests.length === 0) return new Map();
  const { rows } = await db.query<{ digest: Uint8Array; customer_id: number }>(
    `SELECT digest, customer_id FROM customer_lookup WHERE kind = 'external_id' AND digest = ANY($1::bytea[])`,
    [digests],
  );
  return new Map(rows.map((r) => [hex(r.digest), Number(r.customer_id)]));
}

/** Which of these email digests belong to a customer already, and to whom. */
export async function customersByEmailDigest(
  db: SqlExecutor,
  digests: readonly Buffer[],
): Promise<Map<string, number>> {
  if (digests.length === 0) return new Map();
  const { rows } = await db.query<{ digest: Uint8Array; customer_id: number }>(
    `SELECT digest, customer_id FROM customer_lookup WHERE kind = 'email' AND digest = ANY($1::bytea[])`,
    [digests],
  );
  return new Map(rows.map((r) => [hex(r.digest), Number(r.customer_id)]));
}

type FlagRow = {
  id: number;
  status: CustomerStatus | 'erased';
  left_on: string | null;
  deceased: boolean | null;
  vulnerable: boolean;
  do_not_market: boolean;
  collections: boolean;
  insolvency: boolean;
  kyc_status: CustomerFlags['kycStatus'];
  adult_from: string | null;
};

export async function customerStates(
  db: SqlExecutor,
  ids: readonly number[],
): Promise<Map<number, CustomerState>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<FlagRow>(
    `SELECT c.id, c.status, c.left_on::text AS left_on, f.deceased, f.vulnerable, f.do_not_market, f.collections,
            f.insolvency, f.kyc_status, f.adult_from::text AS adult_from
       FROM customers c LEFT JOIN customer_flags f ON f.customer_id = c.id WHERE c.id = ANY($1::bigint[])`,
    [ids],
  );
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        id: Number(r.id),
        status: r.status,
        leftOn: r.left_on,
        flags:
          r.deceased === null
            ? undefined
            : {
                deceased: r.deceased,
                vulnerable: r.vulnerable,
                doNotMarket: r.do_not_market,
                collections: r.collections,
                insolvency: r.insolvency,
                kycStatus: r.kyc_status,
                adultFrom: r.adult_from ?? '',
              },
      },
    ]),
  );
}

/** Writes status, end of relationship and flags; erased customers are left as they are. */
export async function writeCustomerStates(
  db: SqlExecutor,
  states: readonly { id: number; status: CustomerStatus; leftOn: string | undefined; flags: CustomerFlags }[],
): Promise<void> {
  if (states.length === 0) return;
  const ids = states.map((s) => s.id);
  await db.query(
    `UPDATE customers c SET status = v.status, left_on = v.left_on
       FROM unnest($1::bigint[], $2::text[], $3::date[]) AS v(id, status, left_on)
      WHERE c.id = v.id AND c.status <> 'erased'
        AND (c.status IS DISTINCT FROM v.status OR c.left_on IS DISTINCT FROM v.left_on)`,
    [ids, states.map((s) => s.status), states.map((s) => s.leftOn ?? null)],
  );
  const f = states.map((s) => s.flags);
  await db.query(
    `INSERT INTO customer_flags AS f
       (customer_id, deceased, vulnerable, do_not_market, collections, insolvency, kyc_status, adult_from)
     SELECT v.* FROM unnest($1::bigint[], $2::boolean[], $3::boolean[], $4::boolean[], $5::boolean[],
                            $6::boolean[], $7::text[], $8::date[]) AS v(id, d, v, m, c, i, k, a)
       JOIN customers c ON c.id = v.id AND c.status <> 'erased'
     ON CONFLICT (customer_id) DO UPDATE SET deceased = EXCLUDED.deceased, vulnerable = EXCLUDED.vulnerable,
       do_not_market = EXCLUDED.do_not_market, collections = EXCLUDED.collections,
       insolvency = EXCLUDED.insolvency, kyc_status = EXCLUDED.kyc_status, adult_from = EXCLUDED.adult_from,
       updated_at = now()`,
    [
      ids,
      f.map((x) => x.deceased),
      f.map((x) => x.vulnerable),
      f.map((x) => x.doNotMarket),
      f.map((x) => x.collections),
      f.map((x) => x.insolvency),
      f.map((x) => x.kycStatus),
      f.map((x) => x.adultFrom),
    ],
  );
}

/** Former customers whose relationship ended on or before `cutoff` (YYYY-MM-DD), not yet erased. */
export async function lapsedRelationships(db: SqlExecutor, cutoff: string): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM customers WHERE status = 'left' AND left_on <= $1::date ORDER BY id`,
    [cutoff],
  );
  return rows.map((r) => Number(r.id));
}
