// Customer: read and export everything the vault holds about oneself, and ask to erase, restrict or object.
import { useState } from 'react';
import { ApiError, get, post } from '../api.ts';
import { ActionButton, Alert, Loading, Page, formatDate } from '../ui.tsx';
import { useLoad } from '../use-load.ts';

interface SubjectRequest {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly receivedAt: string;
  readonly dueAt: string;
  readonly closedAt: string | null;
}

const kinds = {
  erasure: 'Erase my data',
  restriction: 'Restrict the use of my data',
  objection: 'Object to profiling',
} as const;

/** Shown when the server has no customer route for it (an older server). */
function Unavailable() {
  return (
    <>
      <Alert kind="info">
        Seeing, exporting and deleting your data from here is not available on this server: it has no customer
        route for it. Your bank handles these as data subject requests through its compliance officers, within
        the legal deadline. Ask your bank to start one.
      </Alert>
      <div className="actions">
        {['See my data', 'Export my data', 'Delete my data'].map((label) => (
          <button key={label} type="button" disabled aria-describedby="my-data-why">
            {label}
          </button>
        ))}
      </div>
      <p id="my-data-why" className="muted">
        These buttons are disabled because the server has no customer route for them.
      </p>
    </>
  );
}

function Requests({ requests, reload }: { requests: readonly SubjectRequest[]; reload: () => void }) {
  const [sure, setSure] = useState(false);
  const [sent, setSent] = useState<string>();
  const ask = async (kind: keyof typeof kinds) => {
    const made = await post<SubjectRequest>('/v1/me/requests', { kind });
    setSent(`${kinds[kind]}: received, ${made.status}; due by ${formatDate(made.dueAt)}.`);
    reload();
  };
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading">Your requests</h2>
      {requests.length === 0 ? (
        <p>You have made no requests.</p>
      ) : (
        <table>
          <caption>Requests about your data</caption>
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Status</th>
              <th scope="col">Received</th>
              <th scope="col">Due by</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <td>{r.kind}</td>
                <td>{r.status}</td>
                <td>{formatDate(r.receivedAt)}</td>
                <td>{formatDate(r.dueAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sent === undefined ? null : <Alert kind="success">{sent}</Alert>}
      <div className="actions">
        <ActionButton className="secondary" action={() => ask('restriction')}>
          {kinds.restriction}
        </ActionButton>
        <ActionButton className="secondary" action={() => ask('objection')}>
          {kinds.objection}
        </ActionButton>
      </div>
      <fieldset>
        <legend>Erasure</legend>
        <p>
          Your bank erases everything it may erase before the legal deadline and sends you a signed receipt.
          What the law obliges it to keep (for example, records of payments) it keeps, and tells you so.
        </p>
        <label className="inline">
          <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} /> I understand
          that erasure cannot be undone
        </label>
        <ActionButton disabled={!sure} action={() => ask('erasure')}>
          {kinds.erasure}
        </ActionButton>
      </fieldset>
    </section>
  );
}

export function MyData() {
  const requests = useLoad(
    () =>
      get<{ requests: SubjectRequest[] }>('/v1/me/requests').catch((failure: unknown) => {
        if (failure instanceof ApiError && failure.status === 404) return 'unavailable' as const;
        throw failure;
      }),
    'requests',
  );
  return (
    <Page title="Your data">
      {requests.data === undefined ? (
        <Loading error={requests.error} />
      ) : requests.data === 'unavailable' ? (
        <Unavailable />
      ) : (
        <>
          <section aria-labelledby="see-heading">
            <h2 id="see-heading">See and export</h2>
            <p>Everything your bank holds about you, as a page to read or print, or as a file to keep.</p>
            <div className="actions">
              <a href="/v1/me/data/page" target="_blank" rel="noopener">
                Read everything held about me (opens a new tab)
              </a>
              <span aria-hidden="true">&nbsp;·&nbsp;</span>
              <a href="/v1/me/data" download>
                Export my data as JSON
              </a>
            </div>
          </section>
          <Requests requests={requests.data.requests} reload={requests.reload} />
        </>
      )}
    </Page>
  );
}
