// Marketer and approver: propensity model versions, their cards (released through the guard, costing ε),
// approval by a second person and retirement, each with a reason.
import { useState, type FormEvent } from 'react';
import { get, post } from '../api.ts';
import type { Item, Reply } from '../api/types.ts';
import { ActionButton, Alert, Loading, Page, formatDate, textOf } from '../ui.tsx';
import { useLoad } from '../use-load.ts';
import { FederatedRounds } from './federated-rounds.tsx';

type Versions = Reply<'/v1/models', 'get'>;
type Version = Item<Versions['versions']>;
type Card = NonNullable<Version['card']>;

const shown = (n: number | null) => (n === null ? 'suppressed' : n.toLocaleString('en-GB'));
const ratio = (n: number | null, digits = 2) => (n === null ? '—' : n.toFixed(digits));

function CardView({ card }: { card: Card }) {
  return (
    <div className="model-card">
      <p>
        Released on {card.releasedOn} by {card.releasedBy}, costing ε = {card.epsilonCharged}. Every figure
        comes from noised counts on a later window ({card.evaluation.asOf} to {card.evaluation.labelsThrough}
        ).
      </p>
      <dl className="facts">
        <dt>AUC</dt>
        <dd data-testid="card-auc">{ratio(card.auc)}</dd>
        <dt>Lift in the top 10 %</dt>
        <dd>{ratio(card.liftTop10)}</dd>
        <dt>Fair lending ({card.fairLending.rules})</dt>
        <dd>
          {card.fairLending.passed
            ? 'passed: no protected attribute or proxy among the features'
            : card.fairLending.findings.map((f) => `${f.feature}: ${f.finding}`).join('; ')}
        </dd>
        <dt>Features (list {card.featureListVersion})</dt>
        <dd>
          <ul>
            {card.features.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
        </dd>
        {card.federated === null || card.federated === undefined ? null : (
          <>
            <dt>Federated</dt>
            <dd data-testid="card-federated">
              trained in round {card.federated.round} across {card.federated.regions.join(', ')}; each vault
              charged ε = {card.federated.perVault.epsilon}, δ = {card.federated.perVault.delta} and added
              discrete Gaussian noise of variance {card.federated.noise.variancePerVault} (
              {card.federated.noise.mechanism}); this vault’s log entries{' '}
              {card.federated.logEntries.join(', ')}
            </dd>
          </>
        )}
      </dl>
      <table>
        <caption>Calibration by score band (noised)</caption>
        <thead>
          <tr>
            <th scope="col">score</th>
            <th scope="col">customers</th>
            <th scope="col">took the product</th>
            <th scope="col">rate</th>
          </tr>
        </thead>
        <tbody>
          {card.calibration.map((b) => (
            <tr key={b.band}>
              <th scope="row">{b.band}</th>
              <td>{shown(b.customers)}</td>
              <td>{shown(b.tookUp)}</td>
              <td>{ratio(b.observedRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Selection by age band (score ≥ {card.evaluation.selectionScore}, noised)</caption>
        <thead>
          <tr>
            <th scope="col">age</th>
            <th scope="col">customers</th>
            <th scope="col">selected</th>
            <th scope="col">rate</th>
          </tr>
        </thead>
        <tbody>
          {card.byAgeBand.map((g) => (
            <tr key={g.group}>
              <th scope="row">{g.group}</th>
              <td>{shown(g.customers)}</td>
              <td>{shown(g.selected)}</td>
              <td>{ratio(g.selectionRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Decision({
  version,
  verb,
  onDone,
}: {
  version: Version;
  verb: 'approve' | 'retire';
  onDone: () => void;
}) {
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = textOf(new FormData(event.currentTarget), 'reason');
    post(`/v1/models/${version.id}/${verb}`, { reason }).then(onDone, (failure: unknown) =>
      setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };
  const label = `${verb === 'approve' ? 'Approve' : 'Retire'} version ${version.version} of ${version.product}`;
  return (
    <form onSubmit={submit} aria-label={label}>
      <label>
        Reason
        <input name="reason" required maxLength={500} />
      </label>
      <button type="submit" className={verb === 'retire' ? 'secondary' : undefined}>
        {verb === 'approve' ? 'Approve' : 'Retire'}
      </button>
      {error === undefined ? null : <Alert>{error}</Alert>}
    </form>
  );
}

function VersionView({
  version,
  roles,
  reload,
}: {
  version: Version;
  roles: readonly string[];
  reload: () => void;
}) {
  return (
    <article aria-label={`${version.product} version ${version.version}`} className="model-version">
      <h2>
        {version.product}, version {version.version}{' '}
        <span
          className={`status status-${version.state}`}
          data-testid={`model-state-${version.product}-${version.version}`}
        >
          {version.state}
        </span>
      </h2>
      <p>
        Trained by {version.trainedBy} on {version.trainedFrom} to {version.trainedTo} ({version.mechanism}, ε
        = {version.epsilon}, δ = {version.delta}).{' '}
        {version.approvedBy === null
          ? ''
          : `Approved by ${version.approvedBy} (${formatDate(version.approvedAt)}): ${version.approvalReason ?? ''}. `}
        {version.retiredBy === null
          ? ''
          : `Retired by ${version.retiredBy}: ${version.retirementReason ?? ''}.`}
      </p>
      {version.card === null ? (
        <ActionButton action={() => post(`/v1/models/${version.id}/card`).then(reload)}>
          Release the card (costs ε)
        </ActionButton>
      ) : (
        <CardView card={version.card} />
      )}
      {roles.includes('approver') && version.state === 'trained' ? (
        <Decision version={version} verb="approve" onDone={reload} />
      ) : null}
      {roles.includes('approver') && version.state !== 'retired' ? (
        <Decision version={version} verb="retire" onDone={reload} />
      ) : null}
    </article>
  );
}

export function Models({ roles }: { roles: readonly string[] }) {
  const versions = useLoad(() => get<Versions>('/v1/models'), 'models');
  return (
    <Page title="Propensity models">
      <p>
        Models are trained inside the vault, with differential privacy, on customers who agreed to profiling.
        A version is used — in <code>propensity("…")</code> and to pick each customer’s best offer — only once
        a second person approves it.
      </p>
      {versions.data === undefined ? (
        <Loading error={versions.error} />
      ) : versions.data.versions.length === 0 ? (
        <p>No model version has been trained yet.</p>
      ) : (
        versions.data.versions.map((v) => (
          <VersionView key={v.id} version={v} roles={roles} reload={versions.reload} />
        ))
      )}
      <FederatedRounds roles={roles} />
    </Page>
  );
}
