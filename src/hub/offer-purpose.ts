// Which question purpose an offer's audience is checked under: who provides the product, and whether it is credit.
export { bankProvider, offerPurpose, type OfferPurpose } from '../core/question-purposes.ts';
