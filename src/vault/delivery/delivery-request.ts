// Checks a delivery request from the hub before anything is read or sent, with the door's own contract.
import { audienceReleaseRequest, contractProblems, deliveryRequest } from '../../contracts/door.ts';
import type { AudienceReleaseRequest, DeliveryRefusal, DeliveryRequest } from '../../core/vault-door.ts';
import type { QuestionService } from '../questions/question-service.ts';

type CheckRefusal = Extract<Awaited<ReturnType<QuestionService['check']>>, { ok: false }>['error'];

/** The request as parsed, or the problems, named by field (never echoing the values). */
export function parseDeliveryRequest(
  request: unknown,
): { ok: true; value: DeliveryRequest } | { ok: false; problems: string } {
  const parsed = deliveryRequest.safeParse(request);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: contractProblems(parsed.error) };
}

export function parseAudienceReleaseRequest(
  request: unknown,
): { ok: true; value: AudienceReleaseRequest } | { ok: false; problems: string } {
  const parsed = audienceReleaseRequest.safeParse(request);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: contractProblems(parsed.error) };
}

/** A delivery's audience the checker refused, as the door says it: the rendered error, or the refusal's code. */
export function audienceRefusal(refusal: CheckRefusal): DeliveryRefusal {
  return refusal.code === 'QUESTION_INVALID'
    ? { code: 'QUESTION_INVALID', message: refusal.rendered }
    : {
        code: refusal.code === 'QUESTION_PURPOSE_UNKNOWN' ? refusal.code : 'DELIVERY_INVALID',
        message: refusal.message,
      };
}
