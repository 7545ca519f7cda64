// A customer's answers to an offer: not now, not interested, stop everything, or interested → a consented lead.
import { responseKinds, type ResponseKind } from '../../contracts/customer.ts';
import type { AuditEvent, TransactionalAuditSink } from '../../core/audit-event.ts';
import { currentNotice, type ConsentSource } from '../../core/consent.ts';
import { CurtainError, type ErrorCode } from '../../core/errors.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { OfferContent } from '../../core/vault-door.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import type { PreferenceStore } from '../consent/preference-store.ts';
import { signReceipt, type ReceiptSettings } from '../consent/receipts.ts';
import { auditCampaignFor, type IdentityStore } from '../identity/identity-store.ts';
import type { KeyProvider } from '../../keys/key-provider.ts';
import { buildLeadReceipt, revealedFields, type RevealedField } from './lead-receipt.ts';
import { leadOf, newLeadId, selectLeads, type Lead, type LeadRow } from './leads.ts';

export { responseKinds, type ResponseKind };

/** What "Interested — connect me" would do, shown before anything is revealed. */
export interface ConsentRequest {
  readonly messageId: string;
  readonly campaignId: string;
  readonly offer: { readonly offerId: string; readonly title: string; readonly callToAction: string };
  /** 'bank', or the partner's code, and in words. */
  readonly recipient: { readonly code: string; readonly name: string };
  /** What the advisor would learn: these fields, and nothing else. */
  readonly reveals: readonly RevealedField[];
  /** The identity_reveal notice the customer is shown; `connect` must quote its id. */
  readonly notice: { readonly id: string; readonly text: string };
}

export interface ResponseOutcome {
  readonly messageId: string;
  readonly kind: ResponseKind;
  /** The response the message holds now: 'interested' whenever a lead stands, whatever came after. */
  readonly standing: ResponseKind;
  /** Present when a lead was made from this message: responding again does not undo it. */
  readonly leadId: string | undefined;
  /** For 'interested': what connecting would reveal, to whom. Nothing is revealed yet. */
  readonly consentRequest: ConsentRequest | undefined;
}

/** Why, precisely, an answer or a request to connect was refused: for the vault's decisions and tests, never sent. */
export type ResponseRefusalReason =
  | 'not-found'
  | 'invalid-response'
  | 'consent-not-given'
  | 'notice-mismatch'
  | 'offer-expired'
  | 'customer-erased';

export interface ResponseRefusal {
  /** The catalogue's code (core/errors.ts): what a client is told. */
  readonly code: Extract<
    ErrorCode,
    'NOT_FOUND' | 'USAGE' | 'CUSTOMER_ERASED' | 'CONSENT_REQUIRED' | 'LEAD_REFUSED'
  >;
  readonly reason: ResponseRefusalReason;
  /** Plain words for the customer; never a customer value. */
  readonly message: string;
}

export interface ConnectRequest {
  /** The customer ticked "reveal my name and contact details for this offer". */
  readonly consent: boolean;
  /** The id of the identity_reveal notice the customer was shown. */
  readonly noticeVersion: string;
  /** Where the consent was given (default 'console'). */
  readonly source?: ConsentSource;
}

export interface ResponseServiceOptions {
  /** Fields of the consent receipts (controller, jurisdiction, policy). */
  readonly receipts: ReceiptSettings;
  /** The clock: offers expire after their `validUntil` day; tests pin it. */
  readonly now?: () => Date;
}

interface MessageRow {
  id: number;
  public_id: string;
  campaign_id: string;
  offer: OfferContent;
  response: ResponseKind | null;
  lead_id: string | null;
}

const refusal = (code: ResponseRefusal['code'], reason: ResponseRefusalReason, message: string) =>
  err<ResponseRefusal>({ code, reason, message });
const notFound = () => refusal('NOT_FOUND', 'not-found', 'no such message in your inbox');
const erased = () => refusal('CUSTOMER_ERASED', 'customer-erased', 'this customer was erased');

export class ResponseService {
  readonly #storage: Storage;
  readonly #identity: IdentityStore;
  readonly #preferences: PreferenceStore;
  readonly #keys: KeyProvider;
  readonly #audit: TransactionalAuditSink<SqlExecutor>;
  readonly #options: ResponseServiceOptions;

  constructor(
    storage: Storage,
    identity: IdentityStore,
    preferences: PreferenceStore,
    keys: KeyProvider,
    audit: TransactionalAuditSink<SqlExecutor>,
    options: ResponseServiceOptions,
  ) {
    this.#storage = storage;
    this.#identity = identity;
    this.#preferences = preferences;
    this.#keys = keys;
    this.#audit = audit;
    this.#options = options;
  }

  /**
   * Records the customer's answer to one of their own messages and applies it: 'not_interested'
   * suppresses the offer's category, 'stop_all' stops every offer, 'interested' returns the consent
   * request for `connect` (nothing is revealed). A later answer replaces an earlier one, except that a
   * lead once made stands: the message stays 'interested' until the customer withdraws the lead.
   */
  async respond(
    customerId: number,
    messageId: string,
    kind: ResponseKind,
  ): Promise<Result<ResponseOutcome, ResponseRefusal>> {
    if (!(responseKinds as readonly string[]).includes(kind)) {
      return refusal('USAGE', 'invalid-response', 'answer interested, not_now, not_interested or stop_all');
    }
    const message = await this.#message(this.#storage, customerId, messageId);
    if (message === undefined) return notFound();
    const refs = await this.#references(customerId);
    if (refs === undefined) return erased();
    const { subjectRef } = refs;

    // The preference takes effect first: if what follows fails, the customer is never left unsuppressed.
    if (kind === 'not_interested' || kind === 'stop_all') {
      const changed = await this.#preferences.update([
        {
          customerId,
          change:
            kind === 'stop_all'
              ? { kind: 'stop_everything', on: true }
              : { kind: 'not_interested', category: message.offer.category, on: true },
        },
      ]);
      if (!changed.ok) throw new CurtainError('INTERNAL', 'the offer carries an invalid category code');
    }

    const standing = await this.#storage.transaction(async (tx) => {
      const { rows } = await tx.query<{ response: ResponseKind }>(
        `UPDATE inbox_messages m SET response = $2, responded_at = now(), opened_at = coalesce(opened_at, now())
          WHERE m.id = $1 AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.inbox_message_id = m.id)
          RETURNING response`,
        [message.id, kind],
      );
      await this.#audit.enqueue(tx, [
        {
          type: 'response.recorded',
          subjectRef,
          details: { campaignRef: refs.campaign(message.campaign_id), response: kind },
        },
      ]);
      return rows[0]?.response ?? 'interested';
    });
    await this.#audit.flush();
    return ok({
      messageId: message.public_id,
      kind,
      standing,
      leadId: message.lead_id ?? undefined,
      consentRequest: kind === 'interested' ? this.#consentRequest(message) : undefined,
    });
  }

  /**
   * The customer's explicit consent to reveal who they are for this one offer: makes a lead with a
   * signed receipt bound to it, open for the bank's or the partner's advisors. Connecting again returns
   * the lead made the first time, in whatever state it is.
   */
  async connect(
    customerId: number,
    messageId: string,
    request: ConnectRequest,
  ): Promise<Result<Lead, ResponseRefusal>> {
    const message = await this.#message(this.#storage, customerId, messageId);
    if (message === undefined) return notFound();
    if (message.lead_id !== null) return ok(await this.#lead(this.#storage, message.lead_id));
    if (request.consent !== true) {
      return refusal(
        'CONSENT_REQUIRED',
        'consent-not-given',
        'nothing is revealed without your explicit consent',
      );
    }
    const notice = currentNotice('identity_reveal');
    if (request.noticeVersion !== notice.id) {
      return refusal(
        'CONSENT_REQUIRED',
        'notice-mismatch',
        `consent must be given to the current notice, ${notice.id}`,
      );
    }
    const now = this.#now();
    if (now.toISOString().slice(0, 10) > message.offer.validUntil) {
      return refusal('LEAD_REFUSED', 'offer-expired', 'this offer has expired');
    }
    const refs = await this.#references(customerId);
    if (refs === undefined) return erased();
    const { subjectRef } = refs;

    const leadId = newLeadId();
    const recipient = message.offer.partner ?? 'bank';
    const key = this.#keys.signingKey('receipt-signing');
    const receipt = await signReceipt(
      buildLeadReceipt(
        this.#options.receipts,
        subjectRef,
        key.id,
        { leadId, campaignId: message.campaign_id, offerId: message.offer.offerId, recipient },
        { noticeVersion: notice.id, decidedAt: now, source: request.source ?? 'console' },
        now,
      ),
      key,
    );
    const created = await this.#storage.transaction(async (tx) => {
      // Locks the message: two connects at once make one lead.
      const locked = await this.#message(tx, customerId, messageId, true);
      if (locked === undefined) return undefined;
      if (locked.lead_id !== null) return locked.lead_id;
      await tx.query(
        `INSERT INTO leads (public_id, inbox_message_id, campaign_id, customer_id, recipient, receipt, state)
         VALUES ($1, $2, $3, $4, $5, $6, 'open')`,
        [leadId, locked.id, locked.campaign_id, customerId, recipient, receipt],
      );
      await tx.query(
        `UPDATE inbox_messages SET response = 'interested', responded_at = now(),
           opened_at = coalesce(opened_at, now()) WHERE id = $1`,
        [locked.id],
      );
      await this.#audit.enqueue(tx, [
        {
          type: 'lead.created',
          subjectRef,
          details: { leadId, campaignRef: refs.campaign(locked.campaign_id), recipient },
        },
      ]);
      return leadId;
    });
    await this.#audit.flush();
    if (created === undefined) return notFound();
    return ok(await this.#lead(this.#storage, created));
  }

  /**
   * Withdraws the customer's consent for a lead, at once: an open lead leaves the queue; an advisor who took
   * it up is shown nothing of the customer from now on (`revealBlock`). Withdrawing twice is harmless.
   */
  async withdraw(customerId: number, leadId: string): Promise<Result<Lead, ResponseRefusal>> {
    const refs = await this.#references(customerId);
    const outcome = await this.#storage.transaction(async (tx) => {
      const { rows } = await tx.query<LeadRow>(
        `${selectLeads} WHERE l.public_id = $1 AND l.customer_id = $2 FOR UPDATE OF l`,
        [leadId, customerId],
      );
      const row = rows[0];
      if (row === undefined) return 'not-found' as const;
      if (row.state === 'withdrawn') return 'withdrawn' as const;
      if (refs === undefined) return 'erased' as const;
      await tx.query(`UPDATE leads SET state = 'withdrawn', withdrawn_at = now() WHERE id = $1`, [row.id]);
      const event: AuditEvent = {
        type: 'lead.withdrawn',
        subjectRef: refs.subjectRef,
        details: { leadId, campaignRef: refs.campaign(row.campaign_id) },
      };
      await this.#audit.enqueue(tx, [event]);
      return 'withdrawn' as const;
    });
    await this.#audit.flush();
    switch (outcome) {
      case 'not-found':
        return refusal('NOT_FOUND', 'not-found', 'no such lead of yours');
      case 'erased':
        return erased();
      case 'withdrawn':
        return ok(await this.#lead(this.#storage, leadId));
    }
  }

  /** The customer's own leads, newest first. */
  async leadsOf(customerId: number): Promise<Lead[]> {
    const { rows } = await this.#storage.query<LeadRow>(
      `${selectLeads} WHERE l.customer_id = $1 ORDER BY l.created_at DESC, l.id DESC`,
      [customerId],
    );
    return rows.map(leadOf);
  }

  #consentRequest(message: MessageRow): ConsentRequest {
    const notice = currentNotice('identity_reveal');
    const partner = message.offer.partner;
    const bank = this.#options.receipts.controllers[0]?.piiController ?? 'the bank';
    return {
      messageId: message.public_id,
      campaignId: message.campaign_id,
      offer: {
        offerId: message.offer.offerId,
        title: message.offer.title,
        callToAction: message.offer.callToAction,
      },
      recipient:
        partner === undefined
          ? { code: 'bank', name: `an advisor of ${bank}` }
          : { code: partner, name: `an advisor of the partner “${partner}”` },
      reveals: revealedFields,
      notice: { id: notice.id, text: notice.text },
    };
  }

  async #message(
    db: SqlExecutor,
    customerId: number,
    messageId: string,
    lock = false,
  ): Promise<MessageRow | undefined> {
    const { rows } = await db.query<MessageRow>(
      `SELECT m.id, m.public_id, m.campaign_id, m.offer, m.response, l.public_id AS lead_id
         FROM inbox_messages m LEFT JOIN leads l ON l.inbox_message_id = m.id
        WHERE m.public_id = $1 AND m.customer_id = $2${lock ? ' FOR UPDATE OF m' : ''}`,
      [messageId, customerId],
    );
    return rows[0];
  }

  async #lead(db: SqlExecutor, leadId: string): Promise<Lead> {
    const { rows } = await db.query<LeadRow>(`${selectLeads} WHERE l.public_id = $1`, [leadId]);
    const row = rows[0];
    if (row === undefined) throw new CurtainError('NOT_FOUND', 'the lead disappeared');
    return leadOf(row);
  }

  /**
   * A fresh subject reference for one log entry, and the campaign keyed per customer under it (issue 14,
   * class 3: counting entries per campaign would give exact response and lead counts). Undefined once erased.
   */
  async #references(
    customerId: number,
  ): Promise<{ subjectRef: string; campaign: (campaignId: string) => string } | undefined> {
    const subjectRef = (await this.#identity.auditSubjects([customerId])).get(customerId);
    if (subjectRef === undefined) return undefined;
    const auditKey = await this.#identity.auditKey(customerId);
    return { subjectRef, campaign: (campaignId) => auditCampaignFor(auditKey, subjectRef, campaignId) };
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }
}
