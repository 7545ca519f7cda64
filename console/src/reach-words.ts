// A regional vault's reach in plain words: "reached 2 minutes ago", "unreachable since 14:02" (the reader's zone).
import type { components } from './api/schema.gen.ts';

export type VaultReach = components['schemas']['VaultReach'];

/** How long ago `iso` was, roughly: "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export function agoInWords(iso: string, now: Date): string {
  const seconds = Math.max(0, (now.getTime() - Date.parse(iso)) / 1000);
  if (seconds < 45) return 'just now';
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  if (seconds < 90) return plural(1, 'minute');
  if (seconds < 3600) return plural(Math.round(seconds / 60), 'minute');
  if (seconds < 86_400) return plural(Math.round(seconds / 3600), 'hour');
  return plural(Math.round(seconds / 86_400), 'day');
}

/** A moment in the reader's zone: the time alone when it is today there, else the date too. */
export function momentInWords(iso: string, now: Date, timeZone?: string): string {
  const at = new Date(iso);
  const zone = timeZone === undefined ? {} : { timeZone };
  const day = (d: Date) => d.toLocaleDateString('en-GB', { dateStyle: 'medium', ...zone });
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', ...zone });
  return day(at) === day(now) ? time : `${day(at)}, ${time}`;
}

/** The Regions page's sentence for a vault: whether the hub reaches it, and since when it does not. */
export function reachInWords(reach: VaultReach, now: Date, timeZone?: string): string {
  if (reach.status === 'reachable' && reach.lastSeenAt !== null) {
    return `Reachable: last reached ${agoInWords(reach.lastSeenAt, now)}`;
  }
  const since =
    reach.unreachableSince === null ? '' : ` since ${momentInWords(reach.unreachableSince, now, timeZone)}`;
  const seen =
    reach.lastSeenAt === null ? 'never reached' : `last reached ${agoInWords(reach.lastSeenAt, now)}`;
  const why = reach.failure === null ? '' : ` (${reach.failure})`;
  return `Unreachable${since}${why}; ${seen}`;
}
