// The consent receipt of one lead: a Kantara receipt for identity_reveal, bound to the lead, its offer and recipient.
import type { ConsentSource } from '../../core/consent.ts';
import { buildReceipt, type ConsentReceipt, type ReceiptSettings } from '../consent/receipts.ts';

/** What the customer agreed to: this lead, from this campaign's offer, revealed to this recipient only. */
export interface LeadBinding {
  readonly leadId: string;
  readonly campaignId: string;
  readonly offerId: string;
  /** 'bank', or the code of the partner who makes the offer. */
  readonly recipient: string;
}

export interface LeadReceipt extends ConsentReceipt {
  readonly curtainLead: LeadBinding;
}

export interface LeadConsent {
  readonly noticeVersion: string;
  readonly decidedAt: Date;
  readonly source: ConsentSource;
}

export { revealedFields, type RevealedField } from '../../contracts/customer.ts';

export function buildLeadReceipt(
  settings: ReceiptSettings,
  subjectRef: string,
  keyId: string,
  binding: LeadBinding,
  consent: LeadConsent,
  issuedAt: Date,
): LeadReceipt {
  const base = buildReceipt(
    settings,
    subjectRef,
    keyId,
    // No channel is involved in a reveal: the consent covers this one lead, on no channel.
    [{ purpose: 'identity_reveal', grantedChannels: [], ...consent }],
    issuedAt,
  );
  return {
    ...base,
    services: base.services.map((service) => ({
      ...service,
      purposes: service.purposes.map((purpose) => ({
        ...purpose,
        primaryPurpose: true,
        piiCategory: ['Name', 'Email address', 'Phone number'],
        thirdPartyDisclosure: binding.recipient !== 'bank',
        termination: 'When an advisor takes up this lead, or when you withdraw it before that',
      })),
    })),
    curtainLead: { ...binding },
  };
}

export type LeadReceiptProblem = 'wrong-purpose' | 'wrong-binding';

/** Whether a verified receipt is for identity_reveal only, and bound to exactly this lead. */
export function checkLeadReceipt(
  receipt: ConsentReceipt,
  expected: LeadBinding,
): LeadReceiptProblem | undefined {
  // The payload is parsed JSON: its shape is only as good as whoever signed it.
  const services: unknown = receipt.services;
  const purposes = Array.isArray(services)
    ? (services as ConsentReceipt['services']).flatMap((s) => s.purposes)
    : [];
  if (purposes.length === 0 || purposes.some((p) => p.curtainPurposeCode !== 'identity_reveal')) {
    return 'wrong-purpose';
  }
  const bound = (receipt as Partial<LeadReceipt>).curtainLead;
  if (
    bound === undefined ||
    bound.leadId !== expected.leadId ||
    bound.campaignId !== expected.campaignId ||
    bound.offerId !== expected.offerId ||
    bound.recipient !== expected.recipient
  ) {
    return 'wrong-binding';
  }
  return undefined;
}
