// What the vault tells the transparency log: pseudonymous references and hashes only, never PII.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const auditEventTypes = [
  'question.asked',
  'question.answered',
  'privacy.spent',
  'model.trained',
  'privacy.reserved',
  'privacy.unreserved',
  'campaign.drafted',
  'campaign.approved',
  'campaign.started',
  'campaign.finished',
  'campaign.cancelled',
  'campaign.stopping',
  'campaign.stopped',
  'audience.released',
  'delivery.refused',
  'delivery.stopped',
  'message.sent',
  'response.recorded',
  'lead.created',
  'lead.withdrawn',
  'lead.updated',
  'identity.revealed',
  'identity.withheld',
  'consent.changed',
  'preference.changed',
  'key.rotated',
  'customer.erased',
  'subject_request.changed',
  'identity.rectified',
  'processing.restricted',
  'erasure.receipt',
  'retention.run',
  'ingest.batch',
  'import.batch',
  'admin.action',
  'model.approved',
  'model.retired',
  'model.scored',
  'model.card',
  'edge.key_published',
  'edge.campaign_published',
  'edge.campaign_withdrawn',
  'edge.results_released',
  'federated.round',
] as const;

export type AuditEventType = (typeof auditEventTypes)[number];

export interface AuditEvent {
  readonly type: AuditEventType;
  /**
   * A customer's reference in the log: a keyed hash under a key of that customer's own, destroyed when
   * they are erased, so no reader can link one customer's entries together. Absent for events about no one.
   */
  readonly subjectRef?: string;
  /** No PII: identifiers of purposes, campaigns, keys; hashes; counts. */
  readonly details: { readonly [key: string]: JsonValue };
}

/** Where services send audit events; the transparency log implements it. */
export interface AuditSink {
  /** Appends events; they are durable (and in the log's next signed head) when the promise resolves. */
  record(events: readonly AuditEvent[]): Promise<void>;
}

/**
 * A sink with an outbox: events written in the transaction of the change they record commit or roll back
 * with it, and reach the log by `flush` after the commit — or, after a crash, when the log next opens.
 */
export interface TransactionalAuditSink<Transaction> extends AuditSink {
  enqueue(tx: Transaction, events: readonly AuditEvent[]): Promise<void>;
  flush(): Promise<void>;
}
