// Refusals of the inbox, responses and the advisors' queue as errors: their code is already the catalogue's.
import { CurtainError } from '../../core/errors.ts';
import type { ClaimRefusal } from './advisor-queue.ts';
import type { ResponseRefusal } from './response-service.ts';

export const refused = (refusal: ResponseRefusal | ClaimRefusal): CurtainError =>
  new CurtainError(refusal.code, refusal.message);
