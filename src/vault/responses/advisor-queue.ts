// The advisors' queue: open leads without identity, and reveals a valid receipt and current consent allow.
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import { CurtainError, type ErrorCode } from '../../core/errors.ts';
import type { CustomerPii } from '../../core/identity.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import { verifyReceipt } from '../consent/receipts.ts';
import { auditCampaignFor, isAuditSubject, type IdentityStore } from '../identity/identity-store.ts';
import type { KeyProvider } from '../../keys/key-provider.ts';
import { checkLeadReceipt, type RevealedField } from './lead-receipt.ts';
import { isRecipient, selectLeads, type LeadRow } from './leads.ts';
import { revealBlock, revealBlocks, type RevealBlock, type RevealSubject } from './reveal-check.ts';

/** A lead as the queue shows it: what it is about, never who. */
export interface QueuedLead {
  readonly id: string;
  readonly campaignId: string;
  readonly offerId: string;
  readonly offerTitle: string;
  readonly category: string;
  readonly createdAt: Date;
}

export interface RevealedLead {
  readonly leadId: string;
  readonly campaignId: string;
  readonly offer: { readonly offerId: string; readonly title: string };
  readonly identity: Pick<CustomerPii, RevealedField>;
  /** The customer's signed consent to this reveal (compact JWS): the advisor's authority to call. */
  readonly receipt: string;
  readonly claimedBy: string;
}

/** Why, precisely, a claim or a display was refused: for the vault's own decisions and tests, never sent. */
export type ClaimRefusalReason =
  | 'not-found'
  | 'wrong-recipient'
  | 'withdrawn'
  | 'restricted'
  | 'not-claimed'
  | 'already-claimed'
  | 'receipt-invalid'
  | 'receipt-mismatch'
  | 'customer-erased';

export interface ClaimRefusal {
  /** The catalogue's code (core/errors.ts): what a client is told. */
  readonly code: Extract<
    ErrorCode,
    'NOT_FOUND' | 'LEAD_REFUSED' | 'IDENTITY_WITHHELD' | 'RECEIPT_INVALID' | 'CUSTOMER_ERASED'
  >;
  readonly reason: ClaimRefusalReason;
  readonly message: string;
}

export interface RecipientFilter {
  /** 'bank' for the bank's own advisors, or a partner's code. */
  readonly recipient: string;
}

const advisorHandle = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

const refusal = (code: ClaimRefusal['code'], reason: ClaimRefusalReason, message: string) =>
  err<ClaimRefusal>({ code, reason, message });
const alreadyClaimed = () => refusal('LEAD_REFUSED', 'already-claimed', 'another advisor took up this lead');
const erased = () =>
  refusal(revealBlocks['customer-erased'].code, 'customer-erased', revealBlocks['customer-erased'].message);

export class AdvisorQueue {
  readonly #storage: Storage;
  readonly #identity: IdentityStore;
  readonly #keys: KeyProvider;
  readonly #audit: TransactionalAuditSink<SqlExecutor>;

  constructor(
    storage: Storage,
    identity: IdentityStore,
    keys: KeyProvider,
    audit: TransactionalAuditSink<SqlExecutor>,
  ) {
    this.#storage = storage;
    this.#identity = identity;
    this.#keys = keys;
    this.#audit = audit;
  }

  /** Open leads for the bank or one partner, oldest first. */
  async list({ recipient }: RecipientFilter): Promise<QueuedLead[]> {
    checkRecipient(recipient);
    const { rows } = await this.#storage.query<LeadRow>(
      `${selectLeads} WHERE l.state = 'open' AND l.recipient = $1 ORDER BY l.created_at, l.id`,
      [recipient],
    );
    return rows.map((row) => ({
      id: row.public_id,
      campaignId: row.campaign_id,
      offerId: row.offer.offerId,
      offerTitle: row.offer.title,
      category: row.offer.category,
      createdAt: row.created_at,
    }));
  }

  /**
   * Takes up a lead and reveals the customer's name and contact details, after checking, before reading
   * anything: the lead is open and for this recipient; its receipt verifies under a published receipt key,
   * is for identity_reveal, and is bound to this lead, campaign, offer, recipient and customer; and the
   * customer still agrees (`revealBlock`), checked again in the claim's transaction.
   */
  async claim(
    advisor: string,
    leadId: string,
    { recipient }: RecipientFilter,
  ): Promise<Result<RevealedLead, ClaimRefusal>> {
    const lead = await this.#lead(advisor, leadId, recipient);
    if (!lead.ok) return lead;
    const row = lead.value;
    if (row.state === 'claimed') return alreadyClaimed();
    return this.#reveal(advisor, row, 'claim');
  }

  /**
   * Shows a lead the advisor took up again, with whom to contact, only while the customer still agrees:
   * after a withdrawal, a restriction, an objection or an erasure the advisor learns that, and nothing else.
   */
  async show(
    advisor: string,
    leadId: string,
    { recipient }: RecipientFilter,
  ): Promise<Result<RevealedLead, ClaimRefusal>> {
    const lead = await this.#lead(advisor, leadId, recipient);
    if (!lead.ok) return lead;
    const row = lead.value;
    if (row.state === 'open')
      return refusal('LEAD_REFUSED', 'not-claimed', 'claim this lead before it is shown');
    if (row.state === 'claimed' && row.claimed_by !== advisor) {
      return alreadyClaimed();
    }
    return this.#reveal(advisor, row, 'display');
  }

  async #lead(advisor: string, leadId: string, recipient: string): Promise<Result<LeadRow, ClaimRefusal>> {
    if (!advisorHandle.test(advisor)) {
      throw new CurtainError('USAGE', 'an advisor handle is letters, digits, ".", "_" or "-" (no email)');
    }
    checkRecipient(recipient);
    const { rows } = await this.#storage.query<LeadRow>(`${selectLeads} WHERE l.public_id = $1`, [leadId]);
    const lead = rows[0];
    if (lead === undefined) return refusal('NOT_FOUND', 'not-found', 'no such lead');
    if (lead.recipient !== recipient)
      return refusal('LEAD_REFUSED', 'wrong-recipient', 'this lead is not for your queue');
    return ok(lead);
  }

  /** Verifies the lead's receipt, decides (`revealBlock`) and reveals, or records why nothing was shown. */
  async #reveal(
    advisor: string,
    lead: LeadRow,
    occasion: 'claim' | 'display',
  ): Promise<Result<RevealedLead, ClaimRefusal>> {
    const before = await revealBlock(this.#storage, subjectOf(lead));
    if (before !== undefined) return this.#withhold(advisor, lead, before);
    const identity = await this.#verifiedIdentity(lead);
    if (!identity.ok) return identity;
    const { pii, subjectRef, campaignRef } = identity.value;

    const outcome = await this.#storage.transaction(async (tx) => {
      // Decided again where it takes effect: a withdrawal, restriction or erasure committed meanwhile wins.
      const block = await revealBlock(tx, subjectOf(await this.#current(tx, lead)));
      if (block !== undefined) return block;
      if (occasion === 'claim') {
        const updated = await tx.query(
          `UPDATE leads SET state = 'claimed', claimed_by = $2, claimed_at = now() WHERE id = $1 AND state = 'open'`,
          [lead.id, advisor],
        );
        if (updated.affectedRows !== 1) return 'already-claimed' as const;
      }
      const details = {
        leadId: lead.public_id,
        campaignRef,
        recipient: lead.recipient,
        advisor,
      };
      await this.#audit.enqueue(tx, [
        {
          type: 'identity.revealed',
          subjectRef,
          details: occasion === 'claim' ? details : { ...details, occasion },
        },
      ]);
      return 'revealed' as const;
    });
    await this.#audit.flush();
    if (outcome === 'already-claimed') return alreadyClaimed();
    if (outcome !== 'revealed') return this.#withhold(advisor, lead, outcome);
    return ok({
      leadId: lead.public_id,
      campaignId: lead.campaign_id,
      offer: { offerId: lead.offer.offerId, title: lead.offer.title },
      identity: { givenName: pii.givenName, familyName: pii.familyName, email: pii.email, phone: pii.phone },
      receipt: lead.receipt,
      claimedBy: advisor,
    });
  }

  /** The receipt verifies and names this lead's customer; then (in memory only) who they are. */
  async #verifiedIdentity(
    lead: LeadRow,
  ): Promise<Result<{ pii: CustomerPii; subjectRef: string; campaignRef: string }, ClaimRefusal>> {
    const verified = await verifyReceipt(lead.receipt, this.#keys.verificationKeys('receipt-signing'));
    if (!verified.ok)
      return refusal(
        'RECEIPT_INVALID',
        'receipt-invalid',
        `the consent receipt does not verify (${verified.error})`,
      );
    const problem = checkLeadReceipt(verified.value, {
      leadId: lead.public_id,
      campaignId: lead.campaign_id,
      offerId: lead.offer.offerId,
      recipient: lead.recipient,
    });
    if (problem !== undefined)
      return refusal(
        'RECEIPT_INVALID',
        'receipt-mismatch',
        `the consent receipt is for ${problem === 'wrong-purpose' ? 'another purpose' : 'another lead'}`,
      );
    try {
      const auditKey = await this.#identity.auditKey(lead.customer_id);
      if (!isAuditSubject(auditKey, verified.value.piiPrincipalId)) {
        return refusal('RECEIPT_INVALID', 'receipt-mismatch', 'the consent receipt is for another customer');
      }
      const subjectRef = (await this.#identity.auditSubjects([lead.customer_id])).get(lead.customer_id);
      if (subjectRef === undefined) return erased();
      const campaignRef = auditCampaignFor(auditKey, subjectRef, lead.campaign_id);
      return ok({ pii: await this.#identity.readPii(lead.customer_id), subjectRef, campaignRef });
    } catch (error) {
      if (error instanceof CurtainError && error.code === 'CUSTOMER_ERASED') {
        return erased();
      }
      throw error;
    }
  }

  /** Nothing of the customer is shown; the log records that the identity was withheld, and why. */
  async #withhold(
    advisor: string,
    lead: LeadRow,
    block: RevealBlock,
  ): Promise<Result<RevealedLead, ClaimRefusal>> {
    if (block !== 'customer-erased') {
      const subjectRef = (await this.#identity.auditSubjects([lead.customer_id])).get(lead.customer_id);
      const campaignRef =
        subjectRef === undefined
          ? undefined
          : auditCampaignFor(await this.#identity.auditKey(lead.customer_id), subjectRef, lead.campaign_id);
      await this.#audit.record([
        {
          type: 'identity.withheld',
          ...(subjectRef === undefined ? {} : { subjectRef }),
          details: {
            leadId: lead.public_id,
            ...(campaignRef === undefined ? {} : { campaignRef }),
            recipient: lead.recipient,
            advisor,
            reason: block,
          },
        },
      ]);
    }
    return refusal(revealBlocks[block].code, block, revealBlocks[block].message);
  }

  async #current(tx: SqlExecutor, lead: LeadRow): Promise<LeadRow> {
    const { rows } = await tx.query<LeadRow>(`${selectLeads} WHERE l.id = $1 FOR UPDATE OF l`, [lead.id]);
    return rows[0] ?? { ...lead, state: 'withdrawn' };
  }
}

const subjectOf = (lead: LeadRow): RevealSubject => ({
  customerId: Number(lead.customer_id),
  state: lead.state,
  createdAt: lead.created_at,
});

function checkRecipient(recipient: string): void {
  if (!isRecipient(recipient)) throw new CurtainError('USAGE', 'a recipient is "bank" or a partner code');
}
