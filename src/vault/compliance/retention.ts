// Retention: how long each kind of data is kept, and the job that deletes what is due. Counts only are logged.
import type { AuditSink } from '../../core/audit-event.ts';
import { retentionPeriod } from '../../contracts/retention.ts';
import { CurtainError } from '../../core/errors.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import type { RetentionChange, TransactionRetention } from './transaction-retention.ts';

/** One kind of data, its default period and the statement that removes what is older than the cutoff. */
interface RetentionRule {
  readonly kind: string;
  readonly description: string;
  readonly defaultDays: number;
  /** `$1` is the cutoff (timestamptz): rows older than it go. */
  readonly sql: string;
}

export const retentionRules = [
  {
    kind: 'memo_text',
    description: 'Raw memo text of transactions (the description field), already scrubbed at ingest',
    defaultDays: 90,
    sql: `UPDATE transactions SET description = NULL WHERE description IS NOT NULL AND booking_date < $1::date`,
  },
  {
    kind: 'transactions',
    description: 'Transactions, also those under legal hold after an erasure (record-keeping duty)',
    defaultDays: 2557,
    sql: `DELETE FROM transactions WHERE booking_date < $1::date`,
  },
  {
    kind: 'legal_holds',
    description: 'Legal holds of erased customers, once their records are past retention',
    defaultDays: 1,
    sql: `DELETE FROM legal_holds WHERE held_until < $1::date`,
  },
  {
    kind: 'inbox',
    description: 'Inbox messages and the responses to them (their leads go with them)',
    defaultDays: 365,
    sql: `DELETE FROM inbox_messages WHERE delivered_at < $1`,
  },
  {
    kind: 'insights',
    description: 'Insight messages in a customer’s own inbox (their spending insights as sent)',
    defaultDays: 365,
    sql: `DELETE FROM insight_messages WHERE delivered_at < $1`,
  },
  {
    kind: 'notices',
    description: 'Email, push and webhook notices sent or given up',
    defaultDays: 90,
    sql: `DELETE FROM outbound_notices WHERE state <> 'pending' AND coalesce(sent_at, not_before) < $1`,
  },
  {
    kind: 'leads',
    description: 'Leads that were withdrawn or taken up by an advisor',
    defaultDays: 180,
    sql: `DELETE FROM leads WHERE state <> 'open' AND coalesce(claimed_at, withdrawn_at, created_at) < $1`,
  },
  {
    kind: 'delivery_audiences',
    description: 'Frozen audiences of finished campaign runs',
    defaultDays: 90,
    sql: `DELETE FROM delivery_recipients r USING delivery_runs d
           WHERE r.campaign_id = d.campaign_id AND d.finished_at < $1`,
  },
  {
    kind: 'quarantine',
    description: 'Rejected ingest rows and their scrubbed excerpts',
    defaultDays: 90,
    sql: `DELETE FROM quarantine WHERE created_at < $1`,
  },
  {
    kind: 'subject_requests',
    description: 'Closed data subject requests (proof that they were answered)',
    defaultDays: 1095,
    sql: `DELETE FROM subject_requests WHERE status IN ('completed', 'rejected') AND closed_at < $1
            AND id NOT IN (SELECT request_id FROM processing_restrictions WHERE request_id IS NOT NULL)
            AND id NOT IN (SELECT request_id FROM legal_holds WHERE request_id IS NOT NULL)`,
  },
] as const satisfies readonly RetentionRule[];

export type RetentionKind = (typeof retentionRules)[number]['kind'];

export interface RetentionPolicy {
  readonly kind: RetentionKind;
  readonly description: string;
  readonly days: number;
  /** 'versioned': the one transaction retention policy (docs/compliance.md), changed by proposal and approval. */
  readonly source: 'default' | 'configured' | 'versioned';
}

export interface RetentionReport {
  readonly runId: number;
  readonly asOf: string;
  readonly removed: { readonly [K in RetentionKind]?: number };
  readonly policies: readonly RetentionPolicy[];
}

/**
 * Kinds whose rows exist because a delivery or a response selected customers: how many of them aged out is
 * a count of customers, so it stays in `retention_runs` and never leaves (issue 14, class 3). The other
 * kinds are rows an operator loaded (statements, rejected rows) or records of single requests.
 */
const customerSelectedKinds: readonly string[] = [
  'inbox',
  'insights',
  'notices',
  'leads',
  'delivery_audiences',
];

function loadedCounts<T extends { readonly [kind: string]: number | undefined }>(removed: T): T {
  return Object.fromEntries(
    Object.entries(removed).filter(([kind]) => !customerSelectedKinds.includes(kind)),
  ) as T;
}

const dayMs = 86_400_000;
/** A new run is due once the last one is this old: the scheduler asks every minute, runs once a day. */
const runInterval = dayMs - 60 * 60_000;

export class RetentionService {
  readonly #storage: Storage;
  readonly #audit: AuditSink;
  readonly #now: () => Date;
  /** The transactions kind follows the one versioned policy, not the table of other kinds. */
  readonly transactions: TransactionRetention;

  constructor(
    storage: Storage,
    audit: AuditSink,
    transactions: TransactionRetention,
    now: () => Date = () => new Date(),
  ) {
    this.#storage = storage;
    this.#audit = audit;
    this.transactions = transactions;
    this.#now = now;
  }

  async policies(db: SqlExecutor = this.#storage): Promise<RetentionPolicy[]> {
    const { rows } = await db.query<{ kind: string; days: number }>(
      'SELECT kind, days FROM retention_policies',
    );
    const configured = new Map(rows.map((r) => [r.kind, r.days]));
    const transactions = await this.transactions.active(db);
    return retentionRules.map((rule): RetentionPolicy => {
      if (rule.kind === 'transactions') {
        return {
          kind: rule.kind,
          description: rule.description,
          days: transactions.days,
          source: 'versioned',
        };
      }
      const days = configured.get(rule.kind);
      return {
        kind: rule.kind,
        description: rule.description,
        days: days ?? rule.defaultDays,
        source: days === undefined ? 'default' : 'configured',
      };
    });
  }

  /**
   * Changes the transaction retention: see `TransactionRetention.propose` (a shorter period needs a second person).
   */
  proposeTransactions(days: number, by: string, reason: string): Promise<RetentionChange> {
    return this.transactions.propose(days, by, reason);
  }

  /** Sets a kind's period (logged); `undefined` days returns it to the default. Not for transactions. */
  async configure(kind: string, days: number | undefined, by: string): Promise<RetentionPolicy> {
    if (kind === 'transactions') {
      throw new CurtainError(
        'USAGE',
        'the transaction retention is versioned: propose a change (curtain retention propose, ' +
          'POST /v1/compliance/retention/transactions); a shorter period needs a second person to approve it',
      );
    }
    const rule = retentionRules.find((r) => r.kind === kind);
    if (rule === undefined) {
      throw new CurtainError(
        'USAGE',
        `unknown kind of data ${kind}; one of ${retentionRules.map((r) => r.kind).join(', ')}`,
      );
    }
    if (days !== undefined && !retentionPeriod.shape.days.safeParse(days).success) {
      throw new CurtainError('USAGE', 'a retention period is a whole number of days, 1 to 36,500');
    }
    if (days === undefined) {
      await this.#storage.query('DELETE FROM retention_policies WHERE kind = $1', [kind]);
    } else {
      await this.#storage.query(
        `INSERT INTO retention_policies (kind, days, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (kind) DO UPDATE SET days = excluded.days, updated_by = excluded.updated_by, updated_at = now()`,
        [kind, days, by],
      );
    }
    await this.#audit.record([
      {
        type: 'admin.action',
        details: { action: 'retention.configured', kind, days: days ?? rule.defaultDays },
      },
    ]);
    return (await this.policies()).find((p) => p.kind === kind)!;
  }

  /** Deletes what every policy says is due on `asOf` (today by default), in one transaction, and logs the counts. */
  async run(asOf: Date = this.#now()): Promise<RetentionReport> {
    const startedAt = this.#now();
    const day = asOf.toISOString().slice(0, 10);
    const midnight = Date.parse(`${day}T00:00:00Z`);
    const { runId, removed, policies } = await this.#storage.transaction(async (tx) => {
      const policies = await this.policies(tx);
      const removed: Partial<Record<RetentionKind, number>> = {};
      for (const rule of retentionRules) {
        const policy = policies.find((p) => p.kind === rule.kind)!;
        const cutoff = new Date(midnight - policy.days * dayMs);
        removed[rule.kind] = (await tx.query(rule.sql, [cutoff])).affectedRows;
      }
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO retention_runs (started_at, finished_at, as_of, removed) VALUES ($1, $2, $3, $4) RETURNING id`,
        [startedAt, this.#now(), day, JSON.stringify(removed)],
      );
      return { runId: Number(rows[0]!.id), removed: loadedCounts(removed), policies };
    });
    await this.#audit.record([
      {
        type: 'retention.run',
        details: {
          run: runId,
          removed,
          periodsInDays: Object.fromEntries(policies.map((p) => [p.kind, p.days])),
        },
      },
    ]);
    return { runId, asOf: day, removed, policies };
  }

  /** Runs when the last run is about a day old or there was none: what the scheduler calls each minute. */
  async runIfDue(): Promise<RetentionReport | undefined> {
    const { rows } = await this.#storage.query<{ last: Date | null }>(
      'SELECT max(started_at) AS last FROM retention_runs',
    );
    const last = rows[0]?.last ?? null;
    if (last !== null && this.#now().getTime() - new Date(last).getTime() < runInterval) return undefined;
    return this.run();
  }

  async runs(
    limit = 30,
  ): Promise<{ id: number; startedAt: Date; asOf: string; removed: Record<string, number> }[]> {
    const { rows } = await this.#storage.query<{
      id: number;
      started_at: Date;
      as_of: string;
      removed: Record<string, number>;
    }>('SELECT id, started_at, as_of, removed FROM retention_runs ORDER BY id DESC LIMIT $1', [limit]);
    return rows.map((r) => ({
      id: Number(r.id),
      startedAt: r.started_at,
      asOf: r.as_of,
      removed: loadedCounts(r.removed),
    }));
  }
}
