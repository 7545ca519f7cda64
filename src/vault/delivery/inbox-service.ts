// The customer's own inbox: their messages with the vault's greeting and the reason they got each one.
import type { OfferContent } from '../../core/vault-door.ts';
import type { Storage } from '../../storage/ports.ts';
import type { IdentityStore } from '../identity/identity-store.ts';

export type InboxResponse = 'interested' | 'not_now' | 'not_interested' | 'stop_all';

export interface InboxMessage {
  readonly publicId: string;
  readonly campaignId: string;
  /** "Dear <given name>": filled inside the vault, for the customer's own screen. */
  readonly greeting: string;
  readonly title: string;
  readonly body: string;
  readonly callToAction: string;
  /** The offer's category: "not interested in offers like this" suppresses it. */
  readonly category: string;
  readonly partner: string | undefined;
  readonly validUntil: string;
  /** True once `validUntil` has passed: the offer is shown as expired. */
  readonly expired: boolean;
  readonly deliveredAt: Date;
  readonly openedAt: Date | undefined;
  readonly response: InboxResponse | undefined;
  /** "Why am I seeing this?" */
  readonly why: string;
}

interface MessageRow {
  public_id: string;
  campaign_id: string;
  offer: OfferContent;
  explanation: string;
  delivered_at: Date;
  opened_at: Date | null;
  response: InboxResponse | null;
}

const columns = 'public_id, campaign_id, offer, explanation, delivered_at, opened_at, response';

export class InboxService {
  readonly #storage: Storage;
  readonly #identity: IdentityStore;
  readonly #now: () => Date;

  constructor(storage: Storage, identity: IdentityStore, options: { now?: () => Date } = {}) {
    this.#storage = storage;
    this.#identity = identity;
    this.#now = options.now ?? (() => new Date());
  }

  /** The customer's messages, newest first. */
  async list(customerId: number): Promise<InboxMessage[]> {
    const { rows } = await this.#storage.query<MessageRow>(
      `SELECT ${columns} FROM inbox_messages WHERE customer_id = $1 ORDER BY delivered_at DESC, id DESC`,
      [customerId],
    );
    if (rows.length === 0) return [];
    const greeting = await this.#greeting(customerId);
    return rows.map((row) => this.#message(row, greeting));
  }

  /** One of the customer's own messages; another customer's id is as unknown as a made-up one. */
  async get(customerId: number, publicId: string): Promise<InboxMessage | undefined> {
    const { rows } = await this.#storage.query<MessageRow>(
      `SELECT ${columns} FROM inbox_messages WHERE customer_id = $1 AND public_id = $2`,
      [customerId, publicId],
    );
    const row = rows[0];
    return row === undefined ? undefined : this.#message(row, await this.#greeting(customerId));
  }

  /** Marks the message opened (the first time only) and returns it. */
  async open(customerId: number, publicId: string): Promise<InboxMessage | undefined> {
    await this.#storage.query(
      `UPDATE inbox_messages SET opened_at = $3
        WHERE customer_id = $1 AND public_id = $2 AND opened_at IS NULL`,
      [customerId, publicId, this.#now()],
    );
    return this.get(customerId, publicId);
  }

  /** Of these customers, those with at least one message (internal ids: they never leave the vault). */
  async customersWithMessages(customerIds: readonly number[]): Promise<Set<number>> {
    const { rows } = await this.#storage.query<{ customer_id: number | bigint }>(
      'SELECT DISTINCT customer_id FROM inbox_messages WHERE customer_id = ANY($1)',
      [customerIds],
    );
    return new Set(rows.map((r) => Number(r.customer_id)));
  }

  /**
   * The first customers (internal ids, by message id) holding a message of a campaign. Only the demo's
   * tooling asks this, on a generated bank: nothing that answers it may leave the vault.
   */
  async recipientsOf(campaignId: string, limit: number): Promise<number[]> {
    const { rows } = await this.#storage.query<{ customer_id: number | bigint }>(
      'SELECT customer_id FROM inbox_messages WHERE campaign_id = $1 ORDER BY public_id LIMIT $2',
      [campaignId, limit],
    );
    return rows.map((r) => Number(r.customer_id));
  }

  async #greeting(customerId: number): Promise<string> {
    const { givenName } = await this.#identity.readPii(customerId);
    return `Dear ${givenName}`;
  }

  #message(row: MessageRow, greeting: string): InboxMessage {
    const today = this.#now().toISOString().slice(0, 10);
    return {
      publicId: row.public_id,
      campaignId: row.campaign_id,
      greeting,
      title: row.offer.title,
      body: row.offer.body,
      callToAction: row.offer.callToAction,
      category: row.offer.category,
      partner: row.offer.partner,
      validUntil: row.offer.validUntil,
      expired: row.offer.validUntil < today,
      deliveredAt: row.delivered_at,
      openedAt: row.opened_at ?? undefined,
      response: row.response ?? undefined,
      why: row.explanation,
    };
  }
}
