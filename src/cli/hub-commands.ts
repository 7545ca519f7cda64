// `curtain hub …` in commander: staff, products, offers, segments and campaigns (their work: hub-actions.ts).
import { Option, type Command } from 'commander';
import { CurtainError } from '../core/errors.ts';
import type { NoticeChannel } from '../core/vault-door.ts';
import { releasableGroups } from '../core/taxonomy.ts';
import { campaignStatuses, type CampaignStatus } from '../hub/campaign-record.ts';
import type { HubService } from '../hub/hub-service.ts';
import { staffRoles } from '../hub/staff.ts';
import { groupDescriptions } from './group-descriptions.ts';
import {
  hubCampaignApproveCommand,
  hubCampaignCancelCommand,
  hubCampaignCreateCommand,
  hubCampaignListCommand,
  hubCampaignResultsCommand,
  hubCampaignRunCommand,
  hubCampaignRunDueCommand,
  hubCampaignShowCommand,
  hubOfferAddCommand,
  hubOfferListCommand,
  hubProductAddCommand,
  hubSegmentAddCommand,
  hubSegmentLinkCommand,
  hubStaffAddCommand,
  type ActorOptions,
  type JsonOption,
} from './hub-actions.ts';

export interface HubSession {
  readonly hub: HubService;
  close(): Promise<void>;
}

export type OpenHub = () => Promise<HubSession>;

/** Wraps a command's work: a hub opened for it, released afterwards. */
type WithHub = <Args extends unknown[]>(
  work: (hub: HubService, ...args: Args) => Promise<void>,
) => (...args: Args) => Promise<void>;

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

function printStaff(
  member: { handle: string; roles: readonly string[] },
  options: { json?: boolean; disabled?: boolean },
): void {
  if (options.json === true) console.log(JSON.stringify(member, null, 2));
  else console.log(`${member.handle}: ${options.disabled === true ? 'disabled' : member.roles.join(', ')}`);
}

/** Adds `curtain hub …` to `program`; `open` gives a hub and a way to release it, called once per command. */
export function registerHubCommands(program: Command, open: OpenHub): void {
  defineHubCommands(program.command('hub').description(groupDescriptions.hub), open);
}

/** The sub-commands of `curtain hub`. */
export function defineHubCommands(hub: Command, open: OpenHub): void {
  const withHub: WithHub =
    (work) =>
    async (...args) => {
      const session = await open();
      try {
        await work(session.hub, ...args);
      } finally {
        await session.close();
      }
    };
  defineStaffAndProducts(hub, withHub);
  defineOffers(hub, withHub);
  defineSegments(hub, withHub);
  const campaign = hub.command('campaign').description('campaigns: drafted, approved by another, run');
  defineCampaignCreate(campaign, withHub);
  defineCampaignLifecycle(campaign, withHub);
}

function defineStaffAndProducts(hub: Command, withHub: WithHub): void {
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
  staff
    .command('remove-role')
    .description('remove roles from a staff member; their console sessions end at once')
    .argument('<handle>')
    .addOption(new Option('--role <roles...>', 'roles to remove').choices(staffRoles).makeOptionMandatory())
    .addOption(actor())
    .addOption(json())
    .action(
      withHub(async (h, handle: string, o: { role: string[]; as: string; json?: boolean }) =>
        printStaff(await h.removeStaffRoles(handle, o.role, o.as), o),
      ),
    );
  staff
    .command('disable')
    .description('disable a staff member: API keys revoked, console sessions ended at once')
    .argument('<handle>')
    .addOption(actor())
    .addOption(json())
    .action(
      withHub(async (h, handle: string, o: { as: string; json?: boolean }) =>
        printStaff(await h.disableStaff(handle, o.as), { ...o, disabled: true }),
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
}

interface OfferAddOptions extends ActorOptions {
  readonly product: string;
  readonly title: string;
  readonly body: string;
  readonly cta: string;
  readonly category: string;
  readonly validFrom?: string;
  readonly validUntil: string;
  readonly interests?: string[];
}

function defineOffers(hub: Command, withHub: WithHub): void {
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
      withHub((h, o: OfferAddOptions) =>
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
}

function defineSegments(hub: Command, withHub: WithHub): void {
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
}

interface CampaignCreateOptions extends ActorOptions {
  readonly name: string;
  readonly offer: string;
  readonly alsoOffer?: string[];
  readonly segment?: string;
  readonly audience?: string;
  readonly channel?: NoticeChannel[];
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly cap?: { messages: number; days: number };
  readonly maxMessages?: number;
}

function defineCampaignCreate(campaign: Command, withHub: WithHub): void {
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
      withHub((h, o: CampaignCreateOptions) =>
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
}

function defineCampaignLifecycle(campaign: Command, withHub: WithHub): void {
  const withId = (name: string, description: string) =>
    campaign.command(name).description(description).argument('<id>').addOption(actor()).addOption(json());
  withId('approve', 'approve a draft (an approver other than its creator)').action(
    withHub((h, id: string, o: ActorOptions) => hubCampaignApproveCommand(h, id, o)),
  );
  withId('run', 'deliver an approved, due campaign through the vault (or resume a running one)').action(
    withHub((h, id: string, o: ActorOptions) => hubCampaignRunCommand(h, id, o)),
  );
  campaign
    .command('run-due')
    .description('run every approved campaign whose start has come')
    .addOption(actor())
    .addOption(json())
    .action(withHub((h, o: ActorOptions) => hubCampaignRunDueCommand(h, o)));
  withId('cancel', 'cancel a draft or approved campaign, or stop one that is sending (--reason)')
    .addOption(
      new Option('--reason <text>', 'why, in your words (logged); needed to stop a running campaign'),
    )
    .action(
      withHub((h, id: string, o: ActorOptions & { reason?: string }) => hubCampaignCancelCommand(h, id, o)),
    );
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
  withId('results', 'protected aggregates of a campaign (noised; charged to the asker)').action(
    withHub((h, id: string, o: ActorOptions) => hubCampaignResultsCommand(h, id, o)),
  );
}
