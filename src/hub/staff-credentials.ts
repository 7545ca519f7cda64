// Staff credentials, kept by the hub that owns its staff: API keys and console sessions, as hashes only.
import { CurtainError } from '../core/errors.ts';
import type { HubStorage } from './hub-storage.ts';
import type { StaffRole } from './staff.ts';

export interface StaffMember {
  readonly handle: string;
  readonly roles: StaffRole[];
}

export interface StaffSession {
  readonly staff: StaffMember;
  readonly csrfToken: string;
}

/**
 * The tables of schema `access` that name staff, read and written under the hub's role: the hub holds its
 * staff and their credentials, and nothing of the vault (customer sessions are the vault's).
 */
export class StaffCredentials {
  readonly #hub: HubStorage;

  constructor(hub: HubStorage) {
    this.#hub = hub;
  }

  /** Stores a new key's hash for a member of staff; NOT_FOUND when the handle is not on the staff. */
  async addApiKey(key: { id: string; handle: string; keyHash: Uint8Array; label: string }): Promise<void> {
    await this.#hub.transaction(async (tx) => {
      const staff = await tx.query('SELECT 1 FROM hub.staff WHERE handle = $1', [key.handle]);
      if (staff.rows.length === 0) {
        throw new CurtainError('NOT_FOUND', `"${key.handle}" is not on the hub's staff`);
      }
      await tx.query('INSERT INTO access.api_keys (id, handle, key_hash, label) VALUES ($1, $2, $3, $4)', [
        key.id,
        key.handle,
        key.keyHash,
        key.label,
      ]);
    });
  }

  /** Whether a live key of that id was revoked now; the sessions opened with it end with it. */
  async revokeApiKey(id: string, at: Date): Promise<boolean> {
    return this.#hub.transaction(async (tx) => {
      const { rows } = await tx.query(
        'UPDATE access.api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
        [id, at],
      );
      await tx.query('DELETE FROM access.staff_sessions WHERE api_key_id = $1', [id]);
      return rows.length > 0;
    });
  }

  /** Ends every console session of a member of staff; returns how many. */
  async endSessionsOf(handle: string): Promise<number> {
    const { rows } = await this.#hub.query(
      'DELETE FROM access.staff_sessions WHERE handle = $1 RETURNING handle',
      [handle],
    );
    return rows.length;
  }

  /** Revokes every live key of a member of staff, ending the sessions opened with them; returns how many. */
  async revokeKeysOf(handle: string, at: Date): Promise<number> {
    return this.#hub.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        'UPDATE access.api_keys SET revoked_at = $2 WHERE handle = $1 AND revoked_at IS NULL RETURNING id',
        [handle, at],
      );
      await tx.query('DELETE FROM access.staff_sessions WHERE api_key_id = ANY($1::text[])', [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }

  /** The member of staff whose live key has this hash. */
  async staffByApiKey(keyHash: Uint8Array): Promise<StaffMember | undefined> {
    const { rows } = await this.#hub.query<StaffMember>(
      `SELECT s.handle, s.roles FROM access.api_keys k JOIN hub.staff s ON s.handle = k.handle
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND s.disabled_at IS NULL`,
      [keyHash],
    );
    return rows[0];
  }

  /** The member of staff who holds a live key of this hash, with the key's id. */
  async apiKeyOf(keyHash: Uint8Array): Promise<(StaffMember & { readonly keyId: string }) | undefined> {
    const { rows } = await this.#hub.query<StaffMember & { keyId: string }>(
      `SELECT s.handle, s.roles, k.id AS "keyId" FROM access.api_keys k JOIN hub.staff s ON s.handle = k.handle
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND s.disabled_at IS NULL`,
      [keyHash],
    );
    return rows[0];
  }

  /** A member of staff who is not disabled. */
  async activeMember(handle: string): Promise<StaffMember | undefined> {
    const { rows } = await this.#hub.query<StaffMember>(
      'SELECT handle, roles FROM hub.staff WHERE handle = $1 AND disabled_at IS NULL',
      [handle],
    );
    return rows[0];
  }

  /** `apiKeyId`: the key the session was opened with; revoking that key ends the session. */
  async openSession(session: {
    tokenHash: Uint8Array;
    handle: string;
    csrfToken: string;
    expiresAt: Date;
    apiKeyId?: string;
  }): Promise<void> {
    await this.#hub.query(
      `INSERT INTO access.staff_sessions (token_hash, handle, csrf_token, expires_at, api_key_id)
       VALUES ($1, $2, $3, $4, $5)`,
      [session.tokenHash, session.handle, session.csrfToken, session.expiresAt, session.apiKeyId ?? null],
    );
  }

  /** The member of staff and CSRF token of a session that has not expired at `now`. */
  async session(tokenHash: Uint8Array, now: Date): Promise<StaffSession | undefined> {
    const { rows } = await this.#hub.query<StaffMember & { csrf_token: string }>(
      `SELECT s.handle, s.roles, x.csrf_token FROM access.staff_sessions x JOIN hub.staff s ON s.handle = x.handle
        WHERE x.token_hash = $1 AND x.expires_at > $2 AND s.disabled_at IS NULL`,
      [tokenHash, now],
    );
    const row = rows[0];
    return row === undefined
      ? undefined
      : { staff: { handle: row.handle, roles: row.roles }, csrfToken: row.csrf_token };
  }

  async closeSession(tokenHash: Uint8Array): Promise<void> {
    await this.#hub.query('DELETE FROM access.staff_sessions WHERE token_hash = $1', [tokenHash]);
  }
}
