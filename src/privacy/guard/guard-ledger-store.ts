// The guard's ledger in the vault's database: every question, admission and release of a period, and its ε.
import type { SqlExecutor } from '../../storage/ports.ts';
import { Rational } from '../dp/rational.ts';
import type { GuardDecision } from './mechanism.ts';

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
  readonly audience?: Int32Array;
  /** For a repeat: the question whose answer (and audience) it reuses. */
  readonly repeats?: number;
}

/** ε spent in a period: by one asker, and by everyone. */
export interface Spent {
  readonly asker: Rational;
  readonly vault: Rational;
}

/** Holds the ledger until the transaction ends: one charge at a time across processes. */
export async function lockLedger(tx: SqlExecutor): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [ledgerLockKey]);
}

export async function spentInPeriod(db: SqlExecutor, asker: string, periodStart: Date): Promise<Spent> {
  const { rows } = await db.query<{ asker: string; epsilon: string }>(
    "SELECT asker, epsilon FROM questions WHERE period_start = $1 AND epsilon <> '0'",
    [periodStart],
  );
  let mine = Rational.zero;
  let all = Rational.zero;
  for (const row of rows) {
    const e = Rational.parse(row.epsilon);
    all = all.add(e);
    if (row.asker === asker) mine = mine.add(e);
  }
  return { asker: mine, vault: all };
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
                            epsilon, policy_version, engine, audience, repeats)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
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
      row.audience === undefined ? null : audienceBytes(row.audience),
      row.repeats ?? null,
    ],
  );
  return rows[0]!.id;
}

/**
 * The audiences of the asker's earlier questions in the period, in order. A repeat stores no audience of its
 * own (it would copy the original's, which can be megabytes): it counts with the original's, once per
 * asking, as if stored.
 */
export async function earlierAudiences(
  db: SqlExecutor,
  asker: string,
  periodStart: Date,
): Promise<Int32Array[]> {
  const { rows } = await db.query<{ audience: Uint8Array }>(
    `SELECT coalesce(q.audience, o.audience) AS audience FROM questions q
       LEFT JOIN questions o ON o.id = q.repeats AND q.audience IS NULL
      WHERE q.asker = $1 AND q.period_start = $2 AND coalesce(q.audience, o.audience) IS NOT NULL
      ORDER BY q.id`,
    [asker, periodStart],
  );
  return rows.map((r) => audienceFromBytes(r.audience));
}

/** The noised counts released in the period under these keys, by key. */
export async function storedReleases(
  db: SqlExecutor,
  purpose: string,
  planKeys: readonly string[],
  periodStart: Date,
): Promise<Map<string, number | null>> {
  const { rows } = await db.query<{ plan_key: string; noisy_count: number | null }>(
    `SELECT plan_key, noisy_count FROM questions
      WHERE purpose = $1 AND plan_key = ANY($2::text[]) AND period_start = $3 AND engine = 'release'`,
    [purpose, planKeys, periodStart],
  );
  return new Map(rows.map((r) => [r.plan_key, r.noisy_count]));
}

// Audiences are stored as the raw bytes of an Int32Array (little-endian on every platform Node supports).
function audienceBytes(ids: Int32Array): Uint8Array {
  return new Uint8Array(ids.buffer, ids.byteOffset, ids.byteLength);
}

function audienceFromBytes(bytes: Uint8Array): Int32Array {
  return new Int32Array(Uint8Array.from(bytes).buffer);
}
