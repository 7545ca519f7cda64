// What each `curtain hub …` command does with the hub, and prints: human output or --json.
import type { PrivacyCost } from '../core/vault-door.ts';
import type { Campaign, CampaignStatus } from '../hub/campaign-record.ts';
import type { CampaignDetail, CampaignDraft, DueRun } from '../hub/campaigns.ts';
import type { Offer, OfferDraft, Product, SegmentDraft } from '../hub/catalogue.ts';
import type { HubService } from '../hub/hub-service.ts';
import { exitOf } from './output.ts';
import { progressBar } from './progress.ts';

export interface JsonOption {
  readonly json?: boolean;
}

export interface ActorOptions extends JsonOption {
  /** The staff handle acting. */
  readonly as: string;
}

function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

const day = (date: Date | null) => (date === null ? '—' : date.toISOString());

function printCampaign(campaign: Campaign): void {
  console.log(`campaign ${campaign.id} "${campaign.name}": ${campaign.status}`);
  if (campaign.refusal !== null) console.log(`  refused by the vault: ${campaign.refusal}`);
  console.log(`  offer ${campaign.offerId}; audience: ${campaign.audience}`);
  const { messages, days } = campaign.frequencyCap;
  console.log(
    `  channels: ${['inbox', ...campaign.channels].join(', ')}; starts ${day(campaign.startsAt)}, ` +
      `ends ${day(campaign.endsAt)}; at most ${messages} per ${days} days` +
      (campaign.maxMessages === null ? '' : `; at most ${campaign.maxMessages} messages`),
  );
  const approval = campaign.approvedBy === null ? 'not approved' : `approved by ${campaign.approvedBy}`;
  console.log(`  created by ${campaign.createdBy}, ${approval}`);
}

function printOffer(offer: Offer): void {
  console.log(`offer ${offer.id}: ${offer.title} (${offer.purpose})`);
  console.log(
    `  product ${offer.productCode} by ${offer.provider}; category ${offer.category}; ` +
      `valid ${offer.validFrom} to ${offer.validUntil}; button "${offer.callToAction}"`,
  );
  if (offer.interests.length > 0) console.log(`  suits interests: ${offer.interests.join(', ')}`);
}

export async function hubStaffAddCommand(
  hub: HubService,
  handle: string,
  roles: readonly string[],
  options: JsonOption = {},
) {
  const member = await hub.addStaff(handle, roles);
  if (options.json === true) return printJson(member);
  console.log(`${member.handle}: ${member.roles.join(', ')}`);
}

export async function hubProductAddCommand(hub: HubService, product: Product, options: ActorOptions) {
  const added = await hub.addProduct(product, options.as);
  if (options.json === true) return printJson(added);
  console.log(`product ${added.code}: ${added.name}, by ${added.provider}${added.credit ? ', credit' : ''}`);
}

export async function hubOfferAddCommand(hub: HubService, draft: OfferDraft, options: ActorOptions) {
  const offer = await hub.addOffer(draft, options.as);
  if (options.json === true) return printJson(offer);
  printOffer(offer);
}

export async function hubOfferListCommand(hub: HubService, options: JsonOption & { segment?: string }) {
  const offers = await hub.listOffers(options.segment);
  if (options.json === true) return printJson(offers);
  if (offers.length === 0) console.log('no offers');
  offers.forEach(printOffer);
}

export async function hubSegmentAddCommand(hub: HubService, draft: SegmentDraft, options: ActorOptions) {
  const segment = await hub.addSegment(draft, options.as);
  if (options.json === true) return printJson(segment);
  console.log(`segment ${segment.id} "${segment.name}" (${segment.purpose})`);
  console.log(`  as a customer reads it: ${segment.explanation}`);
}

export async function hubSegmentLinkCommand(
  hub: HubService,
  segment: string,
  offerId: string,
  options: ActorOptions,
) {
  await hub.linkOffer(segment, offerId, options.as);
  if (options.json === true) return printJson({ segment, offerId, linked: true });
  console.log(`offer ${offerId} suits segment ${segment}`);
}

export async function hubCampaignCreateCommand(hub: HubService, draft: CampaignDraft, options: ActorOptions) {
  const campaign = await hub.createCampaign(draft, options.as);
  if (options.json === true) return printJson(campaign);
  printCampaign(campaign);
  console.log(`  another approver runs \`curtain hub campaign approve ${campaign.id} --as <handle>\``);
}

export async function hubCampaignApproveCommand(hub: HubService, id: string, options: ActorOptions) {
  const campaign = await hub.approve(id, options.as);
  if (options.json === true) return printJson(campaign);
  printCampaign(campaign);
}

export async function hubCampaignCancelCommand(
  hub: HubService,
  id: string,
  options: ActorOptions & { readonly reason?: string },
) {
  const campaign = await hub.cancel(id, options.as, options.reason);
  if (options.json === true) return printJson(campaign);
  printCampaign(campaign);
}

/** A refusal by the vault is printed with its code, and the exit status follows the code. */
export async function hubCampaignRunCommand(hub: HubService, id: string, options: ActorOptions) {
  const bar = options.json === true ? undefined : progressBar('delivering', 100, '%');
  let outcome;
  try {
    outcome = await hub.run(id, options.as, (fraction) => bar?.update(Math.round(fraction * 100)));
  } finally {
    bar?.stop();
  }
  if (outcome.refusal !== undefined) process.exitCode = exitOf(outcome.refusal.code);
  if (options.json === true) return printJson(outcome);
  printCampaign(outcome.campaign);
  if (outcome.refusal !== undefined) {
    console.error(`curtain: ${outcome.refusal.code}: ${outcome.refusal.message}`);
  }
  if (outcome.budget !== undefined) printCost(options.as, outcome.budget);
}

/** What a request cost and what is left: every answer and refusal of the vault says it. */
function printCost(asker: string, budget: PrivacyCost, print: (line: string) => void = console.log) {
  print(`  ε charged ${budget.charged}`);
  print(
    `  budget left: ${budget.askerRemaining} for ${asker}, ${budget.vaultRemaining} vault-wide; ` +
      `resets ${budget.resetsAt}`,
  );
}

export async function hubCampaignRunDueCommand(hub: HubService, options: ActorOptions) {
  const runs = await hub.runDue(options.as);
  const failed = runs.find((r) => !r.outcome.ok || r.outcome.value.refusal !== undefined);
  if (failed !== undefined) process.exitCode = exitOf(failureCode(failed));
  if (options.json === true) return printJson(runs);
  if (runs.length === 0) console.log('no campaign is due');
  for (const run of runs) {
    if (run.outcome.ok) {
      const { campaign, refusal } = run.outcome.value;
      console.log(
        `${run.campaignId}: ${campaign.status}${refusal === undefined ? '' : ` (${refusal.code})`}`,
      );
    } else {
      console.log(`${run.campaignId}: failed: ${run.outcome.error.code}: ${run.outcome.error.message}`);
    }
  }
}

function failureCode(run: DueRun): string {
  if (!run.outcome.ok) return run.outcome.error.code;
  return run.outcome.value.refusal?.code ?? 'INTERNAL';
}

export async function hubCampaignListCommand(
  hub: HubService,
  options: JsonOption & { status?: CampaignStatus },
) {
  const campaigns = await hub.list(options.status);
  if (options.json === true) return printJson(campaigns);
  if (campaigns.length === 0) console.log('no campaigns');
  for (const c of campaigns) {
    console.log(`${c.id}  ${c.status.padEnd(9)}  ${c.startsAt.toISOString()}  ${c.name}`);
  }
}

export async function hubCampaignShowCommand(hub: HubService, id: string, options: JsonOption = {}) {
  const detail: CampaignDetail = await hub.show(id);
  if (options.json === true) return printJson(detail);
  printCampaign(detail.campaign);
  printOffer(detail.offer);
  if (detail.alsoOffers.length > 0) {
    console.log('chosen instead, by interest, in this order:');
    for (const other of detail.alsoOffers) printOffer(other);
  }
  console.log('events:');
  for (const e of detail.events) {
    console.log(
      `  ${e.at.toISOString()}  ${e.event.padEnd(9)}  ${e.actor}${e.detail === null ? '' : `  ${e.detail}`}`,
    );
  }
  for (const r of detail.results) console.log(resultLine(r));
}

const shown = (n: number | null) => (n === null ? 'suppressed' : `about ${n.toLocaleString('en-GB')}`);

function resultLine(r: {
  releasedOn: string;
  delivered: number | null;
  opened: number | null;
  interested: number | null;
  epsilon: string;
}) {
  return (
    `results of ${r.releasedOn}: delivered ${shown(r.delivered)}, opened ${shown(r.opened)}, ` +
    `interested ${shown(r.interested)} (ε ${r.epsilon})`
  );
}

/** Protected aggregates; a privacy refusal is printed with its code and sets the exit status. */
export async function hubCampaignResultsCommand(hub: HubService, id: string, options: ActorOptions) {
  const released = await hub.results(id, options.as);
  if (!released.ok) process.exitCode = exitOf(released.error.code);
  if (options.json === true) {
    return printJson(released.ok ? released.value : { error: released.error });
  }
  if (!released.ok) {
    if (released.error.rendered !== undefined) console.error(released.error.rendered);
    console.error(`curtain: ${released.error.code}: ${released.error.message}`);
    if (released.error.budget !== undefined) printCost(options.as, released.error.budget, console.error);
    return;
  }
  console.log(resultLine(released.value));
  console.log('  noised counts: never exact; "suppressed" where the count fell under the threshold');
  if (released.value.budget !== undefined) printCost(options.as, released.value.budget);
}
