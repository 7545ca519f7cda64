// One visit of edge mode on the device: fetch the bundle (no cookies) and the customer's own facts, trust keys only
// through the log, match locally, apply the customer's rules, and queue the epoch's fixed reports.
import type { Insights } from '../insights/insights.ts';
import type { EdgeFacts, ProcessingHold } from './customer-source.ts';
import { deviceInsights } from './device-insights.ts';
import { keyInLog, openDefinition, trustKey, type EdgeDefinition, type PublishedKey } from './definitions.ts';
import { decideOffers, emptyHistory, type DeviceHistory, type DevicePreferences } from './device-rules.ts';
import { matchDefinitions } from './matcher.ts';
import { epochReports, reportBody, sendTimes, type DeviceReport } from './reports.ts';
import { reportsPerEpoch, TokenRequests } from './tokens.ts';

/** What the device fetches: `session` requests carry the customer's session, the others no cookie at all. */
export interface DeviceIo {
  getPublic<T>(path: string): Promise<T>;
  getMine<T>(path: string): Promise<T>;
  postMine<T>(path: string, body: unknown): Promise<T>;
  /** Sends one report: no cookie, no referrer, nothing but the body. */
  sendReport(body: string): Promise<void>;
  /** The device's own storage (localStorage in a browser): never sent anywhere. */
  load(key: string): string | null;
  save(key: string, value: string): void;
}

export interface EdgeBundle {
  readonly logKeys: string[];
  readonly definitionsKey: PublishedKey;
  readonly definitions: string[];
  readonly issuer: PublishedKey & { readonly epoch: string; readonly tokens: number };
}

interface PreferencesReply {
  readonly preferences: Omit<DevicePreferences, 'inboxConsents'>;
  readonly consent: readonly { readonly purpose: string; readonly grantedChannels: readonly string[] }[];
}

interface QueuedReport {
  readonly at: number;
  readonly body: string;
}

const historyKey = 'curtain.edge.history';
const queueKey = 'curtain.edge.queue';
const epochKey = 'curtain.edge.reportedEpoch';
/** How long after a visit the epoch's reports may go out, unless the device sets its own window. */
export const defaultReportWindowMs = 6 * 3_600_000;
export const reportWindowKey = 'curtain.edge.reportWindowMs';

export interface Visit {
  readonly offers: readonly EdgeDefinition[];
  /** Matching offers held back by the customer's frequency choice. */
  readonly held: number;
  /** Definitions that did not verify, by problem (never shown). */
  readonly refused: number;
  /** The customer's insights, computed here; undefined without their spending-insights consent. */
  readonly insights: Insights | undefined;
  /** Why nothing matched whatever the transactions: a restriction, an objection, a marketing exclusion. */
  readonly holds: readonly ProcessingHold[];
}

async function trustedDefinitions(
  bundle: EdgeBundle,
): Promise<{ definitions: EdgeDefinition[]; refused: number }> {
  const key = await trustKey(bundle.definitionsKey, bundle.logKeys);
  if (!key.ok) return { definitions: [], refused: bundle.definitions.length };
  const opened = await Promise.all(
    bundle.definitions.map((jws) =>
      openDefinition(jws, { keyId: bundle.definitionsKey.keyId, cryptoKey: key.value }),
    ),
  );
  const definitions = opened.flatMap((o) => (o.ok ? [o.value] : []));
  return { definitions, refused: opened.length - definitions.length };
}

function history(io: DeviceIo): DeviceHistory {
  const stored = io.load(historyKey);
  return stored === null ? emptyHistory : (JSON.parse(stored) as DeviceHistory);
}

export function saveHistory(io: DeviceIo, next: DeviceHistory): void {
  io.save(historyKey, JSON.stringify(next));
}

/** Matches and decides; what the customer sees. Nothing about the match leaves the device here. */
export async function visit(io: DeviceIo, today: string): Promise<{ visit: Visit; bundle: EdgeBundle }> {
  const [bundle, facts, preferences] = await Promise.all([
    io.getPublic<EdgeBundle>('/v1/edge/bundle'),
    io.getMine<EdgeFacts>('/v1/me/edge/facts'),
    io.getMine<PreferencesReply>('/v1/me/preferences'),
  ]);
  const { definitions, refused } = await trustedDefinitions(bundle);
  // The vault scores only customers who granted profiling, on some channel: the device does the same.
  const profiling = preferences.consent.some(
    (c) => c.purpose === 'profiling' && c.grantedChannels.length > 0,
  );
  const matched = matchDefinitions(facts, definitions, { asOf: today, profiling });
  const rules: DevicePreferences = {
    ...preferences.preferences,
    inboxConsents: preferences.consent
      .filter((c) => c.grantedChannels.includes('inbox'))
      .map((c) => c.purpose),
  };
  const decided = decideOffers(matched.matched, rules, history(io), today);
  saveHistory(io, decided.history);
  // Insights need the same consent the vault asks for them (spending_insights on the inbox).
  const insights = rules.inboxConsents.includes('spending_insights')
    ? deviceInsights(facts, { asOf: today, offersAllowed: rules.inboxConsents.includes('bank_offers') })
    : undefined;
  return {
    visit: { offers: decided.show, held: decided.held, refused, insights, holds: matched.holds },
    bundle,
  };
}

/**
 * Once per epoch, whatever matched: the same number of tokens, then the same number of same-size reports,
 * queued at random times. Tokens come only for a key the log names for this epoch.
 */
export async function queueReports(io: DeviceIo, bundle: EdgeBundle, shown: readonly string[], now: number) {
  const { issuer } = bundle;
  if (io.load(epochKey) === issuer.epoch) return;
  const logged = await keyInLog(issuer, bundle.logKeys, 'tokens', issuer.epoch);
  if (!logged.ok) return;
  const requests = await TokenRequests.create(issuer.epoch, issuer.publicKey, reportsPerEpoch);
  const { responses } = await io.postMine<{ responses: string[] }>('/v1/me/edge/tokens', {
    epoch: issuer.epoch,
    requests: requests.requests,
  });
  const tokens = await requests.finalise(responses);
  io.save(epochKey, issuer.epoch);
  const reports: DeviceReport[] = epochReports(issuer.epoch, shown, tokens);
  const window = Number(io.load(reportWindowKey) ?? defaultReportWindowMs);
  const times = sendTimes(reports.length, now, window);
  const queued: QueuedReport[] = reports.map((r, i) => ({ at: times[i]!, body: reportBody(r) }));
  io.save(queueKey, JSON.stringify([...queue(io), ...queued]));
}

function queue(io: DeviceIo): QueuedReport[] {
  const stored = io.load(queueKey);
  return stored === null ? [] : (JSON.parse(stored) as QueuedReport[]);
}

/** Sends the queued reports that are due, one request each; returns when the next is due (or undefined). */
export async function sendDue(io: DeviceIo, now: number): Promise<number | undefined> {
  const all = queue(io);
  const due = all.filter((q) => q.at <= now);
  const later = all.filter((q) => q.at > now);
  io.save(queueKey, JSON.stringify(later));
  for (const report of due) await io.sendReport(report.body);
  return later.length === 0 ? undefined : Math.min(...later.map((q) => q.at));
}
