// Delivery: expands an audience at send time, admits it through the guard, freezes it, and sends exactly once.
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import { questionPurpose } from '../../core/question-purposes.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type {
  CampaignResults,
  DeliveryReport,
  DeliveryRefusal,
  DeliveryRequest,
  DoorRefusal,
} from '../../core/vault-door.ts';
import { explainForCustomer } from '../../language/explain.ts';
import { normalisePlan } from '../../language/normalise.ts';
import type { QuestionEngine } from '../../language/plan.ts';
import { cryptoRandomSource, type RandomSource } from '../../privacy/dp/random-source.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import type { PreferenceStore } from '../consent/preference-store.ts';
import type { IdentityStore } from '../identity/identity-store.ts';
import type { KeyProvider } from '../identity/key-provider.ts';
import type { AudienceGuard } from '../questions/audience-guard.ts';
import type { QuestionService } from '../questions/question-service.ts';
import { filterAudience } from './audience-filter.ts';
import { campaignResults } from './campaign-results.ts';
import { parseDeliveryRequest } from './delivery-request.ts';
import type { FaultHook } from './faults.ts';
import { writeBatch, type BatchRun, type InboxWriterDeps } from './inbox-writer.ts';
import { NoticeSender, type NoticeAdapters, type NoticeSummary } from './notice-sender.ts';
import {
  freezeRecipients,
  insertRun,
  markFinished,
  readRun,
  resumePosition,
  type DeliveryRun,
} from './run-store.ts';
import { shuffle } from './shuffle.ts';

/** The vault services delivery uses; `VaultServices` (main.ts) has them all. */
export interface DeliveryServices {
  readonly storage: Storage;
  readonly keys: KeyProvider;
  readonly identity: IdentityStore;
  readonly audit: TransactionalAuditSink<SqlExecutor>;
  readonly consent: ConsentLedger;
  readonly preferences: PreferenceStore;
  readonly questions: Pick<QuestionService, 'check'>;
  readonly questionEngine: QuestionEngine;
}

export interface DeliveryServiceOptions {
  /** The vault's currency, for the "why am I seeing this" text. */
  readonly currency: string;
  /** The origin of the customer's inbox (notices link to `<origin>/inbox/<id>`); its host names message ids. */
  readonly inboxOrigin: string;
  readonly adapters?: NoticeAdapters;
  readonly now?: () => Date;
  /** Recipients per inbox transaction; default 5,000. */
  readonly batchSize?: number;
  readonly fault?: FaultHook;
  /** The order of the frozen audience and the sample under `maxMessages`; cryptographic by default. */
  readonly random?: RandomSource;
  /** Attempts per notice before it is given up as failed; default 5. */
  readonly maxNoticeAttempts?: number;
  /** The wait after a notice's first failed attempt, doubled for each further one; default 1 minute. */
  readonly noticeRetryBaseMs?: number;
}

const tooSmall: DeliveryRefusal = { code: 'DELIVERY_AUDIENCE_TOO_SMALL', message: 'audience too small' };

export class DeliveryService {
  readonly #services: DeliveryServices;
  readonly #guard: AudienceGuard;
  readonly #options: DeliveryServiceOptions;
  readonly #now: () => Date;
  readonly #batchSize: number;
  readonly #fault: FaultHook;
  readonly #random: RandomSource;
  readonly #writer: InboxWriterDeps;
  readonly #notices: NoticeSender;
  /** One run per campaign at a time in this process; across processes the run's primary key decides. */
  readonly #running = new Map<string, Promise<unknown>>();

  constructor(services: DeliveryServices, guard: AudienceGuard, options: DeliveryServiceOptions) {
    this.#services = services;
    this.#guard = guard;
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    this.#batchSize = options.batchSize ?? 5_000;
    this.#fault = options.fault ?? (() => undefined);
    this.#random = options.random ?? cryptoRandomSource();
    const origin = new URL(options.inboxOrigin);
    this.#writer = {
      storage: services.storage,
      consent: services.consent,
      preferences: services.preferences,
      audit: services.audit,
      messageIdKey: services.keys.secret('message-id'),
      messageIdDomain: origin.hostname,
    };
    this.#notices = new NoticeSender(services.storage, services.identity, {
      adapters: options.adapters ?? {},
      inboxOrigin: origin.origin,
      maxAttempts: options.maxNoticeAttempts ?? 5,
      retryBaseMs: options.noticeRetryBaseMs ?? 60_000,
      batchSize: 500,
      concurrency: 16,
      now: this.#now,
      fault: this.#fault,
    });
  }

  /**
   * Delivers an offer to an audience, or resumes the campaign's earlier run: a run is never sent twice.
   * The inbox gets every message first, batch by batch; then the notices that are due go out.
   */
  deliver(
    request: DeliveryRequest,
    onProgress?: (fractionDone: number) => void,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>> {
    const key = typeof request.campaignId === 'string' ? request.campaignId : '';
    const previous = this.#running.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.#deliver(request, onProgress));
    const settled = next.catch(() => undefined);
    this.#running.set(key, settled);
    void settled.then(() => {
      if (this.#running.get(key) === settled) this.#running.delete(key);
    });
    return next;
  }

  /** Sends pending notices whose time has come (after quiet hours, or a retry's wait): for a scheduler. */
  sendDueNotices(): Promise<NoticeSummary> {
    return this.#notices.sendDue();
  }

  /** Protected aggregates of a campaign's messages, charged to `requestedBy`. */
  results(campaignId: string, requestedBy: string): Promise<Result<CampaignResults, DoorRefusal>> {
    return campaignResults(this.#services.storage, this.#guard, campaignId, requestedBy);
  }

  async #deliver(
    raw: DeliveryRequest,
    onProgress: ((fractionDone: number) => void) | undefined,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>> {
    const parsed = parseDeliveryRequest(raw);
    if (!parsed.ok) return err({ code: 'DELIVERY_INVALID', message: parsed.problems });
    const request = parsed.value;
    const existing = await readRun(this.#services.storage, request.campaignId);
    if (existing !== undefined) return this.#resume(existing, onProgress);

    const { storage, questions, questionEngine } = this.#services;
    const checked = await questions.check(request.audience, request.purpose);
    if (!checked.ok) {
      const refusal = checked.error;
      return err(
        refusal.code === 'QUESTION_INVALID'
          ? { code: 'QUESTION_INVALID', message: refusal.rendered }
          : {
              code: refusal.code === 'QUESTION_PURPOSE_UNKNOWN' ? refusal.code : 'DELIVERY_INVALID',
              message: refusal.message,
            },
      );
    }
    const purpose = questionPurpose(request.purpose)!;
    const plan = normalisePlan(checked.value.plan);
    const explanation = explainForCustomer(plan, { currency: this.#options.currency }).join(' ');
    const now = this.#now();

    const matching = await questionEngine.evaluate(plan, now.toISOString().slice(0, 10));
    const kept = await filterAudience(storage, this.#services.consent, this.#services.preferences, {
      ids: matching,
      consentPurpose: purpose.consent,
      category: request.offer.category,
      partner: request.offer.partner,
      campaignCap: request.frequencyCap,
      now,
    });
    const audience = shuffle(kept, this.#random).subarray(0, request.maxMessages ?? kept.length);

    const admitted = await this.#guard.admit({
      asker: request.requestedBy,
      purpose: purpose.code,
      label: `delivery:${request.campaignId}`,
      size: audience.length,
    });
    const run = {
      campaignId: request.campaignId,
      requestedBy: request.requestedBy,
      purpose: purpose.code,
      audience: request.audience,
      explanation,
      offer: request.offer,
      channels: request.channels,
    };
    if (!admitted.ok) {
      const refusal = admitted.error;
      if (refusal.code !== 'PRIVACY_TOO_FEW') return err({ code: refusal.code, message: refusal.message });
      await storage.transaction(async (tx) => {
        if (await insertRun(tx, { ...run, state: 'too_small', planned: 0 })) {
          await this.#services.audit.enqueue(tx, [
            {
              type: 'delivery.refused',
              details: { campaign: request.campaignId, purpose: purpose.code, reason: 'audience_too_small' },
            },
          ]);
        }
      });
      await this.#services.audit.flush();
      return err(tooSmall);
    }

    const frozen = await storage.transaction(async (tx) => {
      if (!(await insertRun(tx, { ...run, state: 'sending', planned: audience.length }))) return false;
      await freezeRecipients(tx, request.campaignId, audience);
      return true;
    });
    if (frozen) this.#fault('after-freeze');
    const stored = await readRun(storage, request.campaignId);
    return this.#resume(stored!, onProgress);
  }

  async #resume(
    run: DeliveryRun,
    onProgress: ((fractionDone: number) => void) | undefined,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>> {
    if (run.state === 'too_small') return err(tooSmall);
    if (run.state === 'sending') await this.#sendInbox(run, onProgress);
    await this.#notices.sendDue(run.campaignId);
    onProgress?.(1);
    return ok({ campaignId: run.campaignId, state: 'finished', fractionDone: 1 });
  }

  async #sendInbox(
    run: DeliveryRun,
    onProgress: ((fractionDone: number) => void) | undefined,
  ): Promise<void> {
    const { storage } = this.#services;
    const purpose = questionPurpose(run.purpose)!;
    const batchRun: BatchRun = {
      campaignId: run.campaignId,
      offer: run.offer,
      explanation: run.explanation,
      channels: run.channels,
      consentPurpose: purpose.consent,
    };
    const size = this.#batchSize;
    const start = (await resumePosition(storage, run.campaignId)) ?? run.planned;
    for (let from = start - (start % size); from < run.planned; from += size) {
      const to = Math.min(run.planned, from + size);
      await writeBatch(this.#writer, batchRun, { from, to, batch: from / size + 1 }, this.#now());
      this.#fault('after-inbox-batch');
      onProgress?.(to / run.planned);
    }
    await markFinished(storage, run.campaignId, this.#now());
  }
}
