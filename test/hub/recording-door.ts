// A recording door for hub unit tests: answers like the vault would, and keeps every call for inspection.
import { err, ok, type Result } from '../../src/core/result.ts';
import type {
  AudienceReleaseRequest,
  CampaignResults,
  DeliveryRefusal,
  DeliveryReport,
  DeliveryRequest,
  DoorRefusal,
  HubAuditEvent,
  ProtectedCount,
  QuestionCheck,
  ReleasedAudience,
  ReleasedToken,
  VaultDoor,
  VaultKindAnswer,
} from '../../src/core/vault-door.ts';

/**
 * `check` refuses expressions containing "syntax error" (QUESTION_INVALID, with rendered diagnostics) and,
 * for credit purposes, expressions naming `age` (as the fair-lending rules do). `deliver` answers
 * `nextDelivery`, finished by default; `releaseAudience` answers `releasedTokens`.
 */
export class RecordingDoor implements VaultDoor {
  readonly checks: { expression: string; purpose: string }[] = [];
  readonly deliveries: DeliveryRequest[] = [];
  readonly recorded: HubAuditEvent[] = [];
  readonly resultRequests: { campaignId: string; requestedBy: string }[] = [];
  nextDelivery: Result<DeliveryReport, DeliveryRefusal> | 'throw' | undefined;
  readonly releases: AudienceReleaseRequest[] = [];
  releasedTokens: readonly ReleasedToken[] = [];
  /** What `kind` answers: the vault behind this door is real unless a test says otherwise. */
  vaultKind: VaultKindAnswer = 'real';

  check(expression: string, purpose: string): Promise<Result<QuestionCheck, DoorRefusal>> {
    this.checks.push({ expression, purpose });
    if (expression.includes('syntax error')) {
      return Promise.resolve(
        err({
          code: 'QUESTION_INVALID',
          message: 'the question does not parse',
          rendered: `1 | ${expression}\n  | ^ SYNTAX_UNEXPECTED: unexpected "syntax"`,
        }),
      );
    }
    if (purpose.includes('credit') && /\bage\b/.test(expression)) {
      return Promise.resolve(
        err({
          code: 'QUESTION_INVALID',
          message: 'the question does not pass the checker',
          rendered: `1 | ${expression}\n  | ^ FAIR_LENDING_PROTECTED: age may not be used for credit offers`,
        }),
      );
    }
    return Promise.resolve(ok({ explanation: `people for whom ${expression}` }));
  }

  count(): Promise<Result<ProtectedCount, DoorRefusal>> {
    const budget = {
      charged: '1/10',
      askerRemaining: '9/10',
      vaultRemaining: '99/10',
      resetsAt: '2099-01-01T00:00:00.000Z',
    };
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
    onProgress?.(0.5);
    onProgress?.(1);
    return Promise.resolve(
      next ?? ok({ campaignId: request.campaignId, state: 'finished', fractionDone: 1 }),
    );
  }

  releaseAudience(request: AudienceReleaseRequest): Promise<Result<ReleasedAudience, DeliveryRefusal>> {
    this.releases.push(request);
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
        epsilon: '1/20',
        releasedOn: '2030-03-02',
      }),
    );
  }

  kind(): Promise<VaultKindAnswer> {
    return Promise.resolve(this.vaultKind);
  }

  record(events: readonly HubAuditEvent[]): Promise<void> {
    this.recorded.push(...events);
    return Promise.resolve();
  }
}
