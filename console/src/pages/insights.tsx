// Customer: my spending insights (regular payments, month over month, balance forecast, suggestions), or the offer
// to turn them on.
import { useState } from 'react';
import { ApiError, api, get } from '../api.ts';
import type { Body, Reply } from '../api/types.ts';
import {
  cadenceInWords,
  categoryInWords,
  changeInWords,
  day,
  money,
  payee,
  recentChange,
  splitByDirection,
  todayIn,
  whenFrom,
  type Insights as InsightsData,
  type RegularPayment,
} from '../insights-words.ts';
import { ActionButton, Alert, Loading, Page } from '../ui.tsx';
import { useLoad } from '../use-load.ts';

type Preferences = Reply<'/v1/me/preferences', 'get'>;
type Forecast = NonNullable<InsightsData['forecast']>;

function Payment({ payment, today, asOf }: { payment: RegularPayment; today: string; asOf: string }) {
  const change = recentChange(payment, asOf);
  const income = payment.direction === 'credit';
  const when = payment.nextDate === undefined ? undefined : whenFrom(payment.nextDate, today);
  return (
    <li className="insight">
      <p className="insight-head">
        <strong>{payee(payment)}</strong>{' '}
        <span>
          {money(payment.amountMinor, payment.currency)} {cadenceInWords(payment.cadence)}
        </span>
      </p>
      {payment.status === 'stopped' ? (
        <p className="callout">
          {income ? 'Stopped coming in' : 'Stopped'}: the last payment was on {day(payment.lastDate)}.
        </p>
      ) : payment.nextDate === undefined ? null : (
        <p>
          Next expected on {day(payment.nextDate)}
          {when === undefined ? null : ` (${when})`}.
        </p>
      )}
      {change === undefined ? null : (
        <p className={change.toMinor > change.fromMinor && !income ? 'callout' : undefined}>
          {income ? 'Changed' : change.toMinor > change.fromMinor ? 'Price rise' : 'Price cut'}: from{' '}
          {money(change.fromMinor, change.currency)} to {money(change.toMinor, change.currency)} on{' '}
          {day(change.date)}.
        </p>
      )}
    </li>
  );
}

function RegularPayments({ data, today }: { data: InsightsData; today: string }) {
  const { payments, income } = splitByDirection(data);
  const list = (items: RegularPayment[]) => (
    <ul className="insights">
      {items.map((p, i) => (
        <Payment key={`${payee(p)}-${p.cadence}-${i}`} payment={p} today={today} asOf={data.asOf} />
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="regular-heading">
      <h2 id="regular-heading">Subscriptions and regular payments</h2>
      {payments.length === 0 ? <p>We found no regular payments in your recent history.</p> : list(payments)}
      {income.length === 0 ? null : (
        <>
          <h3>Regular income</h3>
          {list(income)}
        </>
      )}
    </section>
  );
}

function MonthOverMonth({ data }: { data: InsightsData }) {
  const { changes, days } = data.monthOverMonth;
  return (
    <section aria-labelledby="month-heading">
      <h2 id="month-heading">This month so far</h2>
      {changes.length === 0 ? (
        <p>Your spending this month is close to your usual months. Nothing stands out.</p>
      ) : (
        <>
          <p className="muted">
            The first {days} {days === 1 ? 'day' : 'days'} of this month against the same days of your usual
            months.
          </p>
          <ul className="insights">
            {changes.map((c) => (
              <li key={c.category} className="insight">
                <p className="insight-head">
                  <strong>{categoryInWords(c.category)}</strong>{' '}
                  <span>{money(c.thisMonthMinor, c.currency)} so far</span>
                </p>
                <p>{changeInWords(c)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const band = (point: Forecast['in14Days']) =>
  `about ${money(point.expectedMinor, point.currency)} (likely between ${money(point.lowMinor, point.currency)} and ${money(point.highMinor, point.currency)})`;

function BalanceForecast({ forecast }: { forecast: Forecast | undefined }) {
  return (
    <section aria-labelledby="balance-heading">
      <h2 id="balance-heading">Your balance ahead</h2>
      {forecast === undefined ? (
        <p data-testid="no-forecast">
          We cannot forecast your balance yet: the bank has not given us your current account’s balance. Your
          subscriptions and changes below do not need it.
        </p>
      ) : (
        <>
          {forecast.warning === undefined ? (
            <Alert kind="success">No low balance expected in the next 30 days.</Alert>
          ) : (
            <div className="alert alert-warning" role="status" data-testid="low-balance">
              <p>
                <strong>
                  {forecast.warning.confidence === 'likely'
                    ? 'Your balance will probably run low'
                    : 'Your balance might run low'}
                </strong>{' '}
                around {day(forecast.warning.date)}, in {forecast.warning.daysAhead} days: expected{' '}
                {money(forecast.warning.expectedMinor, forecast.warning.currency)} against a limit of{' '}
                {money(forecast.warning.thresholdMinor, forecast.warning.currency)}.{' '}
                {forecast.warning.confidence === 'likely'
                  ? 'The expected balance itself goes below it.'
                  : 'The expected balance stays above it, but one time in ten or more it would not.'}
              </p>
              {forecast.warning.dueBefore.length === 0 ? null : (
                <>
                  <p>Due before then:</p>
                  <ul>
                    {forecast.warning.dueBefore.map((d, i) => (
                      <li key={i}>
                        {d.merchant ?? categoryInWords(d.category)}, {money(d.amountMinor, d.currency)} on{' '}
                        {day(d.date)}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          <dl className="facts">
            <dt>Now</dt>
            <dd>{money(forecast.currentMinor, forecast.currency)}</dd>
            <dt>In 14 days</dt>
            <dd>{band(forecast.in14Days)}</dd>
            <dt>In 30 days</dt>
            <dd>{band(forecast.in30Days)}</dd>
          </dl>
        </>
      )}
    </section>
  );
}

function Suggestions({ data }: { data: InsightsData }) {
  return (
    <section aria-labelledby="saving-heading">
      <h2 id="saving-heading">Ways to save</h2>
      {data.suggestions.length === 0 ? (
        <p>No suggestions this time.</p>
      ) : (
        <ul className="insights">
          {data.suggestions.map((s, i) => (
            <li key={i} className="insight">
              <p>{s.text}</p>
              {s.yearlySavingMinor > 0 ? (
                <p className="muted">Could save about {money(s.yearlySavingMinor, s.currency)} a year.</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Without the consent: what insights are, and the consent asked the way the preference centre asks it. */
function TurnOn({ preferences, done }: { preferences: Preferences | undefined; done: () => void }) {
  const [agreed, setAgreed] = useState(false);
  const record = preferences?.consent.find((c) => c.purpose === 'spending_insights');
  const change: Body<'/v1/me/consent', 'put'> = {
    purpose: 'spending_insights',
    channel: 'inbox',
    granted: true,
    ...(record === undefined ? {} : { notice: record.notice.id }),
  };
  return (
    <section aria-labelledby="turn-on-heading">
      <h2 id="turn-on-heading">What insights are</h2>
      <p>
        Insights look at your own payments, inside the bank, and tell you what you might want to know: the
        subscriptions and regular payments you have and when they are next due, prices that went up, payments
        that stopped, where this month differs from your usual months, whether your balance may run low, and
        ways to save.
      </p>
      <p>They are for you alone: no staff member, marketer or partner can see them.</p>
      <div className="consent">
        <h3>Turn insights on</h3>
        {record === undefined ? null : <p className="notice">{record.notice.text}</p>}
        <label className="inline">
          <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} /> I agree to
          spending insights for me (you can switch them off in your preferences at any time)
        </label>
        <div className="actions">
          <ActionButton
            disabled={!agreed}
            action={async () => {
              await api('PUT', '/v1/me/consent', change);
              done();
            }}
          >
            Turn on insights
          </ActionButton>
        </div>
      </div>
    </section>
  );
}

/** The insights themselves, as shown once the consent is given. */
export function InsightsView({ data, today }: { data: InsightsData; today: string }) {
  return (
    <>
      <p className="muted">From your own payments up to {day(data.asOf)}. Only you can see this page.</p>
      <BalanceForecast forecast={data.forecast} />
      <RegularPayments data={data} today={today} />
      <MonthOverMonth data={data} />
      <Suggestions data={data} />
    </>
  );
}

export function Insights() {
  const insights = useLoad(
    () =>
      get<InsightsData>('/v1/me/insights').catch((failure: unknown) => {
        if (failure instanceof ApiError && failure.code === 'CONSENT_REQUIRED') return 'off' as const;
        throw failure;
      }),
    'insights',
  );
  const preferences = useLoad(() => get<Preferences>('/v1/me/preferences'), 'preferences');
  const timeZone =
    preferences.data?.preferences.quietHours?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const data = insights.data;
  return (
    <Page title="Your insights">
      {data === undefined ? (
        <Loading error={insights.error} />
      ) : data === 'off' ? (
        <TurnOn preferences={preferences.data} done={insights.reload} />
      ) : (
        <InsightsView data={data} today={todayIn(timeZone)} />
      )}
    </Page>
  );
}
