// Customer: read and export everything the vault holds about oneself, and ask to erase, restrict or object —
// each at most once while open, erasure with a receipt id that shows its receipt later without signing in.
import { useState } from 'react';
import { ApiError, get, post } from '../api.ts';
import type { Body, Item, Reply } from '../api/types.ts';
import { deadlineWords, kindName, kindWords, rejectionWords, statusWords } from '../request-words.ts';
import { inWords } from '../problem-words.ts';
import { Link } from '../router.tsx';
import { ActionButton, Alert, Loading, Page, formatDate } from '../ui.tsx';
import { useLoad } from '../use-load.ts';
import { MyDataView } from './my-data-view.tsx';
import { receiptPath } from './receipt.tsx';

type SubjectRequest = Item<Reply<'/v1/me/requests', 'get'>['requests']>;
type Kind = Body<'/v1/me/requests', 'post'>['kind'];

const isOpen = (r: SubjectRequest) => r.status === 'received' || r.status === 'verified';

/** Shown when the server has no customer route for it (an older server). */
function Unavailable() {
  return (
    <Alert kind="info">
      Seeing, exporting and deleting your data from here is not available on this server: it has no customer
      route for it. Your bank handles these as data subject requests through its compliance officers, within
      the legal deadline. Ask your bank to start one.
    </Alert>
  );
}

function ReceiptId({ receiptId }: { receiptId: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <p>
      Your receipt id: <code className="receipt-id">{receiptId}</code>{' '}
      <button
        type="button"
        className="secondary"
        onClick={() => void navigator.clipboard?.writeText(receiptId).then(() => setCopied(true))}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
      <br />
      Keep it: once you are erased you cannot sign in, but with this id you can see the signed receipt at{' '}
      <Link href={receiptPath(receiptId)}>the receipt page</Link>.
    </p>
  );
}

function RequestList({ requests }: { requests: readonly SubjectRequest[] }) {
  if (requests.length === 0) return <p>You have made no requests.</p>;
  return (
    <ul className="turned-down" aria-label="Your requests, newest first">
      {requests.map((r) => (
        <li key={r.id}>
          <strong>{kindName[r.kind] ?? r.kind}</strong>, asked {formatDate(r.receivedAt)}:{' '}
          {statusWords[r.status] ?? r.status}
          {isOpen(r) ? ` — the bank must act by ${formatDate(r.dueAt)} (${deadlineWords(r.dueAt)})` : ''}
          {r.status === 'rejected' ? ` — ${rejectionWords(r.rejection)}` : ''}
          {r.rejectionNote === null ? '' : ` “${r.rejectionNote}”`}
          {r.receiptId === null ? null : (
            <>
              {' '}
              · <Link href={receiptPath(r.receiptId)}>receipt {r.status === 'completed' ? '' : 'page '}</Link>
              <span className="muted"> (id {r.receiptId})</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function Erasure({ open, ask }: { open: SubjectRequest | undefined; ask: (kind: Kind) => Promise<void> }) {
  const [sure, setSure] = useState(false);
  return (
    <fieldset>
      <legend>Erase my data</legend>
      <p>
        Your bank erases everything it may erase before the legal deadline and gives you a signed receipt.
        What the law obliges it to keep (for example, records of payments) it keeps, no longer linked to you.
        Once erased, you can no longer sign in.
      </p>
      {open === undefined ? (
        <>
          <label className="inline">
            <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} /> I understand
            that erasure cannot be undone
          </label>
          <ActionButton className="danger" disabled={!sure} action={inWords(() => ask('erasure'))}>
            {kindWords.erasure}
          </ActionButton>
        </>
      ) : (
        <Alert kind="info">
          You asked on {formatDate(open.receivedAt)}; it is open and the bank must do it by{' '}
          {formatDate(open.dueAt)}. Asking again would change nothing.
          {open.receiptId === null ? null : <ReceiptId receiptId={open.receiptId} />}
        </Alert>
      )}
    </fieldset>
  );
}

function Requests({ requests, reload }: { requests: readonly SubjectRequest[]; reload: () => void }) {
  const [made, setMade] = useState<SubjectRequest>();
  const openOf = (kind: Kind) => requests.find((r) => r.kind === kind && isOpen(r));
  const inForce = (kind: Kind) => requests.some((r) => r.kind === kind && r.status === 'completed');
  const ask = async (kind: Kind) => {
    setMade(await post<SubjectRequest>('/v1/me/requests', { kind }));
    reload();
  };
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading">Your requests</h2>
      {made === undefined ? null : (
        <Alert kind="success">
          {kindName[made.kind]} asked for {formatDate(made.receivedAt)}: {statusWords[made.status]}.
          {made.receiptId === null ? null : <ReceiptId receiptId={made.receiptId} />}
        </Alert>
      )}
      <RequestList requests={requests} />
      <div className="actions">
        {(['restriction', 'objection'] as const).map((kind) =>
          inForce(kind) || openOf(kind) !== undefined ? (
            <p key={kind} className="muted">
              {kindWords[kind]}: already asked, and in force.
            </p>
          ) : (
            <ActionButton key={kind} className="secondary" action={inWords(() => ask(kind))}>
              {kindWords[kind]}
            </ActionButton>
          ),
        )}
      </div>
      <Erasure open={openOf('erasure')} ask={ask} />
    </section>
  );
}

export function MyData() {
  const [reading, setReading] = useState(false);
  const requests = useLoad(
    () =>
      get<Reply<'/v1/me/requests', 'get'>>('/v1/me/requests').catch((failure: unknown) => {
        if (failure instanceof ApiError && failure.status === 404) return 'unavailable' as const;
        throw failure;
      }),
    'requests',
  );
  if (requests.data === undefined) return <Loading error={requests.error} />;
  if (requests.data === 'unavailable')
    return (
      <Page title="Your data">
        <Unavailable />
      </Page>
    );
  return (
    <Page title="Your data">
      <section aria-labelledby="see-heading">
        <h2 id="see-heading">See and export</h2>
        <p>Everything your bank holds about you, to read here, or as a file to keep.</p>
        <div className="actions">
          <button type="button" aria-expanded={reading} onClick={() => setReading(!reading)}>
            {reading ? 'Hide my data' : 'Read everything held about me'}
          </button>
          <a href="/v1/me/data" download>
            Export my data as JSON
          </a>
        </div>
        {reading ? <MyDataView /> : null}
      </section>
      <Requests requests={requests.data.requests} reload={requests.reload} />
    </Page>
  );
}
