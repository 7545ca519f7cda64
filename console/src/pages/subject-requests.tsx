// Compliance: data subject requests by kind, date and deadline; check, carry out (erasure confirmed, with
// progress and its receipt) or refuse for a lawful reason with a note.
import { useState, type FormEvent } from 'react';
import { rejectionReasons, type RejectionReasonCode } from '../../../src/core/request-rejections.ts';
import { get, post } from '../api.ts';
import type { Body, Item, Reply } from '../api/types.ts';
import { ReceiptView } from '../erasure-receipt-view.tsx';
import { deadlineWords, kindName, rejectionWords, statusWords } from '../request-words.ts';
import { inWords, problemWords } from '../problem-words.ts';
import { ActionButton, Alert, formatDate, Loading, textOf } from '../ui.tsx';
import { useLoad } from '../use-load.ts';
import { Working } from '../working.tsx';

type SubjectRequest = Item<Reply<'/v1/compliance/requests', 'get'>['requests']>;
type Completed = Reply<'/v1/compliance/requests/{id}/complete', 'post'>;
type Verdict = Reply<'/v1/compliance/erasure-receipts/verify', 'post'>;

const requestKinds = ['access', 'rectification', 'restriction', 'objection', 'erasure'] as const;

/** How a request is named where its UUID would have been: "Erasure (GDPR) received 6 Dec 2026, 14:02". */
const nameOf = (r: SubjectRequest) =>
  `${kindName[r.kind] ?? r.kind} (${r.regime.toUpperCase()}) received ${formatDate(r.receivedAt)}`;

function RecordRequest({ recorded }: { recorded: (r: SubjectRequest) => void }) {
  const [error, setError] = useState<string>();
  const receive = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(undefined);
    try {
      recorded(
        await post<SubjectRequest>('/v1/compliance/requests', {
          kind: textOf(form, 'kind') as SubjectRequest['kind'],
          regime: textOf(form, 'regime') as SubjectRequest['regime'],
        } satisfies Body<'/v1/compliance/requests', 'post'>),
      );
    } catch (failure) {
      setError(problemWords(failure));
    }
  };
  return (
    <form onSubmit={(e) => void receive(e)} className="inline-form">
      <label>
        Kind
        <select name="kind" defaultValue="access">
          {requestKinds.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </label>
      <label>
        Law
        <select name="regime" defaultValue="gdpr">
          <option value="gdpr">GDPR (one month)</option>
          <option value="ccpa">CCPA (45 days)</option>
        </select>
      </label>
      <button type="submit">Record a request</button>
      {error === undefined ? null : <Alert>{error}</Alert>}
    </form>
  );
}

function VerifyForm({ request, done }: { request: SubjectRequest; done: (text: string) => void }) {
  const [error, setError] = useState<string>();
  const verify = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const second = textOf(data, 'second');
    setError(undefined);
    try {
      await post(`/v1/compliance/requests/${request.id}/verify`, {
        externalId: textOf(data, 'externalId'),
        ...(/^\d{4}-\d{2}-\d{2}$/.test(second) ? { dateOfBirth: second } : { email: second }),
      });
      done(`${nameOf(request)}: identity checked.`);
    } catch (failure) {
      setError(problemWords(failure));
    }
  };
  return (
    <form
      className="inline-form"
      aria-label={`Check the identity of the requester: ${nameOf(request)}`}
      onSubmit={(e) => {
        e.preventDefault();
        void verify(e.currentTarget);
      }}
    >
      <label>
        External id
        <input name="externalId" required autoComplete="off" />
      </label>
      <label>
        Email or date of birth
        <input name="second" required autoComplete="off" />
      </label>
      <button type="submit">Check identity</button>
      {error === undefined ? null : <Alert>{error}</Alert>}
    </form>
  );
}

function RejectForm({ request, done }: { request: SubjectRequest; done: (text: string) => void }) {
  const reasons = (Object.keys(rejectionReasons) as RejectionReasonCode[]).filter((code) =>
    (rejectionReasons[code].kinds as readonly string[]).includes(request.kind),
  );
  const [error, setError] = useState<string>();
  const reject = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const note = textOf(data, 'note').trim();
    setError(undefined);
    try {
      const body: Body<'/v1/compliance/requests/{id}/reject', 'post'> = {
        reason: textOf(data, 'reason') as RejectionReasonCode,
        ...(note === '' ? {} : { note }),
      };
      await post(`/v1/compliance/requests/${request.id}/reject`, body);
      done(`${nameOf(request)}: refused — ${rejectionWords(body.reason)}`);
    } catch (failure) {
      setError(problemWords(failure));
    }
  };
  return (
    <form
      className="stacked-form"
      aria-label={`Refuse: ${nameOf(request)}`}
      onSubmit={(e) => {
        e.preventDefault();
        void reject(e.currentTarget);
      }}
    >
      <label>
        Lawful reason
        <select name="reason" required defaultValue="">
          <option value="" disabled>
            Choose the reason the law allows
          </option>
          {reasons.map((code) => (
            <option key={code} value={code}>
              {rejectionReasons[code].article}: {rejectionReasons[code].text}
            </option>
          ))}
        </select>
      </label>
      <label>
        In your own words (shown to the requester, never written to the public log)
        <textarea name="note" rows={2} maxLength={2000} />
      </label>
      <button type="submit" className="danger">
        Refuse the request
      </button>
      {error === undefined ? null : <Alert>{error}</Alert>}
    </form>
  );
}

const erasureSteps = [
  'withdrawing every consent',
  'deleting derived data',
  'destroying the key the personal data is encrypted with',
  'unlinking the payment records the law keeps',
  'searching every table and the log for anything left',
  'signing the receipt and adding it to the log',
];

/** Carrying out: an erasure asks first, shows its progress, then its receipt. */
function CarryOut({
  request,
  done,
  erased,
}: {
  request: SubjectRequest;
  done: (text: string) => void;
  erased: () => void;
}) {
  const [stage, setStage] = useState<'idle' | 'confirm' | 'running'>('idle');
  const [error, setError] = useState<string>();
  const [receipt, setReceipt] = useState<{ receipt: string; verdict: Verdict }>();
  const run = async () => {
    setStage('running');
    setError(undefined);
    try {
      const completed = await post<Completed>(`/v1/compliance/requests/${request.id}/complete`, {});
      if (completed.receipt !== undefined && completed.statement !== undefined) {
        const verdict = await post<Verdict>('/v1/compliance/erasure-receipts/verify', {
          receipt: completed.receipt,
        });
        setReceipt({ receipt: completed.receipt, verdict });
        erased();
      } else done(`${nameOf(request)}: carried out.`);
    } catch (failure) {
      setError(problemWords(failure));
    }
    setStage('idle');
  };
  if (receipt !== undefined)
    return (
      <>
        <Alert kind="success">Erased. The requester can fetch this receipt with their receipt id.</Alert>
        <ReceiptView {...receipt} />
        <button type="button" onClick={() => done(`${nameOf(request)}: erased, receipt issued.`)}>
          Back to the list
        </button>
      </>
    );
  if (stage === 'running')
    return request.kind === 'erasure' ? (
      <Working label="Erasing" steps={erasureSteps} />
    ) : (
      <Working label="Carrying out" steps={['working']} />
    );
  if (stage === 'confirm')
    return (
      <div role="group" aria-label="Confirm the erasure" className="confirm">
        <p>
          <strong>Erase this customer for good?</strong> Their key is destroyed: nobody, the bank included,
          can read their personal data again, and they can no longer sign in. Payment records the law keeps
          stay, unlinked. This cannot be undone.
        </p>
        <button type="button" className="danger" onClick={() => void run()}>
          Yes, erase permanently
        </button>{' '}
        <button type="button" className="secondary" onClick={() => setStage('idle')}>
          Cancel
        </button>
      </div>
    );
  return (
    <>
      <button type="button" onClick={() => (request.kind === 'erasure' ? setStage('confirm') : void run())}>
        Carry out
      </button>
      {error === undefined ? null : <Alert>{error}</Alert>}
    </>
  );
}

function RequestRow({
  request,
  now,
  done,
}: {
  request: SubjectRequest;
  now: number;
  done: (t: string) => void;
}) {
  const [refusing, setRefusing] = useState(false);
  const [erased, setErased] = useState(false);
  const open = !erased && (request.status === 'received' || request.status === 'verified');
  return (
    <tr>
      <th scope="row">
        {kindName[request.kind] ?? request.kind} ({request.regime.toUpperCase()})
      </th>
      <td>{formatDate(request.receivedAt)}</td>
      <td>
        {formatDate(request.dueAt)}
        <br />
        {open ? (
          Date.parse(request.dueAt) < now ? (
            <strong>{deadlineWords(request.dueAt, now)}</strong>
          ) : (
            <span className="muted">{deadlineWords(request.dueAt, now)}</span>
          )
        ) : null}
      </td>
      <td>
        {statusWords[request.status] ?? request.status}
        {request.status === 'rejected' ? (
          <div className="muted">{rejectionWords(request.rejection)}</div>
        ) : null}
        {request.rejectionNote === null ? null : <div className="muted">“{request.rejectionNote}”</div>}
      </td>
      <td>
        {request.status === 'received' ? (
          <VerifyForm request={request} done={done} />
        ) : request.status === 'verified' ? (
          <CarryOut request={request} done={done} erased={() => setErased(true)} />
        ) : null}
        {!open ? null : refusing ? (
          <RejectForm request={request} done={done} />
        ) : (
          <ActionButton className="secondary" action={inWords(() => Promise.resolve(setRefusing(true)))}>
            Refuse…
          </ActionButton>
        )}
      </td>
    </tr>
  );
}

export function SubjectRequests() {
  const [showAll, setShowAll] = useState(false);
  const requests = useLoad(
    () =>
      get<Reply<'/v1/compliance/requests', 'get'>>(`/v1/compliance/requests${showAll ? '' : '?open=true'}`),
    showAll ? 'all-requests' : 'open-requests',
  );
  const [message, setMessage] = useState<string>();
  const done = (text: string) => {
    setMessage(text);
    requests.reload();
  };
  const recorded = (r: SubjectRequest) =>
    done(
      `Request for ${r.kind} received; due ${formatDate(r.dueAt)}.` +
        (r.receiptId === null ? '' : ` Give the requester this receipt id: ${r.receiptId}`),
    );
  const now = Date.now();
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading">Data subject requests</h2>
      <RecordRequest recorded={recorded} />
      {message === undefined ? null : <Alert kind="success">{message}</Alert>}
      <label className="inline">
        <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show closed
        requests too
      </label>
      {requests.data === undefined ? (
        <Loading error={requests.error} />
      ) : requests.data.requests.length === 0 ? (
        <p>No {showAll ? '' : 'open '}requests.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>
              {showAll ? 'All requests' : 'Open requests'}, newest first, with their legal deadlines
            </caption>
            <thead>
              <tr>
                <th scope="col">Request</th>
                <th scope="col">Received</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {requests.data.requests.map((r) => (
                <RequestRow key={r.id} request={r} now={now} done={done} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
