// The one transaction retention policy: versioned in the database (configuration only seeds version 1), read by
// the question windows, ingest's refusals, legal holds and the daily retention job. Shortening it takes two people.
import type { AuditSink } from '../../core/audit-event.ts';
import {
  maxRetentionDays,
  minRetentionDays,
  transactionRetentionProposal,
} from '../../contracts/retention.ts';
import { CurtainError } from '../../core/errors.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';

export interface TransactionRetentionVersion {
  readonly version: number;
  readonly days: number;
  readonly status: 'proposed' | 'active' | 'superseded' | 'rejected';
  readonly reason: string;
  readonly proposedBy: string;
  readonly decidedBy: string | null;
}

/** A change: in effect at once (`active`), or `proposed` with the rows it would remove, awaiting a second person. */
export interface RetentionChange {
  readonly version: TransactionRetentionVersion;
  /** For a shorter period: the transactions booked before its window, which the next retention run deletes. */
  readonly rowsToRemove?: number;
}

interface VersionRow {
  version: number;
  days: number;
  status: TransactionRetentionVersion['status'];
  reason: string;
  proposed_by: string;
  decided_by: string | null;
}

const columns = 'version, days, status, reason, proposed_by, decided_by';
const dayMs = 86_400_000;
export { maxRetentionDays, minRetentionDays };

function versionOf(row: VersionRow): TransactionRetentionVersion {
  return {
    version: Number(row.version),
    days: Number(row.days),
    status: row.status,
    reason: row.reason,
    proposedBy: row.proposed_by,
    decidedBy: row.decided_by,
  };
}

export class TransactionRetention {
  readonly #storage: Storage;
  readonly #audit: AuditSink;
  readonly #seedDays: number;
  readonly #now: () => Date;

  /** `seedDays`: CURTAIN_TRANSACTION_RETENTION_DAYS, used only when the database holds no policy yet. */
  constructor(storage: Storage, audit: AuditSink, seedDays: number, now: () => Date = () => new Date()) {
    this.#storage = storage;
    this.#audit = audit;
    this.#seedDays = seedDays;
    this.#now = now;
  }

  /** The active version; the first call on a new database seeds it from the configuration. */
  async active(db: SqlExecutor = this.#storage): Promise<TransactionRetentionVersion> {
    const found = await db.query<VersionRow>(
      `SELECT ${columns} FROM transaction_retention WHERE status = 'active'`,
    );
    if (found.rows[0] !== undefined) return versionOf(found.rows[0]);
    await db.query(
      `INSERT INTO transaction_retention (version, days, status, reason, proposed_by, decided_by)
       SELECT coalesce(max(version), 0) + 1,
              coalesce((SELECT days FROM retention_policies WHERE kind = 'transactions'), $1),
              'active', 'seeded from the configuration', 'configuration', 'configuration'
         FROM transaction_retention
       ON CONFLICT DO NOTHING`,
      [this.#seedDays],
    );
    const seeded = await db.query<VersionRow>(
      `SELECT ${columns} FROM transaction_retention WHERE status = 'active'`,
    );
    return versionOf(seeded.rows[0]!);
  }

  /** The active period in days. */
  async days(): Promise<number> {
    return (await this.active()).days;
  }

  async versions(): Promise<TransactionRetentionVersion[]> {
    const { rows } = await this.#storage.query<VersionRow>(
      `SELECT ${columns} FROM transaction_retention ORDER BY version`,
    );
    return rows.map(versionOf);
  }

  /** How many stored transactions a period of `days` leaves outside its window as of today. */
  async rowsOutside(days: number, db: SqlExecutor = this.#storage): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::bigint AS n FROM transactions WHERE booking_date < $1::date',
      [this.cutoff(days)],
    );
    return Number(rows[0]!.n);
  }

  /** The first booking date a period of `days` keeps, as of today. */
  cutoff(days: number): string {
    const today = Date.parse(`${this.#now().toISOString().slice(0, 10)}T00:00:00Z`);
    return new Date(today - days * dayMs).toISOString().slice(0, 10);
  }

  /**
   * Changes the period. A longer (or equal) one takes effect at once; a shorter one is proposed, with the rows it
   * would remove, and takes effect only when another person approves it. Logged either way (without the count).
   */
  async propose(days: number, by: string, reason: string): Promise<RetentionChange> {
    if (!transactionRetentionProposal.shape.days.safeParse(days).success) {
      throw new CurtainError(
        'USAGE',
        `the transaction retention is a whole number of days from ${minRetentionDays} to ${maxRetentionDays}`,
      );
    }
    const current = await this.active();
    const shorter = days < current.days;
    const version = await this.#storage.transaction(async (tx) => {
      const { rows } = await tx.query<{ next: number }>(
        'SELECT coalesce(max(version), 0) + 1 AS next FROM transaction_retention',
      );
      const next = Number(rows[0]!.next);
      if (!shorter)
        await tx.query(`UPDATE transaction_retention SET status = 'superseded' WHERE status = 'active'`);
      await tx.query(
        `INSERT INTO transaction_retention (version, days, status, reason, proposed_by, decided_by, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          next,
          days,
          shorter ? 'proposed' : 'active',
          reason,
          by,
          shorter ? null : by,
          shorter ? null : new Date(),
        ],
      );
      return next;
    });
    await this.#log(
      shorter ? 'transaction_retention.proposed' : 'transaction_retention.changed',
      version,
      current.days,
      days,
    );
    const change = (await this.versions()).find((v) => v.version === version)!;
    return shorter ? { version: change, rowsToRemove: await this.rowsOutside(days) } : { version: change };
  }

  /** Approves a proposed shorter period; the approver must not be its proposer. Returns the rows it will remove. */
  async approve(version: number, by: string): Promise<RetentionChange> {
    const before = await this.active();
    const decided = await this.#decide(version, by, 'active');
    await this.#log('transaction_retention.approved', version, before.days, decided.days);
    return { version: decided, rowsToRemove: await this.rowsOutside(decided.days) };
  }

  async reject(version: number, by: string): Promise<RetentionChange> {
    const before = await this.active();
    const decided = await this.#decide(version, by, 'rejected');
    await this.#log('transaction_retention.rejected', version, before.days, decided.days);
    return { version: decided };
  }

  async #decide(
    version: number,
    by: string,
    status: 'active' | 'rejected',
  ): Promise<TransactionRetentionVersion> {
    return this.#storage.transaction(async (tx) => {
      const { rows } = await tx.query<VersionRow>(
        `SELECT ${columns} FROM transaction_retention WHERE version = $1 FOR UPDATE`,
        [version],
      );
      const row = rows[0];
      if (row === undefined)
        throw new CurtainError('NOT_FOUND', `no transaction retention version ${version}`);
      if (row.status !== 'proposed') {
        throw new CurtainError(
          'POLICY_APPROVAL_REFUSED',
          `version ${version} is ${row.status}, not proposed`,
        );
      }
      if (row.proposed_by === by) {
        throw new CurtainError(
          'POLICY_APPROVAL_REFUSED',
          `version ${version} was proposed by ${by}; another person must decide on it`,
        );
      }
      if (status === 'active') {
        await tx.query(`UPDATE transaction_retention SET status = 'superseded' WHERE status = 'active'`);
      }
      await tx.query(
        'UPDATE transaction_retention SET status = $2, decided_by = $3, decided_at = now() WHERE version = $1',
        [version, status, by],
      );
      return versionOf({ ...row, status, decided_by: by });
    });
  }

  async #log(action: string, version: number, from: number, to: number): Promise<void> {
    await this.#audit.record([
      { type: 'admin.action', details: { action, version, fromDays: from, toDays: to } },
    ]);
  }
}
