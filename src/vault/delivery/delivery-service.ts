// Delivery: expands an audience at send time, admits it through the guard, freezes it, and sends exactly once.
import type { ConsentPurpose } from '../../core/consent.ts';
import { questionPurpose, type QuestionPurpose } from '../../core/question-purposes.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type {
  AudienceReleaseRequest,
  CampaignResults,
  DeliveryReport,
  DeliveryRefusal,
  DeliveryRequest,
  DeliveryStop,
  DoorRefusal,
  OfferContent,
  ReleasedAudience,
  PrivacyCost,
} from '../../core/vault-door.ts';
import { explainForCustomer } from '../../language/explain.ts';
import { normalisePlan, planKey } from '../../language/normalise.ts';
import type { CustomerIds, Plan } from '../../language/plan.ts';
import { cryptoRandomSource, type RandomSource } from '../../privacy/dp/random-source.ts';
import { budgetReport, combinedBudget } from '../../privacy/guard/budget-report.ts';
import { releaseSubjects, type BudgetState, type PrivacyGuard } from '../../privacy/guard/privacy-guard.ts';
import { filterAudience } from './audience-filter.ts';
import { readRelease, tokenOwners } from './audience-release.ts';
import { existingRelease, refusedEvent, releaseTokens, tooSmall } from './audience-tokens.ts';
import { campaignResults } from './campaign-results.ts';
import { chosenByInterest, withCost } from './delivery-report.ts';
import { fractionWritten, stopDelivery } from './delivery-stop.ts';
import { audienceRefusal, parseAudienceReleaseRequest, parseDeliveryRequest } from './delivery-request.ts';
import type { FaultHook } from './faults.ts';
import { runParts, writeBatch, type BatchRun, type InboxWriterDeps } from './inbox-writer.ts';
import { NoticeSender, type NoticeSummary } from './notice-sender.ts';
import {
  freezeRecipients,
  insertRun,
  isStopped,
  markFinished,
  offersWithoutRecipients,
  readRun,
  resumePosition,
  type DeliveryRun,
  type NewRun,
} from './run-store.ts';
import { shuffle } from './shuffle.ts';
import { pickedByPropensity, pickOffers } from './next-best-offer.ts';

import type { DeliveryServiceOptions, DeliveryServices } from './delivery-options.ts';

export type { DeliveryServiceOptions, DeliveryServices };

interface CheckedAudience {
  readonly purpose: QuestionPurpose;
  readonly plan: Plan;
  readonly explanation: string;
}

const invalid = (message: string): Result<never, DeliveryRefusal> =>
  err({ code: 'DELIVERY_INVALID', message });

function newRun(
  request: DeliveryRequest,
  purpose: string,
  explanation: string,
): Omit<NewRun, 'state' | 'planned'> {
  return {
    campaignId: request.campaignId,
    requestedBy: request.requestedBy,
    purpose,
    audience: request.audience,
    explanation,
    offer: request.offer,
    channels: request.channels,
  };
}

export class DeliveryService {
  readonly #services: DeliveryServices;
  readonly #guard: Pick<PrivacyGuard, 'admit' | 'release'>;
  readonly #options: DeliveryServiceOptions;
  readonly #now: () => Date;
  readonly #batchSize: number;
  readonly #fault: FaultHook;
  readonly #random: RandomSource;
  readonly #writer: InboxWriterDeps;
  readonly #notices: NoticeSender;
  /** One run per campaign at a time in this process; across processes the run's primary key decides. */
  readonly #running = new Map<string, Promise<unknown>>();

  /** `guard` admits audiences before sending and releases their noised sizes and results. */
  constructor(
    services: DeliveryServices,
    guard: Pick<PrivacyGuard, 'admit' | 'release'>,
    options: DeliveryServiceOptions,
  ) {
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
    return this.#queued(request, () => this.#deliver(request, onProgress));
  }

  /**
   * A shard's part of a shard group's delivery, before the group's one admission: the audience expanded and
   * filtered exactly as `deliver` does it (consent, preferences, caps), in this vault's own ids. Exact: it goes
   * only to the group vault, inside the region. Nothing is recorded, charged or sent.
   */
  async shardAudience(raw: DeliveryRequest): Promise<Result<Uint32Array, DeliveryRefusal>> {
    const parsed = parseDeliveryRequest(raw);
    if (!parsed.ok) return err({ code: 'DELIVERY_INVALID', message: parsed.problems });
    const request = parsed.value;
    const checked = await this.#checkAudience(request.audience, request.purpose);
    if (!checked.ok) return checked;
    const now = this.#now();
    const matching = await this.#services.questionEngine.evaluate(
      checked.value.plan,
      now.toISOString().slice(0, 10),
    );
    return ok(await this.#filter(matching, checked.value.purpose.consent, request, now));
  }

  /**
   * A shard's part of a shard group's delivery after the group guard admitted the whole audience: freezes
   * `ids` (this vault's own, in the group's order) and sends them, or resumes the campaign's run when this
   * vault has one. Never admits (the group charged once for all shards) and never sends a customer twice.
   */
  deliverAdmitted(
    raw: DeliveryRequest,
    ids: ArrayLike<number>,
    onProgress?: (fractionDone: number) => void,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>> {
    return this.#queued(raw, async () => {
      const parsed = parseDeliveryRequest(raw);
      if (!parsed.ok) return err({ code: 'DELIVERY_INVALID', message: parsed.problems });
      const request = parsed.value;
      const existing = await readRun(this.#services.storage, request.campaignId);
      if (existing !== undefined) return this.#resume(existing, onProgress);
      if (await isStopped(this.#services.storage, request.campaignId))
        return this.#stopped(request.campaignId);
      const checked = await this.#checkAudience(request.audience, request.purpose);
      if (!checked.ok) return checked;
      const run = newRun(request, checked.value.purpose.code, checked.value.explanation);
      return this.#freezeAndSend(
        { ...run, state: 'sending', planned: ids.length },
        ids,
        undefined,
        [],
        onProgress,
      );
    });
  }

  /** One run per campaign at a time in this process: a second call waits for the first, then resumes it. */
  #queued<T>(request: DeliveryRequest, work: () => Promise<T>): Promise<T> {
    const key = typeof request.campaignId === 'string' ? request.campaignId : '';
    const previous = this.#running.get(key) ?? Promise.resolve();
    const next = previous.then(work);
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

  /**
   * Stops the campaign's delivery: a batch being written finishes, no further one is written, notices not yet
   * sent are withdrawn, and a run not begun never begins. Asking again changes nothing.
   */
  stop(request: { readonly campaignId: string; readonly actor: string }): Promise<DeliveryStop> {
    return stopDelivery(this.#services.storage, this.#services.audit, request, this.#now());
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
    // Stopped before it began: nothing is admitted (no ε is spent) and nothing is sent.
    if (await isStopped(this.#services.storage, request.campaignId)) return this.#stopped(request.campaignId);
    const checked = await this.#checkAudience(request.audience, request.purpose);
    if (!checked.ok) return checked;
    if (request.choices !== undefined) return this.#deliverChosen(request, checked.value, onProgress);
    if (request.alternatives !== undefined) return this.#deliverPicked(request, checked.value, onProgress);

    const { purpose, plan, explanation } = checked.value;
    const now = this.#now();
    const matching = await this.#services.questionEngine.evaluate(plan, now.toISOString().slice(0, 10));
    const kept = await this.#filter(matching, purpose.consent, request, now);
    const audience = shuffle(kept, this.#random).subarray(0, request.maxMessages ?? kept.length);
    const admitted = await this.#admit(request, `delivery:${request.campaignId}`, audience, plan);
    const run = newRun(request, purpose.code, explanation);
    if (!admitted.ok) {
      return admitted.error.code === tooSmall.code
        ? this.#refuseTooSmall(run, admitted.error.budget)
        : err(admitted.error);
    }
    const report = await this.#freezeAndSend(
      { ...run, state: 'sending', planned: audience.length },
      audience,
      undefined,
      [],
      onProgress,
    );
    return withCost(report, admitted.value.budget);
  }

  /**
   * Releases the audience as tokens for the hub to choose offers by interest: filtered like a delivery but
   * without an offer yet, its size noised (ñ), at most ñ customers drawn at random given tokens with
   * k-anonymous interests, and the list padded with decoys to exactly ñ. A second call returns the first's tokens.
   */
  async releaseAudience(raw: AudienceReleaseRequest): Promise<Result<ReleasedAudience, DeliveryRefusal>> {
    const parsed = parseAudienceReleaseRequest(raw);
    if (!parsed.ok) return err({ code: 'DELIVERY_INVALID', message: parsed.problems });
    const request = parsed.value;
    const { storage, avatars, policies, audit } = this.#services;
    const existing = await existingRelease(storage, request.campaignId);
    if (existing !== undefined) return existing;
    const checked = await this.#checkAudience(request.audience, request.purpose);
    if (!checked.ok) return checked;
    const { purpose, plan } = checked.value;
    const now = this.#now();
    const matching = await this.#services.questionEngine.evaluate(plan, now.toISOString().slice(0, 10));
    const kept = await this.#filter(matching, purpose.consent, { frequencyCap: request.frequencyCap }, now);
    const audience = shuffle(kept, this.#random).subarray(0, request.maxMessages ?? kept.length);

    return releaseTokens(
      {
        storage,
        audit,
        avatars,
        policies,
        guard: this.#guard,
        random: this.#random,
        currency: this.#options.currency,
      },
      request,
      purpose.code,
      audience,
      now,
      releaseSubjects(request.campaignId, { purpose: purpose.code, planKey: planKey(plan) }),
    );
  }

  /**
   * Delivers offers the hub chose per released token. Decoys and tokens of customers erased since resolve to
   * no one and are dropped; each offer's recipients are filtered for that offer (its category, its partner) and
   * admitted through the noised minimum on their own. An offer whose audience is too small is not sent.
   */
  async #deliverChosen(
    request: DeliveryRequest,
    checked: CheckedAudience,
    onProgress: ((fractionDone: number) => void) | undefined,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>> {
    const { storage } = this.#services;
    const release = await readRelease(storage, request.campaignId);
    if (release === undefined) {
      return invalid(`campaign ${request.campaignId} has no released audience: release it before choosing`);
    }
    if (release.state === 'too_small') return err(tooSmall);
    if (release.purpose !== checked.purpose.code || release.audience !== request.audience) {
      return invalid('choices must keep the purpose and audience the audience was released for');
    }
    const owners = await tokenOwners(storage, request.campaignId);
    const chosen = new Set<string>();
    let unknown = 0;
    for (const token of request.choices!.flatMap((choice) => choice.tokens)) {
      if (!owners.has(token)) unknown++;
      else if (chosen.has(token)) return invalid('a token may be chosen for one offer only');
      chosen.add(token);
    }
    if (unknown > 0) return invalid(`${unknown} chosen tokens were not released for this campaign`);

    const groups = [
      { offer: request.offer, tokens: [...owners.keys()].filter((token) => !chosen.has(token)) },
      ...request.choices!,
    ];
    const now = this.#now();
    const filtered: { offer: OfferContent; ids: Uint32Array | undefined }[] = [];
    for (const group of groups) {
      const resolved = group.tokens.flatMap((token) => owners.get(token)?.customerId ?? []);
      const kept =
        group.tokens.length === 0
          ? undefined
          : await this.#filter(
              Uint32Array.from(resolved),
              checked.purpose.consent,
              { ...request, offer: group.offer },
              now,
            );
      filtered.push({ offer: group.offer, ids: kept });
    }
    const run = {
      ...newRun(request, checked.purpose.code, checked.explanation),
      offers: groups.map((group, index) => ({
        offer: group.offer,
        explanation:
          index === 0
            ? checked.explanation
            : `${checked.explanation} ${chosenByInterest(new Set(group.tokens.flatMap((t) => owners.get(t)?.interests ?? [])))}`,
      })),
    };
    return this.#admitAndSend(request, checked, run, filtered, onProgress);
  }

  /**
   * The next best offer: each customer matching the audience gets, among the campaign's offers they are
   * eligible for (each filtered for its own category and partner), the one their stored propensity ranks
   * highest; then each offer's recipients are admitted through the noised minimum, as chosen offers are.
   */
  async #deliverPicked(
    request: DeliveryRequest,
    checked: CheckedAudience,
    onProgress: ((fractionDone: number) => void) | undefined,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>> {
    const offers = [request.offer, ...request.alternatives!];
    const now = this.#now();
    const matching = await this.#services.questionEngine.evaluate(
      checked.plan,
      now.toISOString().slice(0, 10),
    );
    const capped = shuffle(matching, this.#random).subarray(0, request.maxMessages ?? matching.length);
    const eligible: Uint32Array[] = [];
    for (const offer of offers) {
      eligible.push(await this.#filter(capped, checked.purpose.consent, { ...request, offer }, now));
    }
    const picked = await pickOffers(this.#services.storage, offers, eligible);
    const run = {
      ...newRun(request, checked.purpose.code, checked.explanation),
      offers: offers.map((offer) => ({ offer, explanation: `${checked.explanation} ${pickedByPropensity}` })),
    };
    const groups = offers.map((offer, i) => ({
      offer,
      ids: picked[i]!.length === 0 ? undefined : Uint32Array.from(picked[i]!),
    }));
    return this.#admitAndSend(request, checked, run, groups, onProgress);
  }

  /**
   * Admits each offer's recipients on their own (a too-small offer is not sent; an offer nobody was chosen
   * for, `ids` undefined, is not considered), then freezes and sends.
   */
  async #admitAndSend(
    request: DeliveryRequest,
    checked: CheckedAudience,
    run: Omit<NewRun, 'state' | 'planned'>,
    groups: readonly { offer: OfferContent; ids: Uint32Array | undefined }[],
    onProgress: ((fractionDone: number) => void) | undefined,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>> {
    const ids: number[] = [];
    const offerIndexes: number[] = [];
    const refused: string[] = [];
    let budget: BudgetState | undefined;
    for (const [index, group] of groups.entries()) {
      if (group.ids === undefined) continue;
      const label = `delivery:${request.campaignId}#${index}`;
      const admitted = await this.#admit(request, label, group.ids, checked.plan);
      if (!admitted.ok) {
        if (admitted.error.code !== tooSmall.code) return err(admitted.error);
        refused.push(group.offer.offerId);
        continue;
      }
      budget = budget === undefined ? admitted.value.budget : combinedBudget(budget, admitted.value.budget);
      for (const id of group.ids) {
        ids.push(id);
        offerIndexes.push(index);
      }
    }
    if (ids.length === 0) return this.#refuseTooSmall(run, undefined);
    const order = shuffle(Uint32Array.from(ids.keys()), this.#random);
    const report = await this.#freezeAndSend(
      { ...run, state: 'sending', planned: ids.length },
      Array.from(order, (i) => ids[i]!),
      Array.from(order, (i) => offerIndexes[i]!),
      refused,
      onProgress,
    );
    return budget === undefined ? report : withCost(report, budget);
  }

  /** The audience expression checked under the purpose: its plan and the customer's "why am I seeing this". */
  async #checkAudience(
    audience: string,
    purposeCode: string,
  ): Promise<Result<CheckedAudience, DeliveryRefusal>> {
    const checked = await this.#services.questions.check(audience, purposeCode);
    if (!checked.ok) return err(audienceRefusal(checked.error));
    const plan = normalisePlan(checked.value.plan, { asOf: this.#now().toISOString().slice(0, 10) });
    return ok({
      purpose: questionPurpose(purposeCode)!,
      plan,
      explanation: explainForCustomer(plan, { currency: this.#options.currency }).join(' '),
    });
  }

  #filter(
    ids: CustomerIds | Uint32Array,
    consentPurpose: ConsentPurpose,
    rules: { readonly offer?: OfferContent; readonly frequencyCap: DeliveryRequest['frequencyCap'] },
    now: Date,
  ): Promise<Uint32Array> {
    const { storage, consent, preferences } = this.#services;
    return filterAudience(storage, consent, preferences, {
      ids,
      consentPurpose,
      category: rules.offer?.category,
      partner: rules.offer?.partner,
      campaignCap: rules.frequencyCap,
      now,
    });
  }

  /** The noised minimum: a refusal coded too small when the audience is too small; each with its cost. */
  async #admit(
    request: DeliveryRequest,
    label: string,
    audience: Uint32Array,
    plan: Plan,
  ): Promise<Result<{ budget: BudgetState }, DeliveryRefusal>> {
    const admitted = await this.#guard.admit({
      asker: request.requestedBy,
      purpose: request.purpose,
      label,
      audience,
      subjects: releaseSubjects(request.campaignId, { purpose: request.purpose, planKey: planKey(plan) }),
    });
    if (admitted.ok) return admitted;
    const refusal = admitted.error;
    const budget = 'budget' in refusal ? { budget: budgetReport(refusal.budget) } : {};
    return err(
      refusal.code === 'PRIVACY_TOO_FEW'
        ? { ...tooSmall, ...budget }
        : { code: refusal.code, message: refusal.message, ...budget },
    );
  }

  async #refuseTooSmall(
    run: Omit<NewRun, 'state' | 'planned'>,
    budget: PrivacyCost | undefined,
  ): Promise<Result<never, DeliveryRefusal>> {
    await this.#services.storage.transaction(async (tx) => {
      if (await insertRun(tx, { ...run, state: 'too_small', planned: 0 })) {
        await this.#services.audit.enqueue(tx, [refusedEvent(run.campaignId, run.purpose)]);
      }
    });
    await this.#services.audit.flush();
    return err(budget === undefined ? tooSmall : { ...tooSmall, budget });
  }

  async #freezeAndSend(
    run: NewRun,
    ids: ArrayLike<number>,
    offerIndexes: ArrayLike<number> | undefined,
    tooSmallOffers: readonly string[],
    onProgress: ((fractionDone: number) => void) | undefined,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>> {
    const { storage } = this.#services;
    const frozen = await storage.transaction(async (tx) => {
      if (!(await insertRun(tx, run))) return false;
      await freezeRecipients(tx, run.campaignId, ids, offerIndexes);
      return true;
    });
    if (frozen) this.#fault('after-freeze');
    const stored = await readRun(storage, run.campaignId);
    const report = await this.#resume(stored!, onProgress);
    if (!report.ok || tooSmallOffers.length === 0) return report;
    return ok({ ...report.value, tooSmallOffers: [...tooSmallOffers] });
  }

  async #resume(
    run: DeliveryRun,
    onProgress: ((fractionDone: number) => void) | undefined,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>> {
    if (run.state === 'too_small') return err(tooSmall);
    if (run.state === 'stopped') return this.#stopped(run.campaignId);
    if (run.state === 'sending' && (await this.#sendInbox(run, onProgress)) === 'stopped') {
      return this.#stopped(run.campaignId);
    }
    await this.#notices.sendDue(run.campaignId);
    onProgress?.(1);
    const tooSmallOffers = await offersWithoutRecipients(this.#services.storage, run);
    return ok({
      campaignId: run.campaignId,
      state: 'finished',
      fractionDone: 1,
      ...(tooSmallOffers.length === 0 ? {} : { tooSmallOffers }),
    });
  }

  async #stopped(campaignId: string): Promise<Result<DeliveryReport, DeliveryRefusal>> {
    const fractionDone = await fractionWritten(this.#services.storage, campaignId);
    return ok({ campaignId, state: 'stopped', fractionDone });
  }

  async #sendInbox(
    run: DeliveryRun,
    onProgress: ((fractionDone: number) => void) | undefined,
  ): Promise<'finished' | 'stopped'> {
    const { storage } = this.#services;
    const purpose = questionPurpose(run.purpose)!;
    const batchRun: BatchRun = {
      campaignId: run.campaignId,
      offers: run.offers,
      channels: run.channels,
      consentPurpose: purpose.consent,
    };
    // Ten parts of equal size, each logged once and reported as a tenth done: neither the log nor the
    // progress the hub sees says how many customers the run holds. A part is written in batches.
    const size = this.#batchSize;
    const bound = (part: number) => Math.floor((part * run.planned) / runParts);
    const start = (await resumePosition(storage, run.campaignId)) ?? run.planned;
    let part = 0;
    if (start >= run.planned) part = runParts;
    else while (part + 1 < runParts && bound(part + 1) <= start) part++;
    for (; part < runParts; part++) {
      const end = bound(part + 1);
      for (let from = bound(part); from < end || from === bound(part); from += size) {
        const to = Math.min(end, from + size);
        const last = to === end ? { part: part + 1 } : {};
        const written = await writeBatch(this.#writer, batchRun, { from, to, ...last }, this.#now());
        if (written === 'stopped') return 'stopped';
        this.#fault('after-inbox-batch');
      }
      onProgress?.((part + 1) / runParts);
    }
    await markFinished(storage, run.campaignId, this.#now());
    return 'finished';
  }
}
