// Customer, edge mode: offers matched on this device from the bank's signed definitions; the server never learns
// which matched. Reports go out later, the same number and size for everyone, without cookies.
import { useEffect, useState } from 'react';
import { dismiss } from '../../../src/edge/device-rules.ts';
import {
  queueReports,
  saveHistory,
  sendDue,
  visit,
  type DeviceIo,
  type Visit,
} from '../../../src/edge/device.ts';
import type { DeviceHistory } from '../../../src/edge/device-rules.ts';
import type { ProcessingHold } from '../../../src/edge/customer-source.ts';
import { get, messageOf, post } from '../api.ts';
import { todayIn, type Insights as InsightsData } from '../insights-words.ts';
import { InsightsView } from './insights.tsx';
import { navigate } from '../router.tsx';
import { ActionButton, Alert, Loading, Page } from '../ui.tsx';

async function publicJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: 'omit', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

const io: DeviceIo = {
  getPublic: publicJson,
  getMine: get,
  postMine: post,
  async sendReport(body) {
    await fetch('/v1/edge/reports', {
      method: 'POST',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      keepalive: true,
      headers: { 'content-type': 'application/json' },
      body,
    }).catch(() => undefined);
  },
  load: (key) => localStorage.getItem(key),
  save: (key, value) => localStorage.setItem(key, value),
};

/** Sends due reports now and whenever the next one falls due while the page stays open. */
function useReportSender(ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      const next = await sendDue(io, Date.now());
      if (!stopped && next !== undefined)
        timer = setTimeout(() => void tick(), Math.max(0, next - Date.now()));
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [ready]);
}

/** Why this device matches nothing, whatever the payments say: the customer's own request, or the bank's rule. */
const holdWords: Record<ProcessingHold, string> = {
  restriction:
    'No offers: you asked the bank to restrict the processing of your data, so nothing is matched here.',
  objection: 'No offers: you objected to your data being used for offers, so nothing is matched here.',
  marketing_exclusion: 'No offers: the bank sends you none at the moment, so nothing is matched here.',
};

export function EdgeOffers() {
  const [state, setState] = useState<Visit>();
  const [error, setError] = useState<string>();
  const [queued, setQueued] = useState(false);
  useEffect(() => {
    const today = new Date().toISOString().slice(0, 10);
    visit(io, today).then(
      ({ visit: seen, bundle }) => {
        setState(seen);
        // Reports are best effort: a second device of the same customer gets no tokens this epoch, and says so
        // to nobody.
        void queueReports(
          io,
          bundle,
          seen.offers.map((o) => o.id),
          Date.now(),
        )
          .catch(() => undefined)
          .finally(() => setQueued(true));
      },
      (failure: unknown) => setError(messageOf(failure)),
    );
  }, []);
  useReportSender(queued);
  const notInterested = (id: string) => {
    const stored = localStorage.getItem('curtain.edge.history');
    const history = stored === null ? { shown: {}, dismissed: [] } : (JSON.parse(stored) as DeviceHistory);
    saveHistory(io, dismiss(history, id));
    setState((now) => now && { ...now, offers: now.offers.filter((o) => o.id !== id) });
  };
  return (
    <Page title="Offers on this device">
      <p>
        These offers were matched here, in your browser, against your own transactions. The bank sent every
        customer the same offers to check; it does not learn which ones suit you unless you ask to be
        connected.
      </p>
      {error !== undefined ? <Alert>{error}</Alert> : null}
      {state === undefined ? (
        error === undefined ? (
          <Loading error={undefined} />
        ) : null
      ) : state.holds.length > 0 ? (
        <p data-testid="edge-none">{holdWords[state.holds[0]!]}</p>
      ) : state.offers.length === 0 ? (
        <p data-testid="edge-none">No offers for you right now.</p>
      ) : (
        <ul className="inbox" aria-label="Offers matched on this device">
          {state.offers.map((o) => (
            <li key={o.id} data-testid="edge-offer">
              <h2>{o.offer.title}</h2>
              <p>{o.offer.body}</p>
              <ActionButton
                action={async () => {
                  // Only now does the bank learn this offer was shown to you: you asked. The inbox then asks
                  // for your consent before anyone is told who you are.
                  const { message } = await post<{ message: string }>(
                    `/v1/me/edge/campaigns/${o.id}/interest`,
                  );
                  navigate(`/inbox/${message}`);
                }}
              >
                {o.offer.callToAction}
              </ActionButton>{' '}
              <button type="button" onClick={() => notInterested(o.id)}>
                Not interested
              </button>
            </li>
          ))}
        </ul>
      )}
      {state !== undefined && state.held > 0 ? (
        <p className="muted">More offers wait for later, as your frequency choice asks.</p>
      ) : null}
      {state?.insights === undefined ? null : (
        <section aria-labelledby="device-insights-heading" data-testid="edge-insights">
          <h2 id="device-insights-heading">Your insights, computed on this device</h2>
          <p>
            Worked out here, in your browser, from the same payments, with the same rules as the bank uses;
            they are not sent anywhere.
          </p>
          {/* The device's insights have the API's shape: the same computeInsights, serialised the same way. */}
          <InsightsView
            data={JSON.parse(JSON.stringify(state.insights)) as InsightsData}
            today={todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone)}
          />
        </section>
      )}
    </Page>
  );
}
