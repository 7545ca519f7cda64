// The identity store: PII encrypted per customer under a wrapped data key, found through blind indexes.
import { createHmac, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { CustomerPii } from '../../core/identity.ts';
import { CurtainError } from '../../core/errors.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import { copyRow } from '../../storage/postgres-core/copy-text.ts';
import { keyedDigest, normalise } from '../../privacy/keyed-digest.ts';
import { open, seal } from '../../keys/aead.ts';
import type { KeyProvider } from '../../keys/key-provider.ts';
import type { TransactionalAuditSink } from '../../core/audit-event.ts';

export interface NewCustomer {
  readonly externalId: string;
  readonly pii: CustomerPii;
}

type LookupKind = 'external_id' | 'email';

const piiContext = (customerId: number) => `pii:${customerId}`;

export interface RotationReport {
  readonly newKekId: string;
  readonly rewrapped: number;
  /** KEKs now retired: they only unwrap, for backups taken before this rotation. */
  readonly retired: readonly string[];
}

export class IdentityStore {
  readonly #storage: Storage;
  readonly #keys: KeyProvider;

  readonly #audit: TransactionalAuditSink<SqlExecutor> | undefined;

  /** `audit` receives erasures and key rotations; without it (tests of this store alone) nothing is logged. */
  constructor(storage: Storage, keys: KeyProvider, audit?: TransactionalAuditSink<SqlExecutor>) {
    this.#storage = storage;
    this.#keys = keys;
    this.#audit = audit;
  }

  lookupDigest(kind: LookupKind, value: string): Buffer {
    const normalised = kind === 'email' ? normalise.email(value) : normalise.externalId(value);
    return keyedDigest(this.#keys.secret('blind-index'), `customer:${kind}`, normalised);
  }

  /** Creates customers in bulk (one round trip per table); returns their internal ids in order. */
  async createCustomers(
    customers: readonly NewCustomer[],
    tx: SqlExecutor = this.#storage,
  ): Promise<number[]> {
    if (customers.length === 0) return [];
    const inserted = await tx.query<{ id: number }>(
      'INSERT INTO customers (status) SELECT $1 FROM generate_series(1, $2::int) ORDER BY 1 RETURNING id',
      ['active', customers.length],
    );
    const ids = inserted.rows.map((r) => r.id).sort((a, b) => a - b);
    const keyRows: string[] = [];
    const identityRows: string[] = [];
    const lookupRows: string[] = [];
    for (const [i, customer] of customers.entries()) {
      const id = ids[i]!;
      const keyId = randomUUID();
      const dataKey = randomBytes(32);
      const wrapped = await this.#keys.wrap(dataKey, keyId);
      keyRows.push(copyRow([id, keyId, wrapped.kekId, wrapped.blob]));
      const plaintext = Buffer.from(JSON.stringify(customer.pii), 'utf8');
      identityRows.push(copyRow([id, seal(dataKey, plaintext, piiContext(id))]));
      lookupRows.push(copyRow(['external_id', this.lookupDigest('external_id', customer.externalId), id]));
      // Customers imported without an email address have no email lookup (an empty one would collide).
      if (customer.pii.email !== '') {
        lookupRows.push(copyRow(['email', this.lookupDigest('email', customer.pii.email), id]));
      }
    }
    await tx.copyFrom('customer_keys', ['customer_id', 'key_id', 'kek_id', 'wrapped_key'], keyRows);
    await tx.copyFrom('customer_identity', ['customer_id', 'ciphertext'], identityRows);
    await tx.copyFrom('customer_lookup', ['kind', 'digest', 'customer_id'], lookupRows);
    return ids;
  }

  /** Customers ever created, erased ones too (an erased customer keeps an emptied row). */
  async customerCount(): Promise<number> {
    const { rows } = await this.#storage.query<{ n: number }>('SELECT count(*)::int AS n FROM customers');
    return rows[0]!.n;
  }

  async findCustomer(kind: LookupKind, value: string): Promise<number | undefined> {
    const result = await this.#storage.query<{ customer_id: number }>(
      'SELECT customer_id FROM customer_lookup WHERE kind = $1 AND digest = $2',
      [kind, this.lookupDigest(kind, value)],
    );
    return result.rows[0]?.customer_id;
  }

  /** Decrypts one customer's PII: for the customer themself, an advisor with consent, or delivery. */
  async readPii(customerId: number): Promise<CustomerPii> {
    const result = await this.#storage.query<{
      status: string;
      key_id: string | null;
      kek_id: string | null;
      wrapped_key: Uint8Array | null;
      ciphertext: Uint8Array | null;
    }>(
      `SELECT c.status, k.key_id, k.kek_id, k.wrapped_key, i.ciphertext
         FROM customers c
         LEFT JOIN customer_keys k ON k.customer_id = c.id
         LEFT JOIN customer_identity i ON i.customer_id = c.id
        WHERE c.id = $1`,
      [customerId],
    );
    const row = result.rows[0];
    if (!row) throw new CurtainError('CUSTOMER_NOT_FOUND', 'no such customer');
    if (row.status === 'erased' || !row.key_id || !row.kek_id || !row.wrapped_key || !row.ciphertext) {
      throw new CurtainError('CUSTOMER_ERASED', 'the customer was erased');
    }
    const dataKey = await this.#keys.unwrap({ kekId: row.kek_id, blob: row.wrapped_key }, row.key_id);
    return JSON.parse(open(dataKey, row.ciphertext, piiContext(customerId)).toString('utf8')) as CustomerPii;
  }

  /** Decrypts the PII of many customers in one query (delivery's addresses); erased ones are absent. */
  async readPiiMany(customerIds: readonly number[]): Promise<Map<number, CustomerPii>> {
    const { rows } = await this.#storage.query<{
      customer_id: number;
      key_id: string;
      kek_id: string;
      wrapped_key: Uint8Array;
      ciphertext: Uint8Array;
    }>(
      `SELECT c.id AS customer_id, k.key_id, k.kek_id, k.wrapped_key, i.ciphertext
         FROM customers c
         JOIN customer_keys k ON k.customer_id = c.id
         JOIN customer_identity i ON i.customer_id = c.id
        WHERE c.id = ANY($1::bigint[]) AND c.status = 'active'`,
      [customerIds],
    );
    const shredded = this.#keys.shreddedKeyIds();
    const pii = new Map<number, CustomerPii>();
    for (const row of rows) {
      if (shredded.has(row.key_id)) continue;
      const id = Number(row.customer_id);
      const dataKey = await this.#keys.unwrap({ kekId: row.kek_id, blob: row.wrapped_key }, row.key_id);
      pii.set(id, JSON.parse(open(dataKey, row.ciphertext, piiContext(id)).toString('utf8')) as CustomerPii);
    }
    return pii;
  }

  /**
   * Prepares a replacement of a customer's PII (rectification): sealed again under the same data key, the
   * email's blind index moved with it. Reads now; `write` runs in the caller's transaction. `changed` names
   * the fields that differ, never their values.
   */
  async preparePiiUpdate(
    customerId: number,
    pii: CustomerPii,
  ): Promise<{ readonly changed: string[]; write(tx: SqlExecutor): Promise<void> }> {
    const before = await this.readPii(customerId);
    const dataKey = (await this.#dataKeys([customerId])).get(customerId);
    if (!dataKey) throw new CurtainError('CUSTOMER_ERASED', 'the customer was erased');
    const fields = new Set([...Object.keys(pii), ...Object.keys(before)]) as Set<keyof CustomerPii>;
    const changed = [...fields].filter(
      (field) => JSON.stringify(pii[field]) !== JSON.stringify(before[field]),
    );
    const ciphertext = seal(dataKey, Buffer.from(JSON.stringify(pii), 'utf8'), piiContext(customerId));
    const emailDigest = this.lookupDigest('email', pii.email);
    return {
      changed,
      async write(tx) {
        if (changed.length === 0) return;
        await tx.query(
          'UPDATE customer_identity SET ciphertext = $2, updated_at = now() WHERE customer_id = $1',
          [customerId, ciphertext],
        );
        if (changed.includes('email')) {
          await tx.query(`UPDATE customer_lookup SET digest = $2 WHERE customer_id = $1 AND kind = 'email'`, [
            customerId,
            emailDigest,
          ]);
        }
      },
    };
  }

  /**
   * Seals other personal data of one customer (an advisor's note) under their data key, so erasure shreds it
   * too; `context` binds the ciphertext to where it is stored. Throws CUSTOMER_ERASED when the key is gone.
   */
  async sealFor(customerId: number, plaintext: string, context: string): Promise<Buffer> {
    const dataKey = (await this.#dataKeys([customerId])).get(customerId);
    if (!dataKey) throw new CurtainError('CUSTOMER_ERASED', 'the customer was erased');
    return seal(dataKey, Buffer.from(plaintext, 'utf8'), `${context}:${customerId}`);
  }

  /** Opens what `sealFor` sealed; throws CUSTOMER_ERASED once the customer's key was shredded. */
  async openFor(customerId: number, sealed: Uint8Array, context: string): Promise<string> {
    const dataKey = (await this.#dataKeys([customerId])).get(customerId);
    if (!dataKey) throw new CurtainError('CUSTOMER_ERASED', 'the customer was erased');
    return open(dataKey, sealed, `${context}:${customerId}`).toString('utf8');
  }

  /** Unwraps the data keys of many customers in one query; erased customers are absent from the map. */
  async #dataKeys(customerIds: readonly number[]): Promise<Map<number, Buffer>> {
    const { rows } = await this.#storage.query<{
      customer_id: number;
      key_id: string;
      kek_id: string;
      wrapped_key: Uint8Array;
    }>(
      'SELECT customer_id, key_id, kek_id, wrapped_key FROM customer_keys WHERE customer_id = ANY($1::bigint[])',
      [customerIds],
    );
    const keys = new Map<number, Buffer>();
    const shredded = this.#keys.shreddedKeyIds();
    for (const row of rows) {
      if (shredded.has(row.key_id)) continue;
      keys.set(
        row.customer_id,
        await this.#keys.unwrap({ kekId: row.kek_id, blob: row.wrapped_key }, row.key_id),
      );
    }
    return keys;
  }

  /**
   * The customer's audit key: derived from their data key, so a shred destroys it too. The customer may
   * be given it to find and prove their own transparency-log entries.
   */
  async auditKey(customerId: number): Promise<Buffer> {
    const dataKey = (await this.#dataKeys([customerId])).get(customerId);
    if (!dataKey) throw new CurtainError('CUSTOMER_ERASED', 'the customer was erased or does not exist');
    return auditKeyOf(dataKey);
  }

  /**
   * Fresh, unlinkable references for transparency-log entries, one per customer: `nonce.tag` with
   * tag = HMAC(audit key, nonce). Two entries of one customer share nothing a reader could link;
   * only the holder of the customer's audit key recognises them. Each is also written to the vault's
   * own `audit_subject_index` before it is returned, so it is indexed before any entry can carry it.
   */
  async auditSubjects(customerIds: readonly number[]): Promise<Map<number, string>> {
    const keys = await this.#dataKeys(customerIds);
    const subjects = new Map<number, string>();
    for (const [customerId, dataKey] of keys) subjects.set(customerId, auditSubjectFor(auditKeyOf(dataKey)));
    if (subjects.size > 0) {
      // Only for customers not erased meanwhile: their rows would link them to entries after the erasure.
      await this.#storage.query(
        `INSERT INTO audit_subject_index (customer_id, subject_ref)
         SELECT v.id, v.ref FROM unnest($1::bigint[], $2::text[]) AS v(id, ref)
           JOIN customers c ON c.id = v.id AND c.status <> 'erased'
         ON CONFLICT DO NOTHING`,
        [[...subjects.keys()], [...subjects.values()]],
      );
    }
    return subjects;
  }

  /** The references minted for a customer since the index began (see `audit_subject_index_start`). */
  async indexedAuditSubjects(customerId: number): Promise<{ refs: string[]; firstIndexedIdx: number }> {
    const [refs, start] = await Promise.all([
      this.#storage.query<{ subject_ref: string }>(
        'SELECT subject_ref FROM audit_subject_index WHERE customer_id = $1',
        [customerId],
      ),
      this.#storage.query<{ first: number | string }>(
        'SELECT first_indexed_idx AS first FROM audit_subject_index_start',
      ),
    ]);
    return { refs: refs.rows.map((r) => r.subject_ref), firstIndexedIdx: Number(start.rows[0]?.first ?? 0) };
  }

  /**
   * Crypto-shreds customers: records their key ids as shredded with the key provider first
   * (so a restored backup cannot unwrap them), then deletes data key, ciphertext and lookups.
   */
  async shred(customerIds: readonly number[]): Promise<number> {
    if (customerIds.length === 0) return 0;
    // References for the log are made while the keys still exist; afterwards nobody can link them.
    const subjects = this.#audit ? await this.auditSubjects(customerIds) : new Map<number, string>();
    const keys = await this.#storage.query<{ key_id: string }>(
      'SELECT key_id FROM customer_keys WHERE customer_id = ANY($1::bigint[])',
      [customerIds],
    );
    await this.#keys.recordShred(keys.rows.map((r) => r.key_id));
    const erased = await this.#storage.transaction(async (tx) => {
      await this.#deleteSecrets(tx, customerIds);
      const updated = await tx.query(
        `UPDATE customers SET status = 'erased', erased_at = now() WHERE id = ANY($1::bigint[]) AND status <> 'erased'`,
        [customerIds],
      );
      await this.#audit?.enqueue(
        tx,
        [...subjects.values()].map((subjectRef) => ({
          type: 'customer.erased' as const,
          subjectRef,
          details: { method: 'crypto-shred' },
        })),
      );
      return updated.affectedRows;
    });
    await this.#audit?.flush();
    return erased;
  }

  async #deleteSecrets(tx: SqlExecutor, customerIds: readonly number[]): Promise<void> {
    await tx.query('DELETE FROM customer_keys WHERE customer_id = ANY($1::bigint[])', [customerIds]);
    await tx.query('DELETE FROM customer_identity WHERE customer_id = ANY($1::bigint[])', [customerIds]);
    await tx.query('DELETE FROM customer_lookup WHERE customer_id = ANY($1::bigint[])', [customerIds]);
    // The account number's blind index would let a key holder confirm a guessed IBAN: replace it.
    await tx.query(
      `UPDATE accounts SET account_ref = decode(md5(random()::text || id::text), 'hex'), masked_number = '****'
        WHERE customer_id = ANY($1::bigint[])`,
      [customerIds],
    );
  }

  /**
   * Re-applies shreds the key provider knows of but the database does not: after a backup
   * taken before an erasure is restored. Returns how many customers were shredded again.
   */
  async reconcileShreds(): Promise<number> {
    const shredded = [...this.#keys.shreddedKeyIds()];
    if (shredded.length === 0) return 0;
    const stale = await this.#storage.query<{ customer_id: number }>(
      'SELECT customer_id FROM customer_keys WHERE key_id = ANY($1::text[])',
      [shredded],
    );
    return this.shred(stale.rows.map((r) => r.customer_id));
  }

  /**
   * Rotates the key-encryption key: re-wraps every data key under a new KEK, data untouched.
   * Older KEKs stay, retired (unwrap only), so that backups taken before the rotation still
   * restore; `destroyRetiredKeks` removes them once those backups have expired.
   */
  async rotateKek(onProgress?: (done: number, total: number) => void): Promise<RotationReport> {
    const newKekId = await this.#keys.rotateKek();
    const total = await this.#storage.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM customer_keys WHERE kek_id <> $1',
      [newKekId],
    );
    let rewrapped = 0;
    const batchSize = 2_000;
    for (;;) {
      const batch = await this.#storage.query<{
        customer_id: number;
        key_id: string;
        kek_id: string;
        wrapped_key: Uint8Array;
      }>(
        'SELECT customer_id, key_id, kek_id, wrapped_key FROM customer_keys WHERE kek_id <> $1 ORDER BY customer_id LIMIT $2',
        [newKekId, batchSize],
      );
      if (batch.rows.length === 0) break;
      const ids: number[] = [];
      const blobs: Uint8Array[] = [];
      for (const row of batch.rows) {
        const dataKey = await this.#keys.unwrap({ kekId: row.kek_id, blob: row.wrapped_key }, row.key_id);
        ids.push(row.customer_id);
        blobs.push((await this.#keys.wrap(dataKey, row.key_id)).blob);
      }
      await this.#storage.query(
        `UPDATE customer_keys k SET wrapped_key = v.blob, kek_id = $3, rewrapped_at = now()
           FROM unnest($1::bigint[], $2::bytea[]) AS v(id, blob) WHERE k.customer_id = v.id`,
        [ids, blobs, newKekId],
      );
      rewrapped += batch.rows.length;
      onProgress?.(rewrapped, total.rows[0]?.n ?? rewrapped);
    }
    const retired = this.#keys
      .inventory()
      .filter((key) => key.purpose === 'key-encryption' && key.id !== newKekId)
      .map((key) => key.id);
    await this.#audit?.record([
      { type: 'key.rotated', details: { purpose: 'key-encryption', keyId: newKekId, rewrapped, retired } },
    ]);
    return { newKekId, rewrapped, retired };
  }

  /** Destroys retired KEKs that no stored data key depends on. Backups older than the rotation become unreadable. */
  async destroyRetiredKeks(): Promise<string[]> {
    const inUse = await this.#storage.query<{ kek_id: string }>('SELECT DISTINCT kek_id FROM customer_keys');
    const needed = new Set(inUse.rows.map((r) => r.kek_id));
    const destroyed: string[] = [];
    for (const key of this.#keys.inventory()) {
      if (key.purpose === 'key-encryption' && key.status === 'retired' && !needed.has(key.id)) {
        await this.#keys.destroyKek(key.id);
        destroyed.push(key.id);
      }
    }
    return destroyed;
  }
}

function auditKeyOf(dataKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'curtain-audit-subject', 32));
}

const auditTag = (auditKey: Uint8Array, nonce: string) =>
  createHmac('sha256', auditKey).update(nonce).digest().subarray(0, 16).toString('base64url');

export function auditSubjectFor(auditKey: Uint8Array): string {
  const nonce = randomBytes(12).toString('base64url');
  return `${nonce}.${auditTag(auditKey, nonce)}`;
}

/**
 * The campaign a customer's log entry is about, keyed per customer and per entry (the subject reference's
 * nonce): counting entries per campaign is impossible for a reader, while the customer's own audit key
 * recognises their campaign (`isAuditCampaign`).
 */
export function auditCampaignFor(auditKey: Uint8Array, subjectRef: string, campaignId: string): string {
  const nonce = subjectRef.split('.')[0] ?? '';
  return createHmac('sha256', auditKey)
    .update(`campaign\u0000${nonce}\u0000${campaignId}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/** Whether a log entry's campaign reference names `campaignId` for the holder of `auditKey`. */
export function isAuditCampaign(
  auditKey: Uint8Array,
  subjectRef: string,
  campaignRef: string,
  campaignId: string,
): boolean {
  const expected = Buffer.from(auditCampaignFor(auditKey, subjectRef, campaignId));
  const given = Buffer.from(campaignRef);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Whether a log entry's subject reference belongs to the holder of `auditKey`. */
export function isAuditSubject(auditKey: Uint8Array, subjectRef: string): boolean {
  const [nonce, tag] = subjectRef.split('.');
  if (!nonce || !tag) return false;
  const expected = Buffer.from(auditTag(auditKey, nonce));
  const given = Buffer.from(tag);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
