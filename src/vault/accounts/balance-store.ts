// Account balances' data module: each account's latest booked balance (with its day) and its overdraft limit.
import type { SqlExecutor } from '../../storage/ports.ts';

export interface BookedBalance {
  readonly accountId: number;
  /** Signed minor units at the end of `asOf`. */
  readonly amountMinor: number;
  /** YYYY-MM-DD. */
  readonly asOf: string;
  readonly overdraftLimitMinor?: number;
}

/**
 * Records booked balances; an older balance never replaces a newer one, and a balance without a limit keeps the
 * limit already known.
 */
export async function recordBalances(db: SqlExecutor, balances: readonly BookedBalance[]): Promise<void> {
  if (balances.length === 0) return;
  await db.query(
    `INSERT INTO account_balances AS b (account_id, balance_minor, as_of, overdraft_limit_minor)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::date[], $4::bigint[])
     ON CONFLICT (account_id) DO UPDATE SET
       balance_minor = CASE WHEN b.as_of IS NULL OR excluded.as_of >= b.as_of
                            THEN excluded.balance_minor ELSE b.balance_minor END,
       as_of = CASE WHEN b.as_of IS NULL OR excluded.as_of >= b.as_of THEN excluded.as_of ELSE b.as_of END,
       overdraft_limit_minor = coalesce(excluded.overdraft_limit_minor, b.overdraft_limit_minor),
       updated_at = now()`,
    [
      balances.map((b) => b.accountId),
      balances.map((b) => b.amountMinor),
      balances.map((b) => b.asOf),
      balances.map((b) => b.overdraftLimitMinor ?? null),
    ],
  );
}

/** Sets accounts' overdraft limits (from the accounts import), leaving their balances as they are. */
export async function recordOverdraftLimits(
  db: SqlExecutor,
  limits: readonly { readonly accountId: number; readonly overdraftLimitMinor: number }[],
): Promise<void> {
  if (limits.length === 0) return;
  await db.query(
    `INSERT INTO account_balances (account_id, overdraft_limit_minor)
     SELECT * FROM unnest($1::bigint[], $2::bigint[])
     ON CONFLICT (account_id) DO UPDATE SET overdraft_limit_minor = excluded.overdraft_limit_minor, updated_at = now()`,
    [limits.map((l) => l.accountId), limits.map((l) => l.overdraftLimitMinor)],
  );
}

/**
 * An account's balance now: its latest booked balance plus the transactions booked after that day (up to
 * `until`, YYYY-MM-DD), or undefined when no balance is known.
 */
export async function currentBalance(
  db: SqlExecutor,
  accountId: number,
  until: string,
): Promise<{ currentMinor: number; overdraftLimitMinor?: number; asOf: string } | undefined> {
  const { rows } = await db.query<{
    balance_minor: string | number;
    as_of: string;
    overdraft_limit_minor: string | number | null;
    since: string | number | null;
  }>(
    `SELECT b.balance_minor, b.as_of::text AS as_of, b.overdraft_limit_minor,
            (SELECT sum(CASE WHEN t.direction = 'C' THEN t.amount_minor ELSE -t.amount_minor END)
               FROM transactions t
              WHERE t.account_id = b.account_id AND t.booking_date > b.as_of AND t.booking_date <= $2::date) AS since
       FROM account_balances b
      WHERE b.account_id = $1 AND b.balance_minor IS NOT NULL`,
    [accountId, until],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const current = Number(row.balance_minor) + Number(row.since ?? 0);
  return row.overdraft_limit_minor === null
    ? { currentMinor: current, asOf: row.as_of }
    : { currentMinor: current, overdraftLimitMinor: Number(row.overdraft_limit_minor), asOf: row.as_of };
}
