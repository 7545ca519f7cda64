// A campaign across regions: each region's vault holds its own budget, admits and delivers to its own customers.
import type { CampaignRegion, CampaignRegionState } from '../contracts/hub-campaigns.ts';
import type { RegionalCampaignResults, RegionalResultPart } from '../contracts/hub-regions.ts';
import type { JsonValue } from '../core/audit-event.ts';
import { CurtainError } from '../core/errors.ts';
import type { Result } from '../core/result.ts';
import type { DeliveryRefusal, DeliveryReport, ReserveRequest, VaultDoor } from '../core/vault-door.ts';
import { checkAudience, refusalError } from './audience-check.ts';
import type { Campaign } from './campaign-record.ts';
import type { HubExecutor, HubStorage } from './hub-storage.ts';
import type { Reached, RegionalVaults } from './regional-vaults.ts';

/** Where a regional run stands: every region's part, and the regions still to deliver. */
export interface RegionalRun {
  readonly parts: readonly CampaignRegion[];
  /** Regions whose part is not settled (unreachable, or held and not delivered yet): run again to resume. */
  readonly missing: readonly string[];
}

/** A part that no later run changes: delivered, refused by that vault's guard for good, or stopped. */
const settled: ReadonlySet<CampaignRegionState> = new Set(['delivered', 'suppressed', 'refused', 'stopped']);

export class RegionalCampaigns {
  readonly #storage: HubStorage;
  readonly #vaults: RegionalVaults;
  readonly #now: () => Date;

  constructor(storage: HubStorage, vaults: RegionalVaults, now: () => Date) {
    this.#storage = storage;
    this.#vaults = vaults;
    this.#now = now;
  }

  /** The registered regions a draft names ('all': every one registered now), fixed in the campaign. */
  resolve(regions: 'all' | readonly string[]): Promise<string[]> {
    return this.#vaults.resolve(regions === 'all' ? 'all' : [...regions]);
  }

  /** Each region's vault checks the audience under its own catalogue and policy; every one must answer. */
  async check(regions: readonly string[], audience: string, purpose: string): Promise<void> {
    const reached = await this.#vaults.reach(regions, (door) => checkAudience(door, audience, purpose));
    refuseUnlessAll(reached, 'the audience cannot be checked');
  }

  /**
   * Every region's vault holds back the campaign's admission and results ε in its own budget. If one cannot
   * (exhausted, or not reachable), the others give their holding back and the approval is refused, naming it.
   */
  async reserve(regions: readonly string[], request: ReserveRequest): Promise<void> {
    const reached = await this.#vaults.reach(regions, async (door) => {
      const held = await door.reserve(request);
      if (!held.ok) throw refusalError(held.error);
      return held.value;
    });
    if (reached.every((r) => r.ok)) return;
    const holding = reached.filter((r) => r.ok).map((r) => r.region);
    await this.endReservations(holding, request.campaignId, 'refused', request.holder);
    refuseUnlessAll(reached, `campaign ${request.campaignId} cannot be approved`);
  }

  /** Records each region as holding its budget, in the approval's transaction. */
  async hold(tx: HubExecutor, campaignId: string, regions: readonly string[]): Promise<void> {
    await tx.query(
      `INSERT INTO hub.campaign_regions (campaign_id, region, state, updated_at)
       SELECT $1, r, 'held', $3 FROM unnest($2::text[]) AS r
       ON CONFLICT (campaign_id, region) DO UPDATE SET state = 'held', code = NULL, updated_at = $3`,
      [campaignId, regions, this.#now()],
    );
  }

  /** Gives each region's holding back; a vault that cannot be reached keeps it until its reservation ends. */
  async endReservations(
    regions: readonly string[],
    campaignId: string,
    reason: 'cancelled' | 'refused',
    actor: string,
  ): Promise<void> {
    await this.#vaults.reach(regions, (door) => door.endReservation({ campaignId, reason, actor }));
  }

  /**
   * Stops sending in every region not stopped yet, in parallel; each reached vault gives back what the
   * campaign holds there. Answers where each region's run stood, for the journal; when a region cannot be
   * reached (or refuses), the ones reached stay stopped and the error names the others: ask again for them.
   */
  async stop(campaign: Campaign, actor: string): Promise<{ readonly [key: string]: JsonValue }> {
    const regions = campaign.regions ?? [];
    const before = await this.#storage.transaction((tx) => readParts(tx, campaign.id));
    const pending = regions.filter((region) => before.get(region)?.state !== 'stopped');
    const reached = await this.#vaults.reach(pending, async (door) => {
      const stopped = await door.stop({ campaignId: campaign.id, actor });
      if (!stopped.ok) throw refusalError(stopped.error);
      return stopped.value;
    });
    const now = this.#now();
    await this.#storage.transaction(async (tx) => {
      for (const r of reached) {
        if (r.ok) await writePart(tx, campaign.id, { region: r.region, state: 'stopped', code: null }, now);
      }
    });
    refuseUnlessAll(reached, `campaign ${campaign.id} is stopping: it could not be stopped`);
    return { regions: Object.fromEntries(reached.flatMap((r) => (r.ok ? [[r.region, r.value.run]] : []))) };
  }

  /**
   * Delivers in every region not settled yet, in parallel, each through its own door (its vault admits
   * under its own guard and never sends twice for one campaign); stores where each part stands.
   */
  async deliver(
    campaign: Campaign,
    deliverIn: (door: VaultDoor) => Promise<Result<DeliveryReport, DeliveryRefusal>>,
  ): Promise<RegionalRun> {
    const regions = campaign.regions ?? [];
    const before = await this.#storage.transaction((tx) => readParts(tx, campaign.id));
    const pending = regions.filter((region) => !settled.has(before.get(region)?.state ?? 'held'));
    const reached = await this.#vaults.reach(pending, (door) => deliverIn(door));
    const now = this.#now();
    await this.#storage.transaction(async (tx) => {
      for (const part of reached.map(deliveryPart)) await writePart(tx, campaign.id, part, now);
    });
    const after = await this.#storage.transaction((tx) => readParts(tx, campaign.id));
    const parts = regions.map(
      (region): CampaignRegion => after.get(region) ?? { region, state: 'held', code: null },
    );
    return { parts, missing: parts.filter((p) => !settled.has(p.state)).map((p) => p.region) };
  }

  /** Each delivered region's protected results, charged to `actor` in that vault; combined, never silently. */
  async results(campaign: Campaign, actor: string): Promise<RegionalCampaignResults> {
    const regions = campaign.regions ?? [];
    const states = await this.#storage.transaction((tx) => readParts(tx, campaign.id));
    const delivered = regions.filter((region) => states.get(region)?.state === 'delivered');
    const reached = new Map(
      (await this.#vaults.reach(delivered, (door) => door.results(campaign.id, actor))).map((r) => [
        r.region,
        r,
      ]),
    );
    const parts = regions.map((region): RegionalResultPart => {
      const r = reached.get(region);
      if (r === undefined) {
        const state = states.get(region) ?? { state: 'held', code: null };
        return { region, status: 'undelivered', code: state.code ?? state.state, message: state.state };
      }
      if (!r.ok) return { region, status: 'unreachable', code: r.code, message: r.message };
      if (!r.value.ok)
        return { region, status: 'refused', code: r.value.error.code, message: r.value.error.message };
      return { region, status: 'released', ...r.value.value };
    });
    return combineResults(campaign.id, parts);
  }
}

/** Throws the first region's error, naming every region that did not answer or refused. */
function refuseUnlessAll<T>(reached: readonly Reached<T>[], doing: string): void {
  const failed = reached.flatMap((r) => (r.ok ? [] : [r]));
  const first = failed[0];
  if (first === undefined) return;
  const named = failed.map((r) => `${r.region} (${r.code}: ${r.message})`).join('; ');
  throw new CurtainError(first.code, `${doing} in every region: ${named}`);
}

/** A region's delivery as a part: a report is delivered, a too-small audience suppressed, an error unreachable. */
function deliveryPart(reached: Reached<Result<DeliveryReport, DeliveryRefusal>>): CampaignRegion {
  const { region } = reached;
  if (!reached.ok) return { region, state: 'unreachable', code: reached.code };
  const delivered = reached.value;
  if (delivered.ok) {
    const state = { finished: 'delivered', stopped: 'stopped', sending: 'held' } as const;
    return { region, state: state[delivered.value.state], code: null };
  }
  const code = delivered.error.code;
  return { region, state: code === 'DELIVERY_AUDIENCE_TOO_SMALL' ? 'suppressed' : 'refused', code };
}

async function readParts(tx: HubExecutor, campaignId: string): Promise<Map<string, CampaignRegion>> {
  const { rows } = await tx.query<CampaignRegion>(
    'SELECT region, state, code FROM hub.campaign_regions WHERE campaign_id = $1',
    [campaignId],
  );
  return new Map(rows.map((row) => [row.region, row]));
}

async function writePart(tx: HubExecutor, campaignId: string, part: CampaignRegion, now: Date) {
  await tx.query(
    `INSERT INTO hub.campaign_regions (campaign_id, region, state, code, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (campaign_id, region) DO UPDATE SET state = $3, code = $4, updated_at = $5`,
    [campaignId, part.region, part.state, part.code, now],
  );
}

type Measure = 'delivered' | 'opened' | 'interested';

/**
 * Sums each measure over the regions that released it, and says which regions each sum covers. A total is
 * given only when every region released that measure; otherwise it is null and the missing regions named.
 */
export function combineResults(
  campaignId: string,
  parts: readonly RegionalResultPart[],
): RegionalCampaignResults {
  const released = parts.flatMap((p) => (p.status === 'released' ? [p] : []));
  const missing = parts.filter((p) => p.status !== 'released').map((p) => p.region);
  const total = (measure: Measure) => {
    const covered = released.filter((p) => p[measure] !== null);
    const sum = covered.reduce((s, p) => s + (p[measure] ?? 0), 0);
    const suppressed = released.filter((p) => p[measure] === null).map((p) => p.region);
    const complete = missing.length === 0 && suppressed.length === 0;
    return { total: complete ? sum : null, released: sum, regions: covered.map((p) => p.region), suppressed };
  };
  return {
    campaignId,
    complete: missing.length === 0,
    missing,
    delivered: total('delivered'),
    opened: total('opened'),
    interested: total('interested'),
    parts: [...parts],
  };
}
