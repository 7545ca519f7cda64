// The segment editor's question across regions: choose the regions, see each one's cost first, then each part
// (about N, suppressed, or missing because its vault is down) and a total only when every part was released.
import { useEffect, useState } from 'react';
import { ApiError, get, post } from './api.ts';
import type { Reply } from './api/types.ts';
import type { components } from './api/schema.gen.ts';
import { ActionButton, Alert } from './ui.tsx';

type Vaults = Reply<'/v1/hub/vaults', 'get'>;
type RegionalCheck = components['schemas']['RegionalCheck'];
type RegionalAnswer = components['schemas']['RegionalAnswer'];
type RegionalPart = components['schemas']['RegionalPart'];

const checkDelayMs = 400;

/** A part as a marketer reads it; never a number for a part that was not released. */
export function partInWords(part: RegionalPart): string {
  switch (part.status) {
    case 'released':
      return `about ${part.count.toLocaleString('en-GB')}`;
    case 'suppressed':
      return 'suppressed: too few people in this region to say (under its noised threshold)';
    case 'refused':
      return `refused by this region’s privacy guard (${part.code})`;
    case 'unreachable':
      return `missing: this region’s vault did not answer (${part.code})`;
  }
}

const failure = (error: unknown) =>
  error instanceof ApiError ? `${error.message} (${error.code})` : String(error);

/** Shown only when the hub serves several regional vaults; `ready` is false while the segment has problems. */
export function RegionalCount({
  expression,
  purpose,
  ready,
}: {
  expression: string;
  purpose: string;
  ready: boolean;
}) {
  const [vaults, setVaults] = useState<Vaults['vaults']>();
  const [chosen, setChosen] = useState<ReadonlySet<string> | 'all'>('all');
  const [costs, setCosts] = useState<RegionalCheck>();
  const [answer, setAnswer] = useState<RegionalAnswer>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    get<Vaults>('/v1/hub/vaults').then(
      (listed) => setVaults(listed.vaults),
      () => setVaults([]),
    );
  }, []);

  const regions = chosen === 'all' ? 'all' : [...chosen];
  const key = JSON.stringify([expression, purpose, regions]);
  // Checking is free in every region: the cost per region follows the typing and the choice of regions.
  useEffect(() => {
    setAnswer(undefined);
    setCosts(undefined);
    setError(undefined);
    if (!ready || regions.length === 0) return;
    let current = true;
    const timer = setTimeout(() => {
      post<RegionalCheck>('/v1/hub/questions/check', { expression, purpose, regions }).then(
        (checked) => current && setCosts(checked),
        (failed: unknown) => current && setError(failure(failed)),
      );
    }, checkDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `key` stands for expression, purpose and the regions (an array, new at each render).
  }, [key, ready]);

  if (vaults === undefined || vaults.length < 2) return null;
  const isChosen = (region: string) => chosen === 'all' || chosen.has(region);
  const toggle = (region: string, on: boolean) => {
    const now = new Set(chosen === 'all' ? vaults.map((v) => v.region) : chosen);
    if (on) now.add(region);
    else now.delete(region);
    setChosen(now.size === vaults.length ? 'all' : now);
  };
  const count = async () => {
    setError(undefined);
    try {
      setAnswer(await post<RegionalAnswer>('/v1/hub/questions', { expression, purpose, regions }));
    } catch (failed) {
      setAnswer(undefined);
      setError(failure(failed));
    }
  };

  return (
    <section aria-labelledby="regional-title" data-testid="regional-count">
      <h2 id="regional-title">Across regions</h2>
      <p>
        Each region keeps its customers in a vault of its own, whose privacy guard answers for that region and
        charges your budget there. A total is given only when every chosen region released its part.
      </p>
      <fieldset>
        <legend>Regions to ask</legend>
        <label>
          <input
            type="checkbox"
            checked={chosen === 'all'}
            onChange={(e) => setChosen(e.target.checked ? 'all' : new Set())}
          />{' '}
          All regions
        </label>
        {vaults.map((vault) => (
          <label key={vault.region}>
            <input
              type="checkbox"
              checked={isChosen(vault.region)}
              onChange={(e) => toggle(vault.region, e.target.checked)}
            />{' '}
            {vault.region}
          </label>
        ))}
      </fieldset>
      {costs === undefined ? null : (
        <ul data-testid="regional-costs" aria-label="Cost in each region">
          {costs.parts.map((part) => (
            <li key={part.region}>
              <strong>{part.region}</strong>:{' '}
              {part.status === 'ready'
                ? `a new count costs ε ${part.cost} of your budget there (a repeat is free)`
                : part.status === 'unreachable'
                  ? `its vault cannot be reached now (${part.code}): its part will be missing`
                  : `refused (${part.code}): ${part.message}`}
            </li>
          ))}
        </ul>
      )}
      <ActionButton action={count} disabled={!ready || regions.length === 0 || costs === undefined}>
        Count in {regions === 'all' ? 'all regions' : `${regions.length} of ${vaults.length} regions`}
      </ActionButton>
      {answer === undefined ? null : (
        <Alert kind="info">
          <table data-testid="regional-parts">
            <caption>Each region’s part (noised; the exact numbers are never shown)</caption>
            <tbody>
              {answer.parts.map((part) => (
                <tr key={part.region} data-status={part.status}>
                  <th scope="row">{part.region}</th>
                  <td>{partInWords(part)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid="regional-total">
            {answer.count === null ? (
              <>
                <strong>No total:</strong> the part of {answer.missing.join(', ')} is missing, and a sum of
                the others would undercount.
              </>
            ) : (
              <>
                About <strong>{answer.count.toLocaleString('en-GB')}</strong> customers in all.
              </>
            )}
          </p>
        </Alert>
      )}
      {error === undefined ? null : <Alert>{error}</Alert>}
    </section>
  );
}
