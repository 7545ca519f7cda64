// The advisor's own leads: whom to contact while consent stands, status, notes and the history of each.
import { useState } from 'react';
import { post } from '../api.ts';
import type { Body, Item, Reply } from '../api/types.ts';
import { ActionButton, Alert, formatDate } from '../ui.tsx';

export type MyLead = Item<Reply<'/v1/my-leads', 'get'>['leads']>;
type Status = Body<'/v1/leads/{lead}/status', 'post'>['status'];

const statusLabels: Record<Status, string> = {
  contacted: 'Contacted',
  meeting: 'Meeting',
  product_opened: 'Product opened',
  closed: 'Closed',
};
const statuses = Object.keys(statusLabels) as Status[];

function change(entry: MyLead['history'][number]): string {
  if (entry.change === 'status')
    return `status set to ${entry.status === null ? '—' : statusLabels[entry.status]}`;
  return entry.note === null
    ? 'added a note (hidden: the customer’s consent no longer stands)'
    : `note: ${entry.note}`;
}

function LeadCard({ lead, changed }: { lead: MyLead; changed: () => void }) {
  const [status, setStatus] = useState<Status>(lead.status ?? 'contacted');
  const [note, setNote] = useState('');
  const path = `/v1/leads/${encodeURIComponent(lead.leadId)}`;
  const key = lead.leadId;
  const { identity } = lead;
  return (
    <article className="claimed" aria-labelledby={`${key}-title`}>
      <h3 id={`${key}-title`}>{lead.offer.title}</h3>
      {identity === null ? (
        <Alert kind="info">Identity withheld: {lead.withheld?.message ?? 'consent no longer stands'}.</Alert>
      ) : (
        <dl className="facts">
          <dt>Name</dt>
          <dd data-testid="lead-name">
            {[identity.givenName, identity.familyName].filter(Boolean).join(' ')}
          </dd>
          <dt>Email</dt>
          <dd className="wrap">{identity.email ?? '—'}</dd>
          <dt>Phone</dt>
          <dd>{identity.phone ?? '—'}</dd>
        </dl>
      )}
      <p>
        Claimed {formatDate(lead.claimedAt)} · Status:{' '}
        <strong data-testid="lead-status">{lead.status === null ? 'new' : statusLabels[lead.status]}</strong>
      </p>
      <div className="actions">
        <label htmlFor={`${key}-status`}>New status</label>
        <select id={`${key}-status`} value={status} onChange={(e) => setStatus(e.target.value as Status)}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </select>
        <ActionButton
          aria-label={`Save status of the lead about ${lead.offer.title}`}
          action={async () => {
            await post(`${path}/status`, { status });
            changed();
          }}
        >
          Save status
        </ActionButton>
      </div>
      {identity === null ? null : (
        <div className="note">
          <label htmlFor={`${key}-note`}>Note (kept in the vault, sealed for this customer)</label>
          <textarea id={`${key}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          <ActionButton
            aria-label={`Add note to the lead about ${lead.offer.title}`}
            disabled={note.trim() === ''}
            action={async () => {
              await post(`${path}/notes`, { text: note });
              setNote('');
              changed();
            }}
          >
            Add note
          </ActionButton>
        </div>
      )}
      <h4>History</h4>
      {lead.history.length === 0 ? (
        <p>No changes yet.</p>
      ) : (
        <ol className="history">
          {lead.history.map((entry, i) => (
            <li key={i}>
              {formatDate(entry.at)}, {entry.advisor}: {change(entry)}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}

export function MyLeads({ leads, changed }: { leads: readonly MyLead[]; changed: () => void }) {
  return (
    <section aria-labelledby="my-leads-heading">
      <h2 id="my-leads-heading">My leads</h2>
      {leads.length === 0 ? (
        <p>You have not taken up a lead yet.</p>
      ) : (
        leads.map((lead) => <LeadCard key={lead.leadId} lead={lead} changed={changed} />)
      )}
    </section>
  );
}
