// Checks a delivery request from the hub before anything is read or sent, with the door's own contract.
import { audienceReleaseRequest, contractProblems, deliveryRequest } from '../../contracts/door.ts';
import type { AudienceReleaseRequest, DeliveryRequest } from '../../core/vault-door.ts';

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
