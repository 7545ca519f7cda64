// The vault's side of the one door, in one process: the hub's requests mapped onto the vault's services.
import type { AuditSink } from '../../core/audit-event.ts';
import { ok, err, type Result } from '../../core/result.ts';
import type {
  AudienceReleaseRequest,
  CampaignResults,
  DeliveryReport,
  DeliveryRefusal,
  DeliveryRequest,
  DoorRefusal,
  HubAuditEvent,
  ProtectedCount,
  QuestionCheck,
  ReleasedAudience,
  VaultDoor,
  VaultKindAnswer,
} from '../../core/vault-door.ts';
import { explainForCustomer } from '../../language/explain.ts';
import type { QuestionService } from '../questions/question-service.ts';

/** What the door needs of delivery: releasing an audience, sending a campaign and its protected results. */
export interface CampaignDelivery {
  releaseAudience(request: AudienceReleaseRequest): Promise<Result<ReleasedAudience, DeliveryRefusal>>;
  deliver(
    request: DeliveryRequest,
    onProgress?: (fractionDone: number) => void,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>>;
  results(campaignId: string, requestedBy: string): Promise<Result<CampaignResults, DoorRefusal>>;
}

const hubEventTypes: ReadonlySet<string> = new Set<HubAuditEvent['type']>([
  'campaign.drafted',
  'campaign.approved',
  'campaign.started',
  'campaign.finished',
  'campaign.cancelled',
  'admin.action',
]);

/**
 * Adapts the vault's services to `VaultDoor`. Everything that crosses is checked here once more: counts only
 * as the guard released them, refusals without exact figures, hub events without a customer reference.
 */
export class InProcessVaultDoor implements VaultDoor {
  readonly #questions: Pick<QuestionService, 'check' | 'ask'>;
  readonly #delivery: CampaignDelivery;
  readonly #audit: AuditSink;
  readonly #currency: string;
  readonly #kind: () => Promise<VaultKindAnswer>;

  constructor(
    questions: Pick<QuestionService, 'check' | 'ask'>,
    delivery: CampaignDelivery,
    audit: AuditSink,
    currency: string,
    kind: () => Promise<VaultKindAnswer>,
  ) {
    this.#questions = questions;
    this.#delivery = delivery;
    this.#audit = audit;
    this.#currency = currency;
    this.#kind = kind;
  }

  kind(): Promise<VaultKindAnswer> {
    return this.#kind();
  }

  async check(expression: string, purpose: string): Promise<Result<QuestionCheck, DoorRefusal>> {
    const checked = await this.#questions.check(expression, purpose);
    if (!checked.ok) return err(doorRefusal(checked.error));
    return ok({
      explanation: explainForCustomer(checked.value.plan, { currency: this.#currency }).join(' '),
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
    });
  }

  deliver(
    request: DeliveryRequest,
    onProgress?: (fractionDone: number) => void,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>> {
    return this.#delivery.deliver(request, onProgress);
  }

  releaseAudience(request: AudienceReleaseRequest): Promise<Result<ReleasedAudience, DeliveryRefusal>> {
    return this.#delivery.releaseAudience(request);
  }

  results(campaignId: string, requestedBy: string): Promise<Result<CampaignResults, DoorRefusal>> {
    return this.#delivery.results(campaignId, requestedBy);
  }

  async record(events: readonly HubAuditEvent[]): Promise<void> {
    for (const event of events) {
      if (!hubEventTypes.has(event.type) || 'subjectRef' in event) {
        throw new TypeError(`the hub may not record a ${event.type} event, nor one about a customer`);
      }
    }
    await this.#audit.record(events.map((e) => ({ type: e.type, details: e.details })));
  }
}

function doorRefusal(refusal: {
  readonly code: string;
  readonly message: string;
  readonly rendered?: string;
}) {
  return {
    code: refusal.code,
    message: refusal.message,
    ...(refusal.rendered === undefined ? {} : { rendered: refusal.rendered }),
  };
}
