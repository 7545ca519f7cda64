// When a notice may go out: now, or the end of the customer's quiet hours if now falls inside them.
import type { QuietHours } from '../../core/consent.ts';

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const clocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time in a time zone, as minutes and seconds since local midnight. */
function localTime(at: Date, timeZone: string): { minutes: number; seconds: number } {
  let clock = clocks.get(timeZone);
  if (clock === undefined) {
    clock = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    clocks.set(timeZone, clock);
  }
  const parts = Object.fromEntries(clock.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    minutes: Number(parts['hour']) * 60 + Number(parts['minute']),
    seconds: Number(parts['second']),
  };
}

/** Whether `minute` lies in [start, end), where the span may wrap midnight (22:00 → 07:00). */
export function insideQuietHours(minute: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * The earliest time a notice may be sent: `now`, or when the quiet hours end in the customer's time zone.
 * An unknown time zone counts as no quiet hours rather than holding notices back for ever.
 */
export function notBefore(now: Date, quiet: QuietHours | undefined): Date {
  if (quiet === undefined) return now;
  let local: { minutes: number; seconds: number };
  try {
    local = localTime(now, quiet.timeZone);
  } catch {
    return now;
  }
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (!insideQuietHours(local.minutes, start, end)) return now;
  const minutesLeft = (end - local.minutes + 1440) % 1440;
  return new Date(now.getTime() + (minutesLeft * 60 - local.seconds) * 1000);
}
