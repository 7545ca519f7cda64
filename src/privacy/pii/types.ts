// The PII detector's vocabulary: entity kinds, findings, and the shape every recogniser has.

export const piiEntities = [
  'person',
  'email',
  'phone',
  'iban',
  'card',
  'national_id',
  'address',
  'date_of_birth',
] as const;
export type PiiEntity = (typeof piiEntities)[number];

/** A stretch of text that holds personal data, with the detector's confidence in [0, 1]. */
export interface PiiFinding {
  readonly entity: PiiEntity;
  readonly start: number;
  readonly end: number;
  readonly score: number;
  /** Which recogniser found it, e.g. "card" or "national_id/bsn". */
  readonly recogniser: string;
}

/** Words around a candidate that make it more or less likely to be what it looks like. */
export interface ContextRule {
  /** Phrases that raise the score when they stand in the window before (or right after) the candidate. */
  readonly positive: readonly string[];
  /** Phrases that lower it ("order", "ref", "SKU"). */
  readonly negative: readonly string[];
  /** Added for a positive phrase, capped at 1. */
  readonly boost: number;
  /** Subtracted for a negative phrase. */
  readonly penalty: number;
}

/** A candidate before context is applied. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly base: number;
  readonly recogniser: string;
}

export interface Recogniser {
  readonly entity: PiiEntity;
  readonly context: ContextRule;
  find(text: string): Candidate[];
}
