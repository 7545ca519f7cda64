// Credentials: staff API keys and console sessions (schema hub), customer sessions (vault); only hashes are kept.
import { createHash, randomBytes } from 'node:crypto';
import { CurtainError } from '../../core/errors.ts';
import type { StaffRole } from '../../hub/staff.ts';
import type { Storage } from '../../storage/ports.ts';
import type { Principal } from './roles.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest();
const token = (bytes: number) => randomBytes(bytes).toString('base64url');

/** How long a console session lasts before signing in again. */
export const sessionHours = 8;

export interface OpenedSession {
  /** The cookie's value; the database keeps only its hash. */
  readonly token: string;
  /** Sent back in `x-csrf-token` on every state-changing request of this session. */
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface SessionLookup {
  readonly principal: Principal;
  readonly csrfToken: string;
}

// Session tokens say which table they belong to, so a lookup reads one table only.
const staffPrefix = 's.';
const customerPrefix = 'c.';

export class AccessStore {
  readonly #storage: Storage;
  readonly #now: () => Date;

  constructor(storage: Storage, now: () => Date = () => new Date()) {
    this.#storage = storage;
    this.#now = now;
  }

  /** A new API key for a staff member: shown once, stored as its SHA-256. */
  async createApiKey(handle: string, label = ''): Promise<{ readonly id: string; readonly key: string }> {
    const staff = await this.#storage.query('SELECT 1 FROM hub.staff WHERE handle = $1', [handle]);
    if (staff.rows.length === 0) throw new CurtainError('NOT_FOUND', `"${handle}" is not on the hub's staff`);
    const id = randomBytes(8).toString('hex');
    const key = `curtain_${id}_${token(32)}`;
    await this.#storage.query(
      'INSERT INTO access.api_keys (id, handle, key_hash, label) VALUES ($1, $2, $3, $4)',
      [id, handle, sha256(key), label],
    );
    return { id, key };
  }

  async revokeApiKey(id: string): Promise<boolean> {
    const { rows } = await this.#storage.query(
      'UPDATE access.api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
      [id, this.#now()],
    );
    return rows.length > 0;
  }

  /** Revokes every key of a staff member; returns how many. */
  async revokeKeysOf(handle: string): Promise<number> {
    const { rows } = await this.#storage.query(
      'UPDATE access.api_keys SET revoked_at = $2 WHERE handle = $1 AND revoked_at IS NULL RETURNING id',
      [handle, this.#now()],
    );
    return rows.length;
  }

  async staffByApiKey(key: string): Promise<Principal | undefined> {
    const { rows } = await this.#storage.query<{ handle: string; roles: StaffRole[] }>(
      `SELECT s.handle, s.roles FROM access.api_keys k JOIN hub.staff s ON s.handle = k.handle
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
      [sha256(key)],
    );
    const row = rows[0];
    return row === undefined
      ? undefined
      : { kind: 'staff', handle: row.handle, roles: row.roles, via: 'api-key' };
  }

  async openStaffSession(handle: string): Promise<OpenedSession> {
    return this.#open(staffPrefix, 'access.staff_sessions', 'handle', handle);
  }

  async openCustomerSession(customerId: number): Promise<OpenedSession> {
    return this.#open(customerPrefix, 'customer_sessions', 'customer_id', customerId);
  }

  async session(cookie: string): Promise<SessionLookup | undefined> {
    const now = this.#now();
    if (cookie.startsWith(staffPrefix)) {
      const { rows } = await this.#storage.query<{ handle: string; roles: StaffRole[]; csrf_token: string }>(
        `SELECT s.handle, s.roles, x.csrf_token FROM access.staff_sessions x JOIN hub.staff s ON s.handle = x.handle
          WHERE x.token_hash = $1 AND x.expires_at > $2`,
        [sha256(cookie), now],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      return {
        principal: { kind: 'staff', handle: row.handle, roles: row.roles, via: 'session' },
        csrfToken: row.csrf_token,
      };
    }
    if (cookie.startsWith(customerPrefix)) {
      const { rows } = await this.#storage.query<{ customer_id: number | bigint; csrf_token: string }>(
        `SELECT x.customer_id, x.csrf_token FROM customer_sessions x JOIN customers c ON c.id = x.customer_id
          WHERE x.token_hash = $1 AND x.expires_at > $2 AND c.status = 'active'`,
        [sha256(cookie), now],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      return {
        principal: { kind: 'customer', customerId: Number(row.customer_id), via: 'session' },
        csrfToken: row.csrf_token,
      };
    }
    return undefined;
  }

  async closeSession(cookie: string): Promise<void> {
    const table = cookie.startsWith(staffPrefix)
      ? 'access.staff_sessions'
      : cookie.startsWith(customerPrefix)
        ? 'customer_sessions'
        : undefined;
    if (table !== undefined)
      await this.#storage.query(`DELETE FROM ${table} WHERE token_hash = $1`, [sha256(cookie)]);
  }

  async #open(prefix: string, table: string, column: string, owner: string | number): Promise<OpenedSession> {
    const cookie = `${prefix}${token(32)}`;
    const csrfToken = token(24);
    const expiresAt = new Date(this.#now().getTime() + sessionHours * 3_600_000);
    await this.#storage.query(
      `INSERT INTO ${table} (token_hash, ${column}, csrf_token, expires_at) VALUES ($1, $2, $3, $4)`,
      [sha256(cookie), owner, csrfToken, expiresAt],
    );
    return { token: cookie, csrfToken, expiresAt };
  }
}
