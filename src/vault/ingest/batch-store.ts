// Ingest batches as recorded: the latest ones, one with its quarantined rows, and whether a kind was ever loaded.
import type { SqlExecutor } from '../../storage/ports.ts';
import type { StatementFormat } from '../../core/transaction.ts';

/** A batch as the API shows it: the table's own column names. */
export interface IngestBatchRecord {
  readonly id: number;
  readonly source_name: string;
  readonly format: string;
  readonly status: string;
  readonly taxonomy_version: string;
  readonly started_at: Date;
  readonly finished_at: Date | null;
  readonly rows_read: number;
  readonly rows_stored: number;
  readonly rows_duplicate: number;
  readonly rows_quarantined: number;
  readonly rows_uncategorised: number;
  readonly notice: string | null;
}

/** A rejected row: where, which field, why, and an excerpt scrubbed of PII when it was stored. */
export interface QuarantinedRow {
  readonly location: string;
  readonly field: string;
  readonly reason_code: string;
  readonly reason: string;
  readonly excerpt: string | null;
}

export interface IngestBatchDetail {
  readonly batch: IngestBatchRecord & { readonly file_sha256: Uint8Array | null };
  /** The first 1,000 quarantined rows, in the order they were met. */
  readonly quarantine: readonly QuarantinedRow[];
}

const batchColumns = `id, source_name, format, status, taxonomy_version, started_at, finished_at, rows_read,
  rows_stored, rows_duplicate, rows_quarantined, rows_uncategorised, notice`;

export class IngestBatchStore {
  readonly #db: SqlExecutor;

  constructor(db: SqlExecutor) {
    this.#db = db;
  }

  /** The latest batches, newest first. */
  async latest(limit = 100): Promise<IngestBatchRecord[]> {
    const { rows } = await this.#db.query<IngestBatchRecord>(
      `SELECT ${batchColumns} FROM ingest_batches ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    return rows;
  }

  /** One batch with its quarantined rows; undefined when there is no such batch. */
  async withQuarantine(id: number): Promise<IngestBatchDetail | undefined> {
    const batch = await this.#db.query<IngestBatchDetail['batch']>(
      `SELECT ${batchColumns}, file_sha256 FROM ingest_batches WHERE id = $1`,
      [id],
    );
    const row = batch.rows[0];
    if (row === undefined) return undefined;
    const quarantine = await this.#db.query<QuarantinedRow>(
      `SELECT location, field, reason_code, reason, excerpt FROM quarantine WHERE batch_id = $1
        ORDER BY id LIMIT 1000`,
      [id],
    );
    return { batch: row, quarantine: quarantine.rows };
  }

  /** Whether any batch of this kind was ever loaded ('generated': the demo generator wrote this bank). */
  async anyOfFormat(format: StatementFormat | 'generated'): Promise<boolean> {
    const { rows } = await this.#db.query('SELECT 1 FROM ingest_batches WHERE format = $1 LIMIT 1', [format]);
    return rows.length > 0;
  }
}
