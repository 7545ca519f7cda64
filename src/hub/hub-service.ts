// The hub: staff, the catalogue and campaigns behind one service, reaching the vault only through its door.
import type { CampaignResults, DoorRefusal, ProtectedCount, VaultDoor } from '../core/vault-door.ts';
import type { Result } from '../core/result.ts';
import type { Campaign, CampaignStatus } from './campaign-record.ts';
import type { CampaignPreviewInput } from '../contracts/hub-campaigns.ts';
import {
  Campaigns,
  type CampaignDetail,
  type CampaignDraft,
  type CampaignPreview,
  type DueRun,
  type RunOutcome,
} from './campaigns.ts';
import {
  Catalogue,
  type Offer,
  type OfferDraft,
  type Product,
  type Segment,
  type SegmentDraft,
} from './catalogue.ts';
import { CurtainError } from '../core/errors.ts';
import type { HubExecutor, HubStorage } from './hub-storage.ts';
import { rememberCount } from './protected-counts.ts';
import type {
  RegionalAnswer,
  RegionalCampaignResults,
  RegionalCheck,
  VaultProbe,
  RegionalQuestion,
  RegisteredVault,
} from '../contracts/hub-regions.ts';
import { RegionalCampaigns } from './regional-campaigns.ts';
import { RegionalVaults, type RegionalDoors } from './regional-vaults.ts';
import { FederatedRounds } from './federated-rounds.ts';
import type { FederatedRound } from '../contracts/hub-federated.ts';
import { disableStaff, removeRoles } from './staff-changes.ts';
import { addStaff, listStaff, requireRole, type StaffMember } from './staff.ts';

export interface HubServiceOptions {
  /** The clock (tests pass a fixed one). */
  readonly now?: () => Date;
  /** Doors to registered regional vaults; without them the hub serves its one vault only. */
  readonly regional?: RegionalDoors;
}

/** Without door keys the hub reaches no regional vault: registering or asking one says what to configure. */
const noRegionalDoors: RegionalDoors = {
  open: () => {
    throw new CurtainError(
      'CONFIG_INVALID',
      'this hub reaches no regional vaults: set CURTAIN_DOOR_KEY (or CURTAIN_DOOR_KEY_<REGION>)',
    );
  },
  proofs: { nonce: () => '', holds: () => false },
};

export class HubService {
  readonly #storage: HubStorage;
  readonly #door: VaultDoor;
  readonly #catalogue: Catalogue;
  readonly #campaigns: Campaigns;
  readonly #now: () => Date;
  readonly #regions: RegionalVaults;
  readonly #rounds: FederatedRounds;

  constructor(storage: HubStorage, door: VaultDoor, options: HubServiceOptions = {}) {
    const now = options.now ?? (() => new Date());
    this.#now = now;
    this.#storage = storage;
    this.#door = door;
    this.#catalogue = new Catalogue(storage, door, now);
    this.#regions = new RegionalVaults(storage, options.regional ?? noRegionalDoors, now);
    this.#campaigns = new Campaigns(storage, door, now, new RegionalCampaigns(storage, this.#regions, now));
    this.#rounds = new FederatedRounds(storage, this.#regions, now);
  }

  /** A marketer proposes a federated round (product, ε, regions); the home vault's log records it. */
  async proposeRound(input: unknown, actor: string): Promise<FederatedRound> {
    const round = await this.#rounds.propose(input, actor);
    await this.#recordRound('hub.federated.proposed', round, actor);
    return round;
  }

  /** A second person, an approver, approves it; run it next (`runRound`). */
  async approveRound(id: string, actor: string): Promise<FederatedRound> {
    const round = await this.#rounds.approve(id, actor);
    await this.#recordRound('hub.federated.approved', round, actor);
    return round;
  }

  /** Runs an approved round over the regions' doors, its stage recorded as it goes (see `showRound`). */
  runRound(id: string): Promise<FederatedRound> {
    return this.#rounds.run(id);
  }

  /** At start only (one hub per database): aborts the rounds a previous process left running. */
  abortInterruptedRounds(): Promise<FederatedRound[]> {
    return this.#rounds.abortInterrupted();
  }

  showRound(id: string): Promise<FederatedRound> {
    return this.#rounds.show(id);
  }

  listRounds(): Promise<FederatedRound[]> {
    return this.#rounds.list();
  }

  async #recordRound(action: string, round: FederatedRound, by: string): Promise<void> {
    await this.#door.record([
      {
        type: 'admin.action',
        details: {
          action,
          round: round.id,
          product: round.product,
          epsilon: round.epsilon,
          regions: round.regions,
          by,
        },
      },
    ]);
  }

  /** Registers a region's vault with its pinned log key (operators; the vault proves the key first). */
  registerVault(registration: unknown, actor: string): Promise<RegisteredVault> {
    return this.#regions.register(registration, actor);
  }

  listVaults(): Promise<RegisteredVault[]> {
    return this.#regions.list();
  }

  /** An operator's health probe: every vault proves its key now; when each was last reached. */
  probeVaults(actor: string): Promise<VaultProbe> {
    return this.#regions.probe(actor);
  }

  /** A question checked in each region (free): what a count would charge there, and who cannot answer. */
  checkRegions(question: RegionalQuestion, asker: string): Promise<RegionalCheck> {
    return this.#regions.check(question, asker);
  }

  /** A question across regions: each vault's guard answers; released parts are summed, missing ones named. */
  askRegions(question: RegionalQuestion, asker: string): Promise<RegionalAnswer> {
    return this.#regions.ask(question, asker);
  }

  /** An operator's bootstrap step: no actor, recorded in the transparency log as an admin action. */
  async addStaff(handle: string, roles: readonly string[]): Promise<StaffMember> {
    const member = await this.#storage.transaction((tx) => addStaff(tx, handle, roles));
    await this.#door.record([
      { type: 'admin.action', details: { action: 'hub.staff.added', handle, roles: [...member.roles] } },
    ]);
    return member;
  }

  /** An operator removes roles from another member; the member's sessions end; the log records it. */
  async removeStaffRoles(handle: string, roles: readonly string[], actor: string): Promise<StaffMember> {
    const change = await this.#storage.transaction(async (tx) => {
      await this.#mayChangeStaff(tx, handle, actor);
      return removeRoles(tx, handle, roles);
    });
    await this.#door.record([
      {
        type: 'admin.action',
        details: {
          action: 'hub.staff.roles_removed',
          handle,
          removed: [...roles],
          roles: [...change.member.roles],
          by: actor,
        },
      },
    ]);
    return change.member;
  }

  /** An operator disables another member: keys revoked, sessions ended at once; the log records it. */
  async disableStaff(handle: string, actor: string): Promise<StaffMember> {
    const change = await this.#storage.transaction(async (tx) => {
      await this.#mayChangeStaff(tx, handle, actor);
      return disableStaff(tx, handle, this.#now());
    });
    await this.#door.record([
      { type: 'admin.action', details: { action: 'hub.staff.disabled', handle, by: actor } },
    ]);
    return change.member;
  }

  async #mayChangeStaff(tx: HubExecutor, handle: string, actor: string): Promise<void> {
    await requireRole(tx, actor, ['operator'], 'change the staff');
    if (actor === handle)
      throw new CurtainError('HUB_FORBIDDEN', 'an operator may not change their own roles');
  }

  listStaff(): Promise<StaffMember[]> {
    return this.#storage.transaction(listStaff);
  }

  addProduct(product: Product, actor: string): Promise<Product> {
    return this.#catalogue.addProduct(product, actor);
  }

  listProducts(): Promise<Product[]> {
    return this.#catalogue.listProducts();
  }

  addOffer(draft: OfferDraft, actor: string): Promise<Offer> {
    return this.#catalogue.addOffer(draft, actor);
  }

  offer(id: string): Promise<Offer> {
    return this.#catalogue.offer(id);
  }

  /** Every offer, or the offers linked to a segment (its name or id). */
  listOffers(segment?: string): Promise<Offer[]> {
    return this.#catalogue.listOffers(segment);
  }

  addSegment(draft: SegmentDraft, actor: string): Promise<Segment & { explanation: string }> {
    return this.#catalogue.addSegment(draft, actor);
  }

  /** A protected count from the vault, charged to `asker`; the hub keeps the latest for the segment's reviewers. */
  async count(
    expression: string,
    purpose: string,
    asker: string,
  ): Promise<Result<ProtectedCount, DoorRefusal>> {
    const counted = await this.#door.count(expression, purpose, asker);
    if (counted.ok) {
      const remembered = { count: counted.value.count, askedBy: asker, askedAt: this.#now() };
      await this.#storage.transaction((tx) => rememberCount(tx, expression, purpose, remembered));
    }
    return counted;
  }

  listSegments(): Promise<Segment[]> {
    return this.#catalogue.listSegments();
  }

  linkOffer(segment: string, offerId: string, actor: string): Promise<void> {
    return this.#catalogue.linkOffer(segment, offerId, actor);
  }

  offersForSegment(segment: string): Promise<Offer[]> {
    return this.#catalogue.listOffers(segment);
  }

  createCampaign(draft: CampaignDraft, actor: string): Promise<Campaign> {
    return this.#campaigns.create(draft, actor);
  }

  approve(id: string, actor: string, reason?: string): Promise<Campaign> {
    return this.#campaigns.approve(id, actor, reason);
  }

  refuse(id: string, actor: string, reason: string): Promise<Campaign> {
    return this.#campaigns.refuse(id, actor, reason);
  }

  /** Cancels a campaign before it starts, or stops one that is sending (with a written reason). */
  cancel(id: string, actor: string, reason?: string): Promise<Campaign> {
    return this.#campaigns.cancel(id, actor, reason);
  }

  run(id: string, actor: string, onProgress?: (fractionDone: number) => void): Promise<RunOutcome> {
    return this.#campaigns.run(id, actor, onProgress);
  }

  runDue(actor: string): Promise<DueRun[]> {
    return this.#campaigns.runDue(actor);
  }

  results(id: string, actor: string): Promise<Result<CampaignResults, DoorRefusal>> {
    return this.#campaigns.results(id, actor);
  }

  /** A regional campaign's results: each region's protected results, summed where all released, gaps named. */
  regionResults(id: string, actor: string): Promise<RegionalCampaignResults> {
    return this.#campaigns.regionResults(id, actor);
  }

  list(status?: CampaignStatus): Promise<Campaign[]> {
    return this.#campaigns.list(status);
  }

  /** What a draft would send (the offer, the sentence customers read, the checks, an existing count): free. */
  previewCampaign(input: CampaignPreviewInput, actor: string): Promise<CampaignPreview> {
    return this.#campaigns.preview(input, actor);
  }

  show(id: string): Promise<CampaignDetail> {
    return this.#campaigns.show(id);
  }
}
