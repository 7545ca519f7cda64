// Customer: everything the vault holds about them, readable — money in currency, money in or out in words,
// dates in their own time zone, no internal ids or raw JSON, long lists in pages.
import { useState, type ReactNode } from 'react';
import { get } from '../api.ts';
import type { Reply } from '../api/types.ts';
import { categoryInWords, day, money } from '../insights-words.ts';
import { purposeTitles, channelWords, type CustomerChannel } from '../preference-words.ts';
import { kindName, rejectionWords, statusWords } from '../request-words.ts';
import { Loading, formatDate } from '../ui.tsx';
import { useLoad } from '../use-load.ts';

type AccessExport = Reply<'/v1/me/data', 'get'>;
type Row = { readonly [key: string]: unknown };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const calendarDay = (value: unknown): string => (typeof value === 'string' ? day(value.slice(0, 10)) : '—');
const when = (value: unknown): string => (typeof value === 'string' ? formatDate(value) : '—');

const pageSize = 20;

/** A list shown a page at a time, with where one is and the way on or back. */
function Paged<T>({
  label,
  rows,
  head,
  row,
}: {
  label: string;
  rows: readonly T[];
  head: readonly string[];
  row: (item: T) => ReactNode;
}) {
  const [page, setPage] = useState(0);
  if (rows.length === 0) return <p>None.</p>;
  const pages = Math.ceil(rows.length / pageSize);
  const shown = rows.slice(page * pageSize, (page + 1) * pageSize);
  return (
    <>
      <table className="data-table">
        <caption>
          {label}: {page * pageSize + 1}–{page * pageSize + shown.length} of {rows.length}
        </caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{shown.map(row)}</tbody>
      </table>
      {pages > 1 ? (
        <nav className="pager" aria-label={`Pages of ${label.toLowerCase()}`}>
          <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Newer
          </button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <button
            type="button"
            className="secondary"
            disabled={page + 1 >= pages}
            onClick={() => setPage(page + 1)}
          >
            Older
          </button>
        </nav>
      ) : null}
    </>
  );
}

function Payments({ transactions }: { transactions: readonly Row[] }) {
  const newestFirst = [...transactions].reverse();
  return (
    <Paged
      label="Payments"
      rows={newestFirst}
      head={['Date', 'What', 'Money in or out', 'Amount']}
      row={(t) => {
        const minor = typeof t['amountMinor'] === 'number' ? t['amountMinor'] : Number(t['amountMinor'] ?? 0);
        const incoming = t['direction'] === 'credit';
        const what =
          text(t['merchant']) || text(t['description']) || categoryInWords(text(t['category']) || 'other');
        return (
          <tr key={`${text(t['bookingDate'])}-${String(t['id'])}`}>
            <td data-label="Date">{calendarDay(t['bookingDate'])}</td>
            <td data-label="What">
              {what}
              {t['category'] ? (
                <span className="muted"> · {categoryInWords(text(t['category']))}</span>
              ) : null}
            </td>
            <td data-label="Money in or out">{incoming ? 'money in' : 'money out'}</td>
            <td data-label="Amount">{money(minor, text(t['currency']) || 'EUR')}</td>
          </tr>
        );
      }}
    />
  );
}

function AboutYou({ identity }: { identity: AccessExport['identity'] }) {
  const { address } = identity;
  return (
    <dl className="facts">
      <dt>Name</dt>
      <dd>
        {identity.givenName} {identity.familyName}
      </dd>
      <dt>Email</dt>
      <dd>{identity.email}</dd>
      <dt>Phone</dt>
      <dd>{identity.phone}</dd>
      <dt>Address</dt>
      <dd>
        {address.street}, {address.postalCode} {address.city}, {address.country}
      </dd>
      <dt>Date of birth</dt>
      <dd>{day(identity.dateOfBirth)}</dd>
      <dt>National id</dt>
      <dd>{identity.nationalId}</dd>
      <dt>Account number (IBAN)</dt>
      <dd>{identity.iban}</dd>
    </dl>
  );
}

function Accounts({ data }: { data: AccessExport }) {
  return (
    <>
      <ul>
        {data.accounts.map((a, i) => (
          <li key={i}>
            {categoryInWords(text(a['product']) || 'account')} {text(a['maskedNumber'])} in{' '}
            {text(a['currency'])}, opened {calendarDay(a['openedOn'])}
            {a['closedOn'] ? `, closed ${calendarDay(a['closedOn'])}` : ''}
          </li>
        ))}
      </ul>
      <h3>Products you hold</h3>
      {data.productsHeld.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {data.productsHeld.map((p, i) => (
            <li key={i}>
              {categoryInWords(text(p['product']))}, since {calendarDay(p['since'])}
              {p['until'] ? ` until ${calendarDay(p['until'])}` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

interface ConsentState {
  readonly purpose: keyof typeof purposeTitles;
  readonly grantedChannels?: readonly string[];
}

function Choices({ data }: { data: AccessExport }) {
  const current = data.consent.current as readonly ConsentState[];
  return (
    <ul>
      {current.map((c) => (
        <li key={c.purpose}>
          {purposeTitles[c.purpose] ?? c.purpose}:{' '}
          {c.grantedChannels === undefined || c.grantedChannels.length === 0
            ? 'not agreed'
            : `agreed, ${c.grantedChannels.map((ch) => channelWords[ch as CustomerChannel] ?? ch).join(', ')}`}
        </li>
      ))}
      <li>
        {data.consent.history.length} decisions recorded in all; {data.auditEntries.length} entries of the
        bank’s public log concern you (they name you only by a reference nobody else can link to you).
      </li>
    </ul>
  );
}

function Messages({ data }: { data: AccessExport }) {
  return (
    <Paged
      label="Offers sent to you"
      rows={[...data.inbox].reverse()}
      head={['Delivered', 'Offer', 'Your answer']}
      row={(m) => {
        const offer = m['offer'] as { title?: unknown } | null;
        return (
          <tr key={text(m['id'])}>
            <td data-label="Delivered">{when(m['deliveredAt'])}</td>
            <td data-label="Offer">{text(offer?.title) || 'an offer'}</td>
            <td data-label="Your answer">
              {text(m['response']).replaceAll('_', ' ') || (m['openedAt'] ? 'read, no answer' : 'not opened')}
            </td>
          </tr>
        );
      }}
    />
  );
}

function Requests({ data }: { data: AccessExport }) {
  return data.subjectRequests.length === 0 ? (
    <p>None.</p>
  ) : (
    <ul>
      {data.subjectRequests.map((r, i) => (
        <li key={i}>
          {kindName[text(r['kind'])] ?? text(r['kind'])}, asked {when(r['receivedAt'])}:{' '}
          {statusWords[text(r['status'])] ?? text(r['status'])}
          {r['rejection'] ? ` — ${rejectionWords(text(r['rejection']))}` : ''}
        </li>
      ))}
    </ul>
  );
}

export function MyDataView() {
  const data = useLoad(() => get<AccessExport>('/v1/me/data'), 'my-data');
  if (data.data === undefined) return <Loading error={data.error} />;
  const d = data.data;
  const sections: [string, string, ReactNode][] = [
    ['about', 'About you', <AboutYou identity={d.identity} />],
    ['accounts', 'Your accounts', <Accounts data={d} />],
    ['payments', 'Your payments', <Payments transactions={d.transactions} />],
    ['choices', 'Your choices', <Choices data={d} />],
    ['messages', 'Offers sent to you', <Messages data={d} />],
    ['requests-held', 'Your requests about your data', <Requests data={d} />],
  ];
  return (
    <>
      <p className="muted">
        As held on {formatDate(d.generatedAt)} by {d.controller}.
      </p>
      {sections.map(([id, title, body]) => (
        <section key={id} aria-labelledby={`data-${id}`}>
          <h3 id={`data-${id}`}>{title}</h3>
          {body}
        </section>
      ))}
      <h3>Not included</h3>
      <ul>
        {d.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </>
  );
}
