// Advisor: open leads carry no identity; claiming one verifies the customer's consent receipt and reveals who.
import { useState } from 'react';
import { get, post } from '../api.ts';
import type { Complete, Reply, Sent } from '../api/types.ts';
import { ActionButton, Alert, Loading, Page, formatDate } from '../ui.tsx';
import { useLoad } from '../use-load.ts';

/** What a claim reveals: the identity's fields are those the customer agreed to show, so each may be absent. */
type Claimed = Sent<
  Reply<'/v1/leads/{lead}/claim', 'post'>,
  'leadId' | 'offer' | 'identity' | 'receipt' | 'claimedBy'
>;

/** The consent receipt's header and claims, decoded for display (the vault verified its signature). */
function receiptClaims(receipt: string): Record<string, unknown> | undefined {
  try {
    const payload = receipt.split('.')[1] ?? '';
    return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function ClaimedLead({ claimed }: { claimed: Claimed }) {
  const claims = receiptClaims(claimed.receipt);
  const { givenName, familyName, email, phone } = claimed.identity;
  return (
    <section aria-labelledby="claimed-heading" className="claimed">
      <h2 id="claimed-heading">Lead taken up: {claimed.offer.title}</h2>
      <Alert kind="success">
        <strong>Consent receipt verified</strong>: the customer’s signed consent to reveal their identity for
        this offer was checked before anything was shown. This reveal is recorded in the transparency log.
      </Alert>
      <dl className="facts">
        <dt>Name</dt>
        <dd data-testid="lead-name">{[givenName, familyName].filter(Boolean).join(' ')}</dd>
        <dt>Email</dt>
        <dd>{email ?? '—'}</dd>
        <dt>Phone</dt>
        <dd>{phone ?? '—'}</dd>
        <dt>Receipt issued</dt>
        <dd>
          {typeof claims?.['iat'] === 'number'
            ? formatDate(new Date(claims['iat'] * 1000).toISOString())
            : '—'}
        </dd>
      </dl>
      <details>
        <summary>The signed receipt (compact JWS)</summary>
        <pre className="receipt">{claimed.receipt}</pre>
      </details>
    </section>
  );
}

export function Leads() {
  const leads = useLoad(() => get<Complete<Reply<'/v1/leads', 'get'>>>('/v1/leads'), 'leads');
  const [claimed, setClaimed] = useState<Claimed>();
  return (
    <Page title="Leads">
      <p>Customers who asked to be contacted. Who they are stays hidden until you take a lead up.</p>
      {claimed === undefined ? null : <ClaimedLead claimed={claimed} />}
      {leads.data === undefined ? (
        <Loading error={leads.error} />
      ) : leads.data.leads.length === 0 ? (
        <p>No open leads.</p>
      ) : (
        <table>
          <caption>Open leads of the bank’s queue</caption>
          <thead>
            <tr>
              <th scope="col">Offer</th>
              <th scope="col">Category</th>
              <th scope="col">Since</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {leads.data.leads.map((lead) => (
              <tr key={lead.id}>
                <td>{lead.offerTitle}</td>
                <td>{lead.category}</td>
                <td>{formatDate(lead.createdAt)}</td>
                <td>
                  <ActionButton
                    aria-label={`Claim the lead about ${lead.offerTitle}`}
                    action={async () => {
                      setClaimed(await post<Claimed>(`/v1/leads/${encodeURIComponent(lead.id)}/claim`));
                      leads.reload();
                    }}
                  >
                    Claim
                  </ActionButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
