// The right of access: everything the vault holds about one customer, as JSON, read in a handful of queries.
import type { CustomerPreferences } from '../../core/consent.ts';
import type { CustomerPii } from '../../core/identity.ts';
import type { AuditEntry, TransparencyLog } from '../../audit/audit-log.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import type { ConsentLedger, HistoryEntry } from '../consent/consent-ledger.ts';
import type { PurposeState } from '../consent/receipts.ts';
import { isAuditSubject, type IdentityStore } from '../identity/identity-store.ts';
import type { PreferenceStore } from '../consent/preference-store.ts';
import { leadHistoriesOf } from '../responses/my-leads.ts';

export interface AccessExport {
  readonly format: 'curtain-access-export/1';
  readonly generatedAt: string;
  readonly requestId: string | undefined;
  readonly controller: string;
  readonly identity: CustomerPii;
  readonly accounts: readonly Record<string, unknown>[];
  readonly productsHeld: readonly Record<string, unknown>[];
  readonly transactions: readonly Record<string, unknown>[];
  readonly consent: { readonly current: readonly PurposeState[]; readonly history: readonly HistoryEntry[] };
  readonly preferences: CustomerPreferences;
  readonly suppressions: readonly Record<string, unknown>[];
  /** Messages in the inbox, each with the customer's response to it. */
  readonly inbox: readonly Record<string, unknown>[];
  /** The customer's insight messages, each with the insights as they were sent. */
  readonly insights: readonly Record<string, unknown>[];
  readonly leads: readonly Record<string, unknown>[];
  readonly restrictions: readonly Record<string, unknown>[];
  readonly subjectRequests: readonly Record<string, unknown>[];
  /** Transparency-log entries under the customer's references, confirmed with their own audit key. */
  readonly auditEntries: readonly { readonly index: number; readonly entry: AuditEntry }[];
  /** What is not included, and why. */
  readonly notes: readonly string[];
}

export interface AccessSources {
  readonly storage: SqlExecutor;
  readonly identity: IdentityStore;
  readonly consent: ConsentLedger;
  readonly preferences: PreferenceStore;
  readonly audit: TransparencyLog;
}

const notes = [
  'Questions are about groups of customers and answered as noisy counts; no question is about you, so none is listed.',
  'Counterparties of your transactions are held only as keyed tokens; their names and accounts are not stored.',
  'Your accounts appear with masked numbers: the vault stores a keyed index of each number, not the number.',
];

/** Reads one customer's data; everything is filtered by their internal id, nothing of anyone else is read. */
export async function exportCustomer(
  sources: AccessSources,
  customerId: number,
  context: { readonly requestId?: string; readonly controller: string; readonly now: Date },
): Promise<AccessExport> {
  const db = sources.storage;
  const rowsOf = async (sql: string) => (await db.query<Record<string, unknown>>(sql, [customerId])).rows;
  const [auditKey, indexed] = await Promise.all([
    sources.identity.auditKey(customerId),
    sources.identity.indexedAuditSubjects(customerId),
  ]);
  const [
    identity,
    accounts,
    productsHeld,
    transactions,
    current,
    history,
    preferences,
    suppressions,
    inbox,
    insights,
    leads,
    restrictions,
    subjectRequests,
    auditEntries,
  ] = await Promise.all([
    sources.identity.readPii(customerId),
    rowsOf(`SELECT id, masked_number AS "maskedNumber", product_code AS product, currency, opened_on AS "openedOn",
                   closed_on AS "closedOn" FROM accounts WHERE customer_id = $1 ORDER BY id`),
    rowsOf(`SELECT product_code AS product, since, until FROM products_held WHERE customer_id = $1
             ORDER BY since, product_code`),
    rowsOf(`SELECT id, account_id AS "accountId", booking_date AS "bookingDate", value_date AS "valueDate",
                   amount_minor AS "amountMinor", currency, direction, mcc, category, merchant_name AS merchant,
                   description, external_id AS "bankReference"
              FROM transactions WHERE customer_id = $1 ORDER BY booking_date, id`),
    sources.consent.current(customerId),
    sources.consent.history(customerId),
    sources.preferences.get(customerId),
    rowsOf(`SELECT kind, value, created_at AS "createdAt" FROM preference_suppressions WHERE customer_id = $1
             ORDER BY created_at, kind, value`),
    rowsOf(`SELECT public_id AS id, campaign_id AS campaign, offer, explanation, delivered_at AS "deliveredAt",
                   opened_at AS "openedAt", response, responded_at AS "respondedAt"
              FROM inbox_messages WHERE customer_id = $1 ORDER BY delivered_at, id`),
    rowsOf(`SELECT public_id AS id, title, body, insights, delivered_at AS "deliveredAt", opened_at AS "openedAt"
              FROM insight_messages WHERE customer_id = $1 ORDER BY delivered_at, id`),
    rowsOf(`SELECT public_id AS id, campaign_id AS campaign, recipient, state, work_status AS status, receipt,
                   created_at AS "createdAt", withdrawn_at AS "withdrawnAt", claimed_at AS "claimedAt"
              FROM leads WHERE customer_id = $1 ORDER BY created_at, id`),
    rowsOf(`SELECT reason, since, lifted_at AS "liftedAt" FROM processing_restrictions WHERE customer_id = $1
             ORDER BY since`),
    rowsOf(`SELECT id, kind, regime, status, received_at AS "receivedAt", due_at AS "dueAt",
                   closed_at AS "closedAt", rejection, rejection_note AS "rejectionNote", receipt_id AS "receiptId"
              FROM subject_requests WHERE customer_id = $1
             ORDER BY received_at`),
    sources.audit.entriesFor((ref) => isAuditSubject(auditKey, ref), indexed),
  ]);
  // An advisor's notes are the customer's personal data too: each lead carries its history, notes opened.
  const histories = await leadHistoriesOf(db, sources.identity, customerId);
  return {
    format: 'curtain-access-export/1',
    generatedAt: context.now.toISOString(),
    requestId: context.requestId,
    controller: context.controller,
    identity,
    accounts,
    productsHeld,
    transactions,
    consent: { current, history },
    preferences,
    suppressions,
    inbox,
    insights,
    leads: leads.map((lead) => ({ ...lead, history: histories.get(String(lead['id'])) ?? [] })),
    restrictions,
    subjectRequests,
    auditEntries: auditEntries.map((e) => ({ index: e.index, entry: e.entry })),
    notes,
  };
}
