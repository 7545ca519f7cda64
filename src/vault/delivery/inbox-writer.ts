// Writes one batch of the frozen audience: inbox messages, their notices, and (ending a tenth) its audit event.
import { randomBytes } from 'node:crypto';
import type { ConsentChannel, ConsentPurpose, CustomerPreferences } from '../../core/consent.ts';
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import type { NoticeChannel, OfferContent } from '../../core/vault-door.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import type { CustomerSet } from '../consent/customer-set.ts';
import type { PreferenceStore } from '../consent/preference-store.ts';
import { deriveMessageId } from './channels/channel.ts';
import { notBefore } from './quiet-hours.ts';
import { isStopped, stopLock } from './run-store.ts';

/** A run goes out in ten parts of equal size: its log entries and its progress say nothing of its size. */
export const runParts = 10;

export interface BatchRun {
  readonly campaignId: string;
  /** By offer index: what a recipient gets, and why they see it. */
  readonly offers: readonly { readonly offer: OfferContent; readonly explanation: string }[];
  readonly channels: readonly NoticeChannel[];
  readonly consentPurpose: ConsentPurpose;
}

export interface InboxWriterDeps {
  readonly storage: Storage;
  readonly consent: ConsentLedger;
  readonly preferences: PreferenceStore;
  readonly audit: TransactionalAuditSink<SqlExecutor>;
  /** The key of notice message ids, and the domain they are written in. */
  readonly messageIdKey: Uint8Array;
  readonly messageIdDomain: string;
}

/**
 * Random, unguessable public ids: they say nothing about volume or order. The `msg_` prefix keeps an id that
 * happens to start with '-' from reading as an option on a command line.
 */
function publicIds(count: number): string[] {
  const bytes = randomBytes(16 * count);
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push(`msg_${bytes.subarray(i * 16, i * 16 + 16).toString('base64url')}`);
  return ids;
}

/** Consent and preferences as they stand now, read before the batch's transaction. */
interface SendTimeRules {
  readonly inbox: CustomerSet;
  readonly stopped: CustomerSet;
  readonly channels: ReadonlyMap<NoticeChannel, CustomerSet>;
  readonly preferences: ReadonlyMap<number, CustomerPreferences>;
}

async function sendTimeRules(
  deps: InboxWriterDeps,
  run: BatchRun,
  ids: readonly number[],
): Promise<SendTimeRules> {
  const [inbox, stopped, preferences, ...channelSets] = await Promise.all([
    deps.consent.allowed(run.consentPurpose, 'inbox'),
    deps.preferences.stoppedEverything(),
    // Preferences only shape notices: a run without notice channels does not need them.
    run.channels.length === 0 ? new Map<number, CustomerPreferences>() : deps.preferences.many(ids),
    ...run.channels.map((channel) => deps.consent.allowed(run.consentPurpose, channel)),
  ]);
  return {
    inbox,
    stopped,
    preferences,
    channels: new Map(run.channels.map((channel, i) => [channel, channelSets[i]!])),
  };
}

const chose = (preferences: CustomerPreferences | undefined, channel: ConsentChannel): boolean =>
  preferences?.channels === undefined || preferences.channels.includes(channel);

/**
 * Delivers positions [from, to) of a run. Consent for the inbox and "stop everything" are checked again
 * here, at send time; a customer already holding the message (a resumed batch) is left as they are, with
 * their notices. Returns how many messages were written, or 'stopped' when the hub stopped the campaign
 * (then nothing is written: the stop and the batch take turns under the campaign's lock).
 */
export async function writeBatch(
  deps: InboxWriterDeps,
  run: BatchRun,
  /** `part` is set on the last batch of each tenth of the run: that batch logs the tenth as sent. */
  range: { readonly from: number; readonly to: number; readonly part?: number },
  now: Date,
): Promise<number | 'stopped'> {
  const { rows: recipients } = await deps.storage.query<{ customer_id: number; offer_index: number }>(
    `SELECT customer_id, offer_index FROM delivery_recipients
      WHERE campaign_id = $1 AND position >= $2 AND position < $3 ORDER BY position`,
    [run.campaignId, range.from, range.to],
  );
  const candidates = recipients.map((r) => Number(r.customer_id));
  const rules = await sendTimeRules(deps, run, candidates);
  const kept = recipients.filter(
    (r) => rules.inbox.has(Number(r.customer_id)) && !rules.stopped.has(Number(r.customer_id)),
  );
  const ids = kept.map((r) => Number(r.customer_id));

  const written = await deps.storage.transaction(async (tx) => {
    await stopLock(tx, run.campaignId, 'shared');
    if (await isStopped(tx, run.campaignId)) return 'stopped';
    const { rows } = await tx.query<{ customer_id: number }>(
      `INSERT INTO inbox_messages (public_id, campaign_id, customer_id, offer, explanation, delivered_at)
       SELECT b.public_id, $1, b.customer_id, $2::jsonb -> b.offer_index, $3::jsonb ->> b.offer_index, $4
         FROM unnest($5::bigint[], $6::text[], $7::int[]) AS b(customer_id, public_id, offer_index)
         JOIN customers c ON c.id = b.customer_id AND c.status = 'active'
       ON CONFLICT (campaign_id, customer_id) DO NOTHING
       RETURNING customer_id`,
      [
        run.campaignId,
        JSON.stringify(run.offers.map((o) => o.offer)),
        JSON.stringify(run.offers.map((o) => o.explanation)),
        now,
        ids,
        publicIds(ids.length),
        kept.map((r) => Number(r.offer_index)),
      ],
    );
    const delivered = rows.map((r) => Number(r.customer_id));
    await insertNotices(tx, deps, run, rules, delivered, now);
    // No count, and one entry per tenth whatever the size: a batch's size would give the exact audience.
    if (range.part !== undefined) {
      await deps.audit.enqueue(tx, [
        { type: 'message.sent', details: { campaign: run.campaignId, part: range.part, of: runParts } },
      ]);
    }
    return delivered.length;
  });
  await deps.audit.flush();
  return written;
}

async function insertNotices(
  tx: SqlExecutor,
  deps: InboxWriterDeps,
  run: BatchRun,
  rules: SendTimeRules,
  delivered: readonly number[],
  now: Date,
): Promise<void> {
  const customers: number[] = [];
  const channels: string[] = [];
  const messageIds: string[] = [];
  const due: string[] = [];
  const nowText = now.toISOString();
  for (const channel of run.channels) {
    const allowed = rules.channels.get(channel)!;
    for (const id of delivered) {
      const preferences = rules.preferences.get(id);
      if (!allowed.has(id) || !chose(preferences, channel)) continue;
      customers.push(id);
      channels.push(channel);
      messageIds.push(
        deriveMessageId(
          deps.messageIdKey,
          { channel, campaign: run.campaignId, recipient: String(id) },
          deps.messageIdDomain,
        ),
      );
      const quiet = preferences?.quietHours;
      due.push(quiet === undefined ? nowText : notBefore(now, quiet).toISOString());
    }
  }
  if (customers.length === 0) return;
  await tx.query(
    `INSERT INTO outbound_notices (campaign_id, customer_id, channel, message_id, not_before, state)
     SELECT $1, n.customer_id, n.channel, n.message_id, n.not_before, 'pending'
       FROM unnest($2::bigint[], $3::text[], $4::text[], $5::timestamptz[])
            AS n(customer_id, channel, message_id, not_before)
     ON CONFLICT DO NOTHING`,
    [run.campaignId, customers, channels, messageIds, due],
  );
}
