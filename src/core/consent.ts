// Consent vocabulary: purposes with their lawful basis and versioned notices, channels, sources, decisions.

export const consentPurposes = [
  'spending_insights',
  'bank_offers',
  'partner_offers',
  'profiling',
  'identity_reveal',
] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export const consentChannels = ['inbox', 'email', 'push', 'webhook'] as const;
export type ConsentChannel = (typeof consentChannels)[number];

/** A decision about one channel, or about every channel of the purpose at once. */
export type ChannelScope = ConsentChannel | 'all';

/** Where a decision came from. `gpc` is a Global Privacy Control signal (`Sec-GPC: 1`). */
export const consentSources = ['console', 'api', 'gpc', 'import'] as const;
export type ConsentSource = (typeof consentSources)[number];

/** GDPR article 6(1) (a)–(f). */
export const lawfulBases = {
  consent: 'GDPR art. 6(1)(a)',
  contract: 'GDPR art. 6(1)(b)',
  legal_obligation: 'GDPR art. 6(1)(c)',
  vital_interests: 'GDPR art. 6(1)(d)',
  public_task: 'GDPR art. 6(1)(e)',
  legitimate_interests: 'GDPR art. 6(1)(f)',
} as const;
export type LawfulBasis = keyof typeof lawfulBases;

/** One published version of the text shown to the customer; its id is recorded with each decision. */
export interface ConsentNotice {
  /** `<purpose>/v<n>`, e.g. "bank_offers/v2". */
  readonly id: string;
  /** ISO date from which this text was shown. */
  readonly publishedOn: string;
  readonly language: string;
  readonly text: string;
}

export interface PurposeDefinition {
  readonly code: ConsentPurpose;
  readonly title: string;
  readonly lawfulBasis: LawfulBasis;
  /** Kantara purpose category, e.g. "Marketing". */
  readonly category: string;
  /** Shared with or processed for a third party. */
  readonly thirdPartyDisclosure: boolean;
  /** Categories of personal data processed for the purpose (Kantara piiCategory). */
  readonly dataCategories: readonly string[];
  /** Oldest first; the last one is shown today. */
  readonly notices: readonly [ConsentNotice, ...ConsentNotice[]];
}

const notice = (id: string, publishedOn: string, text: string): ConsentNotice => ({
  id,
  publishedOn,
  language: 'en',
  text,
});

export const purposeDefinitions: { readonly [P in ConsentPurpose]: PurposeDefinition } = {
  spending_insights: {
    code: 'spending_insights',
    title: 'Spending insights for me',
    lawfulBasis: 'consent',
    category: 'Personalisation',
    thirdPartyDisclosure: false,
    dataCategories: ['Transactions', 'Accounts'],
    notices: [
      notice(
        'spending_insights/v1',
        '2025-01-01',
        'We analyse your transactions inside the bank to show you insights about your own spending. ' +
          'Nobody outside the bank sees them. You can switch this off at any time.',
      ),
    ],
  },
  bank_offers: {
    code: 'bank_offers',
    title: 'Offers of the bank',
    lawfulBasis: 'consent',
    category: 'Marketing',
    thirdPartyDisclosure: false,
    dataCategories: ['Transactions', 'Accounts', 'Products held'],
    notices: [
      notice(
        'bank_offers/v1',
        '2025-01-01',
        'We may send you offers of our own products that fit your situation, on the channels you choose.',
      ),
      notice(
        'bank_offers/v2',
        '2026-03-01',
        'We may send you offers of our own products that fit your situation, on the channels you choose. ' +
          'The people who design offers never learn who you are. You can withdraw at any time.',
      ),
    ],
  },
  partner_offers: {
    code: 'partner_offers',
    title: 'Offers of partners',
    lawfulBasis: 'consent',
    category: 'Marketing',
    thirdPartyDisclosure: true,
    dataCategories: ['Transactions', 'Products held'],
    notices: [
      notice(
        'partner_offers/v1',
        '2025-01-01',
        'We may show you offers of selected partners (insurers, retailers). Partners see only aggregate ' +
          'counts, never your identity, unless you later ask to be contacted.',
      ),
    ],
  },
  profiling: {
    code: 'profiling',
    title: 'Profiling for models',
    lawfulBasis: 'consent',
    category: 'Research and development',
    thirdPartyDisclosure: false,
    dataCategories: ['Transactions', 'Accounts', 'Products held'],
    notices: [
      notice(
        'profiling/v1',
        '2025-01-01',
        'Your data may be used, inside the bank, to train models that predict which products may help ' +
          'customers like you. No decision with legal effect is taken automatically.',
      ),
    ],
  },
  identity_reveal: {
    code: 'identity_reveal',
    title: 'Identity reveal to an advisor',
    lawfulBasis: 'consent',
    category: 'Customer contact',
    thirdPartyDisclosure: false,
    dataCategories: ['Contact details', 'Name'],
    notices: [
      notice(
        'identity_reveal/v1',
        '2025-01-01',
        'When you answer an offer, you may ask that an advisor contacts you. Only then will the advisor ' +
          'learn your name and contact details.',
      ),
    ],
  },
};

/** The notice shown today for a purpose. */
export function currentNotice(purpose: ConsentPurpose): ConsentNotice {
  const notices = purposeDefinitions[purpose].notices;
  return notices[notices.length - 1] ?? notices[0];
}

export function findNotice(purpose: ConsentPurpose, noticeId: string): ConsentNotice | undefined {
  return purposeDefinitions[purpose].notices.find((n) => n.id === noticeId);
}

/** Purposes whose lawful basis is consent are off until the customer grants them. */
export const requiresConsent = (purpose: ConsentPurpose): boolean =>
  purposeDefinitions[purpose].lawfulBasis === 'consent';

/** What a Global Privacy Control signal withdraws: sharing (partner offers) and profiling, all channels. */
export const gpcWithdraws: readonly ConsentPurpose[] = ['partner_offers', 'profiling'];

/** One decision of one customer, as the ledger records it. */
export interface ConsentDecision {
  /** The vault's internal customer id; never leaves the vault. */
  readonly customerId: number;
  readonly purpose: ConsentPurpose;
  readonly channel: ChannelScope;
  readonly granted: boolean;
  readonly source: ConsentSource;
  /** Id of the notice shown when the decision was taken, e.g. "bank_offers/v2". */
  readonly noticeVersion: string;
  readonly decidedAt: Date;
}

/** The decisions a GPC signal stands for. */
export function gpcDecisions(customerId: number, decidedAt: Date): ConsentDecision[] {
  return gpcWithdraws.map((purpose) => ({
    customerId,
    purpose,
    channel: 'all',
    granted: false,
    source: 'gpc',
    noticeVersion: currentNotice(purpose).id,
    decidedAt,
  }));
}

/** Whether a request carried a Global Privacy Control signal (`Sec-GPC: 1`). */
export const hasGpcSignal = (headerValue: string | undefined): boolean => headerValue?.trim() === '1';

export type ConsentProblem =
  | 'unknown-purpose'
  | 'unknown-channel'
  | 'unknown-source'
  | 'unknown-notice'
  | 'invalid-customer'
  | 'invalid-time';

/** Checks a decision that may come from outside; returns the first problem found. */
export function checkDecision(decision: ConsentDecision): ConsentProblem | undefined {
  if (!Number.isSafeInteger(decision.customerId) || decision.customerId <= 0) return 'invalid-customer';
  if (!(consentPurposes as readonly string[]).includes(decision.purpose)) return 'unknown-purpose';
  if (decision.channel !== 'all' && !(consentChannels as readonly string[]).includes(decision.channel)) {
    return 'unknown-channel';
  }
  if (!(consentSources as readonly string[]).includes(decision.source)) return 'unknown-source';
  if (findNotice(decision.purpose, decision.noticeVersion) === undefined) return 'unknown-notice';
  if (!(decision.decidedAt instanceof Date) || Number.isNaN(decision.decidedAt.getTime())) {
    return 'invalid-time';
  }
  return undefined;
}

/** The channels a scope covers. */
export const channelsOf = (scope: ChannelScope): readonly ConsentChannel[] =>
  scope === 'all' ? consentChannels : [scope];

// Preferences and feedback: the customer's own limits on top of consent.

export const frequencyCaps = ['never', 'monthly', 'fortnightly', 'weekly', 'daily'] as const;
export type FrequencyCap = (typeof frequencyCaps)[number];

/** A customer's own cap: at most one offer per this many days ("never": none at all). */
export const capDays: { readonly [C in Exclude<FrequencyCap, 'never'>]: number } = {
  monthly: 30,
  fortnightly: 14,
  weekly: 7,
  daily: 1,
};

/** Quiet hours in the customer's time zone, "HH:MM"; may wrap midnight (22:00 → 07:00). */
export interface QuietHours {
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
}

export interface CustomerPreferences {
  /** Channels the customer chose among the consented ones; undefined: any consented channel. */
  readonly channels: readonly ConsentChannel[] | undefined;
  /** The customer's own cap; undefined: the bank's default applies. */
  readonly frequencyCap: FrequencyCap | undefined;
  readonly quietHours: QuietHours | undefined;
  readonly notInterestedCategories: readonly string[];
  readonly blockedPartners: readonly string[];
  /** "Stop everything": no offer of any kind, whatever else is allowed. */
  readonly stopEverything: boolean;
}

export const defaultPreferences: CustomerPreferences = {
  channels: undefined,
  frequencyCap: undefined,
  quietHours: undefined,
  notInterestedCategories: [],
  blockedPartners: [],
  stopEverything: false,
};

export type PreferenceChange =
  | { readonly kind: 'channels'; readonly channels: readonly ConsentChannel[] | undefined }
  | { readonly kind: 'frequency_cap'; readonly cap: FrequencyCap | undefined }
  | { readonly kind: 'quiet_hours'; readonly quietHours: QuietHours | undefined }
  | { readonly kind: 'not_interested'; readonly category: string; readonly on: boolean }
  | { readonly kind: 'never_from_partner'; readonly partner: string; readonly on: boolean }
  | { readonly kind: 'stop_everything'; readonly on: boolean };

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
const code = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/** Checks a change that may come from outside; returns a problem or undefined. */
export function checkPreferenceChange(change: PreferenceChange): string | undefined {
  switch (change.kind) {
    case 'channels':
      return change.channels?.every((c) => (consentChannels as readonly string[]).includes(c)) === false
        ? 'unknown-channel'
        : undefined;
    case 'frequency_cap':
      return change.cap !== undefined && !(frequencyCaps as readonly string[]).includes(change.cap)
        ? 'unknown-frequency-cap'
        : undefined;
    case 'quiet_hours':
      return change.quietHours !== undefined &&
        !(
          hhmm.test(change.quietHours.start) &&
          hhmm.test(change.quietHours.end) &&
          change.quietHours.timeZone
        )
        ? 'invalid-quiet-hours'
        : undefined;
    case 'not_interested':
      return code.test(change.category) ? undefined : 'invalid-category';
    case 'never_from_partner':
      return code.test(change.partner) ? undefined : 'invalid-partner';
    case 'stop_everything':
      return undefined;
  }
}
