// The (ε, δ) ledger in the vault's database: the period's RDP spends, and the pure-ε charges they compose with.
import type { SqlExecutor } from '../../storage/ports.ts';
import { checkCurve, compose, zeroCurve, type RdpCurve } from '../accounting/rdp.ts';
import { Rational } from '../dp/rational.ts';

export interface SpendRow {
  readonly periodStart: Date;
  readonly asker: string;
  readonly purpose: string;
  readonly label: string;
  readonly mechanism: string;
  readonly rdp: RdpCurve;
}

/** The composed curve of every (ε, δ) spend of the period. */
export async function rdpSpentInPeriod(db: SqlExecutor, periodStart: Date): Promise<RdpCurve> {
  const { rows } = await db.query<{ rdp: number[] }>(
    'SELECT rdp FROM privacy_spends WHERE period_start = $1 ORDER BY id',
    [periodStart],
  );
  return rows.length === 0 ? zeroCurve : compose(...rows.map((r) => checkCurve(r.rdp, 'privacy_spends.rdp')));
}

/** Whether a spend under this label was already recorded in the period. */
export async function spendRecorded(db: SqlExecutor, periodStart: Date, label: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM privacy_spends WHERE period_start = $1 AND label = $2', [
    periodStart,
    label,
  ]);
  return rows.length > 0;
}

/** The ε of each pure-ε charge of the period (questions, admissions, releases), vault-wide. */
export async function pureChargesInPeriod(db: SqlExecutor, periodStart: Date): Promise<Rational[]> {
  const { rows } = await db.query<{ epsilon: string }>(
    "SELECT epsilon FROM questions WHERE period_start = $1 AND epsilon <> '0'",
    [periodStart],
  );
  return rows.map((r) => Rational.parse(r.epsilon));
}

export async function recordSpend(tx: SqlExecutor, row: SpendRow): Promise<number> {
  const { rows } = await tx.query<{ id: number | string }>(
    `INSERT INTO privacy_spends (period_start, asker, purpose, label, mechanism, rdp)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [row.periodStart, row.asker, row.purpose, row.label, row.mechanism, [...row.rdp]],
  );
  return Number(rows[0]!.id);
}
