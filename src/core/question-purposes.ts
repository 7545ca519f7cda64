// Why a question is asked: each purpose names the consent it needs and whether fair-lending rules apply.
import type { ConsentPurpose } from './consent.ts';

export interface QuestionPurpose {
  readonly code: string;
  readonly title: string;
  /** Only customers who gave this consent (on any channel) are counted. */
  readonly consent: ConsentPurpose;
  /** Questions for credit products may not use protected attributes or their proxies. */
  readonly credit: boolean;
}

export const questionPurposes = [
  { code: 'bank_offers', title: 'Offers of the bank’s own products', consent: 'bank_offers', credit: false },
  {
    code: 'credit_offers',
    title: 'Offers of the bank’s credit products',
    consent: 'bank_offers',
    credit: true,
  },
  { code: 'partner_offers', title: 'Offers of partners’ products', consent: 'partner_offers', credit: false },
  {
    code: 'partner_credit_offers',
    title: 'Offers of partners’ credit products',
    consent: 'partner_offers',
    credit: true,
  },
  {
    code: 'spending_insights',
    title: 'Insights for customers about their own spending',
    consent: 'spending_insights',
    credit: false,
  },
] as const satisfies readonly QuestionPurpose[];

export type QuestionPurposeCode = (typeof questionPurposes)[number]['code'];

export function questionPurpose(code: string): QuestionPurpose | undefined {
  return questionPurposes.find((p) => p.code === code);
}

/** The provider of the bank's own products; any other provider is a partner's code. */
export const bankProvider = 'bank';

export type OfferPurpose = Extract<
  QuestionPurposeCode,
  'bank_offers' | 'credit_offers' | 'partner_offers' | 'partner_credit_offers'
>;

/** Credit offers get the fair-lending checks; partner offers need the partner-offers consent. */
export function offerPurpose(provider: string, credit: boolean): OfferPurpose {
  if (provider === bankProvider) return credit ? 'credit_offers' : 'bank_offers';
  return credit ? 'partner_credit_offers' : 'partner_offers';
}
