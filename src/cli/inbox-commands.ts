// The inbox and the advisors' queue on the command line: a demo customer answers offers, an advisor takes leads.
import type { Command } from 'commander';
import { currentNotice } from '../core/consent.ts';
import { CurtainError } from '../core/errors.ts';
import type { IdentityStore } from '../vault/identity/identity-store.ts';
import type { PushDevices } from '../vault/identity/push-devices.ts';
import type { InboxMessage } from '../vault/delivery/inbox-service.ts';
import type { AdvisorQueue, RevealedLead } from '../vault/responses/advisor-queue.ts';
import { refused } from '../vault/responses/refusals.ts';
import { groupDescriptions } from './group-descriptions.ts';
import type { RevealedField } from '../vault/responses/lead-receipt.ts';
import type { Lead } from '../vault/responses/leads.ts';
import {
  responseKinds,
  type ConsentRequest,
  type ResponseKind,
  type ResponseService,
} from '../vault/responses/response-service.ts';

/** A message as the customer's inbox shows it (vault/delivery's InboxService returns it). */
/** The customer's inbox: their own messages only. */
export interface InboxReader {
  list(customerId: number): Promise<readonly InboxMessage[]>;
  /** Marks the message opened; undefined when it is not the customer's. */
  open(customerId: number, publicId: string): Promise<InboxMessage | undefined>;
}

export interface InboxVault {
  readonly identity: Pick<IdentityStore, 'findCustomer'>;
  readonly pushDevices: Pick<PushDevices, 'set'>;
  readonly inbox: InboxReader;
  readonly responses: ResponseService;
  readonly advisorQueue: AdvisorQueue;
}

export type OpenInboxVault = () => Promise<{ vault: InboxVault; close(): Promise<void> }>;
export type Print = (line: string) => void;

const fieldLabels: Record<RevealedField, string> = {
  givenName: 'given name',
  familyName: 'family name',
  email: 'email address',
  phone: 'phone number',
};

const answerWords: Record<string, ResponseKind> = {
  interested: 'interested',
  'not-now': 'not_now',
  'not-interested': 'not_interested',
  'stop-all': 'stop_all',
};

const day = (at: Date) => at.toISOString().slice(0, 10);
const minute = (at: Date) => at.toISOString().slice(0, 16).replace('T', ' ');
const word = (kind: ResponseKind) => kind.replace('_', ' ');

async function customerOf(vault: InboxVault, externalId: string): Promise<number> {
  const id = await vault.identity.findCustomer('external_id', externalId);
  if (id === undefined) throw new CurtainError('CUSTOMER_NOT_FOUND', 'no customer has that external id');
  return id;
}

function status(message: InboxMessage): string {
  if (message.response !== undefined) return `answered: ${word(message.response)}`;
  return message.openedAt === undefined ? 'new' : 'opened';
}

const offeredBy = (partner: string | undefined) =>
  partner === undefined ? 'the bank' : `the partner “${partner}”`;

export async function inboxList(vault: InboxVault, externalId: string, print: Print): Promise<void> {
  const messages = await vault.inbox.list(await customerOf(vault, externalId));
  if (messages.length === 0) {
    print('Your inbox is empty.');
    return;
  }
  print(`Your inbox (${messages.length}):`);
  for (const m of messages) {
    print(`  ${m.publicId}  ${day(m.deliveredAt)}  ${status(m).padEnd(26)}  ${m.title}`);
  }
  print(`Read one: curtain inbox open <message> --customer ${externalId}`);
}

export async function inboxOpen(
  vault: InboxVault,
  externalId: string,
  messageId: string,
  print: Print,
): Promise<void> {
  const message = await vault.inbox.open(await customerOf(vault, externalId), messageId);
  if (message === undefined) throw new CurtainError('NOT_FOUND', 'no such message in your inbox');
  print(`${message.title}`);
  print(
    `  from ${offeredBy(message.partner)}, ${day(message.deliveredAt)}; valid until ${message.validUntil}` +
      (message.expired ? ' (expired)' : ''),
  );
  print('');
  print(`  ${message.greeting},`);
  for (const line of message.body.split('\n')) print(`  ${line}`);
  print('');
  print(`  Why am I seeing this? ${message.why}`);
  print('  Nobody who designed this offer knows who you are.');
  print('');
  print(
    `  [Interested — ${message.callToAction}]  [Not now]  [Not interested in ${message.category.replaceAll('_', ' ')} offers]`,
  );
  print('  [Stop all offers]');
  print(
    `Answer: curtain inbox respond ${message.publicId} interested|not-now|not-interested|stop-all ` +
      `--customer ${externalId}`,
  );
}

function printConsentRequest(request: ConsentRequest, externalId: string, print: Print): void {
  print(`To connect you, ${request.recipient.name} would learn, for “${request.offer.title}” only:`);
  print(`  your ${request.reveals.map((f) => fieldLabels[f]).join(', ')}`);
  print('Nothing has been revealed. The notice you agree to:');
  print(`  ${request.notice.text} (${request.notice.id})`);
  print(`Agree: curtain inbox connect ${request.messageId} --consent --customer ${externalId}`);
}

export async function inboxRespond(
  vault: InboxVault,
  externalId: string,
  messageId: string,
  answer: string,
  print: Print,
): Promise<void> {
  const kind = answerWords[answer] ?? (responseKinds as readonly string[]).find((k) => k === answer);
  if (kind === undefined) {
    throw new CurtainError('USAGE', 'answer interested, not-now, not-interested or stop-all');
  }
  const result = await vault.responses.respond(
    await customerOf(vault, externalId),
    messageId,
    kind as ResponseKind,
  );
  if (!result.ok) throw refused(result.error);
  const outcome = result.value;
  const effects: Record<ResponseKind, string> = {
    interested: 'Thank you.',
    not_now: 'Noted: we will not follow up on this message.',
    not_interested: 'Noted: you will get no more offers of this kind.',
    stop_all: 'Noted: you will get no more offers at all. Undo it in your preferences.',
  };
  print(effects[outcome.kind]);
  if (outcome.leadId !== undefined && outcome.kind !== 'interested') {
    print(
      `Your request to be contacted (${outcome.leadId}) still stands; withdraw it with ` +
        `curtain inbox withdraw ${outcome.leadId} --customer ${externalId}`,
    );
  }
  if (outcome.consentRequest !== undefined) printConsentRequest(outcome.consentRequest, externalId, print);
}

export async function inboxConnect(
  vault: InboxVault,
  externalId: string,
  messageId: string,
  options: { readonly consent: boolean; readonly notice?: string },
  print: Print,
): Promise<void> {
  const customerId = await customerOf(vault, externalId);
  const result = await vault.responses.connect(customerId, messageId, {
    consent: options.consent,
    noticeVersion: options.notice ?? currentNotice('identity_reveal').id,
  });
  if (!result.ok) {
    if (result.error.reason !== 'consent-not-given') throw refused(result.error);
    throw new CurtainError(
      'CONSENT_REQUIRED',
      `nothing was revealed: add --consent to agree (see what it reveals with ` +
        `\`curtain inbox respond ${messageId} interested --customer ${externalId}\`)`,
    );
  }
  printLead(result.value, print);
  if (result.value.state === 'open') {
    print(`Changed your mind? curtain inbox withdraw ${result.value.id} --customer ${externalId}`);
  }
}

function printLead(lead: Lead, print: Print): void {
  const to = lead.recipient === 'bank' ? 'the bank' : `the partner “${lead.recipient}”`;
  const state =
    lead.state === 'claimed'
      ? `taken up by ${lead.claimedBy ?? 'an advisor'} on ${minute(lead.claimedAt ?? lead.createdAt)}`
      : lead.state === 'withdrawn'
        ? `withdrawn on ${minute(lead.withdrawnAt ?? lead.createdAt)}: nothing was revealed`
        : 'waiting for an advisor: nothing revealed yet';
  print(`Lead ${lead.id} for “${lead.offerTitle}”, to ${to}: ${state}`);
  print(`  your signed consent receipt: ${lead.receipt}`);
}

export async function inboxWithdraw(
  vault: InboxVault,
  externalId: string,
  leadId: string,
  print: Print,
): Promise<void> {
  const result = await vault.responses.withdraw(await customerOf(vault, externalId), leadId);
  if (!result.ok) throw refused(result.error);
  printLead(result.value, print);
}

export async function inboxDevice(
  vault: InboxVault,
  externalId: string,
  token: string | undefined,
  print: Print,
): Promise<void> {
  const outcome = await vault.pushDevices.set(await customerOf(vault, externalId), token);
  print(
    outcome === 'registered'
      ? 'Push notices now go to this device. They say only that you have a new message from your bank.'
      : outcome === 'removed'
        ? 'No device gets push notices now.'
        : 'Nothing changed.',
  );
}

export async function inboxLeads(vault: InboxVault, externalId: string, print: Print): Promise<void> {
  const leads = await vault.responses.leadsOf(await customerOf(vault, externalId));
  if (leads.length === 0) print('You asked to be contacted about no offer.');
  for (const lead of leads) printLead(lead, print);
}

export async function advisorLeads(
  vault: InboxVault,
  options: { readonly partner?: string | undefined },
  print: Print,
): Promise<void> {
  const recipient = options.partner ?? 'bank';
  const leads = await vault.advisorQueue.list({ recipient });
  const queue = recipient === 'bank' ? 'the bank' : `the partner “${recipient}”`;
  print(`Open leads for ${queue} (${leads.length}); who they are is shown only when you claim one:`);
  for (const lead of leads) {
    print(
      `  ${lead.id}  ${minute(lead.createdAt)}  campaign ${lead.campaignId}  “${lead.offerTitle}” (${lead.category})`,
    );
  }
  if (leads.length > 0) {
    const partner = options.partner === undefined ? '' : ` --partner ${options.partner}`;
    print(`Claim: curtain advisor claim <lead> --as <your handle>${partner}`);
  }
}

export async function advisorClaim(
  vault: InboxVault,
  leadId: string,
  options: { readonly as: string; readonly partner?: string | undefined },
  print: Print,
): Promise<void> {
  const result = await vault.advisorQueue.claim(options.as, leadId, { recipient: options.partner ?? 'bank' });
  if (!result.ok) throw refused(result.error);
  printRevealed(result.value, print);
}

/** A lead the advisor took up, again: who to contact only while the customer still agrees. */
export async function advisorShow(
  vault: InboxVault,
  leadId: string,
  options: { readonly as: string; readonly partner?: string | undefined },
  print: Print,
): Promise<void> {
  const result = await vault.advisorQueue.show(options.as, leadId, { recipient: options.partner ?? 'bank' });
  if (!result.ok) throw refused(result.error);
  printRevealed(result.value, print);
}

function printRevealed(lead: RevealedLead, print: Print): void {
  print(`${lead.leadId} is yours, ${lead.claimedBy}: campaign ${lead.campaignId}, “${lead.offer.title}”.`);
  print('The customer consented to be contacted about this offer only:');
  print(`  name   ${lead.identity.givenName} ${lead.identity.familyName}`);
  print(`  email  ${lead.identity.email}`);
  print(`  phone  ${lead.identity.phone}`);
  print('Their consent receipt (verify it with the keys of `curtain keys publish`):');
  print(`  ${lead.receipt}`);
}

async function session(open: OpenInboxVault, work: (vault: InboxVault) => Promise<void>): Promise<void> {
  const opened = await open();
  try {
    await work(opened.vault);
  } finally {
    await opened.close();
  }
}

/** `curtain inbox …` for a demo customer and `curtain advisor …` for an advisor. */
export function registerInboxCommands(program: Command, open: OpenInboxVault): void {
  defineInboxCommands(program.command('inbox').description(groupDescriptions.inbox), open);
  defineAdvisorCommands(program.command('advisor').description(groupDescriptions.advisor), open);
}

const print: Print = (line) => console.log(line);
const customerOption = ['--customer <external-id>', 'the customer, by the bank’s external id'] as const;

/** The sub-commands of `curtain inbox`. */
export function defineInboxCommands(inbox: Command, open: OpenInboxVault): void {
  defineInboxMessages(inbox, open);
  defineInboxLeads(inbox, open);
}

function defineInboxMessages(inbox: Command, open: OpenInboxVault): void {
  inbox
    .command('list')
    .description('the customer’s messages, newest first')
    .requiredOption(...customerOption)
    .action((options: { customer: string }) =>
      session(open, (vault) => inboxList(vault, options.customer, print)),
    );
  inbox
    .command('open')
    .description('read a message: the offer and why the customer sees it')
    .argument('<message>')
    .requiredOption(...customerOption)
    .action((message: string, options: { customer: string }) =>
      session(open, (vault) => inboxOpen(vault, options.customer, message, print)),
    );
  inbox
    .command('respond')
    .description('answer a message: interested, not-now, not-interested or stop-all')
    .argument('<message>')
    .argument('<answer>', 'interested | not-now | not-interested | stop-all')
    .requiredOption(...customerOption)
    .action((message: string, answer: string, options: { customer: string }) =>
      session(open, (vault) => inboxRespond(vault, options.customer, message, answer, print)),
    );
  inbox
    .command('connect')
    .description('ask to be contacted about an offer, agreeing to reveal who you are to its advisor')
    .argument('<message>')
    .requiredOption(...customerOption)
    .option('--consent', 'I agree to reveal my name and contact details for this offer')
    .option('--notice <id>', 'the identity_reveal notice agreed to', currentNotice('identity_reveal').id)
    .action((message: string, options: { customer: string; consent?: boolean; notice: string }) =>
      session(open, (vault) =>
        inboxConnect(
          vault,
          options.customer,
          message,
          { consent: options.consent === true, notice: options.notice },
          print,
        ),
      ),
    );
}

function defineInboxLeads(inbox: Command, open: OpenInboxVault): void {
  inbox
    .command('withdraw')
    .description('withdraw a lead before an advisor takes it up')
    .argument('<lead>')
    .requiredOption(...customerOption)
    .action((lead: string, options: { customer: string }) =>
      session(open, (vault) => inboxWithdraw(vault, options.customer, lead, print)),
    );
  inbox
    .command('leads')
    .description('the customer’s leads and their signed consent receipts')
    .requiredOption(...customerOption)
    .action((options: { customer: string }) =>
      session(open, (vault) => inboxLeads(vault, options.customer, print)),
    );

  inbox
    .command('device')
    .description('register the device that gets push notices (the bank app’s token), or remove it')
    .requiredOption(...customerOption)
    .option('--token <device-token>', 'the app’s push token')
    .option('--remove', 'no device gets push notices')
    .action((options: { customer: string; token?: string; remove?: boolean }) => {
      if ((options.token === undefined) === (options.remove !== true)) {
        throw new CurtainError('USAGE', 'give either --token or --remove');
      }
      return session(open, (vault) => inboxDevice(vault, options.customer, options.token, print));
    });
}

/** The sub-commands of `curtain advisor`. */
export function defineAdvisorCommands(advisor: Command, open: OpenInboxVault): void {
  advisor
    .command('leads')
    .description('open leads, without identities')
    .option('--partner <code>', 'a partner’s queue instead of the bank’s')
    .action((options: { partner?: string }) => session(open, (vault) => advisorLeads(vault, options, print)));
  advisor
    .command('claim')
    .description('take up a lead: checks the consent receipt, then shows who to contact')
    .argument('<lead>')
    .requiredOption('--as <advisor>', 'your advisor handle')
    .option('--partner <code>', 'claim from a partner’s queue')
    .action((lead: string, options: { as: string; partner?: string }) =>
      session(open, (vault) => advisorClaim(vault, lead, options, print)),
    );
  advisor
    .command('show')
    .description('a lead you took up, again: who to contact, while the customer still agrees')
    .argument('<lead>')
    .requiredOption('--as <advisor>', 'your advisor handle')
    .option('--partner <code>', 'a lead of a partner’s queue')
    .action((lead: string, options: { as: string; partner?: string }) =>
      session(open, (vault) => advisorShow(vault, lead, options, print)),
    );
}
