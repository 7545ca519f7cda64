// Parts of the preference centre: quiet hours in local time, stop all, what was turned down, contact requests,
// and the history of changes.
import { useState } from 'react';
import { get, post } from '../api.ts';
import type { Body, Reply } from '../api/types.ts';
import { convertTime, localTimeZone } from '../local-time.ts';
import { leadWords } from '../lead-words.ts';
import { changeWords, codeWords } from '../preference-words.ts';
import { inWords } from '../problem-words.ts';
import { ActionButton, Loading, formatDate } from '../ui.tsx';
import { useLoad } from '../use-load.ts';

export type PreferencesData = Reply<'/v1/me/preferences', 'get'>;

/** Saves one change and says so: "Saved: …" once the vault answered, or what went wrong. */
export interface Saver {
  readonly consent: (change: Body<'/v1/me/consent', 'put'>, saved: string) => Promise<void>;
  readonly preferences: (change: Body<'/v1/me/preferences', 'patch'>, saved: string) => Promise<void>;
}

type Quiet = PreferencesData['preferences']['quietHours'];

export function QuietHours({ value, save }: { value: Quiet; save: Saver }) {
  const zone = localTimeZone();
  const [start, setStart] = useState(
    value === null ? '22:00' : convertTime(value.start, value.timeZone, zone),
  );
  const [end, setEnd] = useState(value === null ? '07:00' : convertTime(value.end, value.timeZone, zone));
  const shown =
    value === null
      ? 'You have no quiet hours: notices may come at any time.'
      : `Quiet from ${convertTime(value.start, value.timeZone, zone)} to ${convertTime(value.end, value.timeZone, zone)}, your time (${zone}).`;
  return (
    <fieldset>
      <legend>Quiet hours: no notices between these times</legend>
      <p id="quiet-now">{shown}</p>
      <div className="inline-form">
        <label htmlFor="quiet-start">From (your time)</label>
        <input id="quiet-start" type="time" value={start} onChange={(e) => setStart(e.target.value)} />
        <label htmlFor="quiet-end">Until (your time)</label>
        <input id="quiet-end" type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
      </div>
      <div className="actions">
        <ActionButton
          action={() =>
            save.preferences(
              { quietHours: { start, end, timeZone: zone } },
              `quiet from ${start} to ${end}, your time.`,
            )
          }
        >
          Save quiet hours
        </ActionButton>
        {value === null ? null : (
          <ActionButton
            className="secondary"
            action={() => save.preferences({ quietHours: null }, 'no quiet hours.')}
          >
            No quiet hours
          </ActionButton>
        )}
      </div>
    </fieldset>
  );
}

export function StopAll({ stopped, save }: { stopped: boolean; save: Saver }) {
  const [asking, setAsking] = useState(false);
  if (stopped)
    return (
      <section aria-labelledby="stop-heading" className="callout-box">
        <h2 id="stop-heading">All offers and notices are stopped</h2>
        <p>
          Nothing is sent to you until you turn them back on. Your other choices below are kept as they were.
        </p>
        <ActionButton
          action={() => save.preferences({ stopEverything: false }, 'offers and notices are back on.')}
        >
          Turn offers and notices back on
        </ActionButton>
      </section>
    );
  return (
    <section aria-labelledby="stop-heading">
      <h2 id="stop-heading">Stop everything</h2>
      {asking ? (
        <div role="group" aria-label="Confirm stopping all" className="confirm">
          <p>
            <strong>Stop all offers and notices?</strong> Nothing will be sent to you. You can turn them back
            on here at any time; your choices below are kept.
          </p>
          <ActionButton
            action={async () => {
              await save.preferences({ stopEverything: true }, 'all offers and notices are stopped.');
              setAsking(false);
            }}
          >
            Yes, stop all
          </ActionButton>
          <button type="button" className="secondary" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="secondary" onClick={() => setAsking(true)}>
          Stop all offers and notices…
        </button>
      )}
    </section>
  );
}

export function TurnedDown({
  preferences,
  save,
}: {
  preferences: PreferencesData['preferences'];
  save: Saver;
}) {
  const { notInterestedCategories: categories, blockedPartners: partners } = preferences;
  return (
    <section aria-labelledby="turned-down-heading">
      <h2 id="turned-down-heading">Offers you turned down</h2>
      {categories.length === 0 && partners.length === 0 ? (
        <p>
          None. When you answer an offer with “Not interested in offers like this”, that kind of offer is
          listed here, and you can undo it.
        </p>
      ) : (
        <ul className="turned-down">
          {categories.map((category) => (
            <li key={`c-${category}`}>
              Not interested in offers about <strong>{codeWords(category)}</strong>{' '}
              <ActionButton
                className="secondary"
                aria-label={`Undo: not interested in ${codeWords(category)}`}
                action={() =>
                  save.preferences(
                    { notInterested: [{ category, on: false }] },
                    `offers about ${codeWords(category)} may come again.`,
                  )
                }
              >
                Undo
              </ActionButton>
            </li>
          ))}
          {partners.map((partner) => (
            <li key={`p-${partner}`}>
              Never from the partner <strong>{codeWords(partner)}</strong>{' '}
              <ActionButton
                className="secondary"
                aria-label={`Undo: never from ${codeWords(partner)}`}
                action={() =>
                  save.preferences(
                    { blockedPartners: [{ partner, on: false }] },
                    `offers from ${codeWords(partner)} may come again.`,
                  )
                }
              >
                Undo
              </ActionButton>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ContactRequests() {
  const leads = useLoad(() => get<Reply<'/v1/me/leads', 'get'>>('/v1/me/leads'), 'leads');
  if (leads.data === undefined) return <Loading error={leads.error} />;
  return (
    <section aria-labelledby="leads-heading">
      <h2 id="leads-heading">Requests to be contacted</h2>
      {leads.data.leads.length === 0 ? (
        <p>You have not asked to be contacted.</p>
      ) : (
        <ul className="turned-down">
          {leads.data.leads.map((lead) => (
            <li key={lead.id}>
              <strong>{lead.offerTitle}</strong>, asked {formatDate(lead.createdAt)}: {leadWords(lead)}
              {lead.state === 'open' ? (
                <ActionButton
                  className="secondary"
                  aria-label={`Withdraw the request about ${lead.offerTitle}`}
                  action={inWords(async () => {
                    await post(`/v1/me/leads/${encodeURIComponent(lead.id)}/withdraw`);
                    leads.reload();
                  })}
                >
                  Withdraw
                </ActionButton>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function History({ generation }: { generation: number }) {
  const [shown, setShown] = useState(10);
  const history = useLoad(
    () => get<Reply<'/v1/me/preferences/history', 'get'>>('/v1/me/preferences/history'),
    `history-${generation}`,
  );
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History of your choices</h2>
      {history.data === undefined ? (
        <Loading error={history.error} />
      ) : history.data.changes.length === 0 ? (
        <p>No changes yet.</p>
      ) : (
        <>
          <ol className="history" aria-label="Your changes, newest first">
            {history.data.changes.slice(0, shown).map((change, i) => (
              <li key={i}>
                <span className="muted">{formatDate(change.at)}</span> — {changeWords(change)}
              </li>
            ))}
          </ol>
          {history.data.changes.length > shown ? (
            <button type="button" className="secondary" onClick={() => setShown((n) => n + 20)}>
              Show older changes
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
