// Times of day between time zones: quiet hours are stored with their zone and shown in the reader's own.

/** The reader's own time zone, e.g. "Europe/Berlin". */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Minutes east of UTC of `timeZone` at `at`; an unknown zone counts as UTC. */
export function offsetMinutes(timeZone: string, at: Date): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(at);
  } catch {
    return 0;
  }
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((wall - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A time of day ("22:00") in `from` as the same moment's time of day in `to`, today. */
export function convertTime(time: string, from: string, to: string, at = new Date()): string {
  if (from === to) return time;
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const shifted = hours * 60 + minutes - offsetMinutes(from, at) + offsetMinutes(to, at);
  const inDay = ((shifted % 1440) + 1440) % 1440;
  return `${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}`;
}
