// Customer: the preference centre — what each purpose means with a switch, the channels they can use, how often,
// quiet hours in their own time, what they turned down (with undo), stop all (with a way back), and the history.
import { useState } from 'react';
import { frequencyCaps } from '../../../src/core/consent.ts';
import { api, get } from '../api.ts';
import type { Body } from '../api/types.ts';
import {
  capWords,
  channelWords,
  customerChannels,
  purposeSentences,
  purposeTitles,
  sendingPurposes,
  shownPurposes,
} from '../preference-words.ts';
import { problemWords } from '../problem-words.ts';
import { Loading, Page } from '../ui.tsx';
import { useLoad } from '../use-load.ts';
import {
  ContactRequests,
  History,
  QuietHours,
  StopAll,
  TurnedDown,
  type PreferencesData,
  type Saver,
} from './preference-parts.tsx';

type ConsentChange = Body<'/v1/me/consent', 'put'>;
type PreferenceChange = Body<'/v1/me/preferences', 'patch'>;
type Purpose = ConsentChange['purpose'];

function PurposeCard({ purpose, data, save }: { purpose: Purpose; data: PreferencesData; save: Saver }) {
  const record = data.consent.find((c) => c.purpose === purpose);
  if (record === undefined) return null;
  const on = record.grantedChannels.length > 0;
  const sending = sendingPurposes.includes(purpose);
  const title = purposeTitles[purpose];
  const id = `purpose-${purpose}`;
  return (
    <li className="purpose">
      <label className="switch" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={on}
          aria-describedby={`${id}-means`}
          onChange={(e) =>
            void save.consent(
              { purpose, channel: e.target.checked && sending ? 'inbox' : 'all', granted: e.target.checked },
              `${title} ${e.target.checked ? 'turned on' : 'turned off'}.`,
            )
          }
        />{' '}
        {title}
      </label>
      <p id={`${id}-means`}>{purposeSentences[purpose]}</p>
      {sending && on ? (
        <fieldset className="channels">
          <legend>Where {title.toLowerCase()} may reach you</legend>
          {customerChannels.map((channel) => (
            <label className="inline" key={channel}>
              <input
                type="checkbox"
                checked={record.grantedChannels.includes(channel)}
                onChange={(e) =>
                  void save.consent(
                    { purpose, channel, granted: e.target.checked },
                    `${title} ${channelWords[channel]}: ${e.target.checked ? 'on' : 'off'}.`,
                  )
                }
              />{' '}
              {channelWords[channel]}
            </label>
          ))}
        </fieldset>
      ) : null}
      <details>
        <summary>The full notice</summary>
        <p className="muted">{record.notice.text}</p>
      </details>
    </li>
  );
}

function HowOften({ data, save }: { data: PreferencesData; save: Saver }) {
  return (
    <section aria-labelledby="frequency-heading">
      <h2 id="frequency-heading">How often, and when</h2>
      <label htmlFor="frequency">How often offers may come</label>
      <select
        id="frequency"
        value={data.preferences.frequencyCap ?? ''}
        onChange={(e) => {
          const cap = (e.target.value || null) as Exclude<PreferenceChange['frequencyCap'], undefined>;
          void save.preferences(
            { frequencyCap: cap },
            `offers ${cap === null ? 'with no limit of your own' : capWords[cap]}.`,
          );
        }}
      >
        <option value="">no limit of my own</option>
        {frequencyCaps.map((cap) => (
          <option key={cap} value={cap}>
            {capWords[cap] ?? cap}
          </option>
        ))}
      </select>
      <QuietHours value={data.preferences.quietHours} save={save} />
    </section>
  );
}

function useSaver(setData: (data: PreferencesData) => void, saved: () => void) {
  const [status, setStatus] = useState<{ kind: 'success' | 'error' | 'info'; text: string }>();
  const run = async (method: 'PUT' | 'PATCH', path: string, body: unknown, text: string) => {
    setStatus({ kind: 'info', text: 'Saving…' });
    try {
      setData(await api<PreferencesData>(method, path, body));
      setStatus({ kind: 'success', text: `Saved: ${text}` });
      saved();
    } catch (failure) {
      setStatus({ kind: 'error', text: `Not saved: ${problemWords(failure)}` });
    }
  };
  const save: Saver = {
    consent: (change, text) => run('PUT', '/v1/me/consent', change, text),
    preferences: (change, text) => run('PATCH', '/v1/me/preferences', change, text),
  };
  return { status, save };
}

export function Preferences() {
  const loaded = useLoad(() => get<PreferencesData>('/v1/me/preferences'), 'preferences');
  const [changed, setChanged] = useState<PreferencesData>();
  const [generation, setGeneration] = useState(0);
  const { status, save } = useSaver(setChanged, () => setGeneration((g) => g + 1));
  const data = changed ?? loaded.data;
  if (data === undefined) return <Loading error={loaded.error} />;
  return (
    <Page title="Your preferences">
      <div className="save-status" aria-live="polite" role="status">
        {status === undefined ? null : <p className={`alert alert-${status.kind}`}>{status.text}</p>}
      </div>
      <StopAll stopped={data.preferences.stopEverything} save={save} />
      <section aria-labelledby="consent-heading">
        <h2 id="consent-heading">What you agree to</h2>
        <p className="muted">Each switch is saved at once. You can change your mind at any time.</p>
        <ul className="purposes">
          {shownPurposes.map((purpose) => (
            <PurposeCard key={purpose} purpose={purpose} data={data} save={save} />
          ))}
        </ul>
        <p className="muted">
          Being connected with an advisor is asked each time you answer an offer, and only for that offer.
        </p>
      </section>
      <HowOften data={data} save={save} />
      <TurnedDown preferences={data.preferences} save={save} />
      <ContactRequests />
      <History generation={generation} />
    </Page>
  );
}
