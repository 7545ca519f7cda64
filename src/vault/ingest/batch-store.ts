// Ingest batches as recorded: their lifecycle (received → running → done | partial | failed | interrupted), the
// counts each chunk adds in its own transaction, the latest batches, one with its quarantined rows.
import { hostname } from 'node:os';
import { CurtainError } from '../../core/errors.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import type { StatementFormat } from '../../core/transaction.ts';

/** Where a batch stands: received and running while it is stored; the rest are final, except interrupted (resumable). */
export type BatchStatus = 'received' | 'running' | 'done' | 'partial' | 'failed' | 'interrupted';

/** What one chunk adds to its batch's counts, written in the chunk's own transaction. */
export interface ChunkCounts {
  readonly read: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly quarantined: number;
  readonly pastRetention: number;
  readonly uncategorised: number;
}

/** The process that runs a batch, as `host:pid`. */
export const thisRunner = `${hostname()}:${process.pid}`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A runner that is certainly gone: a process of this host that no longer exists. Other hosts cannot be told. */
export function runnerIsDead(runner: string | null): boolean {
  if (runner === null) return true;
  const at = runner.lastIndexOf(':');
  const host = runner.slice(0, at);
  const pid = Number(runner.slice(at + 1));
  if (host !== hostname() || !Number.isSafeInteger(pid)) return false;
  return pid !== process.pid && !isAlive(pid);
}

/** A batch as the API shows it: the table's own column names. */
export interface IngestBatchRecord {
  readonly id: number;
  readonly source_name: string;
  readonly format: string;
  readonly status: BatchStatus;
  readonly taxonomy_version: string;
  readonly started_at: Date;
  readonly finished_at: Date | null;
  readonly rows_read: number;
  readonly rows_stored: number;
  readonly rows_duplicate: number;
  readonly rows_quarantined: number;
  readonly rows_uncategorised: number;
  readonly rows_past_retention: number;
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
  rows_stored, rows_duplicate, rows_quarantined, rows_uncategorised, rows_past_retention, notice`;

export class IngestBatchStore {
  readonly #db: SqlExecutor;

  constructor(db: SqlExecutor) {
    this.#db = db;
  }

  /** A new batch, `received`. */
  async create(sourceName: string, format: string, taxonomyVersion: string): Promise<number> {
    const { rows } = await this.#db.query<{ id: number }>(
      `INSERT INTO ingest_batches (source_name, format, taxonomy_version, runner) VALUES ($1, $2, $3, $4)
       RETURNING id`,
      [sourceName, format, taxonomyVersion, thisRunner],
    );
    return Number(rows[0]!.id);
  }

  /** The batch starts running in this process. */
  async start(id: number): Promise<void> {
    await this.#db.query(`UPDATE ingest_batches SET status = 'running', runner = $2 WHERE id = $1`, [
      id,
      thisRunner,
    ]);
  }

  /**
   * Takes an interrupted batch up again in this process: its stored rows stay counted, the rest of its counts
   * and its quarantine start over (the file is read again). Returns the rows it had stored.
   */
  async resume(id: number): Promise<number> {
    const { rows } = await this.#db.query<{ status: string; rows_stored: number }>(
      `UPDATE ingest_batches SET status = 'running', runner = $2, resumed_at = now(), finished_at = NULL,
              rows_read = 0, rows_duplicate = 0, rows_quarantined = 0, rows_uncategorised = 0,
              rows_past_retention = 0, notice = NULL
        WHERE id = $1 AND status = 'interrupted'
        RETURNING status, rows_stored`,
      [id, thisRunner],
    );
    const row = rows[0];
    if (row === undefined) {
      throw new CurtainError(
        'USAGE',
        `batch ${id} is not interrupted: only an interrupted batch can be resumed`,
      );
    }
    await this.#db.query('DELETE FROM quarantine WHERE batch_id = $1', [id]);
    return Number(row.rows_stored);
  }

  /** Adds one chunk's counts; call it inside the chunk's transaction so the counts match the rows. */
  async addChunk(db: SqlExecutor, id: number, counts: ChunkCounts): Promise<void> {
    await db.query(
      `UPDATE ingest_batches SET rows_read = rows_read + $2, rows_stored = rows_stored + $3,
              rows_duplicate = rows_duplicate + $4, rows_quarantined = rows_quarantined + $5,
              rows_past_retention = rows_past_retention + $6, rows_uncategorised = rows_uncategorised + $7
        WHERE id = $1`,
      [
        id,
        counts.read,
        counts.stored,
        counts.duplicates,
        counts.quarantined,
        counts.pastRetention,
        counts.uncategorised,
      ],
    );
  }

  /** Ends a batch; `duplicates` replaces the count (a resumed batch does not count its own rows as duplicates). */
  async finish(
    id: number,
    end: { status: BatchStatus; duplicates: number; notice: string | null; fileSha256: Buffer | null },
  ): Promise<void> {
    await this.#db.query(
      `UPDATE ingest_batches SET status = $2, finished_at = now(), runner = NULL, rows_duplicate = $3,
              notice = $4, file_sha256 = $5
        WHERE id = $1`,
      [id, end.status, end.duplicates, end.notice, end.fileSha256],
    );
  }

  /**
   * At open: a batch left received or running by a process of this host that no longer exists was killed
   * mid-way. It becomes `interrupted`, with the rows it stored counted (each chunk committed its counts).
   * Returns the batches so marked.
   */
  async markInterrupted(): Promise<number[]> {
    const { rows } = await this.#db.query<{ id: number; runner: string | null }>(
      `SELECT id, runner FROM ingest_batches WHERE status IN ('received', 'running')`,
    );
    const dead = rows.filter((row) => runnerIsDead(row.runner)).map((row) => Number(row.id));
    if (dead.length > 0) {
      await this.#db.query(
        `UPDATE ingest_batches SET status = 'interrupted', runner = NULL,
                notice = 'interrupted: the process storing it stopped; resume it with the same file'
          WHERE id = ANY($1::bigint[]) AND status IN ('received', 'running')`,
        [dead],
      );
    }
    return dead;
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
