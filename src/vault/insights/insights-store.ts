// The insights' data module: one customer's transactions in the columnar layout, and their insight messages.
import { randomBytes } from 'node:crypto';
import { columnsOf, type CustomerColumns } from '../../insights/ledger.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import { currentBalance } from '../accounts/balance-store.ts';

export interface StoredInsightMessage {
  readonly publicId: string;
  readonly title: string;
  readonly body: string;
  readonly insights: unknown;
  readonly deliveredAt: Date;
  readonly openedAt: Date | undefined;
}

interface MessageRow {
  public_id: string;
  title: string;
  body: string;
  insights: unknown;
  delivered_at: Date;
  opened_at: Date | null;
}

/** The account whose balance is forecast: the oldest open current or student account the customer owns. */
export const mainAccount = `SELECT id FROM accounts
  WHERE customer_id = $1 AND closed_on IS NULL AND product_code IN ('current_account', 'student_account')
  ORDER BY opened_on NULLS LAST, id LIMIT 1`;

const messageColumns = 'public_id, title, body, insights, delivered_at, opened_at';

const toMessage = (row: MessageRow): StoredInsightMessage => ({
  publicId: row.public_id,
  title: row.title,
  body: row.body,
  insights: row.insights,
  deliveredAt: row.delivered_at,
  openedAt: row.opened_at ?? undefined,
});

/** Deletes every insight message of these customers: a withdrawal of `spending_insights` ends them, in its transaction. */
export async function forgetInsights(db: SqlExecutor, customerIds: readonly number[]): Promise<void> {
  if (customerIds.length > 0)
    await db.query('DELETE FROM insight_messages WHERE customer_id = ANY($1::bigint[])', [customerIds]);
}

export class InsightsStore {
  readonly #storage: Storage;

  constructor(storage: Storage) {
    this.#storage = storage;
  }

  /**
   * The customer's transactions up to `asOf` (YYYY-MM-DD), with their main account (the oldest open current or
   * student account they own) marked as the account whose balance is forecast.
   */
  async ledger(customerId: number, asOf: string): Promise<CustomerColumns> {
    const { rows } = await this.#storage.query<{
      day: string;
      amount_minor: number | string;
      direction: 'D' | 'C';
      category: string;
      merchant_name: string | null;
      main: boolean;
    }>(
      `WITH main AS (${mainAccount})
       SELECT t.booking_date::text AS day, t.amount_minor, t.direction, t.category, t.merchant_name,
              t.account_id = (SELECT id FROM main) AS main
         FROM owned_transactions t
        WHERE t.customer_id = $1 AND t.booking_date <= $2::date
        ORDER BY t.booking_date, t.id`,
      [customerId, asOf],
    );
    return columnsOf(
      rows.map((r) => ({
        day: Date.parse(`${r.day}T00:00:00Z`) / 86_400_000,
        amountMinor: Number(r.amount_minor),
        // The vault stores D and C (migration 1); the insight functions speak debit and credit.
        direction: r.direction === 'C' ? ('credit' as const) : ('debit' as const),
        category: r.category,
        merchant: r.merchant_name ?? undefined,
        onBalanceAccount: r.main === true,
      })),
    );
  }

  /**
   * The balance of the customer's main account at the end of `asOf`: its last booked balance (statement, import
   * or demo) plus what was booked on it since; undefined when the vault knows no balance for it.
   */
  async balance(
    customerId: number,
    asOf: string,
  ): Promise<{ currentMinor: number; overdraftLimitMinor?: number } | undefined> {
    const { rows } = await this.#storage.query<{ id: string | number }>(mainAccount, [customerId]);
    const id = rows[0]?.id;
    if (id === undefined) return undefined;
    const balance = await currentBalance(this.#storage, Number(id), asOf);
    if (balance === undefined) return undefined;
    return balance.overdraftLimitMinor === undefined
      ? { currentMinor: balance.currentMinor }
      : { currentMinor: balance.currentMinor, overdraftLimitMinor: balance.overdraftLimitMinor };
  }

  async lastDelivered(customerId: number): Promise<Date | undefined> {
    const { rows } = await this.#storage.query<{ at: Date | null }>(
      'SELECT max(delivered_at) AS at FROM insight_messages WHERE customer_id = $1',
      [customerId],
    );
    return rows[0]?.at ?? undefined;
  }

  async add(
    customerId: number,
    message: { readonly title: string; readonly body: string; readonly insights: unknown },
    at: Date,
  ): Promise<string> {
    const publicId = `ins_${randomBytes(16).toString('base64url')}`;
    await this.#storage.query(
      `INSERT INTO insight_messages (public_id, customer_id, insights, title, body, delivered_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6)`,
      [publicId, customerId, JSON.stringify(message.insights), message.title, message.body, at],
    );
    return publicId;
  }

  /** The customer's insight messages, newest first. */
  async list(customerId: number): Promise<StoredInsightMessage[]> {
    const { rows } = await this.#storage.query<MessageRow>(
      `SELECT ${messageColumns} FROM insight_messages WHERE customer_id = $1 ORDER BY delivered_at DESC, id DESC`,
      [customerId],
    );
    return rows.map(toMessage);
  }

  /** One of the customer's own insight messages, marked opened the first time. */
  async open(customerId: number, publicId: string, at: Date): Promise<StoredInsightMessage | undefined> {
    const { rows } = await this.#storage.query<MessageRow>(
      `UPDATE insight_messages SET opened_at = coalesce(opened_at, $3)
        WHERE customer_id = $1 AND public_id = $2 RETURNING ${messageColumns}`,
      [customerId, publicId, at],
    );
    return rows[0] === undefined ? undefined : toMessage(rows[0]);
  }

  async count(customerId: number): Promise<number> {
    const { rows } = await this.#storage.query<{ n: number | string }>(
      'SELECT count(*) AS n FROM insight_messages WHERE customer_id = $1',
      [customerId],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
