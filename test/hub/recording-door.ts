// A recording door for hub unit tests: answers within the door contract, and keeps every call for inspection.
import { generateKeyPairSync } from 'node:crypto';
import {
  audienceReleaseRequest,
  contractProblems,
  deliveryRequest,
  identifyRequest,
  recordRequest,
  stopRequest,
} from '../../src/contracts/door.ts';
import { CurtainError } from '../../src/core/errors.ts';
import { questionPurpose } from '../../src/core/question-purposes.ts';
import { err, ok, type Result } from '../../src/core/result.ts';
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
  ReleasedToken,
  ReserveRequest,
  RoundAnswer,
  RoundRequest,
  StopRequest,
  VaultDoor,
  VaultIdentity,
  VaultKindAnswer,
} from '../../src/core/vault-door.ts';
import { proveIdentity } from '../../src/audit/door-identity.ts';
import type { LogKeys } from '../../src/audit/audit-log.ts';
import { explainForCustomer } from '../../src/language/explain.ts';
import { defaultGuardPolicy } from '../../src/privacy/guard/policy.ts';
import { checkQuestion } from '../../src/vault/questions/question-check.ts';
import { RecordingRounds } from './recording-rounds.ts';

export interface RecordingDoorOptions {
  /** The vault's currency, for amounts in questions; GBP by default. */
  readonly currency?: string;
  /** The day questions are checked on; today by default. */
  readonly now?: () => Date;
}

const budget: PrivacyCost = {
  charged: '1/10',
  askerRemaining: '9/10',
  vaultRemaining: '99/10',
  resetsAt: '2099-01-01T00:00:00.000Z',
};

/**
 * Checks questions with the vault's own checker (the language's checker with the fair-lending rules of the
 * purpose), so a hub test sees the refusals the vault gives; requests are checked against the door contract
 * as the vault checks them. Audiences in `tooFew` are too small (PRIVACY_TOO_FEW, DELIVERY_AUDIENCE_TOO_SMALL);
 * `deliver` answers `nextDelivery`, finished by default; `releaseAudience` answers `releasedTokens`.
 */
export class RecordingDoor implements VaultDoor {
  readonly checks: { expression: string; purpose: string }[] = [];
  readonly deliveries: DeliveryRequest[] = [];
  readonly recorded: HubAuditEvent[] = [];
  readonly resultRequests: { campaignId: string; requestedBy: string }[] = [];
  nextDelivery: Result<DeliveryReport, DeliveryRefusal> | 'throw' | undefined;
  readonly releases: AudienceReleaseRequest[] = [];
  releasedTokens: readonly ReleasedToken[] = [];
  /** Audiences (expressions) the vault would find too small. */
  readonly tooFew = new Set<string>();
  /** What `kind` answers: the vault behind this door is real unless a test says otherwise. */
  vaultKind: VaultKindAnswer = 'real';
  readonly #currency: string;
  readonly #now: () => Date;
  readonly #keys: LogKeys = doubleKeys();
  /** Its part in federated rounds: region "home" unless a test renames it, its own key pinned. */
  readonly rounds = new RecordingRounds(this.#keys, this.publicKey);

  constructor(options: RecordingDoorOptions = {}) {
    this.#currency = options.currency ?? 'GBP';
    this.#now = options.now ?? (() => new Date());
  }

  check(expression: string, purpose: string): Promise<Result<QuestionCheck, DoorRefusal>> {
    this.checks.push({ expression, purpose });
    const checked = this.#check(expression, purpose);
    if (!checked.ok) return Promise.resolve(checked);
    return Promise.resolve(ok({ explanation: checked.value, cost: '1/10' }));
  }

  count(expression: string, purpose: string): Promise<Result<ProtectedCount, DoorRefusal>> {
    const checked = this.#check(expression, purpose);
    if (!checked.ok) return Promise.resolve(checked);
    if (this.tooFew.has(expression)) {
      return Promise.resolve(err({ code: 'PRIVACY_TOO_FEW', message: 'too few people', budget }));
    }
    return Promise.resolve(ok({ count: 1000, repeated: false, epsilon: '1/10', budget }));
  }

  deliver(
    request: DeliveryRequest,
    onProgress?: (fractionDone: number) => void,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>> {
    this.deliveries.push(request);
    const next = this.nextDelivery;
    this.nextDelivery = undefined;
    if (next === 'throw') return Promise.reject(new Error('the vault went away'));
    const refused = this.#refuseDelivery(deliveryRequest.safeParse(request), request);
    if (refused !== undefined) return Promise.resolve(refused);
    if (this.#stopped.has(request.campaignId) && this.#runs.get(request.campaignId) !== 'finished') {
      return Promise.resolve(ok({ campaignId: request.campaignId, state: 'stopped', fractionDone: 0 }));
    }
    onProgress?.(0.5);
    onProgress?.(1);
    const answer =
      next ?? ok({ campaignId: request.campaignId, state: 'finished' as const, fractionDone: 1 });
    if (answer.ok) this.#runs.set(request.campaignId, answer.value.state);
    return Promise.resolve(answer);
  }

  releaseAudience(request: AudienceReleaseRequest): Promise<Result<ReleasedAudience, DeliveryRefusal>> {
    this.releases.push(request);
    const refused = this.#refuseDelivery(audienceReleaseRequest.safeParse(request), request);
    if (refused !== undefined) return Promise.resolve(refused);
    return Promise.resolve(
      ok({ campaignId: request.campaignId, k: 50, tokens: this.releasedTokens, repeated: false }),
    );
  }

  results(campaignId: string, requestedBy: string): Promise<Result<CampaignResults, DoorRefusal>> {
    this.resultRequests.push({ campaignId, requestedBy });
    return Promise.resolve(
      ok({
        campaignId,
        delivered: 120,
        opened: 60,
        interested: null,
        leadOutcomes: { contacted: 70, meeting: null, productOpened: null, closed: null },
        epsilon: '1/20',
        releasedOn: '2030-03-02',
      }),
    );
  }

  /** Campaigns holding budget, by id; `refuseReservations` makes every new holding refused. */
  readonly reservations = new Map<string, ReserveRequest>();
  refuseReservations = false;

  reserve(request: ReserveRequest): Promise<Result<BudgetHolding, DoorRefusal>> {
    if (this.refuseReservations) {
      return Promise.resolve(
        err({ code: 'PRIVACY_BUDGET_EXHAUSTED', message: 'the vault-wide budget is spent', budget }),
      );
    }
    this.reservations.set(request.campaignId, request);
    return Promise.resolve(ok({ budget }));
  }

  endReservation(request: EndReservationRequest): Promise<void> {
    this.reservations.delete(request.campaignId);
    return Promise.resolve();
  }

  /** Stops asked for, in order; `unreachableStops` makes `stop` fail as a vault that cannot be reached. */
  readonly stops: StopRequest[] = [];
  unreachableStops = false;
  /** When set, `stop` answers with this refusal (a value, as a vault that answered but did not stop). */
  refusedStop: DoorRefusal | undefined;
  /** Where each campaign's run stands, as the vault would keep it: set by `deliver`'s answers and by stops. */
  readonly #runs = new Map<string, DeliveryStop['run']>();
  readonly #stopped = new Set<string>();

  /** As the vault: a run still sending is stopped, any other is found as it stands; asking again is the same. */
  stop(request: StopRequest): Promise<Result<DeliveryStop, DoorRefusal>> {
    const parsed = stopRequest.safeParse(request);
    if (!parsed.success) {
      return Promise.resolve(err({ code: 'USAGE', message: contractProblems(parsed.error, 'stop') }));
    }
    if (this.unreachableStops) {
      return Promise.reject(new CurtainError('VAULT_UNAVAILABLE', 'the vault cannot be reached'));
    }
    if (this.refusedStop !== undefined) return Promise.resolve(err(this.refusedStop));
    this.stops.push(request);
    this.reservations.delete(request.campaignId);
    const run = this.#runs.get(request.campaignId) ?? 'not_started';
    if (run === 'sending') this.#runs.set(request.campaignId, 'stopped');
    this.#stopped.add(request.campaignId);
    const fractionDone = run === 'finished' ? 1 : 0;
    return Promise.resolve(ok({ campaignId: request.campaignId, run, fractionDone }));
  }

  kind(): Promise<VaultKindAnswer> {
    return Promise.resolve(this.vaultKind);
  }

  /** Proves a key of its own, made for this double: `publicKey` is what a hub would pin. */
  identify(nonce: string): Promise<VaultIdentity> {
    const parsed = identifyRequest.safeParse({ nonce });
    if (!parsed.success) return Promise.reject(new CurtainError('USAGE', contractProblems(parsed.error)));
    return Promise.resolve(proveIdentity(this.#keys, 'recording.example/vault', nonce));
  }

  get publicKey(): string {
    return proveIdentity(this.#keys, 'recording.example/vault', 'A'.repeat(43)).publicKey;
  }

  roundBegin(request: RoundRequest<'roundBegin'>): Promise<RoundAnswer<'roundBegin'>> {
    return this.rounds.roundBegin(request);
  }

  roundShare(request: RoundRequest<'roundShare'>): Promise<RoundAnswer<'roundShare'>> {
    return this.rounds.roundShare(request);
  }

  roundMask(request: RoundRequest<'roundMask'>): Promise<RoundAnswer<'roundMask'>> {
    return this.rounds.roundMask(request);
  }

  roundUnmask(request: RoundRequest<'roundUnmask'>): Promise<RoundAnswer<'roundUnmask'>> {
    return this.rounds.roundUnmask(request);
  }

  roundFinish(request: RoundRequest<'roundFinish'>): Promise<RoundAnswer<'roundFinish'>> {
    return this.rounds.roundFinish(request);
  }

  roundAbort(request: RoundRequest<'roundAbort'>): Promise<void> {
    return this.rounds.roundAbort(request);
  }

  record(events: readonly HubAuditEvent[]): Promise<void> {
    const parsed = recordRequest.safeParse({ events });
    if (!parsed.success) {
      return Promise.reject(new CurtainError('USAGE', contractProblems(parsed.error, 'events')));
    }
    this.recorded.push(...events);
    return Promise.resolve();
  }

  /** The customer's "why am I seeing this", or the vault's refusal. */
  #check(expression: string, purposeCode: string): Result<string, DoorRefusal> {
    const purpose = questionPurpose(purposeCode);
    if (purpose === undefined) {
      return err({ code: 'QUESTION_PURPOSE_UNKNOWN', message: `unknown purpose "${purposeCode}"` });
    }
    const checked = checkQuestion(expression, purpose, {
      currency: this.#currency,
      retentionDays: 730,
      maxAttributes: defaultGuardPolicy.maxAttributes,
      asOf: this.#now().toISOString().slice(0, 10),
    });
    if (!checked.ok) {
      const { code, message, rendered } = checked.error;
      return err({ code, message, rendered });
    }
    return ok(explainForCustomer(checked.value.plan, { currency: this.#currency }).join(' '));
  }

  /** A delivery's refusal as the vault's delivery gives it, or undefined when the request may go on. */
  #refuseDelivery(
    parsed: { success: true } | { success: false; error: Parameters<typeof contractProblems>[0] },
    request: { readonly audience: string; readonly purpose: string },
  ): Result<never, DeliveryRefusal> | undefined {
    if (!parsed.success) return err({ code: 'DELIVERY_INVALID', message: contractProblems(parsed.error) });
    const checked = this.#check(request.audience, request.purpose);
    if (!checked.ok) {
      const { code, message, rendered } = checked.error;
      return code === 'QUESTION_INVALID'
        ? err({ code, message: rendered ?? message })
        : err({ code: code === 'QUESTION_PURPOSE_UNKNOWN' ? code : 'DELIVERY_INVALID', message });
    }
    if (this.tooFew.has(request.audience)) {
      return err({ code: 'DELIVERY_AUDIENCE_TOO_SMALL', message: 'audience too small' });
    }
    return undefined;
  }
}

function doubleKeys(): LogKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key = { id: 'double', purpose: 'log-signing', createdAt: '2026-01-01', status: 'active' } as const;
  return {
    signingKey: () => ({ ...key, privateKey, publicKey }),
    verificationKeys: () => [{ ...key, privateKey, publicKey }],
  };
}
