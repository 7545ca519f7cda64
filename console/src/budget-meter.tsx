// The privacy budget meter: what is left of the signed-in person's ε and the vault's, as words and bars.
import { get } from './api.ts';
import { AskForMore } from './budget-ask.tsx';
import type { Reply } from './api/types.ts';
import { costInWords, leftInWords, rationalValue, resetInWords } from './budget-words.ts';
import { useLoad, type Loaded } from './use-load.ts';

export type BudgetMeterData = Reply<'/v1/budget', 'get'>;

/** The meter's data; pass a key that changes after each charged action to read it again. */
export const useBudget = (key: string): Loaded<BudgetMeterData> =>
  useLoad(() => get<BudgetMeterData>('/v1/budget'), `budget:${key}`);

/**
 * A share of a budget as a bar (a `meter`), labelled for screen readers: what is left (more is better), or
 * with `spent`, what an action used (less is better).
 */
export function BudgetBar({
  id,
  label,
  remaining,
  budget,
  spent = false,
}: {
  id: string;
  label: string;
  remaining: string;
  budget: string;
  spent?: boolean;
}) {
  const whole = rationalValue(budget);
  return (
    <meter
      id={id}
      aria-label={label}
      min={0}
      max={whole}
      value={rationalValue(remaining)}
      {...(spent ? { high: whole / 2, optimum: 0 } : { low: whole / 4, optimum: whole })}
    />
  );
}

/** One budget: what is left in words, the exact ε, and a bar. */
function BudgetRow({
  who,
  name,
  label,
  remaining,
  budget,
  period,
}: {
  who: string;
  name: 'asker' | 'vault';
  label: string;
  remaining: string;
  budget: string;
  period: BudgetMeterData['period'];
}) {
  return (
    <>
      <p>
        <strong>{who}</strong>{' '}
        <span data-testid={`budget-${name}`}>{leftInWords(remaining, budget, period)}</span>{' '}
        <span className="muted">
          (ε {remaining} of {budget})
        </span>
      </p>
      <BudgetBar id={`budget-${name}-bar`} label={label} remaining={remaining} budget={budget} />
    </>
  );
}

export function BudgetMeter({ budget }: { budget: Loaded<BudgetMeterData> }) {
  const data = budget.data;
  if (data === undefined) {
    return budget.error === undefined ? null : (
      <p className="muted">The privacy budget could not be read: {budget.error}</p>
    );
  }
  return (
    <aside className="budget-meter" aria-labelledby="budget-title">
      <h2 id="budget-title">Privacy budget</h2>
      <BudgetRow
        who="Yours:"
        name="asker"
        label="Your privacy budget left"
        remaining={data.askerRemaining}
        budget={data.askerBudget}
        period={data.period}
      />
      <BudgetRow
        who="The bank’s, shared by everyone:"
        name="vault"
        label="The bank’s privacy budget left"
        remaining={data.vaultRemaining}
        budget={data.vaultBudget}
        period={data.period}
      />
      {rationalValue(data.vaultReserved) > 0 ? (
        <p className="muted" data-testid="budget-reserved">
          Approved campaigns hold {costInWords(data.vaultReserved, data.vaultBudget, data.period)} for their
          sending and results (ε {data.vaultReserved}); no one else can spend it.
        </p>
      ) : null}
      <p className="muted">Both reset on {resetInWords(data.resetsAt)}.</p>
      {data.granted === '0' ? null : (
        <p data-testid="budget-granted">Yours includes ε {data.granted} granted on request this period.</p>
      )}
      <AskForMore me={data.asker} onChange={budget.reload} />
    </aside>
  );
}
