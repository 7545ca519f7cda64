// Compliance's log browser: the transparency log newest first, a page at a time, filtered by kind, person, dates
// (in the reader's time zone) and text; each entry opens with its inclusion proof checked in the browser.
import { useState, type FormEvent } from 'react';
import { get } from '../api.ts';
import { leafHashOf, verifyInclusion } from '../merkle.ts';
import { ActionButton, Alert, Loading } from '../ui.tsx';
import { useLoad } from '../use-load.ts';

interface Entry {
  readonly index: number;
  readonly entry: { type: string; at: string; subjectRef?: string; details: Record<string, unknown> };
}
interface Page {
  readonly size: number;
  readonly matched: number;
  readonly entries: readonly Entry[];
}
interface Proven {
  readonly json: string;
  readonly leafHash: string;
  readonly proof: readonly string[];
  readonly head: { size: number; rootHash: string };
}
interface Filters {
  readonly types: string;
  readonly actor: string;
  readonly since: string;
  readonly until: string;
  readonly q: string;
}

const perPage = 25;
const kinds = [
  'question.asked',
  'question.answered',
  'privacy.spent',
  'campaign.drafted',
  'campaign.approved',
  'campaign.started',
  'campaign.finished',
  'campaign.cancelled',
  'campaign.stopping',
  'campaign.stopped',
  'audience.released',
  'message.sent',
  'delivery.stopped',
  'response.recorded',
  'lead.created',
  'identity.revealed',
  'consent.changed',
  'preference.changed',
  'customer.erased',
  'subject_request.changed',
  'admin.action',
];
const noFilters: Filters = { types: '', actor: '', since: '', until: '', q: '' };

/** A time in the reader's own time zone, as people read it. */
const localTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A local calendar day's start as an instant: the filters mean days in the reader's time zone. */
const dayStart = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
};

function queryOf(filters: Filters, offset: number): string {
  const query = new URLSearchParams({ order: 'newest', limit: String(perPage), offset: String(offset) });
  if (filters.types !== '') query.set('types', filters.types);
  if (filters.actor !== '') query.set('actor', filters.actor);
  if (filters.since !== '') query.set('since', dayStart(filters.since));
  if (filters.until !== '') query.set('until', dayStart(filters.until, 1));
  if (filters.q !== '') query.set('q', filters.q);
  return query.toString();
}

function EntryView({ entry, onClose }: { entry: Entry; onClose: () => void }) {
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string }>();
  const check = async () => {
    const proven = await get<Proven>(`/v1/audit/entries/${entry.index}`);
    const leafOk = (await leafHashOf(proven.json)) === proven.leafHash;
    const included = await verifyInclusion(
      proven.leafHash,
      entry.index,
      proven.head.size,
      proven.proof,
      proven.head.rootHash,
    );
    setVerdict(
      leafOk && included
        ? {
            ok: true,
            text: `Verified in your browser: included in the signed tree of ${proven.head.size} entries.`,
          }
        : { ok: false, text: 'The proof does NOT verify: this entry does not match the signed log.' },
    );
  };
  return (
    <section aria-labelledby="entry-heading" className="entry-view">
      <h3 id="entry-heading">
        Entry {entry.index}: {entry.entry.type}
      </h3>
      <p>Logged {localTime(entry.entry.at)}</p>
      <pre data-testid="entry-json">{JSON.stringify(entry.entry.details, null, 2)}</pre>
      <ActionButton action={check}>Verify its inclusion proof</ActionButton>
      {verdict === undefined ? null : verdict.ok ? (
        <Alert kind="success">
          <span data-testid="entry-proof">{verdict.text}</span>
        </Alert>
      ) : (
        <Alert>
          <span data-testid="entry-proof">{verdict.text}</span>
        </Alert>
      )}
      <button type="button" className="secondary" onClick={onClose}>
        Back to the list
      </button>
    </section>
  );
}

function FilterForm({ onApply }: { onApply: (filters: Filters) => void }) {
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    onApply({
      types: text('types'),
      actor: text('actor'),
      since: text('since'),
      until: text('until'),
      q: text('q'),
    });
  };
  return (
    <form onSubmit={apply} className="inline-form" aria-label="Filter the log">
      <label>
        Kind
        <select name="types" defaultValue="">
          <option value="">any</option>
          {kinds.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      <label>
        Person (handle)
        <input name="actor" autoComplete="off" />
      </label>
      <label>
        From day
        <input name="since" type="date" />
      </label>
      <label>
        To day
        <input name="until" type="date" />
      </label>
      <label>
        Text
        <input name="q" type="search" autoComplete="off" />
      </label>
      <button type="submit">Filter</button>
    </form>
  );
}

export function LogBrowser() {
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<Entry>();
  const query = queryOf(filters, offset);
  const page = useLoad(() => get<Page>(`/v1/audit/entries?${query}`), `log:${query}`);
  if (open !== undefined) return <EntryView entry={open} onClose={() => setOpen(undefined)} />;
  const data = page.data;
  const pages = data === undefined ? 0 : Math.max(1, Math.ceil(data.matched / perPage));
  const current = Math.floor(offset / perPage) + 1;
  return (
    <section aria-labelledby="browse-heading">
      <h3 id="browse-heading">Browse the log</h3>
      <FilterForm
        onApply={(next) => {
          setFilters(next);
          setOffset(0);
        }}
      />
      {data === undefined ? (
        <Loading error={page.error} />
      ) : (
        <>
          <p data-testid="log-page">
            {data.matched === 0
              ? 'No entry matches these filters.'
              : `Page ${current} of ${pages}: ${data.matched.toLocaleString()} matching entries of ${data.size.toLocaleString()}, newest first.`}
          </p>
          <table>
            <caption>Entries (no personal data: subjects are unlinkable references); times are yours</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Kind</th>
                <th scope="col">When</th>
                <th scope="col">Entry</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e) => (
                <tr key={e.index}>
                  <td>{e.index}</td>
                  <td className="wrap">{e.entry.type}</td>
                  <td className="wrap">{localTime(e.entry.at)}</td>
                  <td>
                    <button type="button" className="secondary" onClick={() => setOpen(e)}>
                      Open entry {e.index}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav aria-label="Log pages" className="inline-form">
            <button type="button" disabled={current <= 1} onClick={() => setOffset(0)}>
              Newest
            </button>
            <button type="button" disabled={current <= 1} onClick={() => setOffset(offset - perPage)}>
              Newer
            </button>
            <button type="button" disabled={current >= pages} onClick={() => setOffset(offset + perPage)}>
              Older
            </button>
            <button
              type="button"
              disabled={current >= pages}
              onClick={() => setOffset((pages - 1) * perPage)}
            >
              Oldest
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
