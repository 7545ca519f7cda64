// Credentials: staff API keys and console sessions (the hub's), customer sessions (the vault's); only hashes kept.
import { createHash, randomBytes } from 'node:crypto';
import { StaffCredentials } from '../../hub/staff-credentials.ts';
import { HubStorage } from '../../hub/hub-storage.ts';
import type { Storage } from '../../storage/ports.ts';
import { CustomerSessions } from '../../vault/identity/customer-sessions.ts';
import type { StaffRole } from '../../hub/staff.ts';
import type { Principal, Via } from './roles.ts';

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

// Session tokens say whose they are, so a lookup asks one keeper only: the hub (staff) or the vault (customers).
const staffPrefix = 's.';
const customerPrefix = 'c.';

/** Issues and checks credentials; the hub's staff credentials and the vault's customer sessions keep them. */
export class AccessStore {
  readonly #staff: StaffCredentials;
  readonly #customers: CustomerSessions;
  readonly #now: () => Date;

  /** `storage`: the database holding schema hub (staff) and, when a vault is served, its customers. */
  constructor(storage: Storage, now: () => Date = () => new Date()) {
    this.#staff = new StaffCredentials(new HubStorage(storage));
    this.#customers = new CustomerSessions(storage);
    this.#now = now;
  }

  /** A new API key for a staff member: shown once, stored as its SHA-256. */
  async createApiKey(handle: string, label = ''): Promise<{ readonly id: string; readonly key: string }> {
    const id = randomBytes(8).toString('hex');
    const key = `curtain_${id}_${token(32)}`;
    await this.#staff.addApiKey({ id, handle, keyHash: sha256(key), label });
    return { id, key };
  }

  revokeApiKey(id: string): Promise<boolean> {
    return this.#staff.revokeApiKey(id, this.#now());
  }

  /** Revokes every key of a staff member; returns how many. */
  revokeKeysOf(handle: string): Promise<number> {
    return this.#staff.revokeKeysOf(handle, this.#now());
  }

  async staffByApiKey(key: string): Promise<Principal | undefined> {
    const staff = await this.#staff.staffByApiKey(sha256(key));
    return staff === undefined ? undefined : { kind: 'staff', ...staff, via: 'api-key' };
  }

  /** The staff member holding a live key, and the key's id (a session opened with it ends with it). */
  apiKeyHolder(key: string): Promise<{ handle: string; roles: StaffRole[]; keyId: string } | undefined> {
    return this.#staff.apiKeyOf(sha256(key));
  }

  /** A member of staff who is not disabled, as a principal acting through `via`. */
  async activeStaff(handle: string, via: Via): Promise<Principal | undefined> {
    const staff = await this.#staff.activeMember(handle);
    return staff === undefined ? undefined : { kind: 'staff', ...staff, via };
  }

  /** `apiKeyId`: the key the member signed in with; revoking it ends this session. */
  async openStaffSession(handle: string, apiKeyId?: string): Promise<OpenedSession> {
    const opened = this.#newSession(staffPrefix);
    await this.#staff.openSession({
      ...opened.stored,
      handle,
      ...(apiKeyId === undefined ? {} : { apiKeyId }),
    });
    return opened.session;
  }

  /** Ends every console session of a member of staff (disabled, or a role removed); returns how many. */
  endSessionsOf(handle: string): Promise<number> {
    return this.#staff.endSessionsOf(handle);
  }

  async openCustomerSession(customerId: number): Promise<OpenedSession> {
    const opened = this.#newSession(customerPrefix);
    await this.#customers.open({ ...opened.stored, customerId });
    return opened.session;
  }

  async session(cookie: string): Promise<SessionLookup | undefined> {
    if (cookie.startsWith(staffPrefix)) {
      const found = await this.#staff.session(sha256(cookie), this.#now());
      if (found === undefined) return undefined;
      return { principal: { kind: 'staff', ...found.staff, via: 'session' }, csrfToken: found.csrfToken };
    }
    if (cookie.startsWith(customerPrefix)) {
      const found = await this.#customers.find(sha256(cookie), this.#now());
      if (found === undefined) return undefined;
      return {
        principal: { kind: 'customer', customerId: found.customerId, via: 'session' },
        csrfToken: found.csrfToken,
      };
    }
    return undefined;
  }

  async closeSession(cookie: string): Promise<void> {
    if (cookie.startsWith(staffPrefix)) await this.#staff.closeSession(sha256(cookie));
    else if (cookie.startsWith(customerPrefix)) await this.#customers.close(sha256(cookie));
  }

  #newSession(prefix: string) {
    const cookie = `${prefix}${token(32)}`;
    const csrfToken = token(24);
    const expiresAt = new Date(this.#now().getTime() + sessionHours * 3_600_000);
    return {
      session: { token: cookie, csrfToken, expiresAt },
      stored: { tokenHash: sha256(cookie), csrfToken, expiresAt },
    };
  }
}
