// Data subject requests: received → identity verified → completed or rejected, each with its legal deadline.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AuditEvent, JsonValue, TransactionalAuditSink } from '../../core/audit-event.ts';
import { CurtainError } from '../../core/errors.ts';
import { openOnce } from '../../core/one-open.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import { normalise } from '../../privacy/keyed-digest.ts';
import type { IdentityStore } from '../identity/identity-store.ts';
import { rejectionReasonOf, rejectionReasons } from '../../core/request-rejections.ts';
import { dueDate, requestRegimes, type RequestRegime } from './deadlines.ts';

import { requestKinds, type RequestKind, type RequestStatus } from '../../contracts/subject-request.ts';

export { requestKinds, type RequestKind, type RequestStatus };

export interface SubjectRequest {
  readonly id: string;
  readonly kind: RequestKind;
  readonly regime: RequestRegime;
  readonly status: RequestStatus;
  /** Known once the requester's identity is verified. */
  readonly customerId: number | undefined;
  readonly receivedAt: Date;
  readonly dueAt: Date;
  readonly verifiedAt: Date | undefined;
  readonly closedAt: Date | undefined;
  readonly rejection: string | undefined;
  /** The officer's own words beside the reason code; never logged, cleared at erasure. */
  readonly rejectionNote: string | undefined;
  /** Erasure: given to the requester, fetches the receipt without signing in. */
  readonly receiptId: string | undefined;
  readonly outcome: { readonly [key: string]: JsonValue } | undefined;
}

/**
 * Who the requester says they are: the customer's external id and a second factor the vault holds. Checked
 * when given, never stored.
 */
export interface IdentityClaim {
  readonly externalId: string;
  readonly email?: string;
  readonly dateOfBirth?: string;
}

/** Failed identity checks after which a request is rejected. */
export const maxFailedChecks = 3;

interface Row {
  id: string;
  kind: RequestKind;
  regime: RequestRegime;
  status: RequestStatus;
  customer_id: number | null;
  received_at: Date;
  due_at: Date;
  verified_at: Date | null;
  closed_at: Date | null;
  rejection: string | null;
  rejection_note: string | null;
  receipt_id: string | null;
  outcome: { [key: string]: JsonValue } | null;
  failed_checks: number;
}

const toRequest = (row: Row): SubjectRequest => ({
  id: row.id,
  kind: row.kind,
  regime: row.regime,
  status: row.status,
  customerId: row.customer_id === null ? undefined : Number(row.customer_id),
  receivedAt: row.received_at,
  dueAt: row.due_at,
  verifiedAt: row.verified_at ?? undefined,
  closedAt: row.closed_at ?? undefined,
  rejection: row.rejection ?? undefined,
  rejectionNote: row.rejection_note ?? undefined,
  receiptId: row.receipt_id ?? undefined,
  outcome: row.outcome ?? undefined,
});

/** Erasure requests get a receipt id when made; other kinds end without a receipt. */
const receiptIdFor = (kind: RequestKind): string | null => (kind === 'erasure' ? randomUUID() : null);

/** The index that keeps one open request per customer and kind (migration 28). */
const oneOpenSubjectRequest = 'subject_requests_one_open';

function alreadyOpen(kind: RequestKind, since: Date | undefined): CurtainError {
  return new CurtainError(
    'SUBJECT_REQUEST_OPEN',
    `an open ${kind} request of this customer already exists${since === undefined ? '' : ` (made ${since.toISOString()})`}; it stands, and a second one could never complete`,
    { kind, ...(since === undefined ? {} : { since: since.toISOString() }) },
  );
}

// Compared as fixed-length hashes, so the comparison takes the same time whatever the values.
const sameText = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

export class SubjectRequests {
  readonly #storage: Storage;
  readonly #identity: IdentityStore;
  readonly #audit: TransactionalAuditSink<SqlExecutor>;
  readonly #now: () => Date;

  constructor(
    storage: Storage,
    identity: IdentityStore,
    audit: TransactionalAuditSink<SqlExecutor>,
    now: () => Date = () => new Date(),
  ) {
    this.#storage = storage;
    this.#identity = identity;
    this.#audit = audit;
    this.#now = now;
  }

  async receive(kind: RequestKind, regime: RequestRegime, receivedAt = this.#now()): Promise<SubjectRequest> {
    if (!requestKinds.includes(kind)) throw new CurtainError('USAGE', `unknown request kind ${kind}`);
    if (!requestRegimes.includes(regime)) throw new CurtainError('USAGE', `unknown regime ${String(regime)}`);
    const id = randomUUID();
    const { rows } = await this.#storage.query<Row>(
      `INSERT INTO subject_requests (id, kind, regime, status, received_at, due_at, receipt_id)
       VALUES ($1, $2, $3, 'received', $4, $5, $6) RETURNING *`,
      [id, kind, regime, receivedAt, dueDate(regime, receivedAt), receiptIdFor(kind)],
    );
    await this.#audit.record([this.#event(toRequest(rows[0]!), undefined)]);
    return toRequest(rows[0]!);
  }

  /**
   * A request the customer made themself, signed in: their session already proved who they are, so the
   * request starts verified (the same deadline runs from now). Only the kinds a customer may ask this way.
   */
  async receiveFromCustomer(
    kind: Extract<RequestKind, 'restriction' | 'objection' | 'erasure'>,
    regime: RequestRegime,
    customerId: number,
  ): Promise<SubjectRequest> {
    if (!(['restriction', 'objection', 'erasure'] as const).includes(kind)) {
      throw new CurtainError('USAGE', `a customer cannot ask for ${String(kind)} this way`);
    }
    if (!requestRegimes.includes(regime)) throw new CurtainError('USAGE', `unknown regime ${String(regime)}`);
    const subjectRef = await this.#subjectRef(customerId);
    if (subjectRef === undefined) throw new CurtainError('CUSTOMER_ERASED', 'the customer was erased');
    await this.#refuseRepeat(kind, customerId);
    const now = this.#now();
    // Two requests at once both pass the check above: the database's one-open index lets only one through.
    const { rows } = await openOnce(
      oneOpenSubjectRequest,
      () =>
        this.#storage.query<Row>(
          `INSERT INTO subject_requests
             (id, kind, regime, status, customer_id, received_at, due_at, verified_at, receipt_id)
           VALUES ($1, $2, $3, 'verified', $4, $5, $6, $5, $7) RETURNING *`,
          [randomUUID(), kind, regime, customerId, now, dueDate(regime, now), receiptIdFor(kind)],
        ),
      () => alreadyOpen(kind, undefined),
    );
    const request = toRequest(rows[0]!);
    await this.#audit.record([this.#event(request, subjectRef)]);
    return request;
  }

  /**
   * Refuses a second open request of the same kind, and a restriction or objection already in force (asking
   * again would change nothing, and a second open erasure could never complete).
   */
  async #refuseRepeat(kind: RequestKind, customerId: number): Promise<void> {
    const open = await this.#storage.query<{ received_at: Date }>(
      `SELECT received_at FROM subject_requests
        WHERE customer_id = $1 AND kind = $2 AND status IN ('received', 'verified')`,
      [customerId, kind],
    );
    if (open.rows[0] !== undefined) throw alreadyOpen(kind, open.rows[0].received_at);
    if (kind !== 'restriction' && kind !== 'objection') return;
    const inForce = await this.#storage.query<{ since: Date }>(
      `SELECT since FROM processing_restrictions WHERE customer_id = $1 AND reason = $2 AND lifted_at IS NULL`,
      [customerId, kind],
    );
    if (inForce.rows[0] !== undefined) {
      throw new CurtainError(
        'SUBJECT_REQUEST_OPEN',
        `the customer's ${kind} is already in force, since ${inForce.rows[0].since.toISOString()}`,
        { kind, since: inForce.rows[0].since.toISOString() },
      );
    }
  }

  /** Where the erasure with this receipt id stands; undefined when no request has it. */
  async byReceiptId(receiptId: string): Promise<SubjectRequest | undefined> {
    const { rows } = await this.#storage.query<Row>('SELECT * FROM subject_requests WHERE receipt_id = $1', [
      receiptId,
    ]);
    return rows[0] === undefined ? undefined : toRequest(rows[0]);
  }

  /** Clears the officers' notes on a customer's requests (they may name the customer): part of erasure. */
  async clearNotes(customerId: number, tx: SqlExecutor = this.#storage): Promise<number> {
    const { affectedRows } = await tx.query(
      'UPDATE subject_requests SET rejection_note = NULL WHERE customer_id = $1 AND rejection_note IS NOT NULL',
      [customerId],
    );
    return affectedRows;
  }

  /** The requests of one customer, newest first: for their own "my data" page. */
  async ofCustomer(customerId: number): Promise<SubjectRequest[]> {
    const { rows } = await this.#storage.query<Row>(
      'SELECT * FROM subject_requests WHERE customer_id = $1 ORDER BY received_at DESC, id',
      [customerId],
    );
    return rows.map(toRequest);
  }

  async get(id: string): Promise<SubjectRequest> {
    const { rows } = await this.#storage.query<Row>('SELECT * FROM subject_requests WHERE id = $1', [id]);
    if (rows[0] === undefined) throw new CurtainError('NOT_FOUND', 'no such subject request');
    return toRequest(rows[0]);
  }

  /** Every request, newest first; `open` keeps those not yet completed or rejected. */
  async list(filter: { readonly open?: boolean } = {}): Promise<SubjectRequest[]> {
    const { rows } = await this.#storage.query<Row>(
      `SELECT * FROM subject_requests ${filter.open ? "WHERE status IN ('received', 'verified')" : ''}
        ORDER BY received_at DESC, id`,
    );
    return rows.map(toRequest);
  }

  /** Open requests past their legal deadline, most overdue first. */
  async overdue(now = this.#now()): Promise<SubjectRequest[]> {
    const { rows } = await this.#storage.query<Row>(
      `SELECT * FROM subject_requests WHERE status IN ('received', 'verified') AND due_at < $1
        ORDER BY due_at, id`,
      [now],
    );
    return rows.map(toRequest);
  }

  /**
   * Checks the requester's claim: the external id must name a customer and the second factor must match
   * that customer's record. A mismatch says nothing about which part failed; after `maxFailedChecks` the
   * request is rejected.
   */
  async verify(id: string, claim: IdentityClaim): Promise<SubjectRequest> {
    const request = await this.get(id);
    if (request.status !== 'received') {
      throw new CurtainError(
        'SUBJECT_REQUEST_STATE',
        `the request is ${request.status}, not awaiting verification`,
      );
    }
    const customerId = await this.#match(claim);
    if (customerId === undefined) {
      const { rows } = await this.#storage.query<Row>(
        `UPDATE subject_requests SET failed_checks = failed_checks + 1,
                status = CASE WHEN failed_checks + 1 >= $2 THEN 'rejected' ELSE status END,
                rejection = CASE WHEN failed_checks + 1 >= $2 THEN 'identity-not-verified' ELSE rejection END,
                closed_at = CASE WHEN failed_checks + 1 >= $2 THEN $3::timestamptz ELSE closed_at END
          WHERE id = $1 RETURNING *`,
        [id, maxFailedChecks, this.#now()],
      );
      const updated = toRequest(rows[0]!);
      if (updated.status === 'rejected') await this.#audit.record([this.#event(updated, undefined)]);
      throw new CurtainError('SUBJECT_NOT_VERIFIED', 'the identity could not be verified', {
        attemptsLeft: Math.max(0, maxFailedChecks - rows[0]!.failed_checks),
      });
    }
    // The customer may already have an open request of this kind (their own, or one recorded earlier).
    const { rows } = await openOnce(
      oneOpenSubjectRequest,
      () =>
        this.#storage.query<Row>(
          `UPDATE subject_requests SET status = 'verified', customer_id = $2, verified_at = $3
            WHERE id = $1 AND status = 'received' RETURNING *`,
          [id, customerId, this.#now()],
        ),
      () => alreadyOpen(request.kind, undefined),
    );
    if (rows[0] === undefined)
      throw new CurtainError('SUBJECT_REQUEST_STATE', 'the request changed meanwhile');
    const verified = toRequest(rows[0]);
    await this.#audit.record([this.#event(verified, await this.#subjectRef(customerId))]);
    return verified;
  }

  async #match(claim: IdentityClaim): Promise<number | undefined> {
    if (claim.email === undefined && claim.dateOfBirth === undefined) {
      throw new CurtainError('USAGE', 'a second factor is needed: the email or the date of birth on file');
    }
    const customerId = await this.#identity.findCustomer('external_id', claim.externalId);
    if (customerId === undefined) return undefined;
    let pii;
    try {
      pii = await this.#identity.readPii(customerId);
    } catch (error) {
      if (error instanceof CurtainError && error.code === 'CUSTOMER_ERASED') return undefined;
      throw error;
    }
    const emailOk =
      claim.email === undefined || sameText(normalise.email(claim.email), normalise.email(pii.email));
    const birthOk = claim.dateOfBirth === undefined || sameText(claim.dateOfBirth.trim(), pii.dateOfBirth);
    return emailOk && birthOk ? customerId : undefined;
  }

  /** The verified request of `kind`, or a refusal naming its state. */
  async verified(id: string, kind: RequestKind): Promise<SubjectRequest & { readonly customerId: number }> {
    const request = await this.get(id);
    if (request.kind !== kind) {
      throw new CurtainError('SUBJECT_REQUEST_STATE', `the request is for ${request.kind}, not ${kind}`);
    }
    if (request.status !== 'verified' || request.customerId === undefined) {
      throw new CurtainError('SUBJECT_REQUEST_STATE', `the request is ${request.status}, not verified`);
    }
    return { ...request, customerId: request.customerId };
  }

  /**
   * Closes a verified request with its outcome (counts, hashes: no PII), in `tx` when given. `subjectRef`
   * is made by the caller while the customer's key still exists (an erasure destroys it).
   */
  async complete(
    id: string,
    outcome: { readonly [key: string]: JsonValue },
    subjectRef: string | undefined,
    tx: SqlExecutor = this.#storage,
  ): Promise<SubjectRequest> {
    const { rows } = await tx.query<Row>(
      `UPDATE subject_requests SET status = 'completed', closed_at = $2, outcome = $3
        WHERE id = $1 AND status = 'verified' RETURNING *`,
      [id, this.#now(), JSON.stringify(outcome)],
    );
    if (rows[0] === undefined) throw new CurtainError('SUBJECT_REQUEST_STATE', 'the request is not verified');
    const completed = toRequest(rows[0]);
    await this.#audit.enqueue(tx, [this.#event(completed, subjectRef)]);
    if (tx === this.#storage) await this.#audit.flush();
    return completed;
  }

  /**
   * Rejects an open request for one of the lawful reasons; `note`, the officer's own words, is stored with the
   * request only: the log entry names the reason code, never the note (it may hold personal data).
   */
  async reject(id: string, reason: string, note?: string): Promise<SubjectRequest> {
    if (rejectionReasonOf(reason) === undefined) {
      throw new CurtainError(
        'USAGE',
        `unknown rejection reason ${JSON.stringify(reason.slice(0, 64))}; one of ${Object.keys(rejectionReasons).join(', ')}`,
      );
    }
    const { rows } = await this.#storage.query<Row>(
      `UPDATE subject_requests SET status = 'rejected', rejection = $2, closed_at = $3, rejection_note = $4
        WHERE id = $1 AND status IN ('received', 'verified') RETURNING *`,
      [id, reason, this.#now(), note === undefined || note.trim() === '' ? null : note.trim()],
    );
    if (rows[0] === undefined)
      throw new CurtainError('SUBJECT_REQUEST_STATE', 'the request is already closed');
    const rejected = toRequest(rows[0]);
    await this.#audit.record([this.#event(rejected, undefined)]);
    return rejected;
  }

  async #subjectRef(customerId: number): Promise<string | undefined> {
    return (await this.#identity.auditSubjects([customerId])).get(customerId);
  }

  #event(request: SubjectRequest, subjectRef: string | undefined): AuditEvent {
    return {
      type: 'subject_request.changed',
      ...(subjectRef === undefined ? {} : { subjectRef }),
      details: {
        request: request.id,
        kind: request.kind,
        regime: request.regime,
        status: request.status,
        ...(request.rejection === undefined ? {} : { rejection: request.rejection }),
      },
    };
  }
}
