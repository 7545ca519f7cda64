// Advisor: "My leads" (claimed, with whom to contact while consent stands) beside the open queue, which has no identity.
import { useState } from 'react';
import { get, post } from '../api.ts';
import type { Reply } from '../api/types.ts';
import { ActionButton, Alert, Loading, Page, formatDate } from '../ui.tsx';
import { useLoad } from '../use-load.ts';
import { MyLeads } from './my-leads.tsx';

export function Leads() {
  const leads = useLoad(() => get<Reply<'/v1/leads', 'get'>>('/v1/leads'), 'leads');
  const mine = useLoad(() => get<Reply<'/v1/my-leads', 'get'>>('/v1/my-leads'), 'my-leads');
  const [claimed, setClaimed] = useState<string>();
  return (
    <Page title="Leads">
      <p>Customers who asked to be contacted. Who they are stays hidden until you take a lead up.</p>
      {claimed === undefined ? null : (
        <Alert kind="success">
          <strong>Consent receipt verified</strong> for “{claimed}”: the customer’s signed consent to reveal
          their identity for this offer was checked before anything was shown. This reveal is recorded in the
          transparency log.
        </Alert>
      )}
      {mine.data === undefined ? (
        <Loading error={mine.error} />
      ) : (
        <MyLeads leads={mine.data.leads} changed={mine.reload} />
      )}
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">Open queue</h2>
        {leads.data === undefined ? (
          <Loading error={leads.error} />
        ) : leads.data.leads.length === 0 ? (
          <p>No open leads.</p>
        ) : (
          <div className="table-scroll">
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
                          await post(`/v1/leads/${encodeURIComponent(lead.id)}/claim`);
                          setClaimed(lead.offerTitle);
                          leads.reload();
                          mine.reload();
                        }}
                      >
                        Claim
                      </ActionButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Page>
  );
}
