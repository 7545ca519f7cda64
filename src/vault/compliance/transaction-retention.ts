// The one retention policy: versioned in the database (configuration only seeds version 1), with two periods —
// transactions (read by question windows, ingest's refusals, legal holds, the daily retention job) and the
// anti-money-laundering years a former customer is kept after the relationship ended. Shortening either takes
// two people.
import type { AuditSink } from '../../core/audit-event.ts';
import {
  amlRetentionProposal,
  maxAmlYears,
  maxRetentionDays,
  minAmlYears,
  minRetentionDays,
  transactionRetentionProposal,
} from '../../contracts/retention.ts';
import { CurtainError } from '../../core/errors.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';

/** Which period a version changes: the transactions' days, or the AML years of former customers. */
export type RetentionSubject = 'transactions' | 'aml';

export interface TransactionRetentionVersion {
  readonly version: number;
  readonly days: number;
  /** Years a former customer is kept after the relationship ended, then erased with a receipt. */
  readonly amlYears: number;
  readonly subject: RetentionSubject;
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
  /** For a shorter AML period: the former customers past it, whom the next retention run erases. */
  readonly customersToErase?: number;
}

/** What configuration seeds the first version with (CURTAIN_TRANSACTION_RETENTION_DAYS, CURTAIN_AML_RETENTION_YEARS). */
export interface RetentionSeed {
  readonly days: number;
  readonly amlYears: number;
}

interface VersionRow {
  version: number;
  days: number;
  aml_years: number | null;
  subject: RetentionSubject;
  status: TransactionRetentionVersion['status'];
  reason: string;
  proposed_by: string;
  decided_by: string | null;
}

const columns = 'version, days, aml_years, subject, status, reason, proposed_by, decided_by';
const dayMs = 86_400_000;
export { maxAmlYears, maxRetentionDays, minAmlYears, minRetentionDays };

/** The day `years` before `day` (29 February → 28 February in a common year, as `setUTCFullYear` rolls). */
export function yearsBefore(day: string, years: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date.toISOString().slice(0, 10);
}

function versionOf(row: VersionRow): TransactionRetentionVersion {
  return {
    version: Number(row.version),
    days: Number(row.days),
    amlYears: Number(row.aml_years),
    subject: row.subject,
    status: row.status,
    reason: row.reason,
    proposedBy: row.proposed_by,
    decidedBy: row.decided_by,
  };
}

export class TransactionRetention {
  readonly #storage: Storage;
  readonly #audit: AuditSink;
  readonly #seed: RetentionSeed;
  readonly #now: () => Date;

  /** `seed`: the configured periods, used only when the database holds no policy (or no AML period) yet. */
  constructor(storage: Storage, audit: AuditSink, seed: RetentionSeed, now: () => Date = () => new Date()) {
    this.#storage = storage;
    this.#audit = audit;
    this.#seed = seed;
    this.#now = now;
  }

  /** The active version; the first call on a new database seeds it from the configuration. */
  async active(db: SqlExecutor = this.#storage): Promise<TransactionRetentionVersion> {
    const found = await db.query<VersionRow>(
      `SELECT ${columns} FROM transaction_retention WHERE status = 'active'`,
    );
    const row = found.rows[0];
    if (row !== undefined && row.aml_years !== null) return versionOf(row);
    if (row !== undefined) {
      // A policy from before the AML period was part of it: its versions take the configured years, once.
      await db.query('UPDATE transaction_retention SET aml_years = $1 WHERE aml_years IS NULL', [
        this.#seed.amlYears,
      ]);
      return versionOf({ ...row, aml_years: this.#seed.amlYears });
    }
    await db.query(
      `INSERT INTO transaction_retention (version, days, aml_years, status, reason, proposed_by, decided_by)
       SELECT coalesce(max(version), 0) + 1,
              coalesce((SELECT days FROM retention_policies WHERE kind = 'transactions'), $1), $2,
              'active', 'seeded from the configuration', 'configuration', 'configuration'
         FROM transaction_retention
       ON CONFLICT DO NOTHING`,
      [this.#seed.days, this.#seed.amlYears],
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

  /** The active AML period: years a former customer is kept after the relationship ended. */
  async amlYears(): Promise<number> {
    return (await this.active()).amlYears;
  }

  /** How many former customers an AML period of `years` has kept long enough, as of today: the next run erases them. */
  async customersPast(years: number, db: SqlExecutor = this.#storage): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::bigint AS n FROM customers WHERE status = 'left' AND left_on <= $1::date`,
      [yearsBefore(this.#now().toISOString().slice(0, 10), years)],
    );
    return Number(rows[0]!.n);
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
   * Changes the transaction period. A longer (or equal) one takes effect at once; a shorter one is proposed, with
   * the rows it would remove, and takes effect only when another person approves it. Logged (without the count).
   */
  async propose(days: number, by: string, reason: string): Promise<RetentionChange> {
    if (!transactionRetentionProposal.shape.days.safeParse(days).success) {
      throw new CurtainError(
        'USAGE',
        `the transaction retention is a whole number of days from ${minRetentionDays} to ${maxRetentionDays}`,
      );
    }
    return this.#change('transactions', days, by, reason);
  }

  /**
   * Changes the AML period of former customers, the same way: longer at once; shorter proposed, with how many
   * former customers the next retention run would erase, until another person approves it.
   */
  async proposeAmlYears(years: number, by: string, reason: string): Promise<RetentionChange> {
    if (!amlRetentionProposal.shape.years.safeParse(years).success) {
      throw new CurtainError(
        'USAGE',
        `the AML retention is a whole number of years from ${minAmlYears} to ${maxAmlYears}`,
      );
    }
    return this.#change('aml', years, by, reason);
  }

  async #change(
    subject: RetentionSubject,
    value: number,
    by: string,
    reason: string,
  ): Promise<RetentionChange> {
    const current = await this.active();
    const from = subject === 'aml' ? current.amlYears : current.days;
    const shorter = value < from;
    const version = await this.#storage.transaction(async (tx) => {
      const { rows } = await tx.query<{ next: number }>(
        'SELECT coalesce(max(version), 0) + 1 AS next FROM transaction_retention',
      );
      const next = Number(rows[0]!.next);
      if (!shorter)
        await tx.query(`UPDATE transaction_retention SET status = 'superseded' WHERE status = 'active'`);
      await tx.query(
        `INSERT INTO transaction_retention
           (version, days, aml_years, subject, status, reason, proposed_by, decided_by, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          next,
          subject === 'aml' ? current.days : value,
          subject === 'aml' ? value : current.amlYears,
          subject,
          shorter ? 'proposed' : 'active',
          reason,
          by,
          shorter ? null : by,
          shorter ? null : new Date(),
        ],
      );
      return next;
    });
    await this.#log(shorter ? 'proposed' : 'changed', subject, version, from, value);
    const change = (await this.versions()).find((v) => v.version === version)!;
    return shorter ? { version: change, ...(await this.#toGo(change)) } : { version: change };
  }

  /** What a version, once in effect, removes: transactions past its window or former customers past its years. */
  async #toGo(version: TransactionRetentionVersion): Promise<Omit<RetentionChange, 'version'>> {
    return version.subject === 'aml'
      ? { customersToErase: await this.customersPast(version.amlYears) }
      : { rowsToRemove: await this.rowsOutside(version.days) };
  }

  /** Approves a proposed shorter period; the approver must not be its proposer. Returns the rows it will remove. */
  async approve(version: number, by: string): Promise<RetentionChange> {
    const before = await this.active();
    const decided = await this.#decide(version, by, 'active');
    await this.#log('approved', decided.subject, version, ...this.#fromTo(before, decided));
    return { version: decided, ...(await this.#toGo(decided)) };
  }

  async reject(version: number, by: string): Promise<RetentionChange> {
    const before = await this.active();
    const decided = await this.#decide(version, by, 'rejected');
    await this.#log('rejected', decided.subject, version, ...this.#fromTo(before, decided));
    return { version: decided };
  }

  #fromTo(before: TransactionRetentionVersion, after: TransactionRetentionVersion): [number, number] {
    return after.subject === 'aml' ? [before.amlYears, after.amlYears] : [before.days, after.days];
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
      let decided: VersionRow = { ...row, status, decided_by: by };
      if (status === 'active') {
        // The other period stays as it is now, whatever it was when this version was proposed.
        const { rows: active } = await tx.query<VersionRow>(
          `UPDATE transaction_retention SET status = 'superseded' WHERE status = 'active' RETURNING ${columns}`,
        );
        const current = active[0];
        if (current !== undefined) {
          decided =
            row.subject === 'aml'
              ? { ...decided, days: current.days }
              : { ...decided, aml_years: current.aml_years };
        }
      }
      await tx.query(
        `UPDATE transaction_retention SET status = $2, decided_by = $3, decided_at = now(), days = $4,
                aml_years = $5 WHERE version = $1`,
        [version, status, by, decided.days, decided.aml_years],
      );
      return versionOf(decided);
    });
  }

  async #log(
    verb: 'proposed' | 'changed' | 'approved' | 'rejected',
    subject: RetentionSubject,
    version: number,
    from: number,
    to: number,
  ): Promise<void> {
    const details =
      subject === 'aml'
        ? { action: `aml_retention.${verb}`, version, fromYears: from, toYears: to }
        : { action: `transaction_retention.${verb}`, version, fromDays: from, toDays: to };
    await this.#audit.record([{ type: 'admin.action', details }]);
  }
}
