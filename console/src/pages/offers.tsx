// Marketer: the offers, and a form for a new one (plain text with no slot for anything about the customer).
import { useState, type FormEvent } from 'react';
import { releasableGroups } from '../../../src/core/taxonomy.ts';
import { get, messageOf, post } from '../api.ts';
import type { Body, Reply } from '../api/types.ts';
import { Alert, Loading, Page, textOf } from '../ui.tsx';
import { useLoad } from '../use-load.ts';

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

type Offer = Reply<'/v1/hub/offers', 'post', 201>;
type Offers = Reply<'/v1/hub/offers', 'get'>;
type Products = Reply<'/v1/hub/products', 'get'>;

function NewOffer({
  products,
  created,
}: {
  products: Products['products'];
  created: (offer: Offer) => void;
}) {
  const [error, setError] = useState<string>();
  const [interests, setInterests] = useState<readonly string[]>([]);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => textOf(form, name);
    try {
      setError(undefined);
      created(
        await post<Offer>('/v1/hub/offers', {
          productCode: field('productCode'),
          title: field('title'),
          body: field('body'),
          callToAction: field('callToAction'),
          category: field('category'),
          validUntil: field('validUntil'),
          // The checkboxes offer releasableGroups only, the contract's own list.
          interests: interests as Body<'/v1/hub/offers', 'post'>['interests'],
        } satisfies Body<'/v1/hub/offers', 'post'>),
      );
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const toggle = (group: string, on: boolean) =>
    setInterests((now) => (on ? [...now, group] : now.filter((g) => g !== group)));
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="new-offer">
      <h2 id="new-offer">New offer</h2>
      <label htmlFor="offer-product">Product</label>
      <select id="offer-product" name="productCode" required>
        {products.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name} ({p.provider}
            {p.credit ? ', credit' : ''})
          </option>
        ))}
      </select>
      <label htmlFor="offer-title">Title</label>
      <input id="offer-title" name="title" required maxLength={120} />
      <label htmlFor="offer-body">Text</label>
      <textarea id="offer-body" name="body" required rows={3} maxLength={2000} />
      <label htmlFor="offer-cta">Call to action</label>
      <input
        id="offer-cta"
        name="callToAction"
        required
        maxLength={60}
        defaultValue="Connect me with an adviser"
      />
      <label htmlFor="offer-category">Category</label>
      <input
        id="offer-category"
        name="category"
        required
        pattern="[a-z0-9][a-z0-9_.\-]{0,63}"
        defaultValue="mortgage"
      />
      <label htmlFor="offer-until">Valid until</label>
      <input id="offer-until" name="validUntil" type="date" required defaultValue={inAYear()} />
      <fieldset>
        <legend>Interests it suits (optional: a campaign offering several chooses by interest)</legend>
        {releasableGroups.map((group) => (
          <label key={group} className="inline">
            <input
              type="checkbox"
              checked={interests.includes(group)}
              onChange={(e) => toggle(group, e.target.checked)}
            />{' '}
            {group}
          </label>
        ))}
      </fieldset>
      <button type="submit">Create offer</button>
      {error === undefined ? null : <Alert>{error}</Alert>}
    </form>
  );
}

export function Offers() {
  const offers = useLoad(() => get<Offers>('/v1/hub/offers'), 'offers');
  const products = useLoad(() => get<Products>('/v1/hub/products'), 'products');
  const [createdTitle, setCreatedTitle] = useState<string>();
  return (
    <Page title="Offers">
      {offers.data === undefined ? (
        <Loading error={offers.error} />
      ) : offers.data.offers.length === 0 ? (
        <p>No offers yet.</p>
      ) : (
        <table>
          <caption>Offers of the bank and partners</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Product</th>
              <th scope="col">Purpose</th>
              <th scope="col">Interests</th>
              <th scope="col">Valid until</th>
            </tr>
          </thead>
          <tbody>
            {offers.data.offers.map((o) => (
              <tr key={o.id}>
                <td>{o.title}</td>
                <td>{o.productCode}</td>
                <td>{o.purpose}</td>
                <td>{o.interests.join(', ') || '—'}</td>
                <td>{o.validUntil}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {createdTitle === undefined ? null : <Alert kind="success">Offer “{createdTitle}” created.</Alert>}
      {products.data === undefined ? (
        <Loading error={products.error} />
      ) : (
        <NewOffer
          products={products.data.products}
          created={(offer) => {
            setCreatedTitle(offer.title);
            offers.reload();
          }}
        />
      )}
    </Page>
  );
}
