// Refusals of the inbox, responses and the advisors' queue as errors with the catalogue's stable codes (CLI and API).
import { CurtainError, type ErrorCode } from '../../core/errors.ts';
import type { ClaimRefusal } from './advisor-queue.ts';
import type { ResponseRefusal } from './response-service.ts';

const codes: Record<ResponseRefusal['code'] | ClaimRefusal['code'], ErrorCode> = {
  'not-found': 'NOT_FOUND',
  'invalid-response': 'USAGE',
  'customer-erased': 'CUSTOMER_ERASED',
  'consent-not-given': 'CONSENT_REQUIRED',
  'notice-mismatch': 'CONSENT_REQUIRED',
  'offer-expired': 'LEAD_REFUSED',
  'wrong-recipient': 'LEAD_REFUSED',
  withdrawn: 'IDENTITY_WITHHELD',
  restricted: 'IDENTITY_WITHHELD',
  'not-claimed': 'LEAD_REFUSED',
  'already-claimed': 'LEAD_REFUSED',
  'receipt-invalid': 'RECEIPT_INVALID',
  'receipt-mismatch': 'RECEIPT_INVALID',
};

export const refused = (refusal: ResponseRefusal | ClaimRefusal): CurtainError =>
  new CurtainError(codes[refusal.code], `${refusal.code}: ${refusal.message}`);
