// Customers' console sessions, kept in the vault: they name an internal customer id, which never leaves it.
import type { SqlExecutor } from '../../storage/ports.ts';

export interface CustomerSession {
  readonly customerId: number;
  readonly csrfToken: string;
}

export class CustomerSessions {
  readonly #db: SqlExecutor;

  constructor(db: SqlExecutor) {
    this.#db = db;
  }

  async open(session: {
    tokenHash: Uint8Array;
    customerId: number;
    csrfToken: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.#db.query(
      'INSERT INTO customer_sessions (token_hash, customer_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)',
      [session.tokenHash, session.customerId, session.csrfToken, session.expiresAt],
    );
  }

  /** The customer and CSRF token of a session not expired at `now`, of a customer not erased. */
  async find(tokenHash: Uint8Array, now: Date): Promise<CustomerSession | undefined> {
    const { rows } = await this.#db.query<{ customer_id: number | bigint; csrf_token: string }>(
      `SELECT x.customer_id, x.csrf_token FROM customer_sessions x JOIN customers c ON c.id = x.customer_id
        WHERE x.token_hash = $1 AND x.expires_at > $2 AND c.status = 'active'`,
      [tokenHash, now],
    );
    const row = rows[0];
    return row === undefined ? undefined : { customerId: Number(row.customer_id), csrfToken: row.csrf_token };
  }

  async close(tokenHash: Uint8Array): Promise<void> {
    await this.#db.query('DELETE FROM customer_sessions WHERE token_hash = $1', [tokenHash]);
  }
}
