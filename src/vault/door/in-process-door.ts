// The vault's side of the one door, in one process: the hub's requests mapped onto the vault's services.
import type { AuditSink } from '../../core/audit-event.ts';
import type { z } from 'zod';
import { roundDoorMethods } from '../../contracts/door-rounds.ts';
import {
  contractProblems,
  endReservationRequest,
  identifyRequest,
  recordRequest,
  reserveRequest,
  stopRequest,
} from '../../contracts/door.ts';
import { CurtainError } from '../../core/errors.ts';
import { ok, err, type Result } from '../../core/result.ts';
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
  PrivacyCost,
  ProtectedCount,
  QuestionCheck,
  ReleasedAudience,
  ReserveRequest,
  RoundAnswer,
  RoundDoor,
  RoundRequest,
  StopRequest,
  VaultDoor,
  VaultIdentity,
  VaultKindAnswer,
} from '../../core/vault-door.ts';
import { explainForCustomer } from '../../language/explain.ts';
import { rational } from '../../privacy/dp/rational.ts';
import { budgetReport, costSentence } from '../../privacy/guard/budget-report.ts';
import { checkAsker, type BudgetState, type PrivacyGuard } from '../../privacy/guard/privacy-guard.ts';
import type { QuestionService } from '../questions/question-service.ts';

/** What the door needs of delivery: releasing an audience, sending a campaign and its protected results. */
export interface CampaignDelivery {
  releaseAudience(request: AudienceReleaseRequest): Promise<Result<ReleasedAudience, DeliveryRefusal>>;
  deliver(
    request: DeliveryRequest,
    onProgress?: (fractionDone: number) => void,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>>;
  results(campaignId: string, requestedBy: string): Promise<Result<CampaignResults, DoorRefusal>>;
  stop(request: StopRequest): Promise<DeliveryStop>;
}

/** The request as its round contract reads it, or USAGE naming what is wrong (never a value). */
function roundRequest<S extends z.ZodType>(schema: S, request: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(request);
  if (!parsed.success) throw new CurtainError('USAGE', contractProblems(parsed.error, what));
  return parsed.data;
}

/**
 * Adapts the vault's services to `VaultDoor`. Everything that crosses is checked here once more: counts only
 * as the guard released them, refusals without exact figures, hub events without a customer reference.
 */
export class InProcessVaultDoor implements VaultDoor {
  readonly #questions: Pick<QuestionService, 'check' | 'ask' | 'budget'>;
  readonly #delivery: CampaignDelivery;
  readonly #audit: AuditSink;
  readonly #currency: string;
  readonly #kind: () => Promise<VaultKindAnswer>;
  readonly #guard: Pick<PrivacyGuard, 'reserve' | 'endReservation'>;
  readonly #identify: (nonce: string) => VaultIdentity;
  readonly #rounds: RoundDoor;

  constructor(
    services: {
      readonly questions: Pick<QuestionService, 'check' | 'ask' | 'budget'>;
      readonly delivery: CampaignDelivery;
      readonly audit: AuditSink;
      readonly guard: Pick<PrivacyGuard, 'reserve' | 'endReservation'>;
      readonly rounds: RoundDoor;
    },
    currency: string,
    kind: () => Promise<VaultKindAnswer>,
    identify: (nonce: string) => VaultIdentity,
  ) {
    this.#guard = services.guard;
    this.#questions = services.questions;
    this.#delivery = services.delivery;
    this.#audit = services.audit;
    this.#currency = currency;
    this.#kind = kind;
    this.#identify = identify;
    this.#rounds = services.rounds;
  }

  async roundBegin(request: RoundRequest<'roundBegin'>): Promise<RoundAnswer<'roundBegin'>> {
    return this.#rounds.roundBegin(roundRequest(roundDoorMethods.roundBegin.request, request, 'roundBegin'));
  }

  async roundShare(request: RoundRequest<'roundShare'>): Promise<RoundAnswer<'roundShare'>> {
    return this.#rounds.roundShare(roundRequest(roundDoorMethods.roundShare.request, request, 'roundShare'));
  }

  async roundMask(request: RoundRequest<'roundMask'>): Promise<RoundAnswer<'roundMask'>> {
    return this.#rounds.roundMask(roundRequest(roundDoorMethods.roundMask.request, request, 'roundMask'));
  }

  async roundUnmask(request: RoundRequest<'roundUnmask'>): Promise<RoundAnswer<'roundUnmask'>> {
    return this.#rounds.roundUnmask(
      roundRequest(roundDoorMethods.roundUnmask.request, request, 'roundUnmask'),
    );
  }

  async roundFinish(request: RoundRequest<'roundFinish'>): Promise<RoundAnswer<'roundFinish'>> {
    return this.#rounds.roundFinish(
      roundRequest(roundDoorMethods.roundFinish.request, request, 'roundFinish'),
    );
  }

  async roundAbort(request: RoundRequest<'roundAbort'>): Promise<void> {
    await this.#rounds.roundAbort(roundRequest(roundDoorMethods.roundAbort.request, request, 'roundAbort'));
  }

  identify(nonce: string): Promise<VaultIdentity> {
    const parsed = identifyRequest.safeParse({ nonce });
    if (!parsed.success) {
      return Promise.reject(new CurtainError('USAGE', contractProblems(parsed.error, 'nonce')));
    }
    return Promise.resolve(this.#identify(parsed.data.nonce));
  }

  kind(): Promise<VaultKindAnswer> {
    return this.#kind();
  }

  async check(expression: string, purpose: string): Promise<Result<QuestionCheck, DoorRefusal>> {
    const checked = await this.#questions.check(expression, purpose);
    if (!checked.ok) return err(doorRefusal(checked.error));
    return ok({
      explanation: explainForCustomer(checked.value.plan, { currency: this.#currency }).join(' '),
      cost: checked.value.cost.toString(),
    });
  }

  async count(
    expression: string,
    purpose: string,
    asker: string,
  ): Promise<Result<ProtectedCount, DoorRefusal>> {
    const answer = await this.#questions.ask({ expression, purpose, asker });
    if (!answer.ok) return err(doorRefusal(answer.error));
    return ok({
      count: answer.value.count,
      repeated: answer.value.repeated,
      epsilon: answer.value.budget.charged.toString(),
      budget: budgetReport(answer.value.budget),
    });
  }

  async deliver(
    request: DeliveryRequest,
    onProgress?: (fractionDone: number) => void,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>> {
    return this.#costed(request.requestedBy, await this.#delivery.deliver(request, onProgress));
  }

  async releaseAudience(request: AudienceReleaseRequest): Promise<Result<ReleasedAudience, DeliveryRefusal>> {
    return this.#costed(request.requestedBy, await this.#delivery.releaseAudience(request));
  }

  async results(campaignId: string, requestedBy: string): Promise<Result<CampaignResults, DoorRefusal>> {
    return this.#costed(requestedBy, await this.#delivery.results(campaignId, requestedBy));
  }

  /**
   * Every answer and refusal says what it cost and what is left: where the vault charged nothing (a resumed
   * run, a repeated release, a refusal before the data), "0" and the asker's budget as it stands.
   */
  async #costed<
    T extends { readonly budget?: PrivacyCost | undefined },
    E extends { readonly budget?: PrivacyCost | undefined },
  >(asker: unknown, result: Result<T, E>): Promise<Result<T, E>> {
    if ((result.ok ? result.value.budget : result.error.budget) !== undefined) return result;
    if (typeof asker !== 'string' || !isAsker(asker)) return result;
    const budget = budgetReport({ ...(await this.#questions.budget(asker)), charged: rational(0) });
    return result.ok ? ok({ ...result.value, budget }) : err({ ...result.error, budget });
  }

  async reserve(request: ReserveRequest): Promise<Result<BudgetHolding, DoorRefusal>> {
    const parsed = reserveRequest.safeParse(request);
    if (!parsed.success) {
      return err({ code: 'USAGE', message: contractProblems(parsed.error, 'reservation') });
    }
    const { endsAt, ...rest } = parsed.data;
    const held = await this.#guard.reserve({
      ...rest,
      ...(endsAt === undefined ? {} : { endsAt: new Date(endsAt) }),
    });
    return held.ok ? ok({ budget: budgetReport(held.value) }) : err(doorRefusal(held.error));
  }

  async endReservation(request: EndReservationRequest): Promise<void> {
    const parsed = endReservationRequest.safeParse(request);
    if (!parsed.success) throw new CurtainError('USAGE', contractProblems(parsed.error, 'reservation'));
    await this.#guard.endReservation(parsed.data.campaignId, parsed.data.reason, parsed.data.actor);
  }

  /** Stops the delivery, then gives back what the campaign still holds (its results' ε, say). */
  async stop(request: StopRequest): Promise<Result<DeliveryStop, DoorRefusal>> {
    const parsed = stopRequest.safeParse(request);
    if (!parsed.success) return err({ code: 'USAGE', message: contractProblems(parsed.error, 'stop') });
    const stopped = await this.#delivery.stop(parsed.data);
    await this.#guard.endReservation(parsed.data.campaignId, 'stopped', parsed.data.actor);
    return ok(stopped);
  }

  async record(events: readonly HubAuditEvent[]): Promise<void> {
    const parsed = recordRequest.safeParse({ events });
    if (!parsed.success) {
      throw new CurtainError(
        'USAGE',
        `the hub records campaign and admin events only, never about a customer: ${contractProblems(parsed.error, 'events')}`,
      );
    }
    await this.#audit.record(parsed.data.events.map((e) => ({ type: e.type, details: e.details })));
  }
}

function isAsker(asker: string): boolean {
  try {
    checkAsker(asker);
    return true;
  } catch {
    return false;
  }
}

function doorRefusal(refusal: {
  readonly code: DoorRefusal['code'];
  readonly message: string;
  readonly rendered?: string;
  readonly diagnostics?: DoorRefusal['diagnostics'];
  readonly budget?: BudgetState;
}): DoorRefusal {
  const cost = refusal.budget === undefined ? undefined : budgetReport(refusal.budget);
  return {
    code: refusal.code,
    message: cost === undefined ? refusal.message : `${refusal.message} (${costSentence(cost)})`,
    ...(refusal.rendered === undefined ? {} : { rendered: refusal.rendered }),
    ...(refusal.diagnostics === undefined ? {} : { diagnostics: refusal.diagnostics }),
    ...(cost === undefined ? {} : { budget: cost }),
  };
}
