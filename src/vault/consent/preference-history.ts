// A customer's own history of consent decisions and preference changes, newest first, for the preference centre.
import type { TransparencyLog } from '../../audit/audit-log.ts';
import type { ConsentChannel, ConsentPurpose } from '../../core/consent.ts';
import { isAuditSubject, type IdentityStore } from '../identity/identity-store.ts';
import type { ConsentLedger } from './consent-ledger.ts';
import { preferenceChangeKinds } from '../../contracts/preferences.ts';

export interface PreferenceHistoryItem {
  readonly at: Date;
  readonly kind: (typeof preferenceChangeKinds)[number];
  /** Consent: the purpose and channel decided about. */
  readonly purpose: ConsentPurpose | null;
  readonly channel: ConsentChannel | 'all' | null;
  /** Given or withdrawn, switched on or off (quiet hours: set or cleared). */
  readonly on: boolean | null;
  /** The cap, the category, the partner or the channels, as logged. */
  readonly value: string | null;
}

export interface PreferenceHistorySources {
  readonly consent: ConsentLedger;
  readonly identity: IdentityStore;
  readonly audit: TransparencyLog;
}

const asText = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const asFlag = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

/**
 * Consent decisions come from the ledger; preference changes from the customer's own entries of the
 * transparency log (the store keeps only the current state, the log keeps every change). At most `limit`.
 */
export async function preferenceHistory(
  sources: PreferenceHistorySources,
  customerId: number,
  limit = 100,
): Promise<PreferenceHistoryItem[]> {
  const [decisions, auditKey, indexed] = await Promise.all([
    sources.consent.history(customerId),
    sources.identity.auditKey(customerId),
    sources.identity.indexedAuditSubjects(customerId),
  ]);
  const entries = await sources.audit.entriesFor((ref) => isAuditSubject(auditKey, ref), indexed);
  const consent = decisions.map((d): PreferenceHistoryItem => ({
    at: d.decidedAt,
    kind: 'consent',
    purpose: d.purpose,
    channel: d.channel,
    on: d.granted,
    value: null,
  }));
  const changes = entries.flatMap(({ entry }): PreferenceHistoryItem[] => {
    const kind = preferenceChangeKinds.find((k) => k === entry.details['change']);
    if (entry.type !== 'preference.changed' || kind === undefined) return [];
    const { details } = entry;
    return [
      {
        at: new Date(entry.at),
        kind,
        purpose: null,
        channel: null,
        on: asFlag(details['on']) ?? asFlag(details['set']),
        value:
          asText(details['cap']) ??
          asText(details['category']) ??
          asText(details['partner']) ??
          asText(details['channels']),
      },
    ];
  });
  return [...consent, ...changes].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
