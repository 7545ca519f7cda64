// One campaign: where it stands, the message as customers will read it, its checks and events; approve or refuse
// with a reason (approver), cancel before it starts or stop it while it sends, run (marketer), protected results.
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
import { useBudget } from '../budget-meter.tsx';
import { costInWords, rationalValue } from '../budget-words.ts';
import { RefusalBox } from '../refusal-box.tsx';
import { refusalOf, type Refusal } from '../refusal-words.ts';
import type { Reply } from '../api/types.ts';
import { ActionButton, Alert, Loading, Page, formatDate } from '../ui.tsx';
import { MessagePreview, ReviewFacts } from '../campaign-review.tsx';
import {
  channelsInWords,
  eventInWords,
  scheduleInWords,
  sentShareInWords,
  stateInWords,
  whenSent,
} from '../campaign-words.ts';
import { useLoad } from '../use-load.ts';

type CampaignDetail = Reply<'/v1/hub/campaigns/{id}', 'get'>;
type CampaignResults = Reply<'/v1/hub/campaigns/{id}/results', 'get'>;
type RegionResults = Reply<'/v1/hub/campaigns/{id}/region-results', 'get'>;

const measures = ['delivered', 'opened', 'interested'] as const;

/** Each lead outcome in plain words, in the order a lead goes. */
const outcomeWords = [
  ['contacted', 'Contacted by an advisor'],
  ['meeting', 'Met an advisor'],
  ['productOpened', 'Opened the product'],
  ['closed', 'Closed'],
] as const;

/** How the campaign's leads went, by the status their advisor last gave them: noised, "about N". */
function LeadOutcomes({ outcomes }: { outcomes: CampaignResults['leadOutcomes'] }) {
  return (
    <section aria-labelledby="outcomes-heading" data-testid="lead-outcomes">
      <h3 id="outcomes-heading">How its leads went</h3>
      {outcomes === null ? (
        <p>These results were released before lead outcomes were: release them again to see them.</p>
      ) : (
        <>
          <p>
            Leads by the last status their advisor gave them. Each number is noised; one too small to release
            safely is not shown.
          </p>
          <table>
            <caption>Leads by outcome</caption>
            <tbody>
              {outcomeWords.map(([key, words]) => {
                const value = outcomes[key];
                return (
                  <tr key={key}>
                    <th scope="row">{words}</th>
                    <td data-testid={`outcome-${key}`}>
                      {value === null ? 'too few to show safely' : `about ${value.toLocaleString('en-GB')}`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

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
      <LeadOutcomes outcomes={results.leadOutcomes} />
    </section>
  );
}

/** Why a region's results are not in any sum, in plain words. */
const notInSum: Record<string, string> = {
  undelivered: 'not delivered there yet',
  refused: 'its privacy guard refused to release results',
  unreachable: 'its vault did not answer',
};

function RegionalResults({ results }: { results: RegionResults }) {
  const cover = (regions: readonly string[]) => (regions.length === 0 ? 'no region' : regions.join(', '));
  return (
    <section aria-labelledby="region-results-heading" data-testid="region-results">
      <h2 id="region-results-heading">Results by region (protected)</h2>
      <p>
        Each region’s vault noises and releases its own numbers. A total is shown only when every region
        released that number; otherwise you see the sum of the regions that did, and which regions it covers.
      </p>
      <div className="table-scroll">
        <table>
          <caption>Totals across regions</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Total</th>
              <th scope="col">Released part</th>
            </tr>
          </thead>
          <tbody>
            {measures.map((measure) => {
              const m = results[measure];
              return (
                <tr key={measure}>
                  <th scope="row">{measure}</th>
                  <td data-testid={`region-total-${measure}`}>
                    {m.total === null ? 'not complete' : m.total.toLocaleString('en-GB')}
                  </td>
                  <td className="wrap">
                    {m.released.toLocaleString('en-GB')} from {cover(m.regions)}
                    {m.suppressed.length > 0 ? `; too few to release in ${m.suppressed.join(', ')}` : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ul data-testid="region-parts">
        {results.parts.map((part) => (
          <li key={part.region}>
            <strong>{part.region}</strong>:{' '}
            {part.status === 'released'
              ? `released on ${part.releasedOn}`
              : `${notInSum[part.status] ?? part.status} (${part.code})`}
          </li>
        ))}
      </ul>
      {results.missing.length > 0 ? (
        <p data-testid="region-missing">Missing from every sum: {results.missing.join(', ')}.</p>
      ) : null}
    </section>
  );
}

type Act = (verb: string, done: string, body?: object) => Promise<void>;

function Decide({ startsAt, act }: { startsAt: string; act: Act }) {
  const [reason, setReason] = useState('');
  const written = reason.trim().length > 0 ? { reason: reason.trim() } : undefined;
  return (
    <section aria-labelledby="decide-heading" className="decide">
      <h2 id="decide-heading">Your decision</h2>
      <label htmlFor="decision-reason">Your reason (kept in the log)</label>
      <textarea
        id="decision-reason"
        rows={2}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <p data-testid="sends-when">
        If you approve it, the scheduler sends it {whenSent(startsAt)}, and its privacy budget is held until
        it ends.
      </p>
      <ApprovalCost />
      <div className="actions">
        <ActionButton
          disabled={written === undefined}
          action={() => act('approve', 'Approved: its privacy budget is held until it ends.', written ?? {})}
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
      </div>
    </section>
  );
}

/** What approval holds back from the vault-wide budget, before the click. */
function ApprovalCost() {
  const meter = useBudget('approval');
  if (meter.data === undefined) return null;
  const { campaignCost, vaultBudget, vaultRemaining, period } = meter.data;
  const short = rationalValue(vaultRemaining) < rationalValue(campaignCost);
  return (
    <p data-testid="approval-cost">
      Approving holds back <strong>ε {campaignCost}</strong> for sending it, its results and how its leads
      went: {costInWords(campaignCost, vaultBudget, period)} for the whole vault.
      {short ? ' The vault has less than that left, so approval will be refused.' : ''}
    </p>
  );
}

function Cancel({ act }: { act: Act }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        Cancel campaign
      </button>
    );
  }
  return (
    <div className="alert alert-info" role="alertdialog" aria-labelledby="cancel-question" aria-modal="false">
      <p id="cancel-question">
        <strong>Cancel this campaign?</strong> Nothing will be sent, any privacy budget held for it is given
        back, and it cannot be started again (draft a new one instead).
      </p>
      <ActionButton action={() => act('cancel', 'Cancelled: nothing will be sent.')}>
        Yes, cancel it
      </ActionButton>{' '}
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        Keep it
      </button>
    </div>
  );
}

/** Stopping a campaign that is sending: a written reason and a confirmation, as it cannot be undone. */
function Stop({ act, again }: { act: Act; again: boolean }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  if (again) {
    return (
      <ActionButton action={() => act('cancel', 'Stopped: nothing more will be sent.')}>
        Finish stopping
      </ActionButton>
    );
  }
  if (!asking) {
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        Stop sending
      </button>
    );
  }
  const written = reason.trim();
  return (
    <div className="alert alert-info" role="alertdialog" aria-labelledby="stop-question" aria-modal="false">
      <p id="stop-question">
        <strong>Stop sending this campaign?</strong> No one else will get it. Messages already delivered stay
        in customers’ inboxes, and the privacy budget it still holds is given back. It cannot be restarted.
      </p>
      <label htmlFor="stop-reason">Why (kept in the log)</label>
      <textarea
        id="stop-reason"
        rows={2}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <ActionButton
        disabled={written.length === 0}
        action={() => act('cancel', 'Stopped: nothing more will be sent.', { reason: written })}
      >
        Yes, stop sending
      </ActionButton>{' '}
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        Keep sending
      </button>
    </div>
  );
}

export function CampaignView({ id, roles }: { id: string; roles: readonly string[] }) {
  const detail = useLoad(() => get<CampaignDetail>(`/v1/hub/campaigns/${encodeURIComponent(id)}`), id);
  const [notice, setNotice] = useState<string>();
  const [refused, setRefused] = useState<Refusal>();
  const [results, setResults] = useState<CampaignResults>();
  const [regionResults, setRegionResults] = useState<RegionResults>();
  if (detail.data === undefined) return <Loading error={detail.error} />;
  const { campaign, offer, alsoOffers, events, review } = detail.data;
  const latest = results ?? detail.data.results.at(-1);
  const can = (...some: string[]) => some.some((role) => roles.includes(role));
  // A refusal, by the hub or the vault, is never shown as a success.
  const act: Act = async (verb, done, body = {}) => {
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
  return (
    <Page title={`Campaign: ${campaign.name}`}>
      <p className="state" data-testid="campaign-state">
        <span className={`status status-${campaign.status}`} data-testid="campaign-status">
          {campaign.status}
        </span>{' '}
        {stateInWords(campaign)}
      </p>
      {campaign.status === 'stopped' && sentShareInWords(events) !== undefined ? (
        <p data-testid="sent-share">{sentShareInWords(events)}</p>
      ) : null}
      {notice === undefined ? null : <Alert kind="success">{notice}</Alert>}
      <RefusalBox refusal={refused} />
      <MessagePreview offer={offer} review={review} />
      <dl className="facts">
        <ReviewFacts review={review} />
        <dt>Channels</dt>
        <dd>{channelsInWords(campaign.channels)}</dd>
        <dt>Schedule</dt>
        <dd>{scheduleInWords(campaign)}</dd>
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
      {can('approver') && campaign.status === 'draft' ? (
        <Decide startsAt={campaign.startsAt} act={act} />
      ) : null}
      <div className="actions">
        {can('marketer', 'approver') && ['draft', 'approved'].includes(campaign.status) ? (
          <Cancel act={act} />
        ) : null}
        {can('marketer', 'approver') && ['running', 'stopping'].includes(campaign.status) ? (
          <Stop act={act} again={campaign.status === 'stopping'} />
        ) : null}
        {can('marketer', 'operator') &&
        (campaign.status === 'running' ||
          (campaign.status === 'approved' && Date.parse(campaign.startsAt) <= Date.now())) ? (
          <ActionButton action={() => act('run', 'The campaign ran.')}>Run now</ActionButton>
        ) : null}
        {can('marketer', 'compliance') &&
        ['running', 'stopping', 'stopped', 'finished'].includes(campaign.status) &&
        campaign.regions === null ? (
          <ActionButton
            action={async () =>
              setResults(await get<CampaignResults>(`/v1/hub/campaigns/${encodeURIComponent(id)}/results`))
            }
          >
            Release results (costs ε)
          </ActionButton>
        ) : null}
        {can('marketer', 'compliance') &&
        ['running', 'stopping', 'stopped', 'finished'].includes(campaign.status) &&
        campaign.regions !== null ? (
          <ActionButton
            action={async () =>
              setRegionResults(
                await get<RegionResults>(`/v1/hub/campaigns/${encodeURIComponent(id)}/region-results`),
              )
            }
          >
            Release results in each region (costs ε in each)
          </ActionButton>
        ) : null}
      </div>
      {latest === undefined ? null : <Results results={latest} />}
      {regionResults === undefined ? null : <RegionalResults results={regionResults} />}
      <h2>Events</h2>
      <ol className="events" data-testid="events">
        {events.map((event, i) => (
          <li key={i}>
            {formatDate(event.at)} — {eventInWords(event)}
          </li>
        ))}
      </ol>
    </Page>
  );
}
