// Compliance work: data subject requests and their deadlines, retention, records of processing, fair lending.
import { useState, type FormEvent } from 'react';
import { ApiError, get, messageOf, post, api } from '../api.ts';
import { ActionButton, Alert, formatDate, Loading, Page, textOf } from '../ui.tsx';
import { useLoad } from '../use-load.ts';
import { SubjectRequests } from './subject-requests.tsx';

interface RetentionPolicy {
  readonly kind: string;
  readonly description: string;
  readonly days: number;
  readonly source: 'default' | 'configured';
}
interface RetentionRun {
  readonly id: number;
  readonly startedAt: string;
  readonly removed: Record<string, number>;
}
interface FairLendingGroup {
  readonly group: string;
  readonly delivered: number | null;
  readonly interested: number | null;
  readonly selectionRate: number | null;
  readonly ratioToReference: number | null;
  readonly suppressed: boolean;
  readonly flagged: boolean;
}
interface FairLendingReport {
  readonly campaignId: string;
  readonly attribute: string;
  readonly threshold: number;
  readonly referenceGroup: string | null;
  readonly groups: readonly FairLendingGroup[];
  readonly flagged: readonly string[];
  readonly measured: boolean;
  readonly notMeasuredReason: string | null;
  readonly epsilon: string;
  readonly releasedOn: string;
  readonly notes: readonly string[];
}

interface CampaignChoice {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

/** Refusals of the report in plain words, from their stable codes. */
const fairLendingRefusals: Record<string, string> = {
  NOT_FOUND: 'This campaign has not delivered anything yet, so there is nothing to measure.',
  USAGE: 'This campaign does not offer a credit product; fair-lending law looks at credit offers only.',
  PRIVACY_BUDGET_EXHAUSTED:
    'Your privacy budget for this period is spent; the report can be run after it resets.',
  PRIVACY_DIFFERENCING: 'The report was refused: it is too close to one released earlier this period.',
};

function Retention() {
  const policies = useLoad(
    () => get<{ policies: RetentionPolicy[] }>('/v1/compliance/retention'),
    'retention',
  );
  const runs = useLoad(() => get<{ runs: RetentionRun[] }>('/v1/compliance/retention/runs'), 'runs');
  const runNow = async () => {
    await post('/v1/compliance/retention/run');
    runs.reload();
  };
  const setDays = async (kind: string, days: number) => {
    await api('PUT', `/v1/compliance/retention/${kind}`, { days });
    policies.reload();
  };
  return (
    <section aria-labelledby="retention-heading">
      <h2 id="retention-heading">Retention</h2>
      {policies.data === undefined ? (
        <Loading error={policies.error} />
      ) : (
        <table>
          <caption>How long each kind of data is kept</caption>
          <thead>
            <tr>
              <th scope="col">Data</th>
              <th scope="col">Kept for</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {policies.data.policies.map((p) => (
              <tr key={p.kind}>
                <td>{p.description}</td>
                <td>
                  {p.days.toLocaleString('en-GB')} days ({p.source})
                </td>
                <td>
                  <form
                    className="inline-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void setDays(p.kind, Number(textOf(new FormData(e.currentTarget), 'days')));
                    }}
                  >
                    <label>
                      Days for {p.kind}
                      <input name="days" type="number" min={1} max={36500} defaultValue={p.days} />
                    </label>
                    <button type="submit">Set</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ActionButton action={runNow}>Run retention now</ActionButton>
      {runs.data === undefined ? (
        <Loading error={runs.error} />
      ) : (
        <ul aria-label="Latest retention runs">
          {runs.data.runs.slice(0, 5).map((run) => (
            <li key={run.id}>
              {formatDate(run.startedAt)}: removed{' '}
              {Object.entries(run.removed)
                .map(([kind, n]) => `${kind} ${n.toLocaleString('en-GB')}`)
                .join(', ') || 'nothing'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RecordsOfProcessing() {
  return (
    <section aria-labelledby="ropa-heading">
      <h2 id="ropa-heading">Records of processing (GDPR Art. 30)</h2>
      <p>
        Generated from the configured purposes, data categories, recipients and retention, with the actual
        activity: <a href="/v1/compliance/ropa?format=md">Markdown</a> ·{' '}
        <a href="/v1/compliance/ropa?format=csv">CSV</a> · <a href="/v1/compliance/ropa?format=json">JSON</a>
      </p>
    </section>
  );
}

function FairLending() {
  const [report, setReport] = useState<FairLendingReport>();
  const [error, setError] = useState<string>();
  const campaigns = useLoad(
    () => get<{ campaigns: CampaignChoice[] }>('/v1/hub/campaigns'),
    'fair-lending-campaigns',
  );
  const ask = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const campaign = textOf(new FormData(event.currentTarget), 'campaign').trim();
    setError(undefined);
    try {
      setReport(await get<FairLendingReport>(`/v1/compliance/fair-lending/${encodeURIComponent(campaign)}`));
    } catch (failure) {
      setReport(undefined);
      const plain = failure instanceof ApiError ? fairLendingRefusals[failure.code] : undefined;
      setError(plain ?? messageOf(failure));
    }
  };
  const delivered = (campaigns.data?.campaigns ?? []).filter((c) => c.startedAt !== null);
  const shown = (n: number | null) => (n === null ? 'suppressed' : `about ${n.toLocaleString('en-GB')}`);
  return (
    <section aria-labelledby="fair-lending-heading">
      <h2 id="fair-lending-heading">Fair lending</h2>
      <p>
        A credit campaign's noised selection rates by age band, against the best-selected band; under four
        fifths is flagged. It costs your privacy budget; the same report the same day costs nothing.
      </p>
      {campaigns.data === undefined ? (
        <Loading error={campaigns.error} />
      ) : delivered.length === 0 ? (
        <p>No campaign has started yet: there is nothing to report on.</p>
      ) : (
        <form onSubmit={(e) => void ask(e)} className="inline-form">
          <label>
            Campaign
            <select name="campaign" required data-testid="fair-lending-campaign">
              {delivered.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} — {c.status}, started {formatDate(c.startedAt)}
                  {c.finishedAt === null ? '' : `, finished ${formatDate(c.finishedAt)}`}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Run the report</button>
        </form>
      )}
      {error === undefined ? null : <Alert>{error}</Alert>}
      {report === undefined ? null : !report.measured ? (
        <Alert>
          <span data-testid="fair-lending-verdict">
            Not measured: {report.notMeasuredReason ?? 'no ratio between groups exists'}. This is not a clean
            result — nothing could be checked.
          </span>
        </Alert>
      ) : (
        <p data-testid="fair-lending-verdict">
          {report.flagged.length === 0
            ? `Measured: no group is selected at under four fifths of ${report.referenceGroup ?? 'the best group'}’s rate.`
            : `Flagged: ${report.flagged.join(', ')} (under four fifths of ${report.referenceGroup ?? 'the best group'}’s rate).`}
        </p>
      )}
      {report === undefined ? null : (
        <table>
          <caption>
            {report.attribute}, released {report.releasedOn} (ε {report.epsilon})
            {!report.measured
              ? ': not measured'
              : report.flagged.length === 0
                ? ': nothing flagged'
                : `: flagged ${report.flagged.join(', ')}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Reached</th>
              <th scope="col">Interested</th>
              <th scope="col">Selection rate</th>
              <th scope="col">Ratio to {report.referenceGroup ?? 'reference'}</th>
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g) => (
              <tr key={g.group}>
                <td>{g.group}</td>
                <td>{shown(g.delivered)}</td>
                <td>{shown(g.interested)}</td>
                <td>{g.selectionRate === null ? '—' : `${(g.selectionRate * 100).toFixed(1)} %`}</td>
                <td>
                  {g.ratioToReference === null ? '—' : g.ratioToReference.toFixed(2)}
                  {g.flagged ? <strong> flagged</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function ComplianceWork() {
  return (
    <Page title="Requests and reports">
      <SubjectRequests />
      <Retention />
      <RecordsOfProcessing />
      <FairLending />
    </Page>
  );
}
