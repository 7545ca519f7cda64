// "Ask for more": a marketer asks the policy's approvers for more ε with a reason; an approver grants or refuses
// with a reason. A grant only moves unspent vault-wide ε: the bank's budget never rises.
import { useState, type FormEvent } from 'react';
import { ApiError, get, messageOf, post } from './api.ts';
import type { Reply } from './api/types.ts';
import { Alert } from './ui.tsx';
import { useLoad } from './use-load.ts';

type RequestList = Reply<'/v1/budget/requests', 'get'>;
type BudgetRequestRow = RequestList['requests'][number];

/** Refusals in plain words, from their stable codes. */
const plain: Record<string, string> = {
  BUDGET_REQUEST_STATE:
    'This step is not possible: a request is already open, was decided, belongs to an ended period, or is your own.',
  BUDGET_GRANT_EXCEEDS_VAULT:
    'Not enough of the bank’s budget is left unspent to grant this; a grant can never raise the bank’s budget.',
  AUTH_FORBIDDEN: 'Only the policy’s approvers can decide on requests.',
  INPUT_INVALID: 'Please give an amount such as 1 or 0.5, and a reason of a few words.',
};
const say = (error: unknown) =>
  error instanceof ApiError ? (plain[error.code] ?? messageOf(error)) : messageOf(error);

function Decide({ request, onDone }: { request: BudgetRequestRow; onDone: (message: string) => void }) {
  const [error, setError] = useState<string>();
  const decide = async (form: HTMLFormElement, step: 'grant' | 'refuse') => {
    if (!form.reportValidity()) return;
    const reason = new FormData(form).get('reason');
    try {
      await post(`/v1/budget/requests/${request.id}/${step}`, {
        reason: typeof reason === 'string' ? reason : '',
      });
      onDone(
        step === 'grant'
          ? `Granted ε ${request.epsilon} to ${request.asker}.`
          : `Refused ${request.asker}’s request.`,
      );
    } catch (failure) {
      setError(say(failure));
    }
  };
  return (
    <li>
      {request.asker} asks for ε {request.epsilon}: “{request.reason}”
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void decide(e.currentTarget, 'grant');
        }}
        className="inline-form"
        aria-label={`Decide on ${request.asker}’s request`}
      >
        <label>
          Your reason
          <input name="reason" required minLength={3} autoComplete="off" />
        </label>
        <button type="submit">Grant</button>
        <button
          type="button"
          className="secondary"
          onClick={(e) => {
            const form = e.currentTarget.form;
            if (form !== null) void decide(form, 'refuse');
          }}
        >
          Refuse
        </button>
      </form>
      {error === undefined ? null : <Alert>{error}</Alert>}
    </li>
  );
}

/** For the approvals page: only the requests to decide on. */
export const BudgetDecisions = () => <AskForMore me="" onChange={() => undefined} askable={false} />;

export function AskForMore({
  me,
  onChange,
  askable = true,
}: {
  me: string;
  onChange: () => void;
  askable?: boolean;
}) {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const list = useLoad(() => get<RequestList>('/v1/budget/requests'), `budget-requests:${version}`);
  const done = (text: string) => {
    setMessage({ ok: true, text });
    setVersion((v) => v + 1);
    onChange();
  };
  const ask = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    try {
      await post('/v1/budget/requests', { epsilon: text('epsilon'), reason: text('reason') });
      done('Asked: the policy’s approvers will decide.');
    } catch (failure) {
      setMessage({ ok: false, text: say(failure) });
    }
  };
  const requests = list.data?.requests ?? [];
  const mine = requests.filter((r) => r.asker === me);
  const toDecide = requests.filter((r) => r.asker !== me && r.status === 'requested');
  return (
    <div className="ask-for-more">
      {mine.slice(0, 3).map((r) => (
        <p key={r.id} data-testid="my-budget-request">
          You asked for ε {r.epsilon}:{' '}
          {r.status === 'requested'
            ? 'waiting for an approver.'
            : r.status === 'granted'
              ? `granted ε ${r.granted ?? ''} by ${r.decidedBy ?? ''} (“${r.decisionReason ?? ''}”).`
              : `refused by ${r.decidedBy ?? ''} (“${r.decisionReason ?? ''}”).`}
        </p>
      ))}
      <details hidden={!askable}>
        <summary>Ask for more</summary>
        <form onSubmit={(e) => void ask(e)} className="inline-form" aria-label="Ask for more privacy budget">
          <label>
            How much ε
            <input name="epsilon" required inputMode="decimal" autoComplete="off" defaultValue="1" />
          </label>
          <label>
            Why
            <input name="reason" required minLength={3} autoComplete="off" />
          </label>
          <button type="submit">Send to the approvers</button>
        </form>
      </details>
      {toDecide.length === 0 ? null : (
        <section aria-labelledby="budget-requests-title">
          <h3 id="budget-requests-title">Requests for more budget</h3>
          <p className="muted">
            You can grant up to ε {list.data?.grantable.available}: what is left of the bank’s budget,
            unspent, not granted yet and not held by approved campaigns
            {list.data?.grantable.reserved === '0' ? '' : ` (they hold ε ${list.data?.grantable.reserved})`}.
          </p>
          <ul>
            {toDecide.map((r) => (
              <Decide key={r.id} request={r} onDone={done} />
            ))}
          </ul>
        </section>
      )}
      {message === undefined ? null : message.ok ? (
        <Alert kind="success">{message.text}</Alert>
      ) : (
        <Alert>{message.text}</Alert>
      )}
    </div>
  );
}
