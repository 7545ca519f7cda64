// Compliance: the transparency log with verification, privacy-budget use, and consent statistics.
import { useState } from 'react';
import { get } from '../api.ts';
import { leafHashOf, verifyInclusion } from '../merkle.ts';
import { ActionButton, Alert, Loading, Page } from '../ui.tsx';
import { useLoad } from '../use-load.ts';

interface Head {
  readonly size: number;
  readonly rootHash: string;
  readonly keyId: string;
}
interface Entry {
  readonly index: number;
  readonly entry: { type?: string; at?: string; actor?: string };
}
interface Proven {
  readonly json: string;
  readonly leafHash: string;
  readonly proof: readonly string[];
  readonly head: Head;
}
type Verdict = { ok: true; size: number; rootHash: string } | { ok: false; reason: string; index?: number };
interface Budgets {
  readonly askers: readonly {
    asker: string;
    remaining: string;
    vaultRemaining: string;
    resetsAt: string;
    questions: Record<string, number>;
  }[];
}

const shownEntries = 15;

function EntryRow({ entry }: { entry: Entry }) {
  const [proof, setProof] = useState<string>();
  const check = async () => {
    const proven = await get<Proven>(`/v1/audit/entries/${entry.index}`);
    const leafOk = (await leafHashOf(proven.json)) === proven.leafHash;
    const included = await verifyInclusion(
      proven.leafHash,
      entry.index,
      proven.head.size,
      proven.proof,
      proven.head.rootHash,
    );
    setProof(
      leafOk && included ? `included in the signed tree of ${proven.head.size}` : 'proof does NOT verify',
    );
  };
  return (
    <tr>
      <td>{entry.index}</td>
      <td>{entry.entry.type ?? '—'}</td>
      <td>{entry.entry.at ?? '—'}</td>
      <td>
        {proof === undefined ? (
          <ActionButton
            className="secondary"
            aria-label={`Check proof of entry ${entry.index}`}
            action={check}
          >
            Check proof
          </ActionButton>
        ) : (
          <span data-testid={`proof-${entry.index}`}>{proof}</span>
        )}
      </td>
    </tr>
  );
}

function TransparencyLog() {
  const log = useLoad(async () => {
    const head = await get<Head>('/v1/audit/head');
    const from = Math.max(0, head.size - shownEntries);
    const page = await get<{ entries: Entry[] }>(`/v1/audit/entries?from=${from}&limit=${shownEntries}`);
    return { head, entries: page.entries.reverse() };
  }, 'log');
  const [verdict, setVerdict] = useState<Verdict>();
  if (log.data === undefined) return <Loading error={log.error} />;
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">Transparency log</h2>
      <p>
        {log.data.head.size.toLocaleString('en-GB')} entries; signed root{' '}
        <code>{log.data.head.rootHash.slice(0, 16)}…</code> (key {log.data.head.keyId}).
      </p>
      <ActionButton action={async () => setVerdict(await get<Verdict>('/v1/audit/verify'))}>
        Verify the whole log
      </ActionButton>
      {verdict === undefined ? null : verdict.ok ? (
        <Alert kind="success">
          <span data-testid="log-verdict">Verified: all {verdict.size} entries match the signed head.</span>
        </Alert>
      ) : (
        <Alert>
          <span data-testid="log-verdict">
            Verification FAILED: {verdict.reason}
            {verdict.index === undefined ? '' : ` at entry ${verdict.index}`}
          </span>
        </Alert>
      )}
      <table>
        <caption>
          The latest {shownEntries} entries, newest first (no personal data: subjects are unlinkable
          references)
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Type</th>
            <th scope="col">At</th>
            <th scope="col">Inclusion proof (checked in your browser)</th>
          </tr>
        </thead>
        <tbody>
          {log.data.entries.map((entry) => (
            <EntryRow key={entry.index} entry={entry} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function BudgetUse() {
  const budgets = useLoad(() => get<Budgets>('/v1/privacy/budgets'), 'budgets');
  if (budgets.data === undefined) return <Loading error={budgets.error} />;
  return (
    <section aria-labelledby="budget-heading">
      <h2 id="budget-heading">Privacy budget this period</h2>
      {budgets.data.askers.length === 0 ? (
        <p>No questions asked this period.</p>
      ) : (
        <table>
          <caption>ε left per asker, and their questions by outcome</caption>
          <thead>
            <tr>
              <th scope="col">Asker</th>
              <th scope="col">ε left</th>
              <th scope="col">Vault ε left</th>
              <th scope="col">Questions</th>
              <th scope="col">Resets</th>
            </tr>
          </thead>
          <tbody>
            {budgets.data.askers.map((a) => (
              <tr key={a.asker}>
                <td>{a.asker}</td>
                <td>{a.remaining}</td>
                <td>{a.vaultRemaining}</td>
                <td>
                  {Object.entries(a.questions)
                    .map(([outcome, n]) => `${outcome}: ${n}`)
                    .join(', ')}
                </td>
                <td>{a.resetsAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function Compliance() {
  return (
    <Page title="Compliance">
      <TransparencyLog />
      <BudgetUse />
    </Page>
  );
}
