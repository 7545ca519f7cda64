// The hub's side of the door when the vault runs in another process: the same interface, over authenticated HTTP.
import type { z } from 'zod';
import { errorBody } from '../contracts/common.ts';
import {
  audienceReleaseRequest,
  contractProblems,
  deliveryRequest,
  doorMethods,
  stopRequest,
  type DoorMethod,
  type Message,
} from '../contracts/door.ts';
import { CurtainError, errorCatalogue, type ErrorCode } from '../core/errors.ts';
import { err, type Result } from '../core/result.ts';
import type {
  AudienceReleaseRequest,
  BudgetHolding,
  CampaignResults,
  DeliveryRefusal,
  DeliveryReport,
  DeliveryRequest,
  DeliveryStop,
  DoorRefusal,
  EndReservationRequest,
  HubAuditEvent,
  ProtectedCount,
  QuestionCheck,
  ReleasedAudience,
  ReserveRequest,
  RoundAnswer,
  RoundRequest,
  StopRequest,
  VaultDoor,
  VaultIdentity,
  VaultKindAnswer,
} from '../core/vault-door.ts';
import { doorKeyHeader } from './auth/access-control.ts';

export interface HttpVaultDoorOptions {
  /** The vault's base URL, e.g. https://vault.bank.internal:8443. */
  readonly url: string;
  /** The shared door key (CURTAIN_DOOR_KEY), the same on both sides. */
  readonly key: string;
  /**
   * How long a call may wait for the vault's answer before it fails with VAULT_TIMEOUT (default 30 s);
   * `deliver` and `releaseAudience` run a whole delivery and get `deliveryTimeoutMs` (default 30 min).
   */
  readonly timeoutMs?: number;
  readonly deliveryTimeoutMs?: number;
}

/**
 * Door methods that run a whole delivery, or read a region's data for a federated round: an answer within
 * seconds is not expected of them.
 */
const longMethods: ReadonlySet<DoorMethod> = new Set([
  'deliver',
  'releaseAudience',
  'roundMask',
  'roundFinish',
]);

export class HttpVaultDoor implements VaultDoor {
  readonly #url: string;
  readonly #key: string;
  readonly #timeoutMs: number;
  readonly #deliveryTimeoutMs: number;

  constructor(options: HttpVaultDoorOptions) {
    this.#url = options.url;
    this.#key = options.key;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#deliveryTimeoutMs = options.deliveryTimeoutMs ?? 30 * 60_000;
  }

  check(expression: string, purpose: string): Promise<Result<QuestionCheck, DoorRefusal>> {
    return this.#call('check', { expression, purpose });
  }

  count(expression: string, purpose: string, asker: string): Promise<Result<ProtectedCount, DoorRefusal>> {
    return this.#call('count', { expression, purpose, asker });
  }

  async deliver(
    request: DeliveryRequest,
    onProgress?: (fractionDone: number) => void,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>> {
    const parsed = deliveryRequest.safeParse(request);
    if (!parsed.success) return err({ code: 'DELIVERY_INVALID', message: contractProblems(parsed.error) });
    // The vault answers when the run ends; progress arrives as that one final step.
    const result = await this.#call('deliver', parsed.data);
    if (result.ok) onProgress?.(result.value.fractionDone);
    return result;
  }

  releaseAudience(request: AudienceReleaseRequest): Promise<Result<ReleasedAudience, DeliveryRefusal>> {
    const parsed = audienceReleaseRequest.safeParse(request);
    if (!parsed.success) {
      return Promise.resolve(err({ code: 'DELIVERY_INVALID', message: contractProblems(parsed.error) }));
    }
    return this.#call('releaseAudience', parsed.data);
  }

  results(campaignId: string, requestedBy: string): Promise<Result<CampaignResults, DoorRefusal>> {
    return this.#call('results', { campaignId, requestedBy });
  }

  reserve(request: ReserveRequest): Promise<Result<BudgetHolding, DoorRefusal>> {
    return this.#call('reserve', request);
  }

  async endReservation(request: EndReservationRequest): Promise<void> {
    await this.#call('endReservation', request);
  }

  /** A request outside the contract is refused here, as the vault in process refuses it (USAGE). */
  stop(request: StopRequest): Promise<Result<DeliveryStop, DoorRefusal>> {
    const parsed = stopRequest.safeParse(request);
    if (!parsed.success) {
      return Promise.resolve(err({ code: 'USAGE', message: contractProblems(parsed.error, 'stop') }));
    }
    return this.#call('stop', parsed.data);
  }

  async record(events: readonly HubAuditEvent[]): Promise<void> {
    await this.#call('record', { events });
  }

  async kind(): Promise<VaultKindAnswer> {
    return (await this.#call('kind', {})).kind;
  }

  identify(nonce: string): Promise<VaultIdentity> {
    return this.#call('identify', { nonce });
  }

  roundBegin(request: RoundRequest<'roundBegin'>): Promise<RoundAnswer<'roundBegin'>> {
    return this.#call('roundBegin', request);
  }

  roundShare(request: RoundRequest<'roundShare'>): Promise<RoundAnswer<'roundShare'>> {
    return this.#call('roundShare', request);
  }

  roundMask(request: RoundRequest<'roundMask'>): Promise<RoundAnswer<'roundMask'>> {
    return this.#call('roundMask', request);
  }

  roundUnmask(request: RoundRequest<'roundUnmask'>): Promise<RoundAnswer<'roundUnmask'>> {
    return this.#call('roundUnmask', request);
  }

  roundFinish(request: RoundRequest<'roundFinish'>): Promise<RoundAnswer<'roundFinish'>> {
    return this.#call('roundFinish', request);
  }

  async roundAbort(request: RoundRequest<'roundAbort'>): Promise<void> {
    await this.#call('roundAbort', request);
  }

  /** Whether the vault answers at all (the hub's readiness). */
  async reachable(): Promise<boolean> {
    const response = await fetch(new URL('/ready', this.#url)).catch(() => undefined);
    return response?.ok === true;
  }

  /**
   * Calls a door method and checks the answer against its contract: a vault that answers anything else (a
   * wrong shape, a refusal code outside the catalogue, a body that is not JSON) is DOOR_CONTRACT, never passed on.
   * A vault that hangs is VAULT_TIMEOUT once the method's timeout has passed, whether it never answered or
   * stopped in the middle of its answer.
   */
  async #call<M extends DoorMethod>(method: M, body: DoorBody<M>): Promise<DoorAnswer<M>> {
    const { path, answer } = doorMethods[method];
    const timeoutMs = longMethods.has(method) ? this.#deliveryTimeoutMs : this.#timeoutMs;
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(new URL(`/internal/door/${path}`, this.#url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [doorKeyHeader]: this.#key },
        body: JSON.stringify(body),
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (signal.aborted) {
        throw new CurtainError(
          'VAULT_TIMEOUT',
          `the vault did not answer VaultDoor.${method} within ${timeoutMs / 1000} s`,
        );
      }
      throw new CurtainError('VAULT_UNAVAILABLE', `the vault cannot be reached: ${(error as Error).message}`);
    }
    if (response.status === 401 || response.status === 403) {
      throw new CurtainError('VAULT_UNAVAILABLE', 'the vault refused the hub’s door key');
    }
    if (!response.ok) throw refused(method, response.status, text);
    if (answer === null) {
      if (response.status === 204) return undefined as DoorAnswer<M>;
      throw outsideContract(method, `status ${response.status} where the contract says 204`);
    }
    const parsed = (answer as z.ZodType).safeParse(parseJson(text));
    if (!parsed.success) throw outsideContract(method, contractProblems(parsed.error, 'answer'));
    return parsed.data as DoorAnswer<M>;
  }
}

type DoorBody<M extends DoorMethod> = Message<(typeof doorMethods)[M]['request']>;
type AnswerSchema<M extends DoorMethod> = (typeof doorMethods)[M]['answer'];
type DoorAnswer<M extends DoorMethod> =
  AnswerSchema<M> extends z.ZodType ? Message<AnswerSchema<M>> : undefined;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function outsideContract(method: DoorMethod, problems: string): CurtainError {
  return new CurtainError(
    'DOOR_CONTRACT',
    `the vault answered VaultDoor.${method} with something the door contract does not allow: ${problems}`,
  );
}

/** A vault's error answer: its code when the catalogue knows it (USAGE for a malformed request, say). */
function refused(method: DoorMethod, status: number, text: string): CurtainError {
  const parsed = errorBody.safeParse(parseJson(text));
  if (!parsed.success) return outsideContract(method, `status ${status} without an error body`);
  const { code, message } = parsed.data.error;
  const known = code in errorCatalogue ? (code as ErrorCode) : 'VAULT_UNAVAILABLE';
  return new CurtainError(known, `the vault refused the door call: ${message}`);
}
