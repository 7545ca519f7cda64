// Anyone with a receipt id: where that erasure stands, and its signed, verified receipt once done (no sign-in).
import { useState, type FormEvent } from 'react';
import { get } from '../api.ts';
import type { Reply } from '../api/types.ts';
import { ReceiptView } from '../erasure-receipt-view.tsx';
import { deadlineWords, rejectionWords } from '../request-words.ts';
import { problemWords } from '../problem-words.ts';
import { navigate } from '../router.tsx';
import { Alert, Loading, Page, formatDate, textOf } from '../ui.tsx';
import { useLoad } from '../use-load.ts';

type Lookup = Reply<'/v1/erasure-receipts/{receiptId}', 'get'>;

export const receiptPath = (receiptId: string) => `/receipt/${encodeURIComponent(receiptId)}`;

function Standing({ found }: { found: Lookup }) {
  switch (found.status) {
    case 'completed':
      return found.receipt === undefined || found.verdict === undefined ? (
        <Alert kind="info">The erasure is done, but its receipt could not be read.</Alert>
      ) : (
        <>
          <Alert kind="success">Your data was erased on {formatDate(found.closedAt)}.</Alert>
          <ReceiptView verdict={found.verdict} receipt={found.receipt} />
        </>
      );
    case 'rejected':
      return (
        <Alert>
          The bank refused this erasure on {formatDate(found.closedAt)}: {rejectionWords(found.rejection)}
          {found.rejectionNote === null ? '' : ` “${found.rejectionNote}”`} You may complain to your data
          protection authority.
        </Alert>
      );
    default:
      return (
        <Alert kind="info">
          Asked on {formatDate(found.receivedAt)} and not yet carried out: the bank must do it by{' '}
          {formatDate(found.dueAt)} ({deadlineWords(found.dueAt)}). Come back with the same receipt id.
        </Alert>
      );
  }
}

function Found({ receiptId }: { receiptId: string }) {
  const found = useLoad(
    () =>
      get<Lookup>(`/v1/erasure-receipts/${encodeURIComponent(receiptId)}`).catch((e: unknown) => {
        throw new Error(problemWords(e), { cause: e });
      }),
    receiptId,
  );
  if (found.data === undefined) return <Loading error={found.error} />;
  return <Standing found={found.data} />;
}

export function ReceiptPage({ receiptId }: { receiptId: string | undefined }) {
  const [typed, setTyped] = useState(receiptId ?? '');
  const open = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(receiptPath(textOf(new FormData(event.currentTarget), 'receipt-id').trim()));
  };
  return (
    <Page title="Your erasure receipt">
      <p>
        When you asked the bank to erase your data, it gave you a receipt id. With it you can see here where
        the erasure stands and, once it is done, the bank’s signed receipt — without signing in.
      </p>
      <form onSubmit={open} className="inline-form">
        <label htmlFor="receipt-id">Receipt id</label>
        <input
          id="receipt-id"
          name="receipt-id"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          required
          pattern="[0-9a-fA-F\-]{36}"
          title="the 36-character receipt id, e.g. 1b4e28ba-2fa1-41d2-883f-0016d3cca427"
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit">Show the receipt</button>
      </form>
      {receiptId === undefined ? null : <Found key={receiptId} receiptId={receiptId.toLowerCase()} />}
    </Page>
  );
}
