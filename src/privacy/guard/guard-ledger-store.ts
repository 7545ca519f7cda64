// The guard's ledger in the vault's database: every question, admission and release of a period, and its ε.
import type { SqlExecutor } from '../../storage/ports.ts';
import { Rational } from '../dp/rational.ts';
import { AudienceBitset } from './audience-bitset.ts';
import type { GuardDecision } from './mechanism.ts';
import { questionSubject } from './privacy-guard.ts';

// An arbitrary constant: serialises the guard's charges across vault processes.
const ledgerLockKey = 727_004;

/** A question's earlier answer that a new asking may reuse. */
export interface ReusableAnswer {
  readonly id: number;
  readonly outcome: 'answered' | 'too_few' | 'differencing';
  readonly noisyCount: number | null;
}

/** Where answers are reused: the same question, for the same purpose, in the same period. */
export interface QuestionLookup {
  readonly asker: string;
  readonly purpose: string;
  readonly planKey: string;
  readonly periodStart: Date;
}

/** One row of the ledger. Admissions and releases are recorded under their label, with no audience. */
export interface LedgerRow {
  readonly asker: string;
  readonly purpose: string;
  /** A question's expression, or an admission's or release's label. */
  readonly expression: string;
  readonly planKey: string;
  readonly periodStart: Date;
  readonly outcome: GuardDecision['outcome'] | 'repeated';
  readonly noisyCount: number | null;
  readonly epsilon: Rational;
  readonly policyVersion: number;
  /** The engine that evaluated a question; 'admission' or 'release' otherwise. */
  readonly engine: string;
  /** A released audience (answered, admitted, a released count) and what it is about; see PeriodReleases. */
  readonly released?: { readonly subjects: readonly string[]; readonly audience: AudienceBitset };
  /** For a repeat: the question whose answer it reuses. */
  readonly repeats?: number;
}

/** ε spent in a period: by one asker, and by everyone; and what the asker was granted on request. */
export interface Spent {
  readonly asker: Rational;
  readonly vault: Rational;
  /** Unspent vault-wide ε moved to this asker by approvers (budget-requests.ts): it adds to their budget only. */
  readonly granted: Rational;
}

/** Holds the ledger until the transaction ends: one charge at a time across processes. */
export async function lockLedger(tx: SqlExecutor): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [ledgerLockKey]);
}

export async function spentInPeriod(db: SqlExecutor, asker: string, periodStart: Date): Promise<Spent> {
  const [{ rows }, grants] = await Promise.all([
    db.query<{ asker: string; epsilon: string }>(
      "SELECT asker, epsilon FROM questions WHERE period_start = $1 AND epsilon <> '0'",
      [periodStart],
    ),
    db.query<{ granted: string }>(
      "SELECT granted FROM budget_requests WHERE asker = $1 AND period_start = $2 AND status = 'granted'",
      [asker, periodStart],
    ),
  ]);
  const granted = grants.rows.reduce((sum, r) => sum.add(Rational.parse(r.granted)), Rational.zero);
  let mine = Rational.zero;
  let all = Rational.zero;
  for (const row of rows) {
    const e = Rational.parse(row.epsilon);
    all = all.add(e);
    if (row.asker === asker) mine = mine.add(e);
  }
  return { asker: mine, vault: all, granted };
}

/** Anyone's answer to the same question in the period is reused; a differencing refusal only for its asker. */
export async function reusableAnswer(
  db: SqlExecutor,
  lookup: QuestionLookup,
): Promise<ReusableAnswer | undefined> {
  const { rows } = await db.query<{
    id: number;
    outcome: ReusableAnswer['outcome'];
    noisy_count: number | null;
  }>(
    `SELECT id, outcome, noisy_count FROM questions
      WHERE purpose = $1 AND plan_key = $2 AND period_start = $3 AND outcome <> 'repeated'
        AND (outcome IN ('answered', 'too_few') OR (outcome = 'differencing' AND asker = $4))
      ORDER BY id LIMIT 1`,
    [lookup.purpose, lookup.planKey, lookup.periodStart, lookup.asker],
  );
  const row = rows[0];
  return row === undefined ? undefined : { id: row.id, outcome: row.outcome, noisyCount: row.noisy_count };
}

/** Records one decision of the guard; returns its id. */
export async function recordInLedger(tx: SqlExecutor, row: LedgerRow): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO questions (asker, purpose, expression, plan_key, period_start, outcome, noisy_count,
                            epsilon, policy_version, engine, subjects, audience_bits, repeats)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      row.asker,
      row.purpose,
      row.expression,
      row.planKey,
      row.periodStart,
      row.outcome,
      row.noisyCount,
      row.epsilon.toString(),
      row.policyVersion,
      row.engine,
      row.released === undefined ? null : [...row.released.subjects],
      row.released === undefined ? null : row.released.audience.bytes(),
      row.repeats ?? null,
    ],
  );
  return rows[0]!.id;
}

/** An audience released earlier in the period, with the subjects it was released under. */
export interface StoredRelease {
  readonly id: number;
  readonly subjects: readonly string[];
  readonly audience: AudienceBitset;
}

/**
 * The audiences released in the period (by anyone) recorded after ledger row `afterId`, in order. Rows from
 * before migration 15 hold an answered question's ids instead of a bitset, and its purpose and plan key as
 * its subject.
 */
export async function releasedAudiencesAfter(
  db: SqlExecutor,
  periodStart: Date,
  afterId: number,
): Promise<StoredRelease[]> {
  const { rows } = await db.query<{
    id: number | string;
    purpose: string;
    plan_key: string;
    subjects: string[] | null;
    audience_bits: Uint8Array | null;
    audience: Uint8Array | null;
  }>(
    `SELECT id, purpose, plan_key, subjects, audience_bits,
            CASE WHEN audience_bits IS NULL THEN audience END AS audience
       FROM questions
      WHERE period_start = $1 AND id > $2
        AND (audience_bits IS NOT NULL OR (audience IS NOT NULL AND outcome = 'answered'))
      ORDER BY id`,
    [periodStart, afterId],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    subjects: row.subjects ?? [questionSubject(row.purpose, row.plan_key)],
    audience:
      row.audience_bits !== null
        ? AudienceBitset.fromBytes(row.audience_bits)
        : AudienceBitset.fromIds(new Int32Array(Uint8Array.from(row.audience!).buffer)),
  }));
}

/** How many audiences the period holds up to ledger row `upToId`: to notice rows removed under a cache. */
export async function releasedAudienceCount(
  db: SqlExecutor,
  periodStart: Date,
  upToId: number,
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM questions
      WHERE period_start = $1 AND id <= $2
        AND (audience_bits IS NOT NULL OR (audience IS NOT NULL AND outcome = 'answered'))`,
    [periodStart, upToId],
  );
  return rows[0]!.n;
}

/** The noised counts released in the period under these keys, by key (a differencing refusal is not one). */
export async function storedReleases(
  db: SqlExecutor,
  purpose: string,
  planKeys: readonly string[],
  periodStart: Date,
): Promise<Map<string, number | null>> {
  const { rows } = await db.query<{ plan_key: string; noisy_count: number | null }>(
    `SELECT plan_key, noisy_count FROM questions
      WHERE purpose = $1 AND plan_key = ANY($2::text[]) AND period_start = $3 AND engine = 'release'
        AND outcome <> 'differencing'`,
    [purpose, planKeys, periodStart],
  );
  return new Map(rows.map((r) => [r.plan_key, r.noisy_count]));
}
