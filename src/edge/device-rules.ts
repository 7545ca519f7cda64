// The customer's own rules, enforced on the device: consent, "stop everything", categories and partners they
// turned down, their frequency choice, and offers they dismissed. Nothing of this is sent back.
import { capDays, type FrequencyCap } from '../core/consent.ts';
import { questionPurpose } from '../core/question-purposes.ts';
import type { EdgeDefinition } from './definitions.ts';

/** What the preference centre says (GET /v1/me/preferences), reduced to what the device needs. */
export interface DevicePreferences {
  /** Consent purposes granted on the inbox channel. */
  readonly inboxConsents: readonly string[];
  readonly frequencyCap: FrequencyCap | null;
  readonly notInterestedCategories: readonly string[];
  readonly blockedPartners: readonly string[];
  readonly stopEverything: boolean;
}

/** What the device remembers between visits (kept in the browser's own storage, never sent). */
export interface DeviceHistory {
  /** Campaign id → the day its offer was first shown, 'YYYY-MM-DD'. */
  readonly shown: Readonly<Record<string, string>>;
  /** Campaigns the customer marked "not interested". */
  readonly dismissed: readonly string[];
}

export const emptyHistory: DeviceHistory = { shown: {}, dismissed: [] };

export interface DeviceDecision {
  readonly show: readonly EdgeDefinition[];
  /** Matching offers held back by the frequency choice, for a later day. */
  readonly held: number;
  readonly history: DeviceHistory;
}

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / dayMs);

/** Which of the customer's own choices turns an offer away; the vault asks the same at "Connect me". */
export type WithheldBy = 'consent' | 'stop_everything' | 'not_interested' | 'blocked_partner';

/** The first of the customer's choices that turns this offer away, or undefined when none does. */
export function withheldBy(d: EdgeDefinition, preferences: DevicePreferences): WithheldBy | undefined {
  const consent = questionPurpose(d.purpose)?.consent;
  if (consent === undefined || !preferences.inboxConsents.includes(consent)) return 'consent';
  if (preferences.stopEverything) return 'stop_everything';
  if (preferences.notInterestedCategories.includes(d.offer.category)) return 'not_interested';
  if (preferences.blockedPartners.includes(d.offer.provider)) return 'blocked_partner';
  return undefined;
}

const allowed = (d: EdgeDefinition, preferences: DevicePreferences, history: DeviceHistory) =>
  withheldBy(d, preferences) === undefined && !history.dismissed.includes(d.id);

/**
 * Which matching offers to show today: offers shown before stay; a new one is shown only when the customer's
 * frequency choice allows one more since the last new offer. Returns the history to remember.
 */
export function decideOffers(
  matched: readonly EdgeDefinition[],
  preferences: DevicePreferences,
  history: DeviceHistory,
  today: string,
): DeviceDecision {
  if (preferences.stopEverything || preferences.frequencyCap === 'never') {
    return { show: [], held: 0, history };
  }
  const candidates = matched.filter((d) => allowed(d, preferences, history));
  const shown = { ...history.shown };
  const gap = preferences.frequencyCap === null ? 0 : capDays[preferences.frequencyCap];
  let lastNew = Object.values(shown).sort().at(-1);
  const show: EdgeDefinition[] = [];
  let held = 0;
  for (const d of candidates) {
    if (shown[d.id] !== undefined) {
      show.push(d);
    } else if (lastNew === undefined || daysBetween(lastNew, today) >= gap) {
      shown[d.id] = today;
      lastNew = today;
      show.push(d);
    } else {
      held++;
    }
  }
  return { show, held, history: { ...history, shown } };
}

/** The history after the customer marks an offer "not interested": it is never shown again on this device. */
export function dismiss(history: DeviceHistory, campaignId: string): DeviceHistory {
  return history.dismissed.includes(campaignId)
    ? history
    : { ...history, dismissed: [...history.dismissed, campaignId] };
}
