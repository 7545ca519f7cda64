// An advisor's own leads: claimed ones with whom to contact while consent stands, their status, notes and history.
import type { LeadWorkStatus } from '../../contracts/advisor.ts';
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import { CurtainError } from '../../core/errors.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import { auditCampaignFor, type IdentityStore } from '../identity/identity-store.ts';
import type { AdvisorQueue, ClaimRefusal, RecipientFilter, RevealedLead } from './advisor-queue.ts';
import { selectLeads, type LeadRow } from './leads.ts';
import { revealBlock } from './reveal-check.ts';

export interface LeadHistoryEntry {
  readonly at: Date;
  readonly advisor: string;
  readonly change: 'status' | 'note';
  readonly status: LeadWorkStatus | null;
  /** The note's text, only while the identity may be shown; null otherwise. */
  readonly note: string | null;
}

export interface MyLead {
  readonly leadId: string;
  readonly campaignId: string;
  readonly offer: { readonly offerId: string; readonly title: string };
  readonly claimedAt: Date;
  readonly status: LeadWorkStatus | null;
  readonly identity: RevealedLead['identity'] | null;
  readonly withheld: { readonly code: string; readonly message: string } | null;
  readonly history: LeadHistoryEntry[];
}

interface EventRow {
  lead_id: number;
  advisor: string;
  kind: 'status' | 'note';
  status: LeadWorkStatus | null;
  note_sealed: Uint8Array | null;
  created_at: Date;
}

const noteContext = (leadId: string) => `lead-note:${leadId}`;

export class AdvisorLeads {
  readonly #storage: Storage;
  readonly #identity: IdentityStore;
  readonly #queue: AdvisorQueue;
  readonly #audit: TransactionalAuditSink<SqlExecutor>;

  constructor(
    storage: Storage,
    identity: IdentityStore,
    queue: AdvisorQueue,
    audit: TransactionalAuditSink<SqlExecutor>,
  ) {
    this.#storage = storage;
    this.#identity = identity;
    this.#queue = queue;
    this.#audit = audit;
  }

  /**
   * The leads this advisor took up, newest claim first. Each identity comes from `AdvisorQueue.show` — the
   * one decision (`revealBlock`) read afresh, logged as a display — so a withdrawal, restriction, objection or
   * erasure hides it at once; notes are opened only when the identity is shown.
   */
  async mine(advisor: string, filter: RecipientFilter): Promise<MyLead[]> {
    const { rows } = await this.#storage.query<LeadRow>(
      `${selectLeads} WHERE l.state = 'claimed' AND l.claimed_by = $1 AND l.recipient = $2
        ORDER BY l.claimed_at DESC, l.id DESC`,
      [advisor, filter.recipient],
    );
    if (rows.length === 0) return [];
    const events = await this.#storage.query<EventRow>(
      `SELECT lead_id, advisor, kind, status, note_sealed, created_at FROM lead_events
        WHERE lead_id = ANY($1::bigint[]) ORDER BY id`,
      [rows.map((row) => row.id)],
    );
    const mine: MyLead[] = [];
    for (const row of rows) {
      const shown = await this.#queue.show(advisor, row.public_id, filter);
      const history: LeadHistoryEntry[] = [];
      for (const e of events.rows.filter((event) => Number(event.lead_id) === Number(row.id))) {
        const note =
          shown.ok && e.note_sealed !== null
            ? await this.#identity.openFor(Number(row.customer_id), e.note_sealed, noteContext(row.public_id))
            : null;
        history.push({ at: e.created_at, advisor: e.advisor, change: e.kind, status: e.status, note });
      }
      mine.push({
        leadId: row.public_id,
        campaignId: row.campaign_id,
        offer: { offerId: row.offer.offerId, title: row.offer.title },
        claimedAt: row.claimed_at ?? row.created_at,
        status: row.work_status,
        identity: shown.ok ? shown.value.identity : null,
        withheld: shown.ok ? null : { code: shown.error.code, message: shown.error.message },
        history,
      });
    }
    return mine;
  }

  /** Sets the status of a lead this advisor took up; recorded in its history and the log (no personal data). */
  async setStatus(
    advisor: string,
    leadId: string,
    status: LeadWorkStatus,
    filter: RecipientFilter,
  ): Promise<Result<{ leadId: string; status: LeadWorkStatus }, ClaimRefusal>> {
    const lead = await this.#mine(advisor, leadId, filter);
    if (!lead.ok) return lead;
    const row = lead.value;
    const refs = await this.#refs(row);
    await this.#storage.transaction(async (tx) => {
      await tx.query('UPDATE leads SET work_status = $2 WHERE id = $1', [row.id, status]);
      await tx.query(
        `INSERT INTO lead_events (lead_id, advisor, kind, status) VALUES ($1, $2, 'status', $3)`,
        [row.id, advisor, status],
      );
      await this.#audit.enqueue(tx, [
        {
          type: 'lead.updated',
          ...(refs === undefined ? {} : { subjectRef: refs.subjectRef }),
          details: {
            leadId: row.public_id,
            ...(refs === undefined ? {} : { campaignRef: refs.campaignRef }),
            advisor,
            change: 'status',
            status,
          },
        },
      ]);
    });
    await this.#audit.flush();
    return ok({ leadId: row.public_id, status });
  }

  /**
   * Adds a note to a lead this advisor took up, sealed under the customer's data key: only while the identity
   * may be shown (`revealBlock`); erasure shreds the key and with it every note. The log says a note was added.
   */
  async addNote(
    advisor: string,
    leadId: string,
    text: string,
    filter: RecipientFilter,
  ): Promise<Result<{ leadId: string }, ClaimRefusal>> {
    const lead = await this.#mine(advisor, leadId, filter);
    if (!lead.ok) return lead;
    const row = lead.value;
    const customerId = Number(row.customer_id);
    const block = await revealBlock(this.#storage, {
      customerId,
      state: row.state,
      createdAt: row.created_at,
    });
    if (block !== undefined) {
      const shown = await this.#queue.show(advisor, leadId, filter);
      if (!shown.ok) return shown;
    }
    const refs = await this.#refs(row);
    if (refs === undefined)
      return err({ code: 'CUSTOMER_ERASED', reason: 'customer-erased', message: 'the customer was erased' });
    const sealed = await this.#identity.sealFor(customerId, text, noteContext(row.public_id));
    await this.#storage.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO lead_events (lead_id, advisor, kind, note_sealed) VALUES ($1, $2, 'note', $3)`,
        [row.id, advisor, sealed],
      );
      await this.#audit.enqueue(tx, [
        {
          type: 'lead.updated',
          subjectRef: refs.subjectRef,
          details: { leadId: row.public_id, campaignRef: refs.campaignRef, advisor, change: 'note' },
        },
      ]);
    });
    await this.#audit.flush();
    return ok({ leadId: row.public_id });
  }

  /** A lead this advisor took up, or the queue's refusal (not found, another queue, not theirs). */
  async #mine(
    advisor: string,
    leadId: string,
    { recipient }: RecipientFilter,
  ): Promise<Result<LeadRow, ClaimRefusal>> {
    if (!/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(advisor)) {
      throw new CurtainError('USAGE', 'an advisor handle is letters, digits, ".", "_" or "-" (no email)');
    }
    const { rows } = await this.#storage.query<LeadRow>(`${selectLeads} WHERE l.public_id = $1`, [leadId]);
    const row = rows[0];
    if (row === undefined || row.recipient !== recipient)
      return err({ code: 'NOT_FOUND', reason: 'not-found', message: 'no such lead in your queue' });
    if (row.state !== 'claimed' || row.claimed_by !== advisor)
      return err({
        code: 'LEAD_REFUSED',
        reason: 'not-claimed',
        message: 'take up this lead before working on it',
      });
    return ok(row);
  }

  async #refs(row: LeadRow): Promise<{ subjectRef: string; campaignRef: string } | undefined> {
    const customerId = Number(row.customer_id);
    const subjectRef = (await this.#identity.auditSubjects([customerId])).get(customerId);
    if (subjectRef === undefined) return undefined;
    try {
      const campaignRef = auditCampaignFor(
        await this.#identity.auditKey(customerId),
        subjectRef,
        row.campaign_id,
      );
      return { subjectRef, campaignRef };
    } catch (error) {
      if (error instanceof CurtainError && error.code === 'CUSTOMER_ERASED') return undefined;
      throw error;
    }
  }
}

/** The history of each of one customer's leads, notes opened: for the customer's access export. */
export async function leadHistoriesOf(
  db: SqlExecutor,
  identity: IdentityStore,
  customerId: number,
): Promise<Map<string, LeadHistoryEntry[]>> {
  const { rows } = await db.query<EventRow & { public_id: string }>(
    `SELECT l.public_id, e.lead_id, e.advisor, e.kind, e.status, e.note_sealed, e.created_at
       FROM lead_events e JOIN leads l ON l.id = e.lead_id WHERE l.customer_id = $1 ORDER BY e.id`,
    [customerId],
  );
  const histories = new Map<string, LeadHistoryEntry[]>();
  for (const e of rows) {
    const note =
      e.note_sealed === null
        ? null
        : await identity.openFor(customerId, e.note_sealed, noteContext(e.public_id));
    const history = histories.get(e.public_id) ?? [];
    history.push({ at: e.created_at, advisor: e.advisor, change: e.kind, status: e.status, note });
    histories.set(e.public_id, history);
  }
  return histories;
}
