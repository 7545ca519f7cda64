// The one door between the hub and the vault: everything the hub may ask of the vault, and nothing more.
import type * as contracts from '../contracts/door.ts';
import type { Message } from '../contracts/door.ts';
import type * as rounds from '../contracts/door-rounds.ts';
import type { Result } from './result.ts';

// The messages are the door's contracts (contracts/door.ts): each type is its zod schema's output.
export type OfferContent = Message<typeof contracts.offerContent>;
/** The channels that carry a notice of the message; the inbox always holds the message itself. */
export type NoticeChannel = DeliveryRequest['channels'][number];
export type DeliveryRequest = Message<typeof contracts.deliveryRequest>;
export type OfferChoice = Message<typeof contracts.offerChoice>;
export type AudienceReleaseRequest = Message<typeof contracts.audienceReleaseRequest>;
export type ReleasedToken = Message<typeof contracts.releasedToken>;
export type ReleasedAudience = Message<typeof contracts.releasedAudience>;
export type PrivacyCost = Message<typeof contracts.privacyCost>;
export type DeliveryRefusal = Message<typeof contracts.deliveryRefusal>;
export type DeliveryRefusalCode = DeliveryRefusal['code'];
export type DeliveryReport = Message<typeof contracts.deliveryReport>;
export type CampaignResults = Message<typeof contracts.campaignResults>;
export type QuestionCheck = Message<typeof contracts.questionCheck>;
export type DoorRefusal = Message<typeof contracts.doorRefusal>;
export type ProtectedCount = Message<typeof contracts.protectedCount>;
export type ReserveRequest = Message<typeof contracts.reserveRequest>;
export type EndReservationRequest = Message<typeof contracts.endReservationRequest>;
export type StopRequest = Message<typeof contracts.stopRequest>;
export type DeliveryStop = Message<typeof contracts.deliveryStop>;
export type BudgetHolding = Message<typeof contracts.budgetHolding>;
export type HubAuditEvent = Message<typeof contracts.hubAuditEvent>;
/** A vault's proof of its key: its log's verifier key and its signature over the hub's nonce. */
export type VaultIdentity = Message<typeof contracts.vaultIdentity>;
/** What a vault says it is: a demo vault (generated bank), a real one, or not yet decided (empty). */
export type VaultKindAnswer = Message<typeof contracts.vaultKindAnswer>;
/** A federated round's messages (contracts/door-rounds.ts): ring vectors travel as base64. */
type RoundBeginRequest = Message<typeof rounds.roundBeginRequest>;
type RoundKeyBundle = Message<typeof rounds.keyBundle>;
type RoundShareRequest = Message<typeof rounds.roundShareRequest>;
type RoundShareAnswer = Message<typeof rounds.roundShareAnswer>;
type RoundMaskRequest = Message<typeof rounds.roundMaskRequest>;
type RoundMaskAnswer = Message<typeof rounds.roundMaskAnswer>;
type RoundUnmaskRequest = Message<typeof rounds.roundUnmaskRequest>;
type RoundUnmasking = Message<typeof rounds.unmasking>;
type RoundFinishRequest = Message<typeof rounds.roundFinishRequest>;
type RoundFinishAnswer = Message<typeof rounds.roundFinishAnswer>;
type RoundAbortRequest = Message<typeof rounds.roundAbortRequest>;

/**
 * The door's federated-round part, step by step (federated/round-messages.ts says what each step does). The
 * vault checks peers' key bundles against the keys its own operator pinned, never against keys the hub relays;
 * its refusals (a budget, an unknown round) are thrown as catalogue errors, FEDERATED_ROUND_ABORTED mostly.
 */
export interface RoundDoor {
  roundBegin(request: RoundBeginRequest): Promise<RoundKeyBundle>;
  roundShare(request: RoundShareRequest): Promise<RoundShareAnswer>;
  roundMask(request: RoundMaskRequest): Promise<RoundMaskAnswer>;
  roundUnmask(request: RoundUnmaskRequest): Promise<RoundUnmasking>;
  roundFinish(request: RoundFinishRequest): Promise<RoundFinishAnswer>;
  /** Forgets a round's secrets after an abort; nothing when the vault holds none. */
  roundAbort(request: RoundAbortRequest): Promise<void>;
}

/** A round step's request and answer, by method: `RoundRequest<'roundMask'>`, `RoundAnswer<'roundMask'>`. */
export type RoundRequest<M extends keyof RoundDoor> = Parameters<RoundDoor[M]>[0];
export type RoundAnswer<M extends keyof RoundDoor> = Awaited<ReturnType<RoundDoor[M]>>;

/**
 * The vault's service interface as the hub sees it. In one process it is a thin adapter over the vault's
 * services (vault/door); split, the same interface runs over authenticated HTTP. Nothing here takes or
 * returns PII, an internal customer id, or an exact count.
 */
export interface VaultDoor extends RoundDoor {
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
  /**
   * Holds back from the vault-wide budget what an approved campaign's admission and results will cost, so
   * that no later spending can starve it (PRIVACY_BUDGET_EXHAUSTED when too little is left unheld).
   */
  reserve(request: ReserveRequest): Promise<Result<BudgetHolding, DoorRefusal>>;
  /** Gives a cancelled or refused campaign's holding back; nothing when it holds none. */
  endReservation(request: EndReservationRequest): Promise<void>;
  /**
   * Stops a campaign's delivery: no message of it is written after the stop answers (a batch being written
   * finishes first; what was sent stays sent), notices not yet sent are withdrawn, a run not begun never
   * begins, and the ε the campaign still holds is given back. Logged in the vault; asking again changes nothing.
   */
  stop(request: StopRequest): Promise<Result<DeliveryStop, DoorRefusal>>;
  /** Appends hub events to the transparency log; returns nothing about the log's other entries. */
  record(events: readonly HubAuditEvent[]): Promise<void>;
  /** Whether the vault is a demo vault, as its own database records it: the hub never decides alone. */
  kind(): Promise<VaultKindAnswer>;
  /**
   * Signs the hub's fresh nonce with the vault's log-signing key, so that a hub holding many vaults knows
   * each door leads to the vault whose key it pinned at registration. Costs nothing, reads no data.
   */
  identify(nonce: string): Promise<VaultIdentity>;
}
