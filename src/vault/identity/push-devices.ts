// Push devices: a customer registers the bank app's device token, kept encrypted with the rest of their PII.
import { deviceToken } from '../../contracts/customer.ts';
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import type { CustomerPii } from '../../core/identity.ts';
import { CurtainError } from '../../core/errors.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import type { IdentityStore } from './identity-store.ts';

/**
 * The customer's push device. The token is personal data: sealed under the customer's own key like their
 * email, so erasure shreds it, and the log records only that it changed.
 */
export class PushDevices {
  readonly #storage: Storage;
  readonly #identity: IdentityStore;
  readonly #audit: TransactionalAuditSink<SqlExecutor>;

  constructor(storage: Storage, identity: IdentityStore, audit: TransactionalAuditSink<SqlExecutor>) {
    this.#storage = storage;
    this.#identity = identity;
    this.#audit = audit;
  }

  /** Registers the device that gets push notices, replacing any other; `undefined` removes it. */
  async set(customerId: number, token: string | undefined): Promise<'registered' | 'removed' | 'unchanged'> {
    let endpoint: string | undefined;
    if (token !== undefined) {
      const parsed = deviceToken.safeParse(token);
      if (!parsed.success) {
        throw new CurtainError('USAGE', `device token: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      }
      endpoint = parsed.data;
    }
    const pii: { -readonly [K in keyof CustomerPii]: CustomerPii[K] } =
      await this.#identity.readPii(customerId);
    if (endpoint === undefined) delete pii.pushEndpoint;
    else pii.pushEndpoint = endpoint;
    const update = await this.#identity.preparePiiUpdate(customerId, pii);
    if (update.changed.length === 0) return 'unchanged';
    const subjectRef = (await this.#identity.auditSubjects([customerId])).get(customerId);
    if (subjectRef === undefined) throw new CurtainError('CUSTOMER_ERASED', 'the customer was erased');
    const outcome = endpoint === undefined ? 'removed' : 'registered';
    await this.#storage.transaction(async (tx) => {
      await update.write(tx);
      await this.#audit.enqueue(tx, [
        { type: 'preference.changed', subjectRef, details: { change: `push_device_${outcome}` } },
      ]);
    });
    await this.#audit.flush();
    return outcome;
  }
}
