// The consent ledger: append-only history, current state per channel, and a bitmap per purpose and channel.
import type { AuditEvent, TransactionalAuditSink } from '../../core/audit-event.ts';
import {
  channelsOf,
  checkDecision,
  gpcDecisions,
  type ConsentChannel,
  type ConsentDecision,
  type ConsentProblem,
  type ConsentPurpose,
  type ConsentSource,
} from '../../core/consent.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import { copyRow } from '../../storage/postgres-core/copy-text.ts';
import type { KeyProvider } from '../../keys/key-provider.ts';
import { applyBits, CustomerSet } from './customer-set.ts';
import { buildReceipt, signReceipt, type PurposeState, type ReceiptSettings } from './receipts.ts';

/** A customer's pseudonymous reference for the log and receipts; never an internal id or PII. */
export type SubjectRefFn = (customerId: number) => Promise<string>;

export interface ConsentLedgerOptions {
  readonly subjectRef: SubjectRefFn;
  /** Many references in one go (bulk recording); without it `subjectRef` is called per customer. */
  readonly subjectRefs?: (customerIds: readonly number[]) => Promise<Map<number, string>>;
  readonly receipts: ReceiptSettings;
  /** Rows per statement when recording in bulk (default 5,000). */
  readonly chunkSize?: number;
  /** Runs in the recording transaction for customers who just withdrew a purpose on a channel (insights go). */
  readonly onWithdrawn?: (
    tx: SqlExecutor,
    purpose: ConsentPurpose,
    channel: ConsentChannel,
    customerIds: readonly number[],
  ) => Promise<void>;
}

export interface RecordSummary {
  /** Decisions appended to the history (all of them). */
  readonly recorded: number;
  /** Customer × purpose × channel states written (the decision was newer than the stored one). */
  readonly stateChanges: number;
}

export interface RejectedDecision {
  /** Position in the batch. */
  readonly index: number;
  readonly problem: ConsentProblem;
}

/** How many customers stand where, per purpose and channel, and how many decisions came from each source. */
export interface HistoryEntry extends ConsentDecision {
  readonly id: number;
  readonly recordedAt: Date;
}

// Serialises consent writes across processes: bitmaps are read, changed and written back.
const consentLockKey = 727_003;

const historyColumns = [
  'customer_id',
  'purpose',
  'channel',
  'granted',
  'source',
  'notice_version',
  'decided_at',
] as const;

const upsertCurrent = `INSERT INTO consent_current AS c
  (customer_id, purpose, channel, granted, source, notice_version, decided_at)
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::timestamptz[])
  ON CONFLICT (customer_id, purpose, channel) DO UPDATE SET
    granted = EXCLUDED.granted, source = EXCLUDED.source,
    notice_version = EXCLUDED.notice_version, decided_at = EXCLUDED.decided_at
  WHERE c.decided_at <= EXCLUDED.decided_at`;

type Columns = [number[], string[], string[], boolean[], string[], string[], string[]];
const columnsOf = (rows: readonly ConsentDecision[]): Columns => [
  rows.map((d) => d.customerId),
  rows.map((d) => d.purpose),
  rows.map((d) => d.channel),
  rows.map((d) => d.granted),
  rows.map((d) => d.source),
  rows.map((d) => d.noticeVersion),
  rows.map((d) => d.decidedAt.toISOString()),
];

function* chunks<T>(items: readonly T[], size: number): Generator<readonly T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export class ConsentLedger {
  readonly #storage: Storage;
  readonly #keys: KeyProvider;
  readonly #audit: TransactionalAuditSink<SqlExecutor>;
  readonly #options: ConsentLedgerOptions;

  constructor(
    storage: Storage,
    keys: KeyProvider,
    audit: TransactionalAuditSink<SqlExecutor>,
    options: ConsentLedgerOptions,
  ) {
    this.#storage = storage;
    this.#keys = keys;
    this.#audit = audit;
    this.#options = options;
  }

  /**
   * Appends decisions to the history and brings the current state and bitmaps up to date, in one
   * transaction: a withdrawal is in force when the promise resolves. For each customer, purpose and
   * channel the decision with the latest `decidedAt` wins (later in the batch wins a tie), so importing
   * old decisions never overrides a newer one. Then one `consent.changed` event per decision goes to
   * the audit sink. A batch with any invalid decision is refused whole.
   */
  async record(
    decisions: readonly ConsentDecision[],
  ): Promise<Result<RecordSummary, readonly RejectedDecision[]>> {
    const rejected: RejectedDecision[] = [];
    decisions.forEach((decision, index) => {
      const problem = checkDecision(decision);
      if (problem !== undefined) rejected.push({ index, problem });
    });
    if (rejected.length > 0) return err(rejected);
    if (decisions.length === 0) return ok({ recorded: 0, stateChanges: 0 });

    const refs = await this.#subjectRefs(decisions);
    const latest = new Map<string, ConsentDecision>();
    for (const decision of decisions) {
      for (const channel of channelsOf(decision.channel)) {
        const key = `${decision.customerId}\u0000${decision.purpose}\u0000${channel}`;
        const seen = latest.get(key);
        if (seen === undefined || seen.decidedAt <= decision.decidedAt)
          latest.set(key, { ...decision, channel });
      }
    }
    const events = this.#events(decisions, refs);
    const size = this.#options.chunkSize ?? 5_000;
    const stateChanges = await this.#storage.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [consentLockKey]);
      await tx.copyFrom(
        'consent_history',
        historyColumns,
        decisions.map((d) =>
          copyRow([
            d.customerId,
            d.purpose,
            d.channel,
            d.granted ? 't' : 'f',
            d.source,
            d.noticeVersion,
            d.decidedAt.toISOString(),
          ]),
        ),
      );
      const changes = new Map<string, [number, boolean][]>();
      let count = 0;
      for (const part of chunks([...latest.values()], size)) {
        // Under the lock nobody else writes: compare with the stored state here, write only what is newer.
        const { rows } = await tx.query<{
          customer_id: bigint | number;
          purpose: string;
          channel: string;
          granted: boolean;
          decided_at: Date;
        }>(
          `SELECT customer_id, purpose, channel, granted, decided_at FROM consent_current
           WHERE customer_id = ANY($1::bigint[])`,
          [[...new Set(part.map((d) => d.customerId))]],
        );
        const stored = new Map(
          rows.map((r) => [`${Number(r.customer_id)}\u0000${r.purpose}\u0000${r.channel}`, r]),
        );
        const writes = part.filter((d) => {
          const before = stored.get(`${d.customerId}\u0000${d.purpose}\u0000${d.channel}`);
          if (before !== undefined && before.decided_at > d.decidedAt) return false;
          if ((before?.granted ?? false) !== d.granted) {
            const key = `${d.purpose}/${d.channel}`;
            let list = changes.get(key);
            if (list === undefined) changes.set(key, (list = []));
            list.push([d.customerId, d.granted]);
          }
          return true;
        });
        if (writes.length > 0) await tx.query(upsertCurrent, columnsOf(writes));
        count += writes.length;
      }
      await this.#applyChanges(tx, changes);
      await this.#audit.enqueue(tx, events);
      return count;
    });
    await this.#audit.flush();
    return ok({ recorded: decisions.length, stateChanges });
  }

  /** Bitmaps follow the changed states; then whoever must act on a withdrawal does, in this transaction. */
  async #applyChanges(tx: SqlExecutor, changes: Map<string, [number, boolean][]>): Promise<void> {
    for (const [key, list] of [...changes.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const [purpose, channel] = key.split('/') as [string, string];
      await this.#updateBits(tx, purpose, channel, list);
      const withdrawn = list.filter(([, granted]) => !granted).map(([id]) => id);
      if (withdrawn.length > 0)
        await this.#options.onWithdrawn?.(
          tx,
          purpose as ConsentPurpose,
          channel as ConsentChannel,
          withdrawn,
        );
    }
  }

  /** One `consent.changed` event per decision, under the customer's unlinkable reference. */
  #events(decisions: readonly ConsentDecision[], refs: Map<number, string>): AuditEvent[] {
    return decisions.map((d): AuditEvent => ({
      type: 'consent.changed',
      subjectRef: refs.get(d.customerId)!,
      details: {
        purpose: d.purpose,
        channel: d.channel,
        granted: d.granted,
        source: d.source,
        noticeVersion: d.noticeVersion,
      },
    }));
  }

  /** A Global Privacy Control signal (`Sec-GPC: 1`): withdraws partner offers and profiling, all channels. */
  async recordGpc(
    customerIds: readonly number[],
    at: Date,
  ): Promise<Result<RecordSummary, readonly RejectedDecision[]>> {
    return this.record(customerIds.flatMap((id) => gpcDecisions(id, at)));
  }

  /** Every customer allowed for a purpose on a channel, in one query. */
  async allowed(purpose: ConsentPurpose, channel: ConsentChannel): Promise<CustomerSet> {
    const { rows } = await this.#storage.query<{ bits: Uint8Array }>(
      'SELECT bits FROM consent_bitsets WHERE purpose = $1 AND channel = $2',
      [purpose, channel],
    );
    const bits = rows[0]?.bits;
    return bits === undefined ? CustomerSet.empty() : new CustomerSet(bits);
  }

  /** The customers among `customerIds` allowed for a purpose on a channel, in their order: one query. */
  async filter(
    customerIds: ArrayLike<number>,
    purpose: ConsentPurpose,
    channel: ConsentChannel,
  ): Promise<Uint32Array> {
    return (await this.allowed(purpose, channel)).filter(customerIds);
  }

  async isAllowed(customerId: number, purpose: ConsentPurpose, channel: ConsentChannel): Promise<boolean> {
    const { rows } = await this.#storage.query<{ granted: boolean }>(
      'SELECT granted FROM consent_current WHERE customer_id = $1 AND purpose = $2 AND channel = $3',
      [customerId, purpose, channel],
    );
    return rows[0]?.granted === true;
  }

  /** A customer's decisions, oldest first, as recorded. */
  async history(customerId: number): Promise<HistoryEntry[]> {
    const { rows } = await this.#storage.query<{
      id: bigint | number;
      purpose: ConsentPurpose;
      channel: ConsentChannel | 'all';
      granted: boolean;
      source: ConsentSource;
      notice_version: string;
      decided_at: Date;
      recorded_at: Date;
    }>(
      `SELECT id, purpose, channel, granted, source, notice_version, decided_at, recorded_at
       FROM consent_history WHERE customer_id = $1 ORDER BY id`,
      [customerId],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      customerId,
      purpose: r.purpose,
      channel: r.channel,
      granted: r.granted,
      source: r.source,
      noticeVersion: r.notice_version,
      decidedAt: r.decided_at,
      recordedAt: r.recorded_at,
    }));
  }

  /** The current state of each purpose the customer decided about. */
  async current(customerId: number): Promise<PurposeState[]> {
    const { rows } = await this.#storage.query<{
      purpose: ConsentPurpose;
      channel: ConsentChannel;
      granted: boolean;
      source: ConsentSource;
      notice_version: string;
      decided_at: Date;
    }>(
      `SELECT purpose, channel, granted, source, notice_version, decided_at
       FROM consent_current WHERE customer_id = $1 ORDER BY purpose, channel`,
      [customerId],
    );
    const states = new Map<ConsentPurpose, PurposeState & { grantedChannels: ConsentChannel[] }>();
    for (const row of rows) {
      let state = states.get(row.purpose);
      if (state === undefined || row.decided_at > state.decidedAt) {
        state = {
          purpose: row.purpose,
          grantedChannels: state?.grantedChannels ?? [],
          noticeVersion: row.notice_version,
          decidedAt: row.decided_at,
          source: row.source,
        };
        states.set(row.purpose, state);
      }
      if (row.granted) state.grantedChannels.push(row.channel);
    }
    return [...states.values()];
  }

  /**
   * A signed consent receipt (compact JWS, EdDSA, `kid` = the active receipt-signing key) of the
   * customer's current state; `no-decisions` when the customer never decided anything.
   */
  async receiptFor(customerId: number, issuedAt = new Date()): Promise<Result<string, 'no-decisions'>> {
    const states = await this.current(customerId);
    if (states.length === 0) return err('no-decisions');
    const key = this.#keys.signingKey('receipt-signing');
    const receipt = buildReceipt(
      this.#options.receipts,
      await this.#options.subjectRef(customerId),
      key.id,
      states,
      issuedAt,
    );
    return ok(await signReceipt(receipt, key));
  }

  /** Public keys that verify receipts, active and retired. */
  receiptKeys() {
    return this.#keys.verificationKeys('receipt-signing').map((k) => ({ id: k.id, publicKey: k.publicKey }));
  }

  async #subjectRefs(decisions: readonly ConsentDecision[]): Promise<Map<number, string>> {
    const ids = [...new Set(decisions.map((d) => d.customerId))];
    const refs = new Map<number, string>();
    const many = this.#options.subjectRefs;
    for (const part of chunks(ids, 256)) {
      if (many !== undefined) {
        for (const [id, ref] of await many(part)) refs.set(id, ref);
        continue;
      }
      const values = await Promise.all(part.map((id) => this.#options.subjectRef(id)));
      part.forEach((id, i) => refs.set(id, values[i]!));
    }
    return refs;
  }

  async #updateBits(
    tx: SqlExecutor,
    purpose: string,
    channel: string,
    changes: readonly [number, boolean][],
  ): Promise<void> {
    await tx.query('INSERT INTO consent_bitsets (purpose, channel) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      purpose,
      channel,
    ]);
    const { rows } = await tx.query<{ bits: Uint8Array }>(
      'SELECT bits FROM consent_bitsets WHERE purpose = $1 AND channel = $2',
      [purpose, channel],
    );
    const bits = applyBits(rows[0]?.bits ?? new Uint8Array(0), changes);
    await tx.query(
      'UPDATE consent_bitsets SET bits = $3, updated_at = now() WHERE purpose = $1 AND channel = $2',
      [purpose, channel, Buffer.from(bits.buffer, bits.byteOffset, bits.byteLength)],
    );
  }
}
