// Requests for more ε in the vault's database: who asked for how much in which period, and the decision.
import type { SqlExecutor } from '../../storage/ports.ts';
import { Rational } from '../dp/rational.ts';

export type BudgetRequestStatus = 'requested' | 'granted' | 'refused';

export interface BudgetRequest {
  readonly id: string;
  readonly asker: string;
  readonly periodStart: Date;
  readonly epsilon: Rational;
  readonly reason: string;
  readonly status: BudgetRequestStatus;
  readonly granted: Rational | null;
  readonly decidedBy: string | null;
  readonly decisionReason: string | null;
  readonly requestedAt: Date;
  readonly decidedAt: Date | null;
}

interface Row {
  id: string;
  asker: string;
  period_start: Date | string;
  epsilon: string;
  reason: string;
  status: BudgetRequestStatus;
  granted: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  requested_at: Date | string;
  decided_at: Date | string | null;
}

const columns = `id, asker, period_start, epsilon, reason, status, granted, decided_by, decision_reason,
  requested_at, decided_at`;

const fromRow = (r: Row): BudgetRequest => ({
  id: r.id,
  asker: r.asker,
  periodStart: new Date(r.period_start),
  epsilon: Rational.parse(r.epsilon),
  reason: r.reason,
  status: r.status,
  granted: r.granted === null ? null : Rational.parse(r.granted),
  decidedBy: r.decided_by,
  decisionReason: r.decision_reason,
  requestedAt: new Date(r.requested_at),
  decidedAt: r.decided_at === null ? null : new Date(r.decided_at),
});

/** The index that keeps one open request per person and period (migration 29). */
export const oneOpenBudgetRequest = 'budget_requests_one_open';

/** Inserts a request; fails with a unique violation of `oneOpenBudgetRequest` when the asker has one open. */
export async function insertBudgetRequest(tx: SqlExecutor, request: BudgetRequest): Promise<void> {
  await tx.query(
    `INSERT INTO budget_requests (id, asker, period_start, epsilon, reason, status, requested_at)
     VALUES ($1, $2, $3, $4, $5, 'requested', $6)`,
    [
      request.id,
      request.asker,
      request.periodStart,
      request.epsilon.toString(),
      request.reason,
      request.requestedAt,
    ],
  );
}

export async function budgetRequestsOf(
  db: SqlExecutor,
  filter: { readonly asker?: string; readonly status?: BudgetRequestStatus },
): Promise<BudgetRequest[]> {
  const { rows } = await db.query<Row>(
    `SELECT ${columns} FROM budget_requests
      WHERE ($1::text IS NULL OR asker = $1) AND ($2::text IS NULL OR status = $2)
      ORDER BY requested_at DESC, id LIMIT 500`,
    [filter.asker ?? null, filter.status ?? null],
  );
  return rows.map(fromRow);
}

export async function budgetRequestForUpdate(
  tx: SqlExecutor,
  id: string,
): Promise<BudgetRequest | undefined> {
  const { rows } = await tx.query<Row>(`SELECT ${columns} FROM budget_requests WHERE id = $1 FOR UPDATE`, [
    id,
  ]);
  return rows[0] === undefined ? undefined : fromRow(rows[0]);
}

export async function recordDecision(
  tx: SqlExecutor,
  decision: {
    readonly id: string;
    readonly status: 'granted' | 'refused';
    readonly granted: Rational | null;
    readonly by: string;
    readonly reason: string;
    readonly at: Date;
  },
): Promise<void> {
  await tx.query(
    `UPDATE budget_requests SET status = $2, granted = $3, decided_by = $4, decision_reason = $5, decided_at = $6
      WHERE id = $1`,
    [
      decision.id,
      decision.status,
      decision.granted?.toString() ?? null,
      decision.by,
      decision.reason,
      decision.at,
    ],
  );
}

/** ε each asker spent in the period, and what each was granted: to find the grants not spent yet. */
export async function spendAndGrantsInPeriod(
  db: SqlExecutor,
  periodStart: Date,
): Promise<{ spent: Map<string, Rational>; granted: Map<string, Rational> }> {
  const [spends, grants] = await Promise.all([
    db.query<{ asker: string; epsilon: string }>(
      "SELECT asker, epsilon FROM questions WHERE period_start = $1 AND epsilon <> '0'",
      [periodStart],
    ),
    db.query<{ asker: string; granted: string }>(
      "SELECT asker, granted FROM budget_requests WHERE period_start = $1 AND status = 'granted'",
      [periodStart],
    ),
  ]);
  const sum = (into: Map<string, Rational>, asker: string, e: string) =>
    into.set(asker, (into.get(asker) ?? Rational.zero).add(Rational.parse(e)));
  const spent = new Map<string, Rational>();
  const granted = new Map<string, Rational>();
  for (const r of spends.rows) sum(spent, r.asker, r.epsilon);
  for (const r of grants.rows) sum(granted, r.asker, r.granted);
  return { spent, granted };
}
