// The lawful reasons a data subject request may be refused for, each with the provision that allows it.
/** The kinds of data subject request (the contracts name them too). */
type RequestKind = 'access' | 'rectification' | 'restriction' | 'objection' | 'erasure';

export interface RejectionReason {
  /** The provision that allows the refusal. */
  readonly article: string;
  /** What the requester is told, in plain words. */
  readonly text: string;
  /** The kinds of request it can answer. */
  readonly kinds: readonly RequestKind[];
}

const anyKind: readonly RequestKind[] = ['access', 'rectification', 'restriction', 'objection', 'erasure'];

export const rejectionReasons = {
  'manifestly-unfounded': {
    article: 'GDPR Art. 12(5)',
    text: 'The request is manifestly unfounded.',
    kinds: anyKind,
  },
  'manifestly-excessive': {
    article: 'GDPR Art. 12(5)',
    text: 'The request is manifestly excessive, in particular because it repeats earlier ones.',
    kinds: anyKind,
  },
  'identity-not-verified': {
    article: 'GDPR Art. 12(6) and 11(2)',
    text: 'The requester’s identity could not be verified.',
    kinds: anyKind,
  },
  'legal-obligation': {
    article: 'GDPR Art. 17(3)(b)',
    text: 'The bank must keep the data by law (for example anti-money-laundering or accounting records).',
    kinds: ['erasure'],
  },
  'legal-claims': {
    article: 'GDPR Art. 17(3)(e)',
    text: 'The data is needed to establish, exercise or defend legal claims.',
    kinds: ['erasure', 'restriction'],
  },
  'public-interest-archiving': {
    article: 'GDPR Art. 17(3)(d)',
    text: 'The data is kept for archiving in the public interest, research or statistics.',
    kinds: ['erasure'],
  },
  'restriction-conditions-not-met': {
    article: 'GDPR Art. 18(1)',
    text: 'None of the conditions under which processing must be restricted applies.',
    kinds: ['restriction'],
  },
  'compelling-legitimate-grounds': {
    article: 'GDPR Art. 21(1)',
    text: 'Compelling legitimate grounds for the processing override the objection.',
    kinds: ['objection'],
  },
  'ccpa-deletion-exception': {
    article: 'CCPA §1798.105(d)',
    text: 'An exception to deletion applies (for example to complete a transaction or meet a legal duty).',
    kinds: ['erasure'],
  },
} as const satisfies Record<string, RejectionReason>;

export type RejectionReasonCode = keyof typeof rejectionReasons;
export const rejectionReasonCodes = Object.keys(rejectionReasons) as [
  RejectionReasonCode,
  ...RejectionReasonCode[],
];

/** Reasons recorded by the vault itself, never chosen by an officer. */
export const recordedReasons: { readonly [code: string]: RejectionReason } = {
  'duplicate-request': {
    article: 'GDPR Art. 12(5)',
    text: 'Closed as a repeat of a request of the same kind that was already open.',
    kinds: anyKind,
  },
};

/** The reason of any stored rejection, also one recorded before reasons were a list. */
export const rejectionReasonOf = (code: string): RejectionReason | undefined =>
  (rejectionReasons as { readonly [code: string]: RejectionReason })[code] ?? recordedReasons[code];
