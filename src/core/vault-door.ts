// The one door between the hub and the vault: everything the hub may ask of the vault, and nothing more.
import type { ConsentChannel } from './consent.ts';
import type { JsonValue } from './audit-event.ts';
import type { ErrorCode } from './errors.ts';
import type { Result } from './result.ts';

/** What an offer says, as the hub wrote it: plain text with no slot for anything about the customer. */
export interface OfferContent {
  /** The hub's id of the offer. */
  readonly offerId: string;
  readonly title: string;
  readonly body: string;
  /** The label of the "Interested — connect me" button, e.g. "Talk to a mortgage adviser". */
  readonly callToAction: string;
  /** A code such as "mortgage": "not interested in offers like this" suppresses it. */
  readonly category: string;
  /** The partner's code when a partner makes the offer; absent for the bank's own products. */
  readonly partner?: string;
  readonly credit: boolean;
  /** ISO date after which the offer is no longer shown. */
  readonly validUntil: string;
}

/** The channels that carry a notice of the message; the inbox always holds the message itself. */
export type NoticeChannel = Exclude<ConsentChannel, 'inbox'>;

/** "Send this offer to this audience": the hub addresses an audience, never a person. */
export interface DeliveryRequest {
  /** The hub's campaign id; a second request with the same id resumes the first, it never sends twice. */
  readonly campaignId: string;
  /** The staff handle charged for the audience check and the results. */
  readonly requestedBy: string;
  /** A question purpose code (core/question-purposes.ts), e.g. "credit_offers". */
  readonly purpose: string;
  /** A segment expression. */
  readonly audience: string;
  readonly offer: OfferContent;
  readonly channels: readonly NoticeChannel[];
  /** The campaign's contact cap: a customer who had `messages` offers in the last `days` days is skipped. */
  readonly frequencyCap: { readonly messages: number; readonly days: number };
  /** At most this many messages (the campaign's budget); no limit when absent. */
  readonly maxMessages?: number;
  /**
   * Offers chosen per token, for a campaign whose audience was released first (`releaseAudience`): each
   * token gets the offer of the choice that names it, and released tokens in no choice get `offer`.
   */
  readonly choices?: readonly OfferChoice[];
}

/** One offer and the released tokens the hub chose it for. */
export interface OfferChoice {
  readonly offer: OfferContent;
  readonly tokens: readonly string[];
}

/** "Show me this audience as tokens, so that I can choose an offer for each": no offer yet, no customer. */
export interface AudienceReleaseRequest {
  readonly campaignId: string;
  readonly requestedBy: string;
  /** The purpose every offer of the campaign shares, e.g. "bank_offers". */
  readonly purpose: string;
  readonly audience: string;
  readonly frequencyCap: { readonly messages: number; readonly days: number };
  readonly maxMessages?: number;
}

export interface ReleasedToken {
  /** The campaign's pseudonym for someone in the audience, or a decoy: only the vault can tell. */
  readonly token: string;
  /** Coarse interest categories (taxonomy groups), possibly generalised or empty. */
  readonly interests: readonly string[];
}

/**
 * An audience as the hub may see it. Its length is a noised count, never the exact one; every interest
 * vector in it is shared by at least k avatars of the epoch.
 */
export interface ReleasedAudience {
  readonly campaignId: string;
  readonly k: number;
  /** Sorted by token, so that the order says nothing about the customers. */
  readonly tokens: readonly ReleasedToken[];
  /** True when this repeats the campaign's earlier release (the same tokens, charged nothing). */
  readonly repeated: boolean;
  /** What the release cost and what is left. */
  readonly budget?: PrivacyCost;
}

/**
 * What a request cost in privacy budget and what is left of it, for the asker and for the vault: exact
 * rationals in text ("3/8"). `charged` is "0" when the request repeated an earlier release or was refused
 * before the data was read.
 */
export interface PrivacyCost {
  readonly charged: string;
  readonly askerRemaining: string;
  readonly vaultRemaining: string;
  /** When the period's budgets reset (ISO 8601). */
  readonly resetsAt: string;
}

export type DeliveryRefusalCode = Extract<
  ErrorCode,
  | 'QUESTION_INVALID'
  | 'QUESTION_PURPOSE_UNKNOWN'
  | 'PRIVACY_BUDGET_EXHAUSTED'
  | 'PRIVACY_DIFFERENCING'
  | 'DELIVERY_AUDIENCE_TOO_SMALL'
  | 'DELIVERY_INVALID'
>;

export interface DeliveryRefusal {
  readonly code: DeliveryRefusalCode;
  readonly message: string;
  /** What the refused request cost and what is left; absent only when no asker could be charged. */
  readonly budget?: PrivacyCost;
}

/** What the hub learns of a delivery: where it stands, never how many people it reached. */
export interface DeliveryReport {
  readonly campaignId: string;
  readonly state: 'sending' | 'finished';
  /** Share of the work done, 0–1: says nothing of the audience's size. */
  readonly fractionDone: number;
  /** Offers of `choices` not sent because their audience was too small (the noised minimum). */
  readonly tooSmallOffers?: readonly string[];
  /** What the audience's admission cost (each offer's, summed) and what is left; "0" when resumed. */
  readonly budget?: PrivacyCost;
}

/** Aggregates the hub may see: noised, and null where the noised count fell under the noised k. */
export interface CampaignResults {
  readonly campaignId: string;
  readonly delivered: number | null;
  readonly opened: number | null;
  readonly interested: number | null;
  /** ε this release cost ('n/d'); '0' when it repeats the day's earlier release. */
  readonly epsilon: string;
  /** The day the numbers were released; asking again the same day returns the same numbers. */
  readonly releasedOn: string;
  /** What this release cost and what is left (present when just released, not when read back). */
  readonly budget?: PrivacyCost;
}

export interface QuestionCheck {
  /** "Why am I seeing this?": the segment in plain words, as a customer will read it. */
  readonly explanation: string;
}

export interface DoorRefusal {
  /** The catalogue's code (core/errors.ts), whose status the hub answers with. */
  readonly code: ErrorCode;
  readonly message: string;
  /** For QUESTION_INVALID: the diagnostics rendered with line, column and caret. */
  readonly rendered?: string;
  /** What the refused request cost and what is left, when it had an asker to charge. */
  readonly budget?: PrivacyCost;
}

export interface ProtectedCount {
  readonly count: number;
  readonly repeated: boolean;
  /** ε the question charged ('n/d'). */
  readonly epsilon: string;
  /** What the question cost and what is left. */
  readonly budget: PrivacyCost;
}

/** Events the hub writes to the vault's transparency log: about campaigns and staff, never a customer. */
export interface HubAuditEvent {
  readonly type:
    | 'campaign.drafted'
    | 'campaign.approved'
    | 'campaign.started'
    | 'campaign.finished'
    | 'campaign.cancelled'
    | 'admin.action';
  readonly details: { readonly [key: string]: JsonValue };
}

/** What a vault says it is: a demo vault (generated bank), a real one, or not yet decided (empty). */
export type VaultKindAnswer = 'demo' | 'real' | 'undecided';

/**
 * The vault's service interface as the hub sees it. In one process it is a thin adapter over the vault's
 * services (vault/door); split, the same interface runs over authenticated HTTP. Nothing here takes or
 * returns PII, an internal customer id, or an exact count.
 */
export interface VaultDoor {
  /** Parses and checks a segment expression for a purpose; costs nothing and reads no data. */
  check(expression: string, purpose: string): Promise<Result<QuestionCheck, DoorRefusal>>;
  /** A protected count, charged to `asker` (the privacy guard decides). */
  count(expression: string, purpose: string, asker: string): Promise<Result<ProtectedCount, DoorRefusal>>;
  /**
   * Expands the audience at send time, filters it by consent, preferences, caps and suppressions, admits it
   * only if its noised size clears the noised k, then delivers. Runs to the end (resuming an interrupted run
   * of the same campaign) and reports progress as a fraction.
   */
  deliver(
    request: DeliveryRequest,
    onProgress?: (fractionDone: number) => void,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>>;
  /**
   * Expands and filters the audience like `deliver`, admits it under the noised minimum, and hands it over
   * as a noised number of tokens with k-anonymous interests, for the hub to choose offers; `deliver` with
   * `choices` then sends them. Asking again for the same campaign returns the same tokens.
   */
  releaseAudience(request: AudienceReleaseRequest): Promise<Result<ReleasedAudience, DeliveryRefusal>>;
  /** Protected aggregates of a campaign's messages, charged to `requestedBy`. */
  results(campaignId: string, requestedBy: string): Promise<Result<CampaignResults, DoorRefusal>>;
  /** Appends hub events to the transparency log; returns nothing about the log's other entries. */
  record(events: readonly HubAuditEvent[]): Promise<void>;
  /** Whether the vault is a demo vault, as its own database records it: the hub never decides alone. */
  kind(): Promise<VaultKindAnswer>;
}
