// The hub on the command line: staff, products, offers, segments and campaigns; human output or --json.
import { Option, type Command } from 'commander';
import { CurtainError, errorCatalogue, type ErrorCode } from '../core/errors.ts';
import type { NoticeChannel } from '../core/vault-door.ts';
import { releasableGroups } from '../core/taxonomy.ts';
import { campaignStatuses, type Campaign, type CampaignStatus } from '../hub/campaign-record.ts';
import type { CampaignDetail, CampaignDraft, DueRun } from '../hub/campaigns.ts';
import type { Offer, OfferDraft, Product, SegmentDraft } from '../hub/catalogue.ts';
import type { HubService } from '../hub/hub-service.ts';
import { staffRoles } from '../hub/staff.ts';
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

function exitOf(code: string): number {
  return code in errorCatalogue ? errorCatalogue[code as ErrorCode].exit : 1;
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

export async function hubCampaignCancelCommand(hub: HubService, id: string, options: ActorOptions) {
  const campaign = await hub.cancel(id, options.as);
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
    return;
  }
  console.log(resultLine(released.value));
  console.log('  noised counts: never exact; "suppressed" where the count fell under the threshold');
}

// ---------------------------------------------------------------------------------------------
// Wiring into commander.

export interface HubSession {
  readonly hub: HubService;
  close(): Promise<void>;
}

const asPositiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CurtainError('USAGE', `not a positive integer: ${value}`);
  return n;
};

const asCap = (value: string) => {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  if (match === null) throw new CurtainError('USAGE', `--cap is messages/days, e.g. 1/7, not ${value}`);
  return { messages: asPositiveInt(match[1] ?? ''), days: asPositiveInt(match[2] ?? '') };
};

const actor = () => new Option('--as <handle>', 'the staff member acting').makeOptionMandatory();
const json = () => new Option('--json', 'print JSON');

/** Adds `curtain hub …`; `open` gives a hub and a way to release it, called once per command. */
export function registerHubCommands(program: Command, open: () => Promise<HubSession>): void {
  const withHub =
    <Args extends unknown[]>(work: (hub: HubService, ...args: Args) => Promise<void>) =>
    async (...args: Args) => {
      const session = await open();
      try {
        await work(session.hub, ...args);
      } finally {
        await session.close();
      }
    };

  const hub = program.command('hub').description('products, offers, segments and campaigns (no PII)');

  const staff = hub.command('staff').description('hub staff and their roles');
  staff
    .command('add')
    .description('add a staff member, or give one more roles')
    .argument('<handle>')
    .addOption(new Option('--role <roles...>', 'roles').choices(staffRoles).makeOptionMandatory())
    .addOption(json())
    .action(
      withHub((h, handle: string, o: { role: string[]; json?: boolean }) =>
        hubStaffAddCommand(h, handle, o.role, o),
      ),
    );

  const product = hub.command('product').description('products of the bank and partners');
  product
    .command('add')
    .description('add a product')
    .argument('<code>')
    .requiredOption('--name <name>', 'the product’s name')
    .option('--provider <code>', '"bank" or the partner’s code', 'bank')
    .option('--credit', 'a credit product (its offers get the fair-lending checks)', false)
    .addOption(actor())
    .addOption(json())
    .action(
      withHub((h, code: string, o: { name: string; provider: string; credit: boolean } & ActorOptions) =>
        hubProductAddCommand(h, { code, name: o.name, provider: o.provider, credit: o.credit }, o),
      ),
    );

  const offer = hub.command('offer').description('offers: plain texts with no slot for anything personal');
  offer
    .command('add')
    .description('add an offer of a product')
    .requiredOption('--product <code>', 'the product')
    .requiredOption('--title <text>', 'title')
    .requiredOption('--body <text>', 'body')
    .requiredOption('--cta <text>', 'label of the "interested" button')
    .requiredOption('--category <code>', 'e.g. mortgage ("not interested in offers like this")')
    .option('--valid-from <date>', 'first day (default today)')
    .requiredOption('--valid-until <date>', 'last day')
    .addOption(
      new Option(
        '--interests <groups...>',
        'interests the offer suits, for campaigns that choose among offers',
      ).choices(releasableGroups),
    )
    .addOption(actor())
    .addOption(json())
    .action(
      withHub(
        (
          h,
          o: {
            product: string;
            title: string;
            body: string;
            cta: string;
            category: string;
            validFrom?: string;
            validUntil: string;
            interests?: string[];
          } & ActorOptions,
        ) =>
          hubOfferAddCommand(
            h,
            {
              productCode: o.product,
              title: o.title,
              body: o.body,
              callToAction: o.cta,
              category: o.category,
              ...(o.validFrom === undefined ? {} : { validFrom: o.validFrom }),
              validUntil: o.validUntil,
              ...(o.interests === undefined ? {} : { interests: o.interests }),
            },
            o,
          ),
      ),
    );
  offer
    .command('list')
    .description('every offer, or those linked to a segment')
    .option('--segment <segment>', 'a segment’s name or id')
    .addOption(json())
    .action(withHub((h, o: JsonOption & { segment?: string }) => hubOfferListCommand(h, o)));

  const segment = hub.command('segment').description('named segment expressions');
  segment
    .command('add')
    .description('add a segment; the vault checks it for its purpose')
    .argument('<name>')
    .requiredOption('--expression <expression>', 'a segment expression (docs/segment-language.md)')
    .requiredOption('--purpose <purpose>', 'bank_offers, credit_offers, partner_offers, …')
    .addOption(actor())
    .addOption(json())
    .action(
      withHub((h, name: string, o: { expression: string; purpose: string } & ActorOptions) =>
        hubSegmentAddCommand(h, { name, expression: o.expression, purpose: o.purpose }, o),
      ),
    );
  segment
    .command('link')
    .description('say that an offer suits a segment')
    .argument('<segment>', 'the segment’s name or id')
    .argument('<offer-id>')
    .addOption(actor())
    .addOption(json())
    .action(
      withHub((h, name: string, offerId: string, o: ActorOptions) =>
        hubSegmentLinkCommand(h, name, offerId, o),
      ),
    );

  const campaign = hub.command('campaign').description('campaigns: drafted, approved by another, run');
  campaign
    .command('create')
    .description('draft a campaign (its audience is checked under the offer’s purpose)')
    .requiredOption('--name <name>', 'name')
    .requiredOption('--offer <offer-id>', 'the offer')
    .option(
      '--also-offer <offer-ids...>',
      'other offers of the same purpose, sent instead to people with their interests (tried in order)',
    )
    .option('--segment <segment>', 'a segment’s name or id')
    .option('--audience <expression>', 'a segment expression, instead of --segment')
    .addOption(
      new Option('--channel <channels...>', 'notice channels besides the inbox').choices([
        'email',
        'push',
        'webhook',
      ]),
    )
    .option('--starts-at <time>', 'ISO date or time (default now)')
    .option('--ends-at <time>', 'ISO date or time')
    .option('--cap <messages/days>', 'frequency cap', asCap)
    .option('--max-messages <n>', 'at most this many messages', asPositiveInt)
    .addOption(actor())
    .addOption(json())
    .action(
      withHub(
        (
          h,
          o: {
            name: string;
            offer: string;
            alsoOffer?: string[];
            segment?: string;
            audience?: string;
            channel?: NoticeChannel[];
            startsAt?: string;
            endsAt?: string;
            cap?: { messages: number; days: number };
            maxMessages?: number;
          } & ActorOptions,
        ) =>
          hubCampaignCreateCommand(
            h,
            {
              name: o.name,
              offerId: o.offer,
              ...(o.alsoOffer === undefined ? {} : { alsoOffers: o.alsoOffer }),
              ...(o.segment === undefined ? {} : { segment: o.segment }),
              ...(o.audience === undefined ? {} : { audience: o.audience }),
              channels: o.channel ?? [],
              startsAt: o.startsAt ?? new Date(),
              ...(o.endsAt === undefined ? {} : { endsAt: o.endsAt }),
              ...(o.cap === undefined ? {} : { frequencyCap: o.cap }),
              ...(o.maxMessages === undefined ? {} : { maxMessages: o.maxMessages }),
            },
            o,
          ),
      ),
    );
  campaign
    .command('approve')
    .description('approve a draft (an approver other than its creator)')
    .argument('<id>')
    .addOption(actor())
    .addOption(json())
    .action(withHub((h, id: string, o: ActorOptions) => hubCampaignApproveCommand(h, id, o)));
  campaign
    .command('run')
    .description('deliver an approved, due campaign through the vault (or resume a running one)')
    .argument('<id>')
    .addOption(actor())
    .addOption(json())
    .action(withHub((h, id: string, o: ActorOptions) => hubCampaignRunCommand(h, id, o)));
  campaign
    .command('run-due')
    .description('run every approved campaign whose start has come')
    .addOption(actor())
    .addOption(json())
    .action(withHub((h, o: ActorOptions) => hubCampaignRunDueCommand(h, o)));
  campaign
    .command('cancel')
    .description('cancel a draft or approved campaign')
    .argument('<id>')
    .addOption(actor())
    .addOption(json())
    .action(withHub((h, id: string, o: ActorOptions) => hubCampaignCancelCommand(h, id, o)));
  campaign
    .command('list')
    .description('campaigns, optionally of one status')
    .addOption(new Option('--status <status>', 'only this status').choices(campaignStatuses))
    .addOption(json())
    .action(withHub((h, o: JsonOption & { status?: CampaignStatus }) => hubCampaignListCommand(h, o)));
  campaign
    .command('show')
    .description('a campaign with its offer, lifecycle events and released results')
    .argument('<id>')
    .addOption(json())
    .action(withHub((h, id: string, o: JsonOption) => hubCampaignShowCommand(h, id, o)));
  campaign
    .command('results')
    .description('protected aggregates of a campaign (noised; charged to the asker)')
    .argument('<id>')
    .addOption(actor())
    .addOption(json())
    .action(withHub((h, id: string, o: ActorOptions) => hubCampaignResultsCommand(h, id, o)));
}
