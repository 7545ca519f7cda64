// Campaigns: drafted by a marketer, approved by someone else, run through the vault's door, results read back.
import { randomUUID } from 'node:crypto';
import {
  campaignInput,
  campaignPreviewInput,
  type CampaignDetail,
  type CampaignPreviewInput,
  type NewCampaign,
} from '../contracts/hub-campaigns.ts';
import type { RegionalCampaignResults } from '../contracts/hub-regions.ts';
import type { JsonValue } from '../core/audit-event.ts';
import { CurtainError } from '../core/errors.ts';
import { err, ok, type Result } from '../core/result.ts';
import type {
  CampaignResults,
  DeliveryRefusal,
  DoorRefusal,
  HubAuditEvent,
  PrivacyCost,
  VaultDoor,
} from '../core/vault-door.ts';
import { checkAudience } from './audience-check.ts';
import { reviewAudience, type CampaignReview } from './campaign-review.ts';
import {
  campaignEvents,
  getCampaign,
  listCampaigns,
  type Campaign,
  type CampaignStatus,
} from './campaign-record.ts';
import { journalStep } from './campaign-journal.ts';
import { campaignAlternatives, checkAlternative, deliverThrough } from './campaign-delivery.ts';
import { findSegment, getOffer, type Offer } from './catalogue.ts';
import { parseOrRefuse, refuseUnsafeText } from './hub-input.ts';
import type { HubExecutor, HubStorage } from './hub-storage.ts';
import { rememberedCount } from './protected-counts.ts';
import type { RegionalCampaigns, RegionalRun } from './regional-campaigns.ts';
import { requireRole } from './staff.ts';

/** A draft as the route sends it; a program may give its start and end as Dates. */
export type { CampaignDetail } from '../contracts/hub-campaigns.ts';

export interface CampaignPreview {
  readonly offer: Offer;
  readonly review: CampaignReview;
}

export type CampaignDraft = Omit<NewCampaign, 'startsAt' | 'endsAt'> & {
  readonly startsAt: Date | string;
  readonly endsAt?: Date | string | undefined;
};

export interface RunOutcome {
  readonly campaign: Campaign;
  /** Present when the vault refused the delivery (the campaign is then 'refused'). */
  readonly refusal?: DeliveryRefusal;
  /** What the run cost in privacy budget (the audience's admission) and what is left, as the vault said. */
  readonly budget?: PrivacyCost;
  /** A campaign across regions: where each region's part stands, and which are still to deliver. */
  readonly regions?: RegionalRun['parts'];
  readonly missing?: RegionalRun['missing'];
}

export interface DueRun {
  readonly campaignId: string;
  readonly outcome: Result<RunOutcome, { readonly code: string; readonly message: string }>;
}

const iso = (moment: Date | string): string => (moment instanceof Date ? moment.toISOString() : moment);

const readers = ['marketer', 'compliance'] as const;
const runners = ['operator', 'marketer'] as const;

export class Campaigns {
  readonly #storage: HubStorage;
  readonly #door: VaultDoor;
  readonly #now: () => Date;
  readonly #regional: RegionalCampaigns;

  constructor(storage: HubStorage, door: VaultDoor, now: () => Date, regional: RegionalCampaigns) {
    this.#storage = storage;
    this.#door = door;
    this.#now = now;
    this.#regional = regional;
  }

  /** A draft; its audience is checked under the offer's purpose (a credit offer gets fair-lending checks). */
  async create(draft: CampaignDraft, actor: string): Promise<Campaign> {
    const { endsAt, ...rest } = draft;
    const input = parseOrRefuse(
      campaignInput,
      { ...rest, startsAt: iso(draft.startsAt), ...(endsAt === undefined ? {} : { endsAt: iso(endsAt) }) },
      'campaign',
    );
    const startsAt = new Date(input.startsAt);
    refuseUnsafeText('campaign', { name: input.name, audience: input.audience });
    const { offer, segmentId, audience } = await this.#storage.transaction(async (tx) => {
      await requireRole(tx, actor, ['marketer'], 'create campaigns');
      const offer = await getOffer(tx, input.offerId);
      const startDay = startsAt.toISOString().slice(0, 10);
      if (offer.validUntil < startDay) {
        throw new CurtainError(
          'HUB_INVALID',
          `campaign startsAt: the offer is valid only until ${offer.validUntil}`,
        );
      }
      for (const [i, otherId] of input.alsoOffers.entries()) {
        const other = await getOffer(tx, otherId);
        checkAlternative(other, offer, startDay, `alsoOffers.${i}`, input.pickOffersBy);
      }
      if (input.segment === undefined) return { offer, segmentId: null, audience: input.audience ?? '' };
      const segment = await findSegment(tx, input.segment);
      return { offer, segmentId: segment.id, audience: segment.expression };
    });
    const regions = input.regions === undefined ? null : await this.#regional.resolve(input.regions);
    if (regions === null) await checkAudience(this.#door, audience, offer.purpose);
    else await this.#regional.check(regions, audience, offer.purpose);
    const id = randomUUID();
    const event = await this.#storage.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO hub.campaigns (id, name, segment_id, audience, offer_id, channels, starts_at, ends_at,
           cap_messages, cap_days, max_messages, status, created_by, created_at, pick_offers_by, regions)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'draft', $12, $13, $14, $15)`,
        [
          id,
          input.name,
          segmentId,
          audience,
          offer.id,
          [...new Set(input.channels)],
          startsAt,
          input.endsAt === undefined ? null : new Date(input.endsAt),
          input.frequencyCap.messages,
          input.frequencyCap.days,
          input.maxMessages ?? null,
          actor,
          this.#now(),
          input.pickOffersBy,
          regions,
        ],
      );
      await tx.query(
        `INSERT INTO hub.campaign_offers (campaign_id, offer_id, position)
         SELECT $1, o.id, o.position FROM unnest($2::uuid[]) WITH ORDINALITY AS o (id, position)`,
        [id, input.alsoOffers],
      );
      return journalStep(tx, 'drafted', id, actor, this.#now(), {
        offer: offer.id,
        purpose: offer.purpose,
        ...(input.alsoOffers.length === 0 ? {} : { alsoOffers: input.alsoOffers }),
        ...(regions === null ? {} : { regions }),
      });
    });
    await this.#door.record([event]);
    return this.show(id).then((d) => d.campaign);
  }

  /**
   * By an approver who did not create it (the table's CHECK says so too). The vault first holds back the
   * campaign's admission and results ε, so no later spending can starve it; if it cannot, the campaign stays
   * a draft and the refusal (PRIVACY_BUDGET_EXHAUSTED) says so. The reason, if given, is journalled and logged.
   */
  async approve(id: string, actor: string, reason?: string): Promise<Campaign> {
    refuseUnsafeText('approval', { reason });
    const { campaign, offer } = await this.#storage.transaction(async (tx) => {
      const campaign = await getCampaign(tx, id);
      await requireRole(tx, actor, ['approver'], 'approve campaigns');
      mayDecide(campaign, actor, 'approve');
      return { campaign, offer: await getOffer(tx, campaign.offerId) };
    });
    const reservation = {
      campaignId: id,
      holder: actor,
      purpose: offer.purpose,
      ...(campaign.endsAt === null ? {} : { endsAt: campaign.endsAt.toISOString() }),
    };
    const { regions } = campaign;
    if (regions !== null) await this.#regional.reserve(regions, reservation);
    else {
      const held = await this.#door.reserve(reservation);
      if (!held.ok) {
        throw new CurtainError(held.error.code, `campaign ${id} cannot be approved: ${held.error.message}`);
      }
    }
    try {
      return await this.#transition(id, async (tx, current) => {
        await requireRole(tx, actor, ['approver'], 'approve campaigns');
        mayDecide(current, actor, 'approve');
        await tx.query(
          `UPDATE hub.campaigns SET status = 'approved', approved_by = $2, approved_at = $3 WHERE id = $1`,
          [id, actor, this.#now()],
        );
        if (regions !== null) await this.#regional.hold(tx, id, regions);
        return journalStep(tx, 'approved', id, actor, this.#now(), reason === undefined ? {} : { reason });
      });
    } catch (error) {
      await this.#endReservation(campaign, 'refused', actor);
      throw error;
    }
  }

  /** An approver's refusal of a draft, with a written reason: the campaign is cancelled, the reason logged. */
  async refuse(id: string, actor: string, reason: string): Promise<Campaign> {
    refuseUnsafeText('refusal', { reason });
    return this.#transition(id, async (tx, campaign) => {
      await requireRole(tx, actor, ['approver'], 'refuse campaigns');
      mayDecide(campaign, actor, 'refuse');
      await tx.query(`UPDATE hub.campaigns SET status = 'cancelled', finished_at = $2 WHERE id = $1`, [
        id,
        this.#now(),
      ]);
      return journalStep(tx, 'cancelled', id, actor, this.#now(), { from: 'draft', refused: true, reason });
    });
  }

  /**
   * Before it starts, a draft or approved campaign is cancelled (an approved one's held ε is given back).
   * Once running it is stopped, with a written reason: 'stopping' while the hub asks its vault (or every
   * region's) to stop sending, 'stopped' once all have; what was sent stays sent, and each vault gives back
   * what the campaign still holds. A vault that cannot be reached leaves it stopping: ask again.
   */
  async cancel(id: string, actor: string, reason?: string): Promise<Campaign> {
    refuseUnsafeText('cancellation', { reason });
    const current = await this.#storage.transaction((tx) => getCampaign(tx, id));
    if (current.status === 'running' || current.status === 'stopping') return this.#stop(id, actor, reason);
    const cancelled = await this.#transition(id, async (tx, campaign) => {
      await requireRole(tx, actor, ['marketer', 'approver'], 'cancel campaigns');
      requireStatus(campaign, ['draft', 'approved'], 'cancel');
      await tx.query(`UPDATE hub.campaigns SET status = 'cancelled', finished_at = $2 WHERE id = $1`, [
        id,
        this.#now(),
      ]);
      return journalStep(tx, 'cancelled', id, actor, this.#now(), {
        from: campaign.status,
        ...(reason === undefined ? {} : { reason }),
      });
    });
    await this.#endReservation(cancelled, 'cancelled', actor);
    return cancelled;
  }

  async #stop(id: string, actor: string, reason: string | undefined): Promise<Campaign> {
    const stopping = await this.#transition(id, async (tx, campaign) => {
      await requireRole(tx, actor, ['marketer', 'approver'], 'stop campaigns');
      requireStatus(campaign, ['running', 'stopping'], 'stop');
      if (campaign.status === 'stopping') return undefined;
      if (reason === undefined) {
        throw new CurtainError(
          'HUB_INVALID',
          `campaign ${id} is sending: stopping it needs a written reason`,
        );
      }
      await tx.query(`UPDATE hub.campaigns SET status = 'stopping' WHERE id = $1`, [id]);
      return journalStep(tx, 'stopping', id, actor, this.#now(), { reason });
    });
    const stopped =
      stopping.regions === null
        ? await this.#stopInVault(id, actor)
        : await this.#regional.stop(stopping, actor);
    return this.#transition(id, async (tx, campaign) => {
      if (campaign.status !== 'stopping') return undefined;
      await tx.query(`UPDATE hub.campaigns SET status = 'stopped', finished_at = $2 WHERE id = $1`, [
        id,
        this.#now(),
      ]);
      return journalStep(tx, 'stopped', id, actor, this.#now(), stopped);
    });
  }

  /** The hub's own vault stops sending; a refusal or an unreachable vault leaves the campaign stopping. */
  async #stopInVault(id: string, actor: string): Promise<{ readonly [key: string]: JsonValue }> {
    const stopped = await this.#door.stop({ campaignId: id, actor });
    if (!stopped.ok) {
      throw new CurtainError(
        stopped.error.code,
        `campaign ${id} is stopping, but its vault did not stop it: ${stopped.error.message}`,
      );
    }
    return { run: stopped.value.run, fractionDone: stopped.value.fractionDone };
  }

  /** Gives the campaign's held ε back, in its vault or in each of its regions' vaults. */
  async #endReservation(campaign: Campaign, reason: 'cancelled' | 'refused', actor: string): Promise<void> {
    if (campaign.regions === null) {
      await this.#door.endReservation({ campaignId: campaign.id, reason, actor });
    } else await this.#regional.endReservations(campaign.regions, campaign.id, reason, actor);
  }

  /**
   * Runs an approved campaign that is due, or resumes a running one (after a crash): the vault's deliver
   * never sends twice for one campaign. A refusal by the vault is an outcome, stored as 'refused' with its code.
   */
  async run(id: string, actor: string, onProgress?: (fractionDone: number) => void): Promise<RunOutcome> {
    let offer: Offer | undefined;
    let alsoOffers: Offer[] = [];
    const started = await this.#transition(id, async (tx, campaign) => {
      await requireRole(tx, actor, runners, 'run campaigns');
      offer = await getOffer(tx, campaign.offerId);
      alsoOffers = await campaignAlternatives(tx, id);
      if (campaign.status === 'running') return journalStep(tx, 'resumed', id, actor, this.#now());
      requireStatus(campaign, ['approved'], 'run');
      const now = this.#now();
      if (campaign.startsAt > now) {
        throw new CurtainError(
          'HUB_CAMPAIGN_STATE',
          `campaign ${id} starts at ${campaign.startsAt.toISOString()}; it cannot run before`,
        );
      }
      if (campaign.endsAt !== null && campaign.endsAt <= now) {
        throw new CurtainError(
          'HUB_CAMPAIGN_STATE',
          `campaign ${id} ended at ${campaign.endsAt.toISOString()}; it can no longer run`,
        );
      }
      await tx.query(`UPDATE hub.campaigns SET status = 'running', started_at = $2 WHERE id = $1`, [id, now]);
      return journalStep(tx, 'started', id, actor, now);
    });
    if (offer === undefined) throw new CurtainError('INTERNAL', 'run: the offer was not read');
    const offers = { offer, alsoOffers };
    if (started.regions !== null) {
      const run = await this.#regional.deliver(started, (door) =>
        deliverThrough(door, started, offers, actor),
      );
      return this.#settleRegional(started, run, actor);
    }
    const delivered = await deliverThrough(this.#door, started, offers, actor, onProgress);
    const cost = delivered.ok ? delivered.value.budget : delivered.error.budget;
    const budget = cost === undefined ? {} : { budget: cost };
    if (delivered.ok && delivered.value.state !== 'finished') {
      // Still sending, or stopped by the hub while it ran: the stop settles the campaign, not the run.
      return { campaign: await this.#storage.transaction((tx) => getCampaign(tx, id)), ...budget };
    }
    const campaign = await this.#transition(id, async (tx, current) => {
      // A concurrent run of the same campaign (the vault resumed it) may have finished it already.
      if (current.status !== 'running') return undefined;
      if (delivered.ok) {
        await tx.query(`UPDATE hub.campaigns SET status = 'finished', finished_at = $2 WHERE id = $1`, [
          id,
          this.#now(),
        ]);
        const tooSmall = delivered.value.tooSmallOffers ?? [];
        return journalStep(tx, 'finished', id, actor, this.#now(), {
          outcome: 'delivered',
          ...(tooSmall.length === 0 ? {} : { tooSmallOffers: [...tooSmall] }),
        });
      }
      await tx.query(
        `UPDATE hub.campaigns SET status = 'refused', refusal = $2, finished_at = $3 WHERE id = $1`,
        [id, delivered.error.code, this.#now()],
      );
      return journalStep(tx, 'refused', id, actor, this.#now(), {
        outcome: 'refused',
        refusal: delivered.error.code,
      });
    });
    return delivered.ok ? { campaign, ...budget } : { campaign, refusal: delivered.error, ...budget };
  }

  /**
   * A regional run ends when every region's part is settled: finished if any region delivered, refused (with
   * the first region's code) if none did. Until then it stays running and names the regions still to deliver.
   */
  async #settleRegional(started: Campaign, run: RegionalRun, actor: string): Promise<RunOutcome> {
    const outcome = { regions: run.parts, missing: run.missing };
    if (run.missing.length > 0) return { campaign: started, ...outcome };
    const states = Object.fromEntries(run.parts.map((p) => [p.region, p.code ?? p.state]));
    const campaign = await this.#transition(started.id, async (tx, current) => {
      if (current.status !== 'running') return undefined;
      const delivered = run.parts.some((p) => p.state === 'delivered');
      const refusal = delivered ? null : (run.parts[0]?.code ?? 'DELIVERY_AUDIENCE_TOO_SMALL');
      await tx.query(`UPDATE hub.campaigns SET status = $2, refusal = $3, finished_at = $4 WHERE id = $1`, [
        started.id,
        delivered ? 'finished' : 'refused',
        refusal,
        this.#now(),
      ]);
      const step = delivered ? 'finished' : 'refused';
      const detail = delivered ? { outcome: 'delivered' } : { outcome: 'refused', refusal };
      return journalStep(tx, step, started.id, actor, this.#now(), { ...detail, regions: states });
    });
    return { campaign, ...outcome };
  }

  /** Runs every approved campaign whose start has come and whose end has not; one failure stops no other. */
  async runDue(actor: string): Promise<DueRun[]> {
    const due = await this.#storage.transaction(async (tx) => {
      await requireRole(tx, actor, runners, 'run campaigns');
      const { rows } = await tx.query<{ id: string }>(
        `SELECT id FROM hub.campaigns
          WHERE status = 'approved' AND starts_at <= $1 AND (ends_at IS NULL OR ends_at > $1)
          ORDER BY starts_at, id`,
        [this.#now()],
      );
      return rows.map((r) => r.id);
    });
    const runs: DueRun[] = [];
    for (const campaignId of due) {
      try {
        runs.push({ campaignId, outcome: ok(await this.run(campaignId, actor)) });
      } catch (error) {
        const code = error instanceof CurtainError ? error.code : 'INTERNAL';
        const message = error instanceof Error ? error.message : String(error);
        runs.push({ campaignId, outcome: err({ code, message }) });
      }
    }
    return runs;
  }

  /** Protected aggregates from the vault, kept in hub.campaign_results; a privacy refusal is a value. */
  async results(id: string, actor: string): Promise<Result<CampaignResults, DoorRefusal>> {
    const campaign = await this.#readable(id, actor);
    if (campaign.regions !== null) {
      throw new CurtainError(
        'HUB_INVALID',
        `campaign ${id} runs in regions ${campaign.regions.join(', ')}: read its results per region (regionResults)`,
      );
    }
    const released = await this.#door.results(id, actor);
    if (!released.ok) return released;
    const r = released.value;
    // A repeat on the same day returns the same numbers at ε 0: the first row keeps the ε it cost.
    await this.#storage.query(
      `INSERT INTO hub.campaign_results
         (campaign_id, released_on, delivered, opened, interested, lead_outcomes, epsilon)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (campaign_id, released_on) DO NOTHING`,
      [id, r.releasedOn, r.delivered, r.opened, r.interested, JSON.stringify(r.leadOutcomes), r.epsilon],
    );
    return released;
  }

  /** A regional campaign's results: each delivered region's protected results, combined, gaps named. */
  async regionResults(id: string, actor: string): Promise<RegionalCampaignResults> {
    const campaign = await this.#readable(id, actor);
    if (campaign.regions === null) {
      throw new CurtainError('HUB_INVALID', `campaign ${id} runs in the hub's own vault: read its results`);
    }
    return this.#regional.results(campaign, actor);
  }

  #readable(id: string, actor: string): Promise<Campaign> {
    return this.#storage.transaction(async (tx) => {
      await requireRole(tx, actor, readers, 'read campaign results');
      const campaign = await getCampaign(tx, id);
      requireStatus(campaign, ['running', 'stopping', 'stopped', 'finished'], 'read the results of');
      return campaign;
    });
  }

  list(status?: CampaignStatus): Promise<Campaign[]> {
    return this.#storage.transaction((tx) => listCampaigns(tx, status));
  }

  /** What a draft would send, before it is created: the offer and its review (free; no new count). */
  async preview(input: CampaignPreviewInput, actor: string): Promise<CampaignPreview> {
    const parsed = parseOrRefuse(campaignPreviewInput, input, 'campaign preview');
    const { offer, audience } = await this.#storage.transaction(async (tx) => {
      await requireRole(tx, actor, ['marketer'], 'preview campaigns');
      const offer = await getOffer(tx, parsed.offerId);
      if (parsed.segment === undefined) return { offer, audience: parsed.audience ?? '' };
      return { offer, audience: (await findSegment(tx, parsed.segment)).expression };
    });
    return { offer, review: await reviewAudience(this.#door, this.#storage, audience, offer.purpose) };
  }

  async show(id: string): Promise<CampaignDetail> {
    const detail = await this.#storage.transaction(async (tx) => {
      const campaign = await getCampaign(tx, id);
      const { rows } = await tx.query<{
        delivered: number | null;
        opened: number | null;
        interested: number | null;
        leadOutcomes: CampaignResults['leadOutcomes'] | null;
        epsilon: string;
        releasedOn: string;
      }>(
        `SELECT delivered, opened, interested, lead_outcomes AS "leadOutcomes", epsilon,
                released_on AS "releasedOn"
           FROM hub.campaign_results WHERE campaign_id = $1 ORDER BY released_on`,
        [id],
      );
      const offer = await getOffer(tx, campaign.offerId);
      return {
        campaign,
        offer,
        protectedCount: (await rememberedCount(tx, campaign.audience, offer.purpose)) ?? null,
        alsoOffers: await campaignAlternatives(tx, id),
        events: await campaignEvents(tx, id),
        results: rows.map((row) => ({ campaignId: id, ...row })),
      };
    });
    const { audience } = detail.campaign;
    return {
      ...detail,
      review: await reviewAudience(this.#door, this.#storage, audience, detail.offer.purpose),
    };
  }

  /** One state change: the row locked, the step journalled, the log told after the commit. */
  async #transition(
    id: string,
    change: (tx: HubExecutor, campaign: Campaign) => Promise<HubAuditEvent | undefined>,
  ): Promise<Campaign> {
    const event = await this.#storage.transaction(async (tx) => change(tx, await getCampaign(tx, id, true)));
    if (event !== undefined) await this.#door.record([event]);
    return this.#storage.transaction((tx) => getCampaign(tx, id));
  }
}

/** Only a draft is decided, and never by the person who created it. */
function mayDecide(campaign: Campaign, actor: string, action: 'approve' | 'refuse'): void {
  if (campaign.createdBy === actor) {
    throw new CurtainError(
      'HUB_FORBIDDEN',
      `${actor} created campaign ${campaign.id} and may not ${action} it: someone else must`,
    );
  }
  requireStatus(campaign, ['draft'], action);
}

function requireStatus(campaign: Campaign, allowed: readonly CampaignStatus[], action: string): void {
  if (allowed.includes(campaign.status)) return;
  const needed = allowed.join(' or ');
  throw new CurtainError(
    'HUB_CAMPAIGN_STATE',
    `cannot ${action} campaign ${campaign.id}: it is ${campaign.status}, and only a campaign that is ${needed} can`,
  );
}
