// Compliance: the transparency log with verification, privacy-budget use, and consent statistics.
import { useState } from 'react';
import { get } from '../api.ts';
import { ActionButton, Alert, Loading, Page } from '../ui.tsx';
import { useLoad } from '../use-load.ts';
import { LogBrowser } from './log-browser.tsx';

interface Head {
  readonly size: number;
  readonly rootHash: string;
  readonly keyId: string;
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

function TransparencyLog() {
  const log = useLoad(async () => ({ head: await get<Head>('/v1/audit/head') }), 'log');
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
      <LogBrowser />
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
