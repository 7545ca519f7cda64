// Data module for accounts with their owners, products held and imported consent evidence.
import type { SqlExecutor } from '../../storage/ports.ts';
import type { AccountUpsert, OwnerRow } from './import-store.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/**
 * Creates or updates accounts by blind index, from their primary owner's rows (one per account): every
 * attribute and the primary owner. Returns ref (hex) → id, and the refs of the accounts that changed.
 */
export async function upsertAccounts(
  db: SqlExecutor,
  accounts: readonly AccountUpsert[],
): Promise<{ ids: Map<string, number>; changed: Set<string> }> {
  if (accounts.length === 0) return { ids: new Map(), changed: new Set() };
  const column = <T>(pick: (a: AccountUpsert) => T) => accounts.map(pick);
  const changedRows = await db.query<{ account_ref: Uint8Array }>(
    `INSERT INTO accounts AS a (account_ref, customer_id, kind, product_code, currency, opened_on, closed_on, masked_number)
     SELECT ref, owner, kind, product, currency, opened, closed, masked
       FROM unnest($1::bytea[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[],
                   $8::text[]) AS v(ref, owner, kind, product, currency, opened, closed, masked)
     ON CONFLICT (account_ref) DO UPDATE SET customer_id = EXCLUDED.customer_id, kind = EXCLUDED.kind,
       product_code = coalesce(EXCLUDED.product_code, a.product_code), currency = coalesce(EXCLUDED.currency, a.currency),
       opened_on = coalesce(EXCLUDED.opened_on, a.opened_on), closed_on = EXCLUDED.closed_on
     WHERE (a.customer_id, a.kind, a.closed_on) IS DISTINCT FROM (EXCLUDED.customer_id, EXCLUDED.kind, EXCLUDED.closed_on)
        OR (EXCLUDED.product_code IS NOT NULL AND a.product_code IS DISTINCT FROM EXCLUDED.product_code)
        OR (EXCLUDED.opened_on IS NOT NULL AND a.opened_on IS DISTINCT FROM EXCLUDED.opened_on)
     RETURNING account_ref`,
    [
      column((a) => a.ref),
      column((a) => a.customerId),
      column((a) => a.kind),
      column((a) => a.product),
      column((a) => a.currency),
      column((a) => a.openedOn),
      column((a) => a.closedOn),
      column((a) => a.maskedNumber),
    ],
  );
  const ids = await accountIds(
    db,
    column((a) => a.ref),
  );
  return {
    ids,
    changed: new Set(changedRows.rows.map((r) => hex(r.account_ref))),
  };
}

/** Accounts by blind index: ref (hex) → id. */
export async function accountIds(db: SqlExecutor, refs: readonly Buffer[]): Promise<Map<string, number>> {
  if (refs.length === 0) return new Map();
  const { rows } = await db.query<{ id: number; account_ref: Uint8Array }>(
    'SELECT id, account_ref FROM accounts WHERE account_ref = ANY($1::bytea[])',
    [refs],
  );
  return new Map(rows.map((r) => [hex(r.account_ref), Number(r.id)]));
}

/** Makes sure an account exists (a joint owner's row may come before the primary owner's). */
export async function ensureAccounts(db: SqlExecutor, accounts: readonly AccountUpsert[]): Promise<void> {
  if (accounts.length === 0) return;
  await db.query(
    `INSERT INTO accounts (account_ref, customer_id, kind, masked_number)
     SELECT ref, NULL, kind, masked FROM unnest($1::bytea[], $2::text[], $3::text[]) AS v(ref, kind, masked)
     ON CONFLICT (account_ref) DO NOTHING`,
    [accounts.map((a) => a.ref), accounts.map((a) => a.kind), accounts.map((a) => a.maskedNumber)],
  );
}

/** An account has one primary owner: a new one replaces the old (who stays a customer, without the account). */
export async function replacePrimaryOwners(db: SqlExecutor, primaries: readonly OwnerRow[]): Promise<void> {
  if (primaries.length === 0) return;
  await db.query(
    `DELETE FROM account_owners o USING unnest($1::bigint[], $2::bigint[]) AS v(account_id, customer_id)
      WHERE o.account_id = v.account_id AND o.role = 'primary' AND o.customer_id <> v.customer_id`,
    [primaries.map((p) => p.accountId), primaries.map((p) => p.customerId)],
  );
}

/**
 * Records owners; returns the keys (`account:customer`) of rows that were new, changed role or were ended before
 * (listing an ended owner again makes the ownership current again).
 */
export async function upsertOwners(db: SqlExecutor, owners: readonly OwnerRow[]): Promise<Set<string>> {
  if (owners.length === 0) return new Set();
  const { rows } = await db.query<{ account_id: number; customer_id: number }>(
    `INSERT INTO account_owners AS o (account_id, customer_id, role)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[])
     ON CONFLICT (account_id, customer_id) DO UPDATE SET role = EXCLUDED.role, ended_on = NULL
     WHERE o.role <> EXCLUDED.role OR o.ended_on IS NOT NULL
     RETURNING account_id, customer_id`,
    [owners.map((o) => o.accountId), owners.map((o) => o.customerId), owners.map((o) => o.role)],
  );
  return new Set(rows.map((r) => `${r.account_id}:${r.customer_id}`));
}

/**
 * Ends joint ownerships (by account reference and customer) on the given days; a primary owner is never ended
 * here. The link stays, so the account's transactions booked before that day still count for the owner (the
 * owned_transactions view). Returns the keys (`account ref hex:customer`) of the links whose end changed, so
 * that a re-run counts them unchanged.
 */
export async function endJointOwnerships(
  db: SqlExecutor,
  endings: readonly { ref: Buffer; customerId: number; endedOn: string }[],
): Promise<Set<string>> {
  if (endings.length === 0) return new Set();
  const { rows } = await db.query<{ account_ref: Uint8Array; customer_id: number }>(
    `UPDATE account_owners o SET ended_on = v.ended_on
       FROM accounts a, unnest($1::bytea[], $2::bigint[], $3::date[]) AS v(ref, customer_id, ended_on)
      WHERE a.account_ref = v.ref AND o.account_id = a.id AND o.customer_id = v.customer_id AND o.role = 'joint'
        AND o.ended_on IS DISTINCT FROM v.ended_on
      RETURNING a.account_ref, o.customer_id`,
    [endings.map((r) => r.ref), endings.map((r) => r.customerId), endings.map((r) => r.endedOn)],
  );
  return new Set(rows.map((r) => `${Buffer.from(r.account_ref).toString('hex')}:${Number(r.customer_id)}`));
}

/** Transactions ingested before their account was linked follow the account's primary owner. */
export async function relinkTransactions(db: SqlExecutor, accountIds: readonly number[]): Promise<void> {
  if (accountIds.length === 0) return;
  await db.query(
    `UPDATE transactions t SET customer_id = a.customer_id FROM accounts a
      WHERE a.id = ANY($1::bigint[]) AND t.account_id = a.id AND t.customer_id IS DISTINCT FROM a.customer_id`,
    [accountIds],
  );
}

/** Products held, keyed by customer, product and start: an ended product gets its end date. */
export async function upsertProductsHeld(
  db: SqlExecutor,
  rows: readonly { customerId: number; product: string; since: string; until: string | undefined }[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const { rows: changed } = await db.query<{ customer_id: number; product_code: string; since: string }>(
    `INSERT INTO products_held AS p (customer_id, product_code, since, until)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::date[], $4::date[])
     ON CONFLICT (customer_id, product_code, since) DO UPDATE SET until = EXCLUDED.until
     WHERE p.until IS DISTINCT FROM EXCLUDED.until
     RETURNING customer_id, product_code, since::text AS since`,
    [
      rows.map((r) => r.customerId),
      rows.map((r) => r.product),
      rows.map((r) => r.since),
      rows.map((r) => r.until ?? null),
    ],
  );
  return new Set(changed.map((r) => `${r.customer_id}:${r.product_code}:${r.since}`));
}

export interface ConsentEvidence {
  readonly customerId: number;
  readonly purpose: string;
  readonly channel: string;
  readonly decidedAt: Date;
  readonly granted: boolean;
  readonly evidenceDigest: Buffer;
}

const evidenceKey = (e: {
  customerId: number;
  purpose: string;
  channel: string;
  decidedAt: Date;
  granted: boolean;
}) => `${e.customerId}:${e.purpose}:${e.channel}:${e.decidedAt.toISOString()}:${e.granted}`;

/** Which decisions were imported before (by any batch): their keys. */
export async function importedConsentKeys(
  db: SqlExecutor,
  decisions: readonly Omit<ConsentEvidence, 'evidenceDigest'>[],
): Promise<Set<string>> {
  if (decisions.length === 0) return new Set();
  const { rows } = await db.query<{
    customer_id: number;
    purpose: string;
    channel: string;
    decided_at: Date;
    granted: boolean;
  }>(
    `SELECT i.customer_id, i.purpose, i.channel, i.decided_at, i.granted FROM imported_consents i
       JOIN unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[], $5::boolean[]) AS v(c, p, ch, d, g)
         ON i.customer_id = v.c AND i.purpose = v.p AND i.channel = v.ch AND i.decided_at = v.d AND i.granted = v.g`,
    [
      decisions.map((d) => d.customerId),
      decisions.map((d) => d.purpose),
      decisions.map((d) => d.channel),
      decisions.map((d) => d.decidedAt.toISOString()),
      decisions.map((d) => d.granted),
    ],
  );
  return new Set(
    rows.map((r) =>
      evidenceKey({
        customerId: Number(r.customer_id),
        purpose: r.purpose,
        channel: r.channel,
        decidedAt: new Date(r.decided_at),
        granted: r.granted,
      }),
    ),
  );
}

export const consentKey = evidenceKey;

export async function recordConsentEvidence(
  db: SqlExecutor,
  batchId: number,
  evidence: readonly ConsentEvidence[],
): Promise<void> {
  if (evidence.length === 0) return;
  await db.query(
    `INSERT INTO imported_consents (customer_id, purpose, channel, decided_at, granted, evidence_digest, batch_id)
     SELECT *, $7::bigint FROM unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[], $5::boolean[], $6::bytea[])
     ON CONFLICT DO NOTHING`,
    [
      evidence.map((e) => e.customerId),
      evidence.map((e) => e.purpose),
      evidence.map((e) => e.channel),
      evidence.map((e) => e.decidedAt.toISOString()),
      evidence.map((e) => e.granted),
      evidence.map((e) => e.evidenceDigest),
      batchId,
    ],
  );
}
