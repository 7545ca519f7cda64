// Finds or creates the vault account behind a statement's account number, matched by blind index.
import type { AccountIdentifier } from '../../core/transaction.ts';
import type { ProductCode } from '../../core/products.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import { keyedDigest, normalise } from '../../privacy/keyed-digest.ts';
import { detach } from '../../core/detach.ts';

export interface AccountRecord {
  readonly id: number;
  readonly customerId: number | null;
}

export interface NewAccount {
  readonly identifier: AccountIdentifier;
  readonly customerId: number | null;
  readonly product?: ProductCode;
  readonly currency?: string;
  readonly openedOn?: string;
}

/** Shows the last four characters only: enough for a person to recognise their account. */
export function maskAccountNumber(value: string): string {
  const normalised = normalise.accountNumber(value);
  return `****${normalised.slice(-4)}`;
}

export class AccountDirectory {
  readonly #key: Uint8Array;
  readonly #cache = new Map<string, AccountRecord>();

  constructor(blindIndexKey: Uint8Array) {
    this.#key = blindIndexKey;
  }

  accountRef(identifier: AccountIdentifier): Buffer {
    return keyedDigest(this.#key, 'account', normalise.accountNumber(identifier.value));
  }

  /** Primes the cache with an account the caller has just created. */
  remember(identifier: AccountIdentifier, record: AccountRecord): void {
    this.#cache.set(detach(normalise.accountNumber(identifier.value)), record);
  }

  async find(db: SqlExecutor, identifier: AccountIdentifier): Promise<AccountRecord | undefined> {
    const cacheKey = normalise.accountNumber(identifier.value);
    const cached = this.#cache.get(cacheKey);
    if (cached) return cached;
    const result = await db.query<{ id: number; customer_id: number | null }>(
      'SELECT id, customer_id FROM accounts WHERE account_ref = $1',
      [this.accountRef(identifier)],
    );
    const row = result.rows[0];
    if (!row) return undefined;
    const record = { id: row.id, customerId: row.customer_id };
    this.#cache.set(detach(cacheKey), record);
    return record;
  }

  /** Returns the existing account, or creates it (linked to `customerId`, or unlinked when null). */
  async findOrCreate(
    db: SqlExecutor,
    account: NewAccount,
  ): Promise<{ record: AccountRecord; created: boolean }> {
    const existing = await this.find(db, account.identifier);
    if (existing) return { record: existing, created: false };
    const inserted = await db.query<{ id: number; customer_id: number | null }>(
      `INSERT INTO accounts (account_ref, customer_id, product_code, currency, opened_on, masked_number)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (account_ref) DO UPDATE SET account_ref = EXCLUDED.account_ref
       RETURNING id, customer_id`,
      [
        this.accountRef(account.identifier),
        account.customerId,
        account.product ?? null,
        account.currency ?? account.identifier.currency ?? null,
        account.openedOn ?? null,
        maskAccountNumber(account.identifier.value),
      ],
    );
    const row = inserted.rows[0]!;
    const record = { id: row.id, customerId: row.customer_id };
    this.#cache.set(detach(normalise.accountNumber(account.identifier.value)), record);
    return { record, created: true };
  }

  /**
   * Creates accounts that are new to the vault in one statement (an account number it already holds fails
   * the whole insert), and remembers each; the records come back in the order given.
   */
  async createMany(db: SqlExecutor, accounts: readonly NewAccount[]): Promise<AccountRecord[]> {
    const refs = accounts.map((account) => this.accountRef(account.identifier));
    const inserted = await db.query<{ id: number; customer_id: number | null; account_ref: Uint8Array }>(
      `INSERT INTO accounts (account_ref, customer_id, product_code, currency, opened_on, masked_number)
       SELECT * FROM unnest($1::bytea[], $2::bigint[], $3::text[], $4::text[], $5::date[], $6::text[])
       RETURNING id, customer_id, account_ref`,
      [
        refs,
        accounts.map((account) => account.customerId),
        accounts.map((account) => account.product ?? null),
        accounts.map((account) => account.currency ?? account.identifier.currency ?? null),
        accounts.map((account) => account.openedOn ?? null),
        accounts.map((account) => maskAccountNumber(account.identifier.value)),
      ],
    );
    const byRef = new Map(
      inserted.rows.map((row) => [
        Buffer.from(row.account_ref).toString('hex'),
        { id: row.id, customerId: row.customer_id },
      ]),
    );
    return accounts.map((account, i) => {
      const record = byRef.get(refs[i]!.toString('hex'))!;
      this.remember(account.identifier, record);
      return record;
    });
  }

  /**
   * Resolves many account numbers in two round trips: one SELECT for those the cache lacks, one
   * INSERT for those the vault has never seen (linked to `customerId`, or unlinked when null).
   */
  async resolveMany(
    db: SqlExecutor,
    identifiers: Iterable<AccountIdentifier>,
    customerId: number | null,
  ): Promise<{ records: Map<string, AccountRecord>; created: number }> {
    const records = new Map<string, AccountRecord>();
    const missing = new Map<string, AccountIdentifier>();
    for (const identifier of identifiers) {
      const key = normalise.accountNumber(identifier.value);
      const cached = this.#cache.get(key);
      if (cached) records.set(key, cached);
      else missing.set(key, identifier);
    }
    if (missing.size === 0) return { records, created: 0 };
    const refs = new Map(
      [...missing.keys()].map((key) => [this.accountRef(missing.get(key)!).toString('hex'), key]),
    );
    const found = await db.query<{ id: number; customer_id: number | null; account_ref: Uint8Array }>(
      'SELECT id, customer_id, account_ref FROM accounts WHERE account_ref = ANY($1::bytea[])',
      [[...refs.keys()].map((hex) => Buffer.from(hex, 'hex'))],
    );
    const take = (rows: { id: number; customer_id: number | null; account_ref: Uint8Array }[]) => {
      for (const row of rows) {
        const key = refs.get(Buffer.from(row.account_ref).toString('hex'))!;
        const record = { id: row.id, customerId: row.customer_id };
        this.#cache.set(detach(key), record);
        records.set(key, record);
        missing.delete(key);
      }
    };
    take(found.rows);
    let created = 0;
    if (missing.size > 0) {
      const identifiersToCreate = [...missing.values()];
      const inserted = await db.query<{ id: number; customer_id: number | null; account_ref: Uint8Array }>(
        `INSERT INTO accounts (account_ref, customer_id, currency, masked_number)
         SELECT ref, $2::bigint, currency, masked FROM unnest($1::bytea[], $3::text[], $4::text[]) AS v(ref, currency, masked)
         ON CONFLICT (account_ref) DO NOTHING
         RETURNING id, customer_id, account_ref`,
        [
          identifiersToCreate.map((identifier) => this.accountRef(identifier)),
          customerId,
          identifiersToCreate.map((identifier) => identifier.currency ?? null),
          identifiersToCreate.map((identifier) => maskAccountNumber(identifier.value)),
        ],
      );
      created = inserted.rows.length;
      take(inserted.rows);
      if (missing.size > 0) {
        // Another writer created them between our SELECT and INSERT.
        const again = await db.query<{ id: number; customer_id: number | null; account_ref: Uint8Array }>(
          'SELECT id, customer_id, account_ref FROM accounts WHERE account_ref = ANY($1::bytea[])',
          [[...missing.values()].map((identifier) => this.accountRef(identifier))],
        );
        take(again.rows);
      }
    }
    return { records, created };
  }
}
