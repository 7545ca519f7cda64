// Campaigns in words: where one stands and what happens next, and when the scheduler will send it.

/** A moment in the reader's own time zone (ui.tsx's formatDate; this module stays free of JSX for its tests). */
const formatDate = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export interface CampaignState {
  readonly status: string;
  readonly startsAt: string;
  readonly endsAt: string | null;
  readonly approvedBy: string | null;
  readonly refusal: string | null;
}

/** The scheduler looks once a minute; an approved campaign goes out at its start, or at once if that has passed. */
export function whenSent(startsAt: string, now = new Date()): string {
  return Date.parse(startsAt) <= now.getTime()
    ? 'within a minute of approval (its start has come)'
    : `within a minute of its start, ${formatDate(startsAt)}`;
}

/** One sentence: where the campaign stands and what comes next. */
export function stateInWords(c: CampaignState, now = new Date()): string {
  switch (c.status) {
    case 'draft':
      return `Waiting for a second person to approve it. Once approved, the scheduler sends it ${whenSent(c.startsAt, now)}.`;
    case 'approved':
      return Date.parse(c.startsAt) > now.getTime()
        ? `Approved by ${c.approvedBy ?? 'an approver'} and scheduled: the scheduler sends it within a minute of ${formatDate(c.startsAt)}. It can still be cancelled until then.`
        : `Approved by ${c.approvedBy ?? 'an approver'}: the scheduler sends it within a minute.`;
    case 'running':
      return 'Being delivered now. Each customer gets it once. It can be stopped: what was sent stays sent.';
    case 'stopping':
      return 'Stopping: the vault has been asked to stop sending and has not confirmed yet. Stop it again to finish.';
    case 'stopped':
      return 'Stopped: nothing more is sent. What was sent before the stop stays in customers’ inboxes; the privacy budget it still held was given back.';
    case 'finished':
      return 'Sent. Its protected results can be released.';
    case 'refused':
      return `Not sent: the vault refused it (${c.refusal ?? 'no reason given'}). Draft it again to retry.`;
    case 'cancelled':
      return 'Cancelled: nothing was or will be sent.';
    default:
      return c.status;
  }
}

export function scheduleInWords(c: {
  readonly startsAt: string;
  readonly endsAt: string | null;
  readonly frequencyCap: { readonly messages: number; readonly days: number };
}): string {
  const cap = c.frequencyCap;
  const times = cap.messages === 1 ? 'one message' : `${cap.messages} messages`;
  const days = cap.days === 1 ? 'a day' : `${cap.days} days`;
  const end = c.endsAt === null ? 'no end date' : `ends ${formatDate(c.endsAt)}`;
  return `starts ${formatDate(c.startsAt)}, ${end}; at most ${times} per person in ${days}`;
}

export const channelsInWords = (channels: readonly string[]): string =>
  channels.length === 0
    ? 'the inbox only'
    : `the inbox, with a notice by ${channels.map((c) => (c === 'push' ? 'app notification' : c)).join(' and ')}`;

const statuses: Readonly<Record<string, string>> = {
  draft: 'waiting for approval',
  approved: 'approved',
  running: 'sending',
  stopping: 'stopping',
  stopped: 'stopped',
  finished: 'sent',
  refused: 'refused by the vault',
  cancelled: 'cancelled',
};

/** A campaign's status as a word for people (the code stays in the data). */
export const statusWords = (status: string): string => statuses[status] ?? status;

const steps: Readonly<Record<string, string>> = {
  drafted: 'drafted',
  approved: 'approved',
  started: 'started sending',
  resumed: 'resumed sending',
  finished: 'finished sending',
  refused: 'refused by the vault',
  cancelled: 'cancelled',
  stopping: 'asked to stop sending',
  stopped: 'stopped sending',
};

/** Where the vault's run stood when it stopped (the journal's `run`), in words. */
const runs: Readonly<Record<string, string>> = {
  not_started: 'before anything was sent',
  sending: 'part-way',
  finished: 'after everything had been sent',
  too_small: 'it had not been admitted',
  stopped: 'it had already stopped',
};

/** A journalled step in words, with the approver's written reason (the journal keeps its details as JSON). */
export function eventInWords(e: {
  readonly event: string;
  readonly actor: string;
  readonly detail: string | null;
}) {
  let extra: Record<string, unknown> = {};
  try {
    const parsed: unknown = e.detail === null ? {} : JSON.parse(e.detail);
    if (typeof parsed === 'object' && parsed !== null) extra = parsed as Record<string, unknown>;
  } catch {
    // A detail that is not JSON is shown as it is.
    return `${steps[e.event] ?? e.event} by ${e.actor}: ${e.detail ?? ''}`;
  }
  const what = e.event === 'cancelled' && extra['refused'] === true ? 'refused' : (steps[e.event] ?? e.event);
  const reason = typeof extra['reason'] === 'string' ? `: “${extra['reason']}”` : '';
  const code = typeof extra['refusal'] === 'string' ? ` (${extra['refusal']})` : '';
  const run = typeof extra['run'] === 'string' ? ` (${runs[extra['run']] ?? extra['run']})` : '';
  return `${what} by ${e.actor}${code}${run}${reason}`;
}

/** What share of its audience a stopped campaign had reached, from its journal's stop (in tenths), in words. */
export function sentShareInWords(
  events: readonly { readonly event: string; readonly detail: string | null }[],
): string | undefined {
  const stop = events.findLast((e) => e.event === 'stopped');
  if (stop?.detail == null) return undefined;
  let fraction: unknown;
  try {
    fraction = (JSON.parse(stop.detail) as { fractionDone?: unknown }).fractionDone;
  } catch {
    return undefined;
  }
  if (typeof fraction !== 'number') return undefined;
  if (fraction <= 0) return 'Nothing had been sent when it stopped.';
  if (fraction >= 1) return 'Everyone in its audience had already been sent it when it stopped.';
  return `About ${Math.round(fraction * 100)}% of its audience had been sent it when it stopped; the rest never will be.`;
}
