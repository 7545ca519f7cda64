// Sends due notices through the channel adapters: at least once, under each notice's stable message id.
import type { SqlExecutor } from '../../storage/ports.ts';
import type { IdentityStore } from '../identity/identity-store.ts';
import type { ChannelAdapter, ChannelKind, OutboundNotice, SendResult } from './channels/channel.ts';
import type { FaultHook } from './faults.ts';

export interface NoticeAdapters {
  readonly email?: ChannelAdapter<'email'>;
  readonly push?: ChannelAdapter<'push'>;
  readonly webhook?: ChannelAdapter<'webhook'>;
}

export interface NoticeSenderOptions {
  readonly adapters: NoticeAdapters;
  /** The origin of the customer's inbox: links are `<origin>/inbox/<public id>`. */
  readonly inboxOrigin: string;
  /** Attempts (adapter calls that failed retryably) before a notice is given up as failed. */
  readonly maxAttempts: number;
  /** The wait after the first failed attempt, doubled for each further one. */
  readonly retryBaseMs: number;
  readonly batchSize: number;
  readonly concurrency: number;
  readonly now: () => Date;
  readonly fault: FaultHook;
}

export interface NoticeSummary {
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
  /** Failed reasons with how many notices each: e.g. `no-endpoint` for push without a device. */
  readonly failures: ReadonlyMap<string, number>;
}

interface DueNotice {
  campaign_id: string;
  customer_id: number;
  channel: ChannelKind;
  message_id: string;
  attempts: number;
  public_id: string;
}

type Outcome =
  | { readonly kind: 'sent'; readonly attempts: number }
  | {
      readonly kind: 'retry' | 'failed';
      readonly attempts: number;
      readonly reason: string;
      readonly waitMs?: number;
    };

export class NoticeSender {
  readonly #db: SqlExecutor;
  readonly #identity: IdentityStore;
  readonly #options: NoticeSenderOptions;

  constructor(db: SqlExecutor, identity: IdentityStore, options: NoticeSenderOptions) {
    this.#db = db;
    this.#identity = identity;
    this.#options = options;
  }

  /** Sends every pending notice that is due now (optionally of one campaign), batch by batch. */
  async sendDue(campaignId?: string): Promise<NoticeSummary> {
    const failures = new Map<string, number>();
    let sent = 0;
    let retrying = 0;
    let failed = 0;
    for (;;) {
      const due = await this.#due(campaignId);
      if (due.length === 0) break;
      const addresses = await this.#addresses(due);
      for (let i = 0; i < due.length; i += this.#options.concurrency) {
        const chunk = due.slice(i, i + this.#options.concurrency);
        const outcomes = await Promise.all(chunk.map((notice) => this.#send(notice, addresses)));
        // Recorded after the whole chunk: a crash before this resends the chunk under the same ids.
        await this.#record(chunk, outcomes);
        for (const outcome of outcomes) {
          if (outcome.kind === 'sent') sent++;
          else if (outcome.kind === 'retry') retrying++;
          else {
            failed++;
            failures.set(outcome.reason, (failures.get(outcome.reason) ?? 0) + 1);
          }
        }
      }
    }
    return { sent, retrying, failed, failures };
  }

  async #due(campaignId: string | undefined): Promise<DueNotice[]> {
    // The partial index on pending notices' not_before serves both forms, stopping at the batch's end.
    const select = `SELECT n.campaign_id, n.customer_id, n.channel, n.message_id, n.attempts, m.public_id
                      FROM outbound_notices n
                      JOIN inbox_messages m ON m.campaign_id = n.campaign_id AND m.customer_id = n.customer_id
                     WHERE n.state = 'pending' AND n.not_before <= $1`;
    const { rows } =
      campaignId === undefined
        ? await this.#db.query<DueNotice>(`${select} ORDER BY n.not_before LIMIT $2`, [
            this.#options.now(),
            this.#options.batchSize,
          ])
        : await this.#db.query<DueNotice>(`${select} AND n.campaign_id = $3 ORDER BY n.not_before LIMIT $2`, [
            this.#options.now(),
            this.#options.batchSize,
            campaignId,
          ]);
    return rows.map((r) => ({ ...r, customer_id: Number(r.customer_id), attempts: Number(r.attempts) }));
  }

  async #send(notice: DueNotice, addresses: ReadonlyMap<string, string>): Promise<Outcome> {
    const inboxLink = `${this.#options.inboxOrigin}/inbox/${notice.public_id}`;
    const attempts = notice.attempts;
    const { adapters } = this.#options;
    let result: SendResult;
    switch (notice.channel) {
      case 'email':
      case 'push': {
        const adapter = notice.channel === 'email' ? adapters.email : adapters.push;
        if (adapter === undefined) return { kind: 'failed', attempts, reason: 'no-adapter' };
        // A customer without an address on the channel (no registered device, for push) fails as `no-endpoint`.
        const to = addresses.get(`${notice.channel}:${notice.customer_id}`);
        if (to === undefined) return { kind: 'failed', attempts, reason: 'no-endpoint' };
        result = await (adapter as ChannelAdapter<'email' | 'push'>).send({
          messageId: notice.message_id,
          to,
          inboxLink,
        } satisfies OutboundNotice<'email'>);
        break;
      }
      case 'webhook': {
        if (adapters.webhook === undefined) return { kind: 'failed', attempts, reason: 'no-adapter' };
        result = await adapters.webhook.send({
          messageId: notice.message_id,
          payload: { campaign: notice.campaign_id, message: notice.public_id, channel: 'webhook' },
        });
        break;
      }
    }
    if (result.ok) {
      // A crash here resends the notice later under the same message id: at least once, never lost.
      this.#options.fault('after-notice-send');
      return { kind: 'sent', attempts: attempts + result.attempts };
    }
    const total = attempts + 1;
    if (!result.retryable || total >= this.#options.maxAttempts) {
      return { kind: 'failed', attempts: total, reason: result.reason };
    }
    const backoff = this.#options.retryBaseMs * 2 ** (total - 1);
    return {
      kind: 'retry',
      attempts: total,
      reason: result.reason,
      waitMs: Math.max(backoff, result.retryAfterMs ?? 0),
    };
  }

  /** Email addresses and push endpoints of the due notices' customers, keyed `channel:customer`. */
  async #addresses(due: readonly DueNotice[]): Promise<Map<string, string>> {
    const ids = [...new Set(due.filter((n) => n.channel !== 'webhook').map((n) => n.customer_id))];
    const addresses = new Map<string, string>();
    if (ids.length === 0) return addresses;
    for (const [id, pii] of await this.#identity.readPiiMany(ids)) {
      if (pii.email.trim() !== '') addresses.set(`email:${id}`, pii.email);
      if (pii.pushEndpoint !== undefined) addresses.set(`push:${id}`, pii.pushEndpoint);
    }
    return addresses;
  }

  /** Records a chunk's outcomes in one statement. */
  async #record(notices: readonly DueNotice[], outcomes: readonly Outcome[]): Promise<void> {
    const now = this.#options.now();
    await this.#db.query(
      `UPDATE outbound_notices n
          SET state = u.state, attempts = u.attempts, last_error = u.last_error,
              sent_at = CASE WHEN u.state = 'sent' THEN $1::timestamptz ELSE n.sent_at END,
              not_before = coalesce(u.not_before, n.not_before)
         FROM unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::timestamptz[])
              AS u(message_id, state, attempts, last_error, not_before)
        WHERE n.message_id = u.message_id`,
      [
        now,
        notices.map((n) => n.message_id),
        outcomes.map((o) => (o.kind === 'retry' ? 'pending' : o.kind)),
        outcomes.map((o) => o.attempts),
        outcomes.map((o) => (o.kind === 'sent' ? null : o.reason)),
        outcomes.map((o) =>
          o.kind === 'retry' ? new Date(now.getTime() + (o.waitMs ?? 0)).toISOString() : null,
        ),
      ],
    );
  }
}
