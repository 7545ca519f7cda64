// Preferences and feedback: channel choices, frequency cap, quiet hours, suppressions, "stop everything".
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import {
  checkPreferenceChange,
  defaultPreferences,
  type ConsentChannel,
  type CustomerPreferences,
  type FrequencyCap,
  type PreferenceChange,
} from '../../core/consent.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import { CustomerSet } from './customer-set.ts';
import type { SubjectRefFn } from './consent-ledger.ts';

export interface CustomerPreferenceChange {
  readonly customerId: number;
  readonly change: PreferenceChange;
}

interface PreferenceRow {
  customer_id: bigint | number;
  channels: ConsentChannel[] | null;
  frequency_cap: FrequencyCap | null;
  quiet_start: string | null;
  quiet_end: string | null;
  quiet_time_zone: string | null;
  stop_everything: boolean;
}

const ensureRow = 'INSERT INTO customer_preferences (customer_id) VALUES ($1) ON CONFLICT DO NOTHING';

export class PreferenceStore {
  readonly #storage: Storage;
  readonly #audit: TransactionalAuditSink<SqlExecutor>;
  readonly #subjectRef: SubjectRefFn;

  constructor(storage: Storage, audit: TransactionalAuditSink<SqlExecutor>, subjectRef: SubjectRefFn) {
    this.#storage = storage;
    this.#audit = audit;
    this.#subjectRef = subjectRef;
  }

  /**
   * Applies changes in order, in one transaction, then sends one `preference.changed` event per change
   * (kind and, for feedback, the category or partner code: never a customer value). A batch with an
   * invalid change is refused whole.
   */
  async update(
    changes: readonly CustomerPreferenceChange[],
  ): Promise<Result<number, readonly { index: number; problem: string }[]>> {
    const rejected = changes.flatMap(({ change }, index) => {
      const problem = checkPreferenceChange(change);
      return problem === undefined ? [] : [{ index, problem }];
    });
    if (rejected.length > 0) return err(rejected);
    const refs = new Map<number, string>();
    for (const { customerId } of changes) {
      if (!refs.has(customerId)) refs.set(customerId, await this.#subjectRef(customerId));
    }
    await this.#storage.transaction(async (tx) => {
      for (const { customerId, change } of changes) await apply(tx, customerId, change);
      await this.#audit.enqueue(
        tx,
        changes.map(({ customerId, change }) => ({
          type: 'preference.changed',
          subjectRef: refs.get(customerId)!,
          details: auditDetails(change),
        })),
      );
    });
    await this.#audit.flush();
    return ok(changes.length);
  }

  async get(customerId: number): Promise<CustomerPreferences> {
    return (await this.many([customerId])).get(customerId) ?? defaultPreferences;
  }

  /** Preferences of many customers in two queries; customers with none get the defaults. */
  async many(customerIds: readonly number[]): Promise<Map<number, CustomerPreferences>> {
    const [main, suppressions] = await Promise.all([
      this.#storage.query<PreferenceRow>(
        `SELECT customer_id, channels, frequency_cap, quiet_start, quiet_end, quiet_time_zone, stop_everything
         FROM customer_preferences WHERE customer_id = ANY($1::bigint[])`,
        [customerIds],
      ),
      this.#storage.query<{ customer_id: bigint | number; kind: 'category' | 'partner'; value: string }>(
        `SELECT customer_id, kind, value FROM preference_suppressions
         WHERE customer_id = ANY($1::bigint[]) ORDER BY customer_id, kind, value`,
        [customerIds],
      ),
    ]);
    const result = new Map<number, CustomerPreferences>();
    for (const id of customerIds) result.set(id, defaultPreferences);
    for (const row of main.rows) {
      result.set(Number(row.customer_id), {
        ...defaultPreferences,
        channels: row.channels ?? undefined,
        frequencyCap: row.frequency_cap ?? undefined,
        quietHours:
          row.quiet_start !== null && row.quiet_end !== null && row.quiet_time_zone !== null
            ? { start: row.quiet_start, end: row.quiet_end, timeZone: row.quiet_time_zone }
            : undefined,
        stopEverything: row.stop_everything,
      });
    }
    for (const row of suppressions.rows) {
      const id = Number(row.customer_id);
      const current = result.get(id) ?? defaultPreferences;
      result.set(
        id,
        row.kind === 'category'
          ? { ...current, notInterestedCategories: [...current.notInterestedCategories, row.value] }
          : { ...current, blockedPartners: [...current.blockedPartners, row.value] },
      );
    }
    return result;
  }

  /** Everyone who said "stop everything", in one query. */
  async stoppedEverything(): Promise<CustomerSet> {
    const { rows } = await this.#storage.query<{ customer_id: bigint | number }>(
      'SELECT customer_id FROM customer_preferences WHERE stop_everything',
    );
    return CustomerSet.fromIds(rows.map((r) => Number(r.customer_id)));
  }

  /** Everyone not interested in a category, or who never wants to hear from a partner, in one query. */
  async suppressed(kind: 'category' | 'partner', value: string): Promise<CustomerSet> {
    const { rows } = await this.#storage.query<{ customer_id: bigint | number }>(
      'SELECT customer_id FROM preference_suppressions WHERE kind = $1 AND value = $2',
      [kind, value],
    );
    return CustomerSet.fromIds(rows.map((r) => Number(r.customer_id)));
  }
}

async function apply(tx: SqlExecutor, customerId: number, change: PreferenceChange): Promise<void> {
  const set = async (assignments: string, values: readonly unknown[]) => {
    await tx.query(ensureRow, [customerId]);
    await tx.query(
      `UPDATE customer_preferences SET ${assignments}, updated_at = now() WHERE customer_id = $1`,
      [customerId, ...values],
    );
  };
  const suppress = async (kind: 'category' | 'partner', value: string, on: boolean) => {
    await tx.query(
      on
        ? 'INSERT INTO preference_suppressions (customer_id, kind, value) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING'
        : 'DELETE FROM preference_suppressions WHERE customer_id = $1 AND kind = $2 AND value = $3',
      [customerId, kind, value],
    );
  };
  switch (change.kind) {
    case 'channels':
      return set('channels = $2::text[]', [change.channels === undefined ? null : [...change.channels]]);
    case 'frequency_cap':
      return set('frequency_cap = $2', [change.cap ?? null]);
    case 'quiet_hours':
      return set('quiet_start = $2, quiet_end = $3, quiet_time_zone = $4', [
        change.quietHours?.start ?? null,
        change.quietHours?.end ?? null,
        change.quietHours?.timeZone ?? null,
      ]);
    case 'stop_everything':
      return set('stop_everything = $2', [change.on]);
    case 'not_interested':
      return suppress('category', change.category, change.on);
    case 'never_from_partner':
      return suppress('partner', change.partner, change.on);
  }
}

function auditDetails(change: PreferenceChange): { [key: string]: string | boolean | null } {
  switch (change.kind) {
    case 'channels':
      return { change: change.kind, channels: change.channels?.join(',') ?? null };
    case 'frequency_cap':
      return { change: change.kind, cap: change.cap ?? null };
    case 'quiet_hours':
      // Quiet hours and time zone hint at where someone lives: the log only records that they changed.
      return { change: change.kind, set: change.quietHours !== undefined };
    case 'stop_everything':
      return { change: change.kind, on: change.on };
    case 'not_interested':
      return { change: change.kind, category: change.category, on: change.on };
    case 'never_from_partner':
      return { change: change.kind, partner: change.partner, on: change.on };
  }
}
