// The operator's regions: every vault this hub serves, its address, pinned key, and when the hub last reached it.
import { useState } from 'react';
import { get, post } from '../api.ts';
import type { Reply } from '../api/types.ts';
import { reachInWords } from '../reach-words.ts';
import { ActionButton, Loading, Page, formatDate } from '../ui.tsx';
import { useLoad } from '../use-load.ts';

type Vaults = Reply<'/v1/hub/vaults', 'get'>;
type Probe = Reply<'/v1/hub/vaults/probe', 'post'>;

/** A key is long: its first and last characters tell two keys apart; the whole key is in the title. */
const shortKey = (key: string) => (key.length <= 20 ? key : `${key.slice(0, 10)}…${key.slice(-6)}`);

export function Regions() {
  const vaults = useLoad(() => get<Vaults>('/v1/hub/vaults'), 'vaults');
  const [probed, setProbed] = useState<Probe>();
  const [probeError, setProbeError] = useState<string>();
  if (vaults.data === undefined) return <Loading error={vaults.error} />;
  const list = probed?.vaults ?? vaults.data.vaults;
  const now = new Date();
  const probe = async () => {
    setProbeError(undefined);
    try {
      setProbed(await post<Probe>('/v1/hub/vaults/probe', {}));
    } catch (failure) {
      setProbeError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <Page title="Regions">
      <p>
        Each region keeps its customers in a vault of its own. The hub reaches each vault at its address and
        trusts only answers signed with the key pinned when the vault was added (
        <code>curtain vaults add</code>). A question or campaign across regions is answered by each vault’s
        own privacy guard. “Last reached” is the latest door call or check that the vault answered.
      </p>
      {list.length === 0 ? (
        <p data-testid="no-regions">
          No regional vaults are registered: this hub answers from its own vault only.
        </p>
      ) : (
        <>
          <p>
            <ActionButton action={probe}>Check every vault now</ActionButton>{' '}
            {probed === undefined ? null : (
              <span className="muted" role="status">
                Checked at {formatDate(probed.checkedAt)}.
              </span>
            )}
          </p>
          {probeError === undefined ? null : <p role="alert">{probeError}</p>}
          {/* Focusable, so that a keyboard can scroll the table when it is wider than a phone. */}
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Registered vaults">
            <table data-testid="regions">
              <caption>Registered vaults</caption>
              <thead>
                <tr>
                  <th scope="col">Region</th>
                  <th scope="col">Address</th>
                  <th scope="col">Pinned key</th>
                  <th scope="col">Reach</th>
                  <th scope="col">Added</th>
                </tr>
              </thead>
              <tbody>
                {list.map((vault) => (
                  <tr key={vault.region} data-region={vault.region} data-reach={vault.reach.status}>
                    <th scope="row">{vault.region}</th>
                    <td className="wrap">{vault.url}</td>
                    <td>
                      <code title={vault.publicKey}>{shortKey(vault.publicKey)}</code>
                    </td>
                    <td className={vault.reach.status === 'reachable' ? 'ok' : 'problems'}>
                      {reachInWords(vault.reach, now)}
                    </td>
                    <td>
                      {formatDate(vault.addedAt)} by {vault.addedBy}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
