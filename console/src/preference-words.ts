// The preference centre in plain words: what each purpose means, the channels a customer can use, the history.
import type { Item, Reply } from './api/types.ts';

type Purpose = Item<Reply<'/v1/me/preferences', 'get'>['consent']>['purpose'];
type Change = Item<Reply<'/v1/me/preferences/history', 'get'>['changes']>;

/** What saying yes means, in one sentence. Connecting with an advisor is asked per offer, in the inbox. */
export const purposeSentences: Partial<Record<Purpose, string>> = {
  spending_insights:
    'We look at your own payments, inside the bank, to show you where your money goes and warn you before your balance runs low. Only you see them.',
  bank_offers:
    'We may send you offers for our own products that fit your situation. The people who design offers never learn who you are.',
  partner_offers:
    'We may show you offers from selected partners, such as insurers. Partners never learn who you are unless you ask to be contacted.',
  profiling:
    'Your data may help train, inside the bank, the models that guess which products could help customers like you. No decision about you is made automatically.',
};

/** Purposes with their own switch here, in this order. */
export const shownPurposes = Object.keys(purposeSentences) as Purpose[];

/** Purposes that are about sending something, so the channel can be chosen. */
export const sendingPurposes: readonly Purpose[] = ['bank_offers', 'partner_offers'];

/** The channels a customer can receive on (a webhook is the bank's own plumbing). */
export const customerChannels = ['inbox', 'email', 'push'] as const;
export type CustomerChannel = (typeof customerChannels)[number];

export const channelWords: Record<CustomerChannel, string> = {
  inbox: 'in your inbox here',
  email: 'by email',
  push: 'as app notifications',
};

export const capWords: Record<string, string> = {
  never: 'never (no offers)',
  monthly: 'at most one a month',
  fortnightly: 'at most one a fortnight',
  weekly: 'at most one a week',
  daily: 'at most one a day',
};

export const purposeTitles: Record<Purpose, string> = {
  spending_insights: 'Spending insights',
  bank_offers: 'Offers from your bank',
  partner_offers: 'Offers from partners',
  profiling: 'Helping train the bank’s models',
  identity_reveal: 'Being connected with an advisor',
};

/** A category or partner code in words: "home_inspection" → "home inspection". */
export const codeWords = (code: string) => code.replace(/[_-]+/g, ' ');

/** One line of the history, as a sentence. */
export function changeWords(change: Change): string {
  const onOff = change.on === true ? 'on' : 'off';
  switch (change.kind) {
    case 'consent': {
      const purpose = change.purpose === null ? 'a purpose' : purposeTitles[change.purpose];
      const where =
        change.channel === null || change.channel === 'all'
          ? ''
          : ` ${channelWords[change.channel as CustomerChannel] ?? change.channel}`;
      return `${purpose}${where}: ${change.on === true ? 'agreed' : 'withdrawn'}`;
    }
    case 'channels':
      return 'Channels changed';
    case 'frequency_cap':
      return `How often: ${change.value === null ? 'no limit of your own' : (capWords[change.value] ?? change.value)}`;
    case 'quiet_hours':
      return change.on === true ? 'Quiet hours set' : 'Quiet hours cleared';
    case 'stop_everything':
      return change.on === true ? 'Stopped all offers and notices' : 'Offers and notices turned back on';
    case 'not_interested':
      return `Not interested in ${codeWords(change.value ?? 'a kind of offer')}: ${change.on === true ? 'said' : 'undone'}`;
    case 'never_from_partner':
      return `Partner ${codeWords(change.value ?? '')} ${onOff === 'on' ? 'blocked' : 'unblocked'}`;
  }
}
