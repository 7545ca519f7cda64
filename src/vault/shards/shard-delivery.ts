// A shard group's delivery: every shard's exact audience joined, one admission by the group guard, each shard sending to its own.
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import { CurtainError } from '../../core/errors.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type {
  CampaignResults,
  DeliveryReport,
  DeliveryRefusal,
  DeliveryRequest,
  DeliveryStop,
  DoorRefusal,
} from '../../core/vault-door.ts';
import { explainForCustomer } from '../../language/explain.ts';
import { normalisePlan, planKey } from '../../language/normalise.ts';
import type { RandomSource } from '../../privacy/dp/random-source.ts';
import { budgetReport } from '../../privacy/guard/budget-report.ts';
import { releaseSubjects, type BudgetState, type PrivacyGuard } from '../../privacy/guard/privacy-guard.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import type { CampaignDelivery } from '../door/in-process-door.ts';
import { refusedEvent, tooSmall } from '../delivery/audience-tokens.ts';
import {
  leadOutcomes,
  releaseResults,
  resultAudiences,
  type ResultAudiences,
} from '../delivery/campaign-results.ts';
import type { DeliveryService } from '../delivery/delivery-service.ts';
import { withCost } from '../delivery/delivery-report.ts';
import { stopDelivery } from '../delivery/delivery-stop.ts';
import { audienceRefusal, parseDeliveryRequest } from '../delivery/delivery-request.ts';
import { freezeRecipients, insertRun, isStopped, markFinished, readRun } from '../delivery/run-store.ts';
import { shuffle } from '../delivery/shuffle.ts';
import type { QuestionService } from '../questions/question-service.ts';
import { mergeShardAudiences, shardCustomer } from './shard-group.ts';

/** What the group delivery needs of the group vault: its database (the group's run), log, guard, checker. */
export interface DeliveryGroupVault {
  readonly storage: Storage;
  readonly audit: TransactionalAuditSink<SqlExecutor>;
  readonly guard: Pick<PrivacyGuard, 'admit' | 'release'>;
  readonly questions: Pick<QuestionService, 'check'>;
}

/** What it needs of a shard: its database (its inbox) and its delivery. */
export interface DeliveryShard {
  readonly storage: SqlExecutor;
  readonly delivery: Pick<DeliveryService, 'shardAudience' | 'deliverAdmitted' | 'stop'>;
}

/** How one shard's part of a group delivery ended: the operator's view, inside the region. */
export type ShardDeliveryOutcome =
  | {
      readonly shard: number;
      readonly state: 'finished' | 'stopped' | 'sending';
      readonly fractionDone: number;
    }
  | {
      readonly shard: number;
      readonly state: 'failed';
      readonly fractionDone: number;
      readonly reason: string;
    };

export interface GroupDeliveryOutcome {
  readonly report: Result<DeliveryReport, DeliveryRefusal>;
  readonly shards: readonly ShardDeliveryOutcome[];
}

export interface GroupDeliveryOptions {
  readonly currency: string;
  /** Called once the shards have sent (or failed): the group's log anchors the shards' logs. */
  readonly sent?: () => Promise<void>;
  readonly random: RandomSource;
  readonly now: () => Date;
}

const unsupported = (what: string) =>
  new CurtainError(
    'SHARD_GROUP_UNSUPPORTED',
    `a shard group does not ${what} yet: use a single vault for it`,
  );

/** The mean of the shards' progress, each in tenths: nothing of any shard's size (an unweighted mean). */
const meanOf = (fractions: readonly number[]) => fractions.reduce((a, b) => a + b, 0) / fractions.length;

/**
 * Delivery from a shard group. The group vault records the run and freezes the admitted audience in group
 * ids (its own database, inside the region); each shard freezes its slice of that order and sends it to its
 * own customers, with its own consent, preferences, inbox and message ids. The group guard admits the merged
 * exact audience once (one charge, one noised k); no shard admits. A shard that fails leaves the others
 * sending and the report `sending` with the work done so far; delivering again resumes every shard where it
 * stood, and a shard that never froze its slice freezes it from the group's record, so nobody gets it twice.
 */
export class ShardGroupDelivery implements CampaignDelivery {
  readonly #group: DeliveryGroupVault;
  readonly #shards: readonly DeliveryShard[];
  readonly #options: GroupDeliveryOptions;

  constructor(group: DeliveryGroupVault, shards: readonly DeliveryShard[], options: GroupDeliveryOptions) {
    this.#group = group;
    this.#shards = shards;
    this.#options = options;
  }

  releaseAudience(): Promise<never> {
    return Promise.reject(unsupported('release audiences as tokens to choose offers'));
  }

  async deliver(
    request: DeliveryRequest,
    onProgress?: (fractionDone: number) => void,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>> {
    return (await this.deliverFromShards(request, onProgress)).report;
  }

  /** `deliver`, with each shard's outcome for the region's operator (never for the hub: it is per shard). */
  async deliverFromShards(
    raw: DeliveryRequest,
    onProgress?: (fractionDone: number) => void,
  ): Promise<GroupDeliveryOutcome> {
    const parsed = parseDeliveryRequest(raw);
    if (!parsed.ok)
      return { report: err({ code: 'DELIVERY_INVALID', message: parsed.problems }), shards: [] };
    const request = parsed.value;
    if (request.choices !== undefined || request.alternatives !== undefined) {
      throw unsupported('deliver offers chosen per token or picked by propensity');
    }
    const { storage } = this.#group;
    let run = await readRun(storage, request.campaignId);
    let cost: BudgetState | undefined;
    if (run === undefined) {
      if (await isStopped(storage, request.campaignId)) {
        return {
          report: ok({ campaignId: request.campaignId, state: 'stopped', fractionDone: 0 }),
          shards: [],
        };
      }
      const admitted = await this.#admit(request);
      if (!admitted.ok) return { report: admitted, shards: [] };
      cost = admitted.value.budget;
      run = await readRun(storage, request.campaignId);
    }
    if (run === undefined || run.state === 'too_small') return { report: err(tooSmall), shards: [] };
    const outcome = await this.#send(request, onProgress);
    return cost === undefined ? outcome : { ...outcome, report: withCost(outcome.report, cost) };
  }

  /**
   * Each shard's exact audience, joined in group ids, shuffled and capped, admitted once by the group guard,
   * and frozen in the group's database with the group's run: or the refusal, recorded like one vault's.
   */
  async #admit(request: DeliveryRequest): Promise<Result<{ budget: BudgetState }, DeliveryRefusal>> {
    const { storage, audit, guard, questions } = this.#group;
    const checked = await questions.check(request.audience, request.purpose);
    if (!checked.ok) return err(audienceRefusal(checked.error));
    const plan = normalisePlan(checked.value.plan, { asOf: this.#options.now().toISOString().slice(0, 10) });
    // A shard that cannot say who it would send to stops the delivery here: nothing admitted, nothing charged.
    const parts = await Promise.all(this.#shards.map((shard) => shard.delivery.shardAudience(request)));
    const refused = parts.find((part) => !part.ok);
    if (refused !== undefined && !refused.ok) return refused;
    const merged = mergeShardAudiences(
      parts.map((part) => (part.ok ? Int32Array.from(part.value) : new Int32Array(0))),
    );
    const audience = shuffle(Uint32Array.from(merged), this.#options.random).subarray(
      0,
      request.maxMessages ?? merged.length,
    );
    const admitted = await guard.admit({
      asker: request.requestedBy,
      purpose: request.purpose,
      label: `delivery:${request.campaignId}`,
      audience,
      subjects: releaseSubjects(request.campaignId, { purpose: request.purpose, planKey: planKey(plan) }),
    });
    const run = {
      campaignId: request.campaignId,
      requestedBy: request.requestedBy,
      purpose: request.purpose,
      audience: request.audience,
      explanation: explainForCustomer(plan, { currency: this.#options.currency }).join(' '),
      offer: request.offer,
      channels: request.channels,
    };
    if (!admitted.ok) {
      const refusal = admitted.error;
      const budget = 'budget' in refusal ? { budget: budgetReport(refusal.budget) } : {};
      if (refusal.code !== 'PRIVACY_TOO_FEW')
        return err({ code: refusal.code, message: refusal.message, ...budget });
      await storage.transaction(async (tx) => {
        if (await insertRun(tx, { ...run, state: 'too_small', planned: 0 })) {
          await audit.enqueue(tx, [refusedEvent(run.campaignId, run.purpose)]);
        }
      });
      await audit.flush();
      return err({ ...tooSmall, ...budget });
    }
    await storage.transaction(async (tx) => {
      if (await insertRun(tx, { ...run, state: 'sending', planned: audience.length })) {
        await freezeRecipients(tx, run.campaignId, audience);
      }
    });
    return ok({ budget: admitted.value.budget });
  }

  /** Every shard sends its slice of the group's frozen order, in parallel; a failed shard is reported, not fatal. */
  async #send(
    request: DeliveryRequest,
    onProgress: ((fractionDone: number) => void) | undefined,
  ): Promise<GroupDeliveryOutcome> {
    const { storage } = this.#group;
    const slices = await this.#slices(request.campaignId);
    const fractions = this.#shards.map(() => 0);
    const settled = await Promise.allSettled(
      this.#shards.map((shard, index) =>
        shard.delivery.deliverAdmitted(request, slices[index]!, (fraction) => {
          fractions[index] = fraction;
          onProgress?.(meanOf(fractions));
        }),
      ),
    );
    await this.#options.sent?.();
    const shards: ShardDeliveryOutcome[] = settled.map((outcome, shard) => {
      if (outcome.status === 'rejected') {
        const reason = outcome.reason instanceof CurtainError ? outcome.reason.code : 'shard unavailable';
        return { shard, state: 'failed', fractionDone: fractions[shard]!, reason };
      }
      if (!outcome.value.ok)
        return { shard, state: 'failed', fractionDone: 0, reason: outcome.value.error.code };
      return { shard, state: outcome.value.value.state, fractionDone: outcome.value.value.fractionDone };
    });
    const fractionDone = Math.floor(meanOf(shards.map((s) => s.fractionDone)) * 100) / 100;
    const campaignId = request.campaignId;
    if (shards.some((s) => s.state === 'stopped')) {
      return { report: ok({ campaignId, state: 'stopped', fractionDone }), shards };
    }
    if (shards.every((s) => s.state === 'finished')) {
      await markFinished(storage, campaignId, this.#options.now());
      return { report: ok({ campaignId, state: 'finished', fractionDone: 1 }), shards };
    }
    return { report: ok({ campaignId, state: 'sending', fractionDone }), shards };
  }

  /** Each shard's own ids in the group's frozen order. */
  async #slices(campaignId: string): Promise<number[][]> {
    const { rows } = await this.#group.storage.query<{ customer_id: number | string }>(
      'SELECT customer_id FROM delivery_recipients WHERE campaign_id = $1 ORDER BY position',
      [campaignId],
    );
    const slices: number[][] = this.#shards.map(() => []);
    for (const row of rows) {
      const { shard, localId } = shardCustomer(Number(row.customer_id), this.#shards.length);
      slices[shard]!.push(localId);
    }
    return slices;
  }

  /** The campaign's results: each shard's exact audiences joined, released once by the group guard. */
  results(campaignId: string, requestedBy: string): Promise<Result<CampaignResults, DoorRefusal>> {
    return releaseResults(this.#group.storage, this.#group.guard, { campaignId, requestedBy }, async () => {
      const parts = await Promise.all(
        this.#shards.map((shard) => resultAudiences(shard.storage, campaignId)),
      );
      const join = (of: (part: ResultAudiences) => ArrayLike<number> | undefined) =>
        mergeShardAudiences(parts.map((part) => Int32Array.from(of(part) ?? [])));
      return {
        delivered: join((part) => part.delivered),
        opened: join((part) => part.opened),
        interested: join((part) => part.interested),
        outcomes: Object.fromEntries(leadOutcomes.map((o) => [o, join((part) => part.outcomes[o])])),
      };
    });
  }

  /** Stops the group's run first (a run not begun never begins), then every shard's. */
  async stop(request: { readonly campaignId: string; readonly actor: string }): Promise<DeliveryStop> {
    const stopped = await stopDelivery(this.#group.storage, this.#group.audit, request, this.#options.now());
    const shards = await Promise.all(this.#shards.map((shard) => shard.delivery.stop(request)));
    return { ...stopped, fractionDone: meanOf(shards.map((s) => s.fractionDone)) };
  }
}
