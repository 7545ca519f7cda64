// Federated rounds on the models page: a marketer proposes one, a second person approves it, and its stage shows
// as it runs (keys → shares → masked → unmasked → stored, or aborted with the reason).
import { useEffect, useState, type FormEvent } from 'react';
import { get, messageOf, post } from '../api.ts';
import type { Item, Reply } from '../api/types.ts';
import { ActionButton, Alert, Loading, formatDate, textOf } from '../ui.tsx';
import { useLoad } from '../use-load.ts';

type Rounds = Reply<'/v1/hub/federated-rounds', 'get'>;
type Round = Item<Rounds['rounds']>;

const steps = ['keys', 'shares', 'masked', 'unmasked', 'stored'] as const;
const running: readonly string[] = ['approved', 'keys', 'shares', 'masked', 'unmasked'];
const stepWords: Record<(typeof steps)[number], string> = {
  keys: 'keys exchanged',
  shares: 'shares sealed',
  masked: 'masked inputs in',
  unmasked: 'sum unmasked',
  stored: 'model stored in every vault',
};

function Stages({ round }: { round: Round }) {
  const reached = steps.indexOf(round.stage as (typeof steps)[number]);
  return (
    <ol className="round-stages" aria-label={`stages of round ${round.id}`}>
      {steps.map((step, i) => (
        <li key={step} className={i <= reached ? 'done' : undefined}>
          {stepWords[step]}
        </li>
      ))}
    </ol>
  );
}

function RoundView({ round, roles, reload }: { round: Round; roles: readonly string[]; reload: () => void }) {
  return (
    <article className="federated-round" aria-label={`federated round of ${round.product}`}>
      <h3>
        {round.product}, ε = {round.epsilon} in each of {round.regions.join(', ')}{' '}
        <span className={`status status-${round.stage}`} data-testid={`round-stage-${round.id}`}>
          {round.stage}
        </span>
      </h3>
      <p>
        Proposed by {round.proposedBy} ({formatDate(round.proposedAt)})
        {round.approvedBy === null
          ? ''
          : `, approved by ${round.approvedBy} (${formatDate(round.approvedAt)})`}
        ; features on {round.asOf}.
      </p>
      {round.stage === 'proposed' || round.stage === 'aborted' ? null : <Stages round={round} />}
      {round.stage === 'aborted' ? <Alert>Aborted, nothing was released: {round.reason}</Alert> : null}
      {round.models === null ? null : (
        <p>
          Stored, awaiting approval in each vault:{' '}
          {Object.entries(round.models)
            .map(([region, m]) => `${region} version ${m.version}`)
            .join(', ')}
          .
        </p>
      )}
      {roles.includes('approver') && round.stage === 'proposed' ? (
        <ActionButton action={() => post(`/v1/hub/federated-rounds/${round.id}/approve`).then(reload)}>
          Approve and start the round
        </ActionButton>
      ) : null}
    </article>
  );
}

function Proposal({ onDone }: { onDone: () => void }) {
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      product: textOf(form, 'product'),
      epsilon: Number(textOf(form, 'epsilon')),
      asOf: textOf(form, 'asOf'),
      regions: 'all',
    };
    post('/v1/hub/federated-rounds', body).then(onDone, (failure: unknown) => setError(messageOf(failure)));
  };
  return (
    <form onSubmit={submit} aria-label="Propose a federated round">
      <label>
        Product
        <input name="product" required defaultValue="savings" />
      </label>
      <label>
        ε in each vault
        <input name="epsilon" type="number" min="0.01" max="10" step="0.01" required defaultValue="1" />
      </label>
      <label>
        Features on
        <input name="asOf" type="date" required />
      </label>
      <button type="submit">Propose a round across every region</button>
      {error === undefined ? null : <Alert>{error}</Alert>}
    </form>
  );
}

/** The hub's federated rounds; while one runs, its stage is read again every two seconds. */
export function FederatedRounds({ roles }: { roles: readonly string[] }) {
  const rounds = useLoad(() => get<Rounds>('/v1/hub/federated-rounds'), 'federated-rounds');
  const busy = rounds.data?.rounds.some((r) => running.includes(r.stage)) === true;
  const { reload } = rounds;
  useEffect(() => {
    if (!busy) return undefined;
    const timer = setInterval(reload, 2_000);
    return () => clearInterval(timer);
  }, [busy, reload]);
  return (
    <section aria-label="Federated rounds">
      <h2>Federated rounds</h2>
      <p>
        A round trains one model across the regional vaults: each vault adds its own noise and masks its
        update, so the hub learns only the noised sum, and every vault must take part to the end.
      </p>
      {roles.includes('marketer') ? <Proposal onDone={reload} /> : null}
      {rounds.data === undefined ? (
        <Loading error={rounds.error} />
      ) : rounds.data.rounds.length === 0 ? (
        <p>No federated round has been proposed yet.</p>
      ) : (
        rounds.data.rounds.map((r) => <RoundView key={r.id} round={r} roles={roles} reload={reload} />)
      )}
    </section>
  );
}
