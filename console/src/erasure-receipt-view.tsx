// An erasure receipt as people read it: what was erased, what the law keeps, what the check found, its proof.
import type { Reply } from './api/types.ts';
import { formatDate } from './ui.tsx';

type Verdict = Reply<'/v1/compliance/erasure-receipts/verify', 'post'>;

const tableWords: Record<string, string> = {
  products_held: 'products you hold',
  customer_preferences: 'your preferences',
  preference_suppressions: 'offers you turned down',
  processing_restrictions: 'restrictions you asked for',
  model_scores: 'model scores',
  inbox_messages: 'inbox messages',
  outbound_notices: 'notices sent to you',
  leads: 'requests to be contacted',
  delivery_recipients: 'deliveries',
  avatars: 'anonymous campaign identities',
  audit_subject_index: 'links from the public log to you',
};

export function ReceiptView({ verdict, receipt }: { verdict: Verdict; receipt: string }) {
  const statement = verdict.receipt;
  return (
    <section aria-labelledby="receipt-heading" className="erasure-receipt">
      <h2 id="receipt-heading">Erasure receipt</h2>
      {verdict.ok && statement !== undefined ? (
        <>
          <p className="alert alert-success" role="status">
            Signature checked, and the receipt is entry {verdict.logIndex} of the bank’s public,
            tamper-evident log ({verdict.treeSize} entries).
          </p>
          <dl>
            <dt>Receipt id</dt>
            <dd>
              <code>{statement.receiptId}</code>
            </dd>
            <dt>Erased on</dt>
            <dd>{formatDate(statement.erasedAt)}</dd>
            <dt>By</dt>
            <dd>{statement.controller}, by destroying the key your personal data was encrypted with</dd>
            <dt>Deleted</dt>
            <dd>
              <ul>
                {Object.entries(statement.deleted)
                  .filter(([, rows]) => rows > 0)
                  .map(([table, rows]) => (
                    <li key={table}>
                      {tableWords[table] ?? table.replace(/[_.]/g, ' ')}: {rows}
                    </li>
                  ))}
              </ul>
            </dd>
            <dt>Kept because the law requires it</dt>
            <dd>
              {statement.legalHold.transactions} payment records, no longer linked to you
              {statement.legalHold.heldUntil === null
                ? ''
                : `, until ${formatDate(statement.legalHold.heldUntil).replace(/,? \d\d:\d\d$/, '')}`}
            </dd>
            <dt>Checked afterwards</dt>
            <dd>
              {statement.scan.tables} tables and {statement.scan.logSize} log entries searched for your data:
              none found.
            </dd>
          </dl>
        </>
      ) : (
        <p className="alert alert-error" role="alert">
          This receipt does not verify: {verdict.reason ?? 'no reason given'}.
        </p>
      )}
      <details>
        <summary>The signed receipt itself (to keep or to have checked)</summary>
        <textarea readOnly aria-label="The signed receipt" value={receipt} rows={4} />
      </details>
    </section>
  );
}
