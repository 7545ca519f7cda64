// Marketer and approver: edge campaigns — the definitions published to every customer's device, where each stands,
// its signed version, noised weekly counts released through the privacy guard, and withdrawing one.
import { useState } from 'react';
import { get, post } from '../api.ts';
import type { Item, Reply } from '../api/types.ts';
import { ActionButton, Alert, Loading, Page, formatDate } from '../ui.tsx';
import { useLoad } from '../use-load.ts';

type Listing = Reply<'/v1/edge/campaigns', 'get'>;
type EdgeCampaign = Item<Listing['campaigns']>;
type Results = Reply<'/v1/edge/campaigns/{id}/results', 'get'>;

const stateWords: Record<EdgeCampaign['state'], string> = {
  on_devices: 'On devices now',
  scheduled: 'Not started yet',
  ended: 'Ended',
  withdrawn: 'Withdrawn',
};

const dateOnly = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

const countWords = (n: number | null) =>
  n === null ? 'too few to show' : `about ${n.toLocaleString('en-GB')}`;

function WeeklyResults({ campaign }: { campaign: EdgeCampaign }) {
  const [results, setResults] = useState<Results>();
  if (results === undefined) {
    return (
      <div>
        <p className="notice">
          Counts per ended week: offers shown on devices and customers who pressed “
          {campaign.offer.callToAction}”. Each week’s counts are noised and cost privacy budget once; showing
          them again is free.
        </p>
        <ActionButton
          action={async () =>
            setResults(await get<Results>(`/v1/edge/campaigns/${encodeURIComponent(campaign.id)}/results`))
          }
        >
          Show weekly results
        </ActionButton>
      </div>
    );
  }
  if (results.epochs.length === 0)
    return <p data-testid="edge-results">No week has ended yet since it was published.</p>;
  return (
    <table data-testid="edge-results">
      <caption>Weekly results (protected counts: noised, never exact)</caption>
      <thead>
        <tr>
          <th scope="col">Week from</th>
          <th scope="col">Shown</th>
          <th scope="col">Asked to connect</th>
        </tr>
      </thead>
      <tbody>
        {results.epochs.map((e) => (
          <tr key={e.epoch}>
            <td>{dateOnly(e.epoch)}</td>
            <td>{countWords(e.shown)}</td>
            <td>{countWords(e.connects)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Withdraw({ campaign, withdrawn }: { campaign: EdgeCampaign; withdrawn: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        Withdraw from devices
      </button>
    );
  }
  const question = `withdraw-${campaign.id}`;
  return (
    <div className="alert alert-info" role="alertdialog" aria-labelledby={question} aria-modal="false">
      <p id={question}>
        <strong>Withdraw “{campaign.offer.title}”?</strong> It leaves every customer’s device on their next
        visit, and nobody can ask about it any more. It cannot be put back: publish a new one instead.
      </p>
      <ActionButton
        action={async () => {
          await post(`/v1/edge/campaigns/${encodeURIComponent(campaign.id)}/withdraw`);
          withdrawn();
        }}
      >
        Yes, withdraw it
      </ActionButton>{' '}
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        Keep it
      </button>
    </div>
  );
}

function CampaignCard({ campaign, reload }: { campaign: EdgeCampaign; reload: () => void }) {
  const models = campaign.models.map((m) => `${m.product} (version ${m.id})`).join(', ');
  return (
    <li className="edge-campaign" data-testid="edge-campaign">
      <h2>{campaign.offer.title}</h2>
      <p className="state">
        <span className={`status status-${campaign.state}`} data-testid="edge-campaign-state">
          {stateWords[campaign.state]}
        </span>
      </p>
      <dl className="facts">
        <dt>Who it is for</dt>
        <dd>
          <code>{campaign.expression}</code>
        </dd>
        <dt>Kind of offer</dt>
        <dd>{campaign.purpose.replace(/_/g, ' ')}</dd>
        <dt>Shown</dt>
        <dd>
          {dateOnly(campaign.validFrom)} to {dateOnly(campaign.validUntil)}
        </dd>
        <dt>Published</dt>
        <dd>
          {formatDate(campaign.publishedAt)} by {campaign.publishedBy}
        </dd>
        {campaign.withdrawnAt === null ? null : (
          <>
            <dt>Withdrawn</dt>
            <dd>
              {formatDate(campaign.withdrawnAt)} by {campaign.withdrawnBy ?? '—'}
            </dd>
          </>
        )}
        <dt>Version</dt>
        <dd>
          format {campaign.format.split('/').at(-1)}, signed; fingerprint in the log{' '}
          <code>{campaign.fingerprint.slice(0, 16)}…</code>
          {models === '' ? null : <>; frozen models {models}</>}
        </dd>
      </dl>
      <WeeklyResults campaign={campaign} />
      {campaign.state === 'withdrawn' || campaign.state === 'ended' ? null : (
        <div className="actions">
          <Withdraw campaign={campaign} withdrawn={reload} />
        </div>
      )}
    </li>
  );
}

export function EdgeCampaigns() {
  const { data, error, reload } = useLoad(() => get<Listing>('/v1/edge/campaigns'), 'edge-campaigns');
  if (data === undefined) return <Loading error={error} />;
  return (
    <Page title="Edge campaigns">
      <p>
        An edge campaign is matched on each customer’s own device: every device gets the same signed
        definitions, and the bank never learns who matched unless a customer asks to be connected.
      </p>
      <p data-testid="edge-on-devices">
        {data.onDevices === 1
          ? '1 definition is on customers’ devices today.'
          : `${data.onDevices} definitions are on customers’ devices today.`}
      </p>
      {error === undefined ? null : <Alert>{error}</Alert>}
      {data.campaigns.length === 0 ? (
        <p>No edge campaign has been published yet.</p>
      ) : (
        <ul className="edge-campaigns" aria-label="Published edge campaigns">
          {data.campaigns.map((c) => (
            <CampaignCard key={c.id} campaign={c} reload={reload} />
          ))}
        </ul>
      )}
    </Page>
  );
}
