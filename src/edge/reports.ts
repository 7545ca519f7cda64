// The device's reports: the same number every epoch, real ones for offers shown and dummies for the rest, each
// the same size, each carrying one token, sent one by one at random times without cookies or session.
import { reportsPerEpoch } from './tokens.ts';

/** The campaign a dummy report names: the shape of a campaign id, which no published campaign can have. */
export const dummyCampaign = `edge-${'-'.repeat(22)}`;

export interface DeviceReport {
  readonly epoch: string;
  readonly campaign: string;
  /** 'shown' and 'dummy' are the same length, so a report's size tells nothing. */
  readonly event: 'shown' | 'dummy';
  readonly token: string;
}

/**
 * The epoch's reports: one "shown" per offer shown (at most reportsPerEpoch; extras are not reported), dummies
 * for the rest, in random order. Every device sends exactly reportsPerEpoch whatever matched.
 */
export function epochReports(
  epoch: string,
  shownCampaigns: readonly string[],
  tokens: readonly string[],
  random: () => number = Math.random,
): DeviceReport[] {
  if (tokens.length !== reportsPerEpoch) throw new Error(`expected ${reportsPerEpoch} tokens`);
  const real = shownCampaigns.slice(0, reportsPerEpoch);
  const reports = tokens.map((token, i): DeviceReport => {
    const campaign = real[i];
    return campaign === undefined
      ? { epoch, campaign: dummyCampaign, event: 'dummy', token }
      : { epoch, campaign, event: 'shown', token };
  });
  for (let i = reports.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [reports[i], reports[j]] = [reports[j]!, reports[i]!];
  }
  return reports;
}

/** A report's body, fields in a fixed order: every report of an epoch serialises to the same length. */
export function reportBody(report: DeviceReport): string {
  const { epoch, campaign, event, token } = report;
  return JSON.stringify({ epoch, campaign, event, token });
}

/** Random send times in [now, now + window): each report goes out alone, at its own time. */
export function sendTimes(count: number, now: number, windowMs: number, random: () => number = Math.random) {
  return Array.from({ length: count }, () => now + Math.floor(random() * windowMs)).sort((a, b) => a - b);
}
