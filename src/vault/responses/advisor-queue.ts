// The advisors' queue: open leads without identity, and the one reveal a valid, bound consent receipt allows.
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import { CurtainError } from '../../core/errors.ts';
import type { CustomerPii } from '../../core/identity.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import { verifyReceipt } from '../consent/receipts.ts';
import { auditCampaignFor, isAuditSubject, type IdentityStore } from '../identity/identity-store.ts';
import type { KeyProvider } from '../../keys/key-provider.ts';
import { checkLeadReceipt, type RevealedField } from './lead-receipt.ts';
import { isRecipient, selectLeads, type LeadRow } from './leads.ts';

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

export type ClaimRefusalCode =
  | 'not-found'
  | 'wrong-recipient'
  | 'withdrawn'
  | 'already-claimed'
  | 'receipt-invalid'
  | 'receipt-mismatch'
  | 'customer-erased';

export interface ClaimRefusal {
  readonly code: ClaimRefusalCode;
  readonly message: string;
}

export interface RecipientFilter {
  /** 'bank' for the bank's own advisors, or a partner's code. */
  readonly recipient: string;
}

const advisorHandle = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

const refusal = (code: ClaimRefusalCode, message: string) => err<ClaimRefusal>({ code, message });

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
   * is for identity_reveal, and is bound to this lead, campaign, offer, recipient and customer.
   */
  async claim(
    advisor: string,
    leadId: string,
    { recipient }: RecipientFilter,
  ): Promise<Result<RevealedLead, ClaimRefusal>> {
    if (!advisorHandle.test(advisor)) {
      throw new CurtainError('USAGE', 'an advisor handle is letters, digits, ".", "_" or "-" (no email)');
    }
    checkRecipient(recipient);
    const { rows } = await this.#storage.query<LeadRow>(`${selectLeads} WHERE l.public_id = $1`, [leadId]);
    const lead = rows[0];
    if (lead === undefined) return refusal('not-found', 'no such lead');
    if (lead.recipient !== recipient) return refusal('wrong-recipient', 'this lead is not for your queue');
    if (lead.state === 'withdrawn') return refusal('withdrawn', 'the customer withdrew this lead');
    if (lead.state === 'claimed') return refusal('already-claimed', 'another advisor took up this lead');

    const verified = await verifyReceipt(lead.receipt, this.#keys.verificationKeys('receipt-signing'));
    if (!verified.ok)
      return refusal('receipt-invalid', `the consent receipt does not verify (${verified.error})`);
    const problem = checkLeadReceipt(verified.value, {
      leadId: lead.public_id,
      campaignId: lead.campaign_id,
      offerId: lead.offer.offerId,
      recipient: lead.recipient,
    });
    if (problem !== undefined)
      return refusal(
        'receipt-mismatch',
        `the consent receipt is for ${problem === 'wrong-purpose' ? 'another purpose' : 'another lead'}`,
      );

    let pii: CustomerPii, subjectRef: string | undefined, campaignRef: string | undefined;
    try {
      const auditKey = await this.#identity.auditKey(lead.customer_id);
      if (!isAuditSubject(auditKey, verified.value.piiPrincipalId)) {
        return refusal('receipt-mismatch', 'the consent receipt is for another customer');
      }
      subjectRef = (await this.#identity.auditSubjects([lead.customer_id])).get(lead.customer_id);
      if (subjectRef !== undefined) campaignRef = auditCampaignFor(auditKey, subjectRef, lead.campaign_id);
      pii = await this.#identity.readPii(lead.customer_id);
    } catch (error) {
      if (error instanceof CurtainError && error.code === 'CUSTOMER_ERASED') {
        return refusal('customer-erased', 'the customer was erased');
      }
      throw error;
    }
    if (subjectRef === undefined) return refusal('customer-erased', 'the customer was erased');

    const claimed = await this.#storage.transaction(async (tx) => {
      // Only an open lead: a withdrawal that committed meanwhile wins, and nothing is revealed.
      const updated = await tx.query(
        `UPDATE leads SET state = 'claimed', claimed_by = $2, claimed_at = now() WHERE id = $1 AND state = 'open'`,
        [lead.id, advisor],
      );
      if (updated.affectedRows !== 1) return false;
      await this.#audit.enqueue(tx, [
        {
          type: 'identity.revealed',
          subjectRef,
          details: { leadId: lead.public_id, campaignRef: campaignRef!, recipient, advisor },
        },
      ]);
      return true;
    });
    await this.#audit.flush();
    if (!claimed) {
      const { rows: now } = await this.#storage.query<{ state: string }>(
        'SELECT state FROM leads WHERE id = $1',
        [lead.id],
      );
      return now[0]?.state === 'claimed'
        ? refusal('already-claimed', 'another advisor took up this lead')
        : refusal('withdrawn', 'the customer withdrew this lead');
    }
    return ok({
      leadId: lead.public_id,
      campaignId: lead.campaign_id,
      offer: { offerId: lead.offer.offerId, title: lead.offer.title },
      identity: { givenName: pii.givenName, familyName: pii.familyName, email: pii.email, phone: pii.phone },
      receipt: lead.receipt,
      claimedBy: advisor,
    });
  }
}

function checkRecipient(recipient: string): void {
  if (!isRecipient(recipient)) throw new CurtainError('USAGE', 'a recipient is "bank" or a partner code');
}
