// Customer: consent per purpose and channel, how often, quiet hours, stop all, and requests to be contacted.
import { useState } from 'react';
import { consentChannels, frequencyCaps } from '../../../src/core/consent.ts';
import { api, get, post } from '../api.ts';
import type { Body, Complete, Reply } from '../api/types.ts';
import { ActionButton, Alert, Loading, Page, formatDate } from '../ui.tsx';
import { useLoad } from '../use-load.ts';

type Change = Body<'/v1/me/preferences', 'patch'>;
type ConsentChange = Body<'/v1/me/consent', 'put'>;

/**
 * The preference centre (GET /v1/me/preferences, and what PATCH /v1/me/preferences and PUT /v1/me/consent
 * answer): the document has no response schema for these routes yet, so it is pieced from what they accept.
 */
interface PreferencesData {
  readonly preferences: {
    readonly channels: Exclude<Change['channels'], undefined>;
    readonly frequencyCap: Exclude<Change['frequencyCap'], undefined>;
    readonly quietHours: Exclude<Change['quietHours'], undefined>;
    readonly stopEverything: boolean;
  };
  readonly consent: readonly {
    readonly purpose: ConsentChange['purpose'];
    readonly title: string;
    readonly lawfulBasis: string;
    readonly notice: { readonly id: string; readonly text?: string };
    readonly grantedChannels: readonly Exclude<ConsentChange['channel'], 'all'>[];
  }[];
}

function Leads() {
  const leads = useLoad(() => get<Complete<Reply<'/v1/me/leads', 'get'>>>('/v1/me/leads'), 'leads');
  if (leads.data === undefined) return <Loading error={leads.error} />;
  return (
    <section aria-labelledby="leads-heading">
      <h2 id="leads-heading">Requests to be contacted</h2>
      {leads.data.leads.length === 0 ? (
        <p>You have not asked to be contacted.</p>
      ) : (
        <ul>
          {leads.data.leads.map((lead) => (
            <li key={lead.id}>
              {lead.offerTitle} — {lead.state}
              {lead.status === null ? '' : ` (advisor: ${lead.status.replace('_', ' ')})`},{' '}
              {formatDate(lead.createdAt)}
              {lead.state === 'open' ? (
                <ActionButton
                  className="secondary"
                  aria-label={`Withdraw the request about ${lead.offerTitle}`}
                  action={async () => {
                    await post(`/v1/me/leads/${encodeURIComponent(lead.id)}/withdraw`);
                    leads.reload();
                  }}
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

export function Preferences() {
  const loaded = useLoad(() => get<PreferencesData>('/v1/me/preferences'), 'preferences');
  const [saved, setSaved] = useState<PreferencesData>();
  const [error, setError] = useState<string>();
  const data = saved ?? loaded.data;
  if (data === undefined) return <Loading error={loaded.error} />;
  const change = async (method: 'PUT' | 'PATCH', path: string, body: unknown) => {
    setError(undefined);
    try {
      setSaved(await api<PreferencesData>(method, path, body));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const { preferences } = data;
  return (
    <Page title="Your preferences">
      {error === undefined ? null : <Alert>{error}</Alert>}
      <section aria-labelledby="consent-heading">
        <h2 id="consent-heading">What you agree to, and where</h2>
        <table>
          <caption>Consent per purpose and channel (changes are saved at once)</caption>
          <thead>
            <tr>
              <th scope="col">Purpose</th>
              {consentChannels.map((channel) => (
                <th scope="col" key={channel}>
                  {channel}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.consent.map((purpose) => (
              <tr key={purpose.purpose}>
                <th scope="row">
                  {purpose.title}
                  <span className="muted"> ({purpose.lawfulBasis})</span>
                </th>
                {consentChannels.map((channel) => (
                  <td key={channel}>
                    <input
                      type="checkbox"
                      aria-label={`${purpose.title} by ${channel}`}
                      checked={purpose.grantedChannels.includes(channel)}
                      disabled={purpose.lawfulBasis !== 'consent'}
                      onChange={(e) =>
                        void change('PUT', '/v1/me/consent', {
                          purpose: purpose.purpose,
                          channel,
                          granted: e.target.checked,
                        })
                      }
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="frequency-heading">
        <h2 id="frequency-heading">How often</h2>
        <label htmlFor="frequency">How often offers may come</label>
        <select
          id="frequency"
          value={preferences.frequencyCap ?? ''}
          onChange={(e) =>
            void change('PATCH', '/v1/me/preferences', { frequencyCap: e.target.value || null })
          }
        >
          <option value="">no limit of my own</option>
          {frequencyCaps.map((cap) => (
            <option key={cap} value={cap}>
              {cap === 'never' ? 'never (no offers)' : `at most ${cap}`}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>Quiet hours (no notices then)</legend>
          <QuietHours
            value={preferences.quietHours}
            save={(quietHours) => change('PATCH', '/v1/me/preferences', { quietHours })}
          />
        </fieldset>
        <label className="inline stop">
          <input
            type="checkbox"
            checked={preferences.stopEverything}
            onChange={(e) => void change('PATCH', '/v1/me/preferences', { stopEverything: e.target.checked })}
          />{' '}
          Stop all offers and notices
        </label>
      </section>
      <Leads />
    </Page>
  );
}

function QuietHours({
  value,
  save,
}: {
  value: PreferencesData['preferences']['quietHours'];
  save: (quietHours: { start: string; end: string; timeZone: string } | null) => Promise<void>;
}) {
  const [start, setStart] = useState(value?.start ?? '22:00');
  const [end, setEnd] = useState(value?.end ?? '07:00');
  const timeZone = value?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <>
      <label htmlFor="quiet-start">From</label>
      <input id="quiet-start" type="time" value={start} onChange={(e) => setStart(e.target.value)} />
      <label htmlFor="quiet-end">Until</label>
      <input id="quiet-end" type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
      <p className="muted">
        {value === null ? 'Not set.' : `Set: ${value.start}–${value.end} (${value.timeZone}).`}
      </p>
      <div className="actions">
        <ActionButton action={() => save({ start, end, timeZone })}>Save quiet hours</ActionButton>
        <ActionButton className="secondary" action={() => save(null)}>
          Clear quiet hours
        </ActionButton>
      </div>
    </>
  );
}
