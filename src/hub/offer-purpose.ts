// Which question purpose an offer's audience is checked under: who provides the product, and whether it is credit.
import type { QuestionPurposeCode } from '../core/question-purposes.ts';

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
