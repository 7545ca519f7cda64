// Erasure: withdraw consent, delete derived data, crypto-shred, keep legal records unlinked, scan, sign a receipt.
import { randomUUID } from 'node:crypto';
import { consentPurposes, currentNotice } from '../../core/consent.ts';
import { CurtainError } from '../../core/errors.ts';
import type { TransparencyLog } from '../../audit/audit-log.ts';
import { verifyInclusion } from '../../audit/verify.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import { keyedDigest, normalise } from '../../privacy/keyed-digest.ts';
import type { AccountDirectory } from '../accounts/account-directory.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import type { IdentityStore } from '../identity/identity-store.ts';
import type { KeyProvider } from '../../keys/key-provider.ts';
import {
  newReceiptId,
  openErasureReceipt,
  receiptHash,
  signErasureReceipt,
  type ErasureReceipt,
} from './erasure-receipt.ts';
import { piiNeedles, type Needle } from './pii-needles.ts';
import { scanForPii, type ScanReport } from './pii-scan.ts';
import type { SubjectRequests } from './subject-requests.ts';

export interface ErasureServices {
  readonly storage: Storage;
  readonly keys: KeyProvider;
  readonly identity: IdentityStore;
  readonly accounts: AccountDirectory;
  readonly consent: ConsentLedger;
  readonly audit: TransparencyLog;
}

export interface ErasureOutcome {
  /** The signed receipt (compact JWS), for the customer. */
  readonly receipt: string;
  /** Its SHA-256 as logged. */
  readonly receiptHash: string;
  readonly logIndex: number;
  readonly statement: ErasureReceipt;
}

export type ReceiptVerdict =
  | {
      readonly ok: true;
      readonly receipt: ErasureReceipt;
      readonly logIndex: number;
      readonly treeSize: number;
    }
  | { readonly ok: false; readonly reason: string };

/** Tables whose rows of the customer are derived data, deleted outright (no legal reason to keep them). */
const derivedTables = [
  'products_held',
  'customer_preferences',
  'preference_suppressions',
  'processing_restrictions',
  'model_scores',
  'edge_token_issuance',
];
/** Tables the erasure triggers of migrations 6 and 8 empty when the customer's status becomes 'erased'. */
const triggeredTables = ['inbox_messages', 'outbound_notices', 'leads', 'delivery_recipients', 'avatars'];

const dayMs = 86_400_000;

export class ErasureService {
  readonly #services: ErasureServices;
  readonly #requests: SubjectRequests;
  readonly #options: {
    readonly controller: string;
    readonly retentionDays: (db: SqlExecutor) => Promise<number>;
    readonly now: () => Date;
  };

  constructor(
    services: ErasureServices,
    requests: SubjectRequests,
    options: {
      readonly controller: string;
      readonly retentionDays: (db: SqlExecutor) => Promise<number>;
      readonly now: () => Date;
    },
  ) {
    this.#services = services;
    this.#requests = requests;
    this.#options = options;
  }

  /**
   * Carries out a verified erasure request. The customer's PII is read first and kept in memory only, to
   * build the needles of the verification scan; if the scan finds any of it, no receipt is issued.
   * `externalId`, when given (the requester gave it to be verified), is looked for in plaintext too.
   */
  async erase(requestId: string, externalId?: string): Promise<ErasureOutcome> {
    const request = await this.#requests.verified(requestId, 'erasure');
    const customerId = request.customerId;
    const { storage, identity, consent, audit } = this.#services;
    const needles = await this.#needles(customerId, externalId);
    const now = this.#options.now();
    const subjectRef = (await identity.auditSubjects([customerId])).get(customerId);

    const withdrawn = await consent.record(
      consentPurposes.map((purpose) => ({
        customerId,
        purpose,
        channel: 'all' as const,
        granted: false,
        source: 'api' as const,
        noticeVersion: currentNotice(purpose).id,
        decidedAt: now,
      })),
    );
    if (!withdrawn.ok) throw new Error('consent withdrawal at erasure was refused');

    const deleted: Record<string, number> = {};
    await storage.transaction(async (tx) => {
      for (const table of triggeredTables) deleted[table] = await countOf(tx, table, customerId);
      for (const table of derivedTables) {
        const { affectedRows } = await tx.query(`DELETE FROM ${table} WHERE customer_id = $1`, [customerId]);
        deleted[table] = affectedRows;
      }
      // Officers' notes on the customer's rejected requests may name them; the reason codes stay.
      await this.#requests.clearNotes(customerId, tx);
    });
    const accounts = await storage.query<{ id: number }>('SELECT id FROM accounts WHERE customer_id = $1', [
      customerId,
    ]);
    const accountIds = accounts.rows.map((r) => Number(r.id));

    const linked = await identity.indexedAuditSubjects(customerId);
    deleted['audit_subject_index'] = linked.refs.length;
    await identity.shred([customerId]);

    const hold = await storage.transaction(async (tx) =>
      this.#legalHold(tx, requestId, customerId, accountIds),
    );
    for (const needle of needles.counterpartyTokens) {
      const { affectedRows } = await storage.query(
        `UPDATE transactions SET ${needle.column} = NULL WHERE ${needle.column} = $1`,
        [needle.token],
      );
      deleted[`transactions.${needle.column}`] = affectedRows;
    }
    await audit.flush();

    const scan = await scanForPii(storage, needles.all);
    const links = await linksLeft(storage, customerId, linked.refs);
    if (links > 0) {
      throw new CurtainError(
        'ERASURE_INCOMPLETE',
        `${links} row(s) of audit_subject_index still link the customer to transparency-log entries`,
      );
    }
    if (scan.findings.length > 0) {
      throw new CurtainError(
        'ERASURE_INCOMPLETE',
        `personal data of the customer is still in ${scan.findings.map((f) => `${f.schema}.${f.table} (${f.kinds.join(', ')})`).join(', ')}`,
      );
    }
    return this.#issueReceipt(request, subjectRef, deleted, hold, scan, now);
  }

  /** Checks a receipt's signature, then that its hash is an entry of the transparency log, with a proof. */
  async verifyReceipt(jws: string): Promise<ReceiptVerdict> {
    const opened = await openErasureReceipt(jws, this.#services.keys.verificationKeys('receipt-signing'));
    if (!opened.ok) return { ok: false, reason: `the receipt does not verify (${opened.error})` };
    const hash = receiptHash(jws);
    const { rows } = await this.#services.storage.query<{ idx: number }>(
      `SELECT idx FROM audit_entries WHERE position($1 in entry) > 0 ORDER BY idx`,
      [hash],
    );
    for (const { idx } of rows) {
      const proven = await this.#services.audit.entry(Number(idx));
      if (proven === undefined) continue;
      const { entry, head } = proven;
      if (entry.type !== 'erasure.receipt' || entry.details['receipt'] !== hash) continue;
      const included = verifyInclusion(proven.leafHash, proven.index, head.size, proven.proof, head.rootHash);
      if (!included.ok) return { ok: false, reason: `the log entry does not prove: ${included.reason}` };
      return { ok: true, receipt: opened.value, logIndex: proven.index, treeSize: head.size };
    }
    return { ok: false, reason: 'the receipt is not in the transparency log' };
  }

  async #needles(customerId: number, externalId: string | undefined) {
    const { storage, identity, accounts, keys } = this.#services;
    const pii = await identity.readPii(customerId);
    const lookups = await storage.query<{ kind: string; digest: Uint8Array }>(
      'SELECT kind, digest FROM customer_lookup WHERE customer_id = $1',
      [customerId],
    );
    const refs = await storage.query<{ account_ref: Uint8Array }>(
      'SELECT account_ref FROM accounts WHERE customer_id = $1',
      [customerId],
    );
    const tokenKey = keys.secret('token');
    const counterpartyTokens = [
      {
        column: 'counterparty_token',
        token: keyedDigest(
          tokenKey,
          'counterparty-name',
          normalise.name(`${pii.givenName} ${pii.familyName}`),
        ),
      },
      {
        column: 'counterparty_account_token',
        token: keyedDigest(tokenKey, 'counterparty-account', normalise.accountNumber(pii.iban)),
      },
    ] as const;
    const digests = [
      ...lookups.rows.map((r) => ({ kind: `lookup_${r.kind}`, digest: r.digest })),
      ...refs.rows.map((r) => ({ kind: 'account_ref', digest: r.account_ref })),
      { kind: 'account_ref', digest: accounts.accountRef({ scheme: 'iban', value: pii.iban }) },
      ...counterpartyTokens.map((t) => ({ kind: t.column, digest: t.token })),
    ];
    const all: Needle[] = piiNeedles(pii, externalId, { digests });
    return { all, counterpartyTokens };
  }

  /**
   * Keeps the customer's accounts and transactions for the law, unlinked from them: memo text and the bank's
   * transaction reference (which may embed the customer number) are dropped, amounts, dates, merchants kept.
   */
  async #legalHold(tx: SqlExecutor, requestId: string, customerId: number, accountIds: readonly number[]) {
    const { rows } = await tx.query<{ n: number; last: string | null }>(
      `UPDATE transactions SET customer_id = NULL, description = NULL, external_id = NULL WHERE customer_id = $1
       RETURNING 1 AS n, booking_date::text AS last`,
      [customerId],
    );
    await tx.query('UPDATE accounts SET customer_id = NULL WHERE id = ANY($1::bigint[])', [accountIds]);
    const last = rows.reduce<string | null>(
      (max, r) => (r.last !== null && (max === null || r.last > max) ? r.last : max),
      null,
    );
    const retentionDays = await this.#options.retentionDays(tx);
    const heldUntil =
      last === null
        ? null
        : new Date(Date.parse(`${last}T00:00:00Z`) + retentionDays * dayMs).toISOString().slice(0, 10);
    const id = randomUUID();
    await tx.query(
      `INSERT INTO legal_holds (id, request_id, reason, accounts, transactions, held_until)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, requestId, 'transaction records kept by law after erasure', accountIds, rows.length, heldUntil],
    );
    return { id, transactions: rows.length, heldUntil };
  }

  async #issueReceipt(
    request: { readonly id: string; readonly receiptId: string | undefined },
    subjectRef: string | undefined,
    deleted: Record<string, number>,
    legalHold: ErasureReceipt['legalHold'],
    scan: ScanReport,
    now: Date,
  ): Promise<ErasureOutcome> {
    const { storage, keys, audit } = this.#services;
    const requestId = request.id;
    const statement: ErasureReceipt = {
      // The id the requester was given when asking, so the receipt they fetch with it names it.
      receiptId: request.receiptId ?? newReceiptId(),
      requestId,
      controller: this.#options.controller,
      erasedAt: now.toISOString(),
      method: 'crypto-shred',
      deleted,
      legalHold,
      scan: {
        schemas: scan.schemas,
        tables: scan.tables,
        rowsScanned: scan.rowsScanned,
        needleKinds: scan.needleKinds,
        logSize: audit.head().size,
        matches: 0,
      },
    };
    const receipt = await signErasureReceipt(statement, keys.signingKey('receipt-signing'));
    const hash = receiptHash(receipt);
    await storage.transaction(async (tx) => {
      await this.#requests.complete(
        requestId,
        { receiptHash: hash, receipt, legalHold: legalHold.id },
        subjectRef,
        tx,
      );
      await audit.enqueue(tx, [
        {
          type: 'erasure.receipt',
          details: { request: requestId, receipt: hash, tables: scan.tables, matches: 0 },
        },
      ]);
    });
    await audit.flush();
    const { rows } = await storage.query<{ idx: number }>(
      `SELECT idx FROM audit_entries WHERE position($1 in entry) > 0 ORDER BY idx DESC LIMIT 1`,
      [hash],
    );
    return { receipt, receiptHash: hash, logIndex: Number(rows[0]?.idx ?? -1), statement };
  }
}

async function countOf(tx: SqlExecutor, table: string, customerId: number): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE customer_id = $1`,
    [customerId],
  );
  return rows[0]?.n ?? 0;
}

/** Rows of the vault's log index that still tie the customer, or any reference minted for them, to an entry. */
async function linksLeft(db: SqlExecutor, customerId: number, refs: readonly string[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_subject_index WHERE customer_id = $1 OR subject_ref = ANY($2::text[])`,
    [customerId, refs],
  );
  return rows[0]?.n ?? 0;
}
