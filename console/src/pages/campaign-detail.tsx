// One campaign: its offers and events; approve or refuse (approver), run (marketer), protected results with a chart.
import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ApiError, get, post } from '../api.ts';
import { RefusalBox } from '../refusal-box.tsx';
import { refusalOf, type Refusal } from '../refusal-words.ts';
import type { Complete, Reply } from '../api/types.ts';
import { ActionButton, Alert, Loading, Page, formatDate } from '../ui.tsx';
import { useLoad } from '../use-load.ts';

type CampaignDetail = Complete<Reply<'/v1/hub/campaigns/{id}', 'get'>>;
type CampaignResults = Complete<Reply<'/v1/hub/campaigns/{id}/results', 'get'>>;

const measures = ['delivered', 'opened', 'interested'] as const;

function Results({ results }: { results: CampaignResults }) {
  const rows = measures.map((measure) => ({
    measure,
    value: results[measure] ?? 0,
    suppressed: results[measure] === null,
  }));
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">Results (protected)</h2>
      <p>
        Released on {results.releasedOn}, costing ε = {results.epsilon}. Numbers are noised by the privacy
        guard; a number too small to release safely is shown as “suppressed”.
      </p>
      <table>
        <caption>Released results</caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.measure}>
              <th scope="row">{row.measure}</th>
              <td data-testid={`result-${row.measure}`}>
                {row.suppressed ? 'suppressed' : row.value.toLocaleString('en-GB')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <figure aria-label="Chart of the released results" className="chart">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart
            data={rows.map((r) => ({
              ...r,
              name: r.suppressed ? `${r.measure} (suppressed)` : r.measure,
              label: r.suppressed ? '' : r.value,
            }))}
            margin={{ top: 24, right: 16 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="value" fill="#1f5fa8" isAnimationActive={false}>
              <LabelList dataKey="label" position="top" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
        <figcaption>Noised counts as released; a suppressed measure is drawn at zero and says so.</figcaption>
      </figure>
    </section>
  );
}

export function CampaignView({ id, roles }: { id: string; roles: readonly string[] }) {
  const detail = useLoad(() => get<CampaignDetail>(`/v1/hub/campaigns/${encodeURIComponent(id)}`), id);
  const [notice, setNotice] = useState<string>();
  const [refused, setRefused] = useState<Refusal>();
  const [reason, setReason] = useState('');
  const [results, setResults] = useState<CampaignResults>();
  if (detail.data === undefined) return <Loading error={detail.error} />;
  const { campaign, offer, alsoOffers, events } = detail.data;
  const latest = results ?? detail.data.results.at(-1);
  // A refusal, by the hub or the vault, is never shown as a success.
  const act = async (verb: string, done: string, body: object = {}) => {
    setNotice(undefined);
    setRefused(undefined);
    try {
      const outcome = await post<{ refusal?: { code: string; message: string } | null }>(
        `/v1/hub/campaigns/${encodeURIComponent(id)}/${verb}`,
        body,
      );
      if (outcome.refusal)
        setRefused(refusalOf(new ApiError(422, outcome.refusal.code, outcome.refusal.message)));
      else setNotice(done);
    } catch (failure) {
      setRefused(refusalOf(failure));
    }
    detail.reload();
  };
  const written = reason.trim().length > 0 ? { reason: reason.trim() } : undefined;
  return (
    <Page title={`Campaign: ${campaign.name}`}>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <span className={`status status-${campaign.status}`} data-testid="campaign-status">
            {campaign.status}
          </span>
          {campaign.refusal === null ? null : ` (${campaign.refusal})`}
        </dd>
        <dt>Audience</dt>
        <dd>
          <code>{campaign.audience}</code>
        </dd>
        <dt>Offer</dt>
        <dd>
          <strong>{offer.title}</strong> — {offer.body} <em>{offer.callToAction}</em>
        </dd>
        <dt>Notices</dt>
        <dd>{campaign.channels.length === 0 ? 'inbox only' : `inbox, ${campaign.channels.join(', ')}`}</dd>
        <dt>Protected count</dt>
        <dd data-testid="campaign-protected-count">
          {detail.data.protectedCount === null
            ? 'not asked yet (ask it in the segment editor)'
            : `about ${detail.data.protectedCount.count.toLocaleString('en-GB')} customers (noised; asked by ${detail.data.protectedCount.askedBy})`}
        </dd>
        <dt>Schedule</dt>
        <dd>
          from {formatDate(campaign.startsAt)} until{' '}
          {campaign.endsAt === null ? 'no end date' : formatDate(campaign.endsAt)}; at most{' '}
          {campaign.frequencyCap.messages} per person in {campaign.frequencyCap.days} days
        </dd>
        {alsoOffers.length > 0 ? (
          <>
            <dt>Also offers</dt>
            <dd>{alsoOffers.map((o) => o.title).join('; ')}</dd>
            <dt>Each customer’s offer picked by</dt>
            <dd>
              {campaign.pickOffersBy === 'propensity'
                ? 'propensity models, inside the vault'
                : 'broad interests, on released tokens'}
            </dd>
          </>
        ) : null}
        <dt>Drafted by</dt>
        <dd>{campaign.createdBy}</dd>
        <dt>Approved by</dt>
        <dd>{campaign.approvedBy ?? '—'}</dd>
      </dl>
      <div className="actions">
        {roles.includes('approver') && campaign.status === 'draft' ? (
          <>
            <label htmlFor="decision-reason">Your reason (kept in the log)</label>
            <textarea
              id="decision-reason"
              rows={2}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <p className="muted">
              Once approved, the scheduler sends it within a minute of its start,{' '}
              {formatDate(campaign.startsAt)}.
            </p>
            <ActionButton
              disabled={written === undefined}
              action={() =>
                act('approve', 'Approved: its privacy budget is held until it ends.', written ?? {})
              }
            >
              Approve
            </ActionButton>
            <ActionButton
              disabled={written === undefined}
              action={() => act('refuse', 'Refused: the campaign is cancelled.', written ?? {})}
              className="secondary"
            >
              Refuse
            </ActionButton>
          </>
        ) : null}
        {(roles.includes('marketer') || roles.includes('operator')) &&
        ['approved', 'running'].includes(campaign.status) ? (
          <ActionButton action={() => act('run', 'The campaign ran.')}>Run now</ActionButton>
        ) : null}
        {(roles.includes('marketer') || roles.includes('compliance')) &&
        ['running', 'finished'].includes(campaign.status) ? (
          <ActionButton
            action={async () =>
              setResults(await get<CampaignResults>(`/v1/hub/campaigns/${encodeURIComponent(id)}/results`))
            }
          >
            Release results (costs ε)
          </ActionButton>
        ) : null}
      </div>
      {notice === undefined ? null : <Alert kind="success">{notice}</Alert>}
      <RefusalBox refusal={refused} />
      {latest === undefined ? null : <Results results={latest} />}
      <h2>Events</h2>
      <ol className="events">
        {events.map((event, i) => (
          <li key={i}>
            {formatDate(event.at)} — <strong>{event.event}</strong> by {event.actor}
            {event.detail === null ? null : `: ${event.detail}`}
          </li>
        ))}
      </ol>
    </Page>
  );
}
