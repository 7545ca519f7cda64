// Marketer: draft campaigns (one offer, or several chosen by interest or propensity), list them, open one.
import { useState, type FormEvent } from 'react';
import { get, post } from '../api.ts';
import { Link, navigate } from '../router.tsx';
import type { Complete, Item, Reply } from '../api/types.ts';
import { Loading, Page, formatDate, textOf } from '../ui.tsx';
import { useLoad } from '../use-load.ts';
import { RefusalBox } from '../refusal-box.tsx';
import { refusalOf, type Refusal } from '../refusal-words.ts';
import { BudgetMeter, useBudget } from '../budget-meter.tsx';

type Campaign = Item<Complete<Reply<'/v1/hub/campaigns', 'get'>>['campaigns']>;
type Offers = Complete<Reply<'/v1/hub/offers', 'get'>>;

function NewCampaign({ offers }: { offers: Offers['offers'] }) {
  const [error, setError] = useState<Refusal>();
  const [also, setAlso] = useState<readonly string[]>([]);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => textOf(form, name);
    const offerId = field('offerId');
    try {
      setError(undefined);
      const created = await post<Complete<Reply<'/v1/hub/campaigns', 'post', 201>>>('/v1/hub/campaigns', {
        name: field('name'),
        audience: field('audience'),
        offerId,
        alsoOffers: also.filter((id) => id !== offerId),
        pickOffersBy: field('pickOffersBy') === 'propensity' ? 'propensity' : 'interest',
        channels: form.getAll('channels').filter((c) => typeof c === 'string'),
        // The inputs are in the person's own time zone; the API takes an instant.
        startsAt: new Date(field('startsAt')).toISOString(),
        ...(field('endsAt') === '' ? {} : { endsAt: new Date(field('endsAt')).toISOString() }),
        frequencyCap: { messages: Number(field('capMessages')), days: Number(field('capDays')) },
      });
      navigate(`/campaigns/${created.id}`);
    } catch (failure) {
      setError(refusalOf(failure));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="new-campaign">
      <h2 id="new-campaign">New campaign</h2>
      <label htmlFor="campaign-name">Name</label>
      <input id="campaign-name" name="name" required maxLength={120} />
      <label htmlFor="campaign-audience">Audience (a segment expression)</label>
      <textarea id="campaign-audience" name="audience" required rows={2} />
      <label htmlFor="campaign-starts">Starts (your time)</label>
      <input id="campaign-starts" name="startsAt" type="datetime-local" required defaultValue={localNow()} />
      <label htmlFor="campaign-ends">Ends (optional)</label>
      <input id="campaign-ends" name="endsAt" type="datetime-local" />
      <fieldset>
        <legend>Frequency cap</legend>
        <label htmlFor="cap-messages">At most this many messages per person</label>
        <input
          id="cap-messages"
          name="capMessages"
          type="number"
          min={1}
          max={1000}
          defaultValue={1}
          required
        />
        <label htmlFor="cap-days">in this many days</label>
        <input id="cap-days" name="capDays" type="number" min={1} max={366} defaultValue={7} required />
      </fieldset>
      <label htmlFor="campaign-offer">Offer</label>
      <select id="campaign-offer" name="offerId" required defaultValue="">
        <option value="" disabled>
          Choose an offer
        </option>
        {offers.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>Also offer (each customer gets the one that suits them best)</legend>
        {offers.length === 0 ? <p>No other offers.</p> : null}
        {offers.map((o) => (
          <label key={o.id} className="inline">
            <input
              type="checkbox"
              checked={also.includes(o.id)}
              onChange={(e) =>
                setAlso((now) => (e.target.checked ? [...now, o.id] : now.filter((id) => id !== o.id)))
              }
            />{' '}
            {o.title}
          </label>
        ))}
        <label htmlFor="campaign-pick">Pick each customer’s offer by</label>
        <select id="campaign-pick" name="pickOffersBy" defaultValue="interest">
          <option value="interest">their broad interests (each offer names interests)</option>
          <option value="propensity">
            the approved propensity models, inside the vault (next best offer)
          </option>
        </select>
      </fieldset>
      <fieldset>
        <legend>Notices besides the inbox (they say only that there is a message)</legend>
        {['email', 'push'].map((channel) => (
          <label key={channel} className="inline">
            <input type="checkbox" name="channels" value={channel} /> {channel}
          </label>
        ))}
      </fieldset>
      <button type="submit">Create campaign</button>
      <RefusalBox refusal={error} />
    </form>
  );
}

export function CampaignTable({ campaigns, caption }: { campaigns: readonly Campaign[]; caption: string }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Status</th>
          <th scope="col">Drafted by</th>
          <th scope="col">Starts</th>
        </tr>
      </thead>
      <tbody>
        {campaigns.map((c) => (
          <tr key={c.id}>
            <td>
              <Link href={`/campaigns/${c.id}`}>{c.name}</Link>
            </td>
            <td>
              <span className={`status status-${c.status}`}>{c.status}</span>
            </td>
            <td>{c.createdBy}</td>
            <td>{formatDate(c.startsAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Campaigns() {
  const campaigns = useLoad(
    () => get<Complete<Reply<'/v1/hub/campaigns', 'get'>>>('/v1/hub/campaigns'),
    'campaigns',
  );
  const offers = useLoad(() => get<Offers>('/v1/hub/offers'), 'offers');
  const budget = useBudget('campaigns');
  return (
    <Page title="Campaigns">
      <BudgetMeter budget={budget} />
      {campaigns.data === undefined ? (
        <Loading error={campaigns.error} />
      ) : campaigns.data.campaigns.length === 0 ? (
        <p>No campaigns yet.</p>
      ) : (
        <CampaignTable campaigns={campaigns.data.campaigns} caption="Campaigns, newest first" />
      )}
      {offers.data === undefined ? (
        <Loading error={offers.error} />
      ) : offers.data.offers.length === 0 ? (
        <p>
          Create an <Link href="/offers">offer</Link> first.
        </p>
      ) : (
        <NewCampaign offers={offers.data.offers} />
      )}
    </Page>
  );
}

/** Now, as a datetime-local input shows it: the person's own time zone, to the minute. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
