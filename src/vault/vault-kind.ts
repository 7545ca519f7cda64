// The vault's kind — demo (a generated bank) or real — recorded once in its database and never changed.
import { CurtainError } from '../core/errors.ts';
import type { VaultKindAnswer } from '../core/vault-door.ts';
import type { SqlExecutor, Storage } from '../storage/ports.ts';

export type VaultKind = Exclude<VaultKindAnswer, 'undecided'>;
export type { VaultKindAnswer };

/** How to start a real vault: every refusal of real data in a demo vault says it. */
export const startRealVaultHint =
  'start a real vault on a fresh data directory or database with CURTAIN_DEMO_CUSTOMERS=0 ' +
  '(e.g. `CURTAIN_DATA_DIR=./bank CURTAIN_DEMO_CUSTOMERS=0 npx curtain start`), then load your files there';

async function readKind(executor: Pick<SqlExecutor, 'query'>): Promise<VaultKindAnswer> {
  const { rows } = await executor.query<{ kind: VaultKind }>('SELECT kind FROM vault_kind');
  return rows[0]?.kind ?? 'undecided';
}

/** The vault's kind as its database records it. */
export function vaultKind(storage: Storage): Promise<VaultKindAnswer> {
  return readKind(storage);
}

async function decide(tx: SqlExecutor, kind: VaultKind, by: string): Promise<VaultKind> {
  await tx.query(
    'INSERT INTO vault_kind (kind, decided_by) VALUES ($1, $2) ON CONFLICT (only_row) DO NOTHING',
    [kind, by],
  );
  return (await readKind(tx)) as VaultKind;
}

async function holdsAnything(tx: SqlExecutor): Promise<boolean> {
  const { rows } = await tx.query<{ held: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM customers) OR EXISTS (SELECT 1 FROM ingest_batches)
         OR EXISTS (SELECT 1 FROM accounts) AS held`,
  );
  return rows[0]?.held === true;
}

/**
 * The one check before real data enters the vault (file ingest, upload, import): refuses a demo vault with
 * VAULT_IS_DEMO and says how to start a real one; records an undecided vault as real. `what` names the data
 * in the message, e.g. "statement file bank.csv".
 */
export async function requireRealVault(storage: Storage, what: string): Promise<void> {
  const kind = await storage.transaction((tx) => decide(tx, 'real', `real data loaded: ${what}`));
  if (kind === 'demo') {
    throw new CurtainError(
      'VAULT_IS_DEMO',
      `this is a demo vault (a generated bank): it takes no real data (${what}); ${startRealVaultHint}`,
    );
  }
}

/**
 * Before the demo generator writes: refuses a real vault, and an undecided vault that already holds anything
 * (customers, accounts or batches the generator did not write), with VAULT_IS_REAL; records an empty
 * undecided vault as demo.
 */
export async function requireDemoVault(storage: Storage): Promise<void> {
  const refusal = await storage.transaction(async (tx) => {
    const kind = await readKind(tx);
    if (kind === 'real') return 'this is a real vault';
    if (kind === 'undecided') {
      if (await holdsAnything(tx)) return 'this vault already holds data the generator did not write';
      await decide(tx, 'demo', 'demo bank generated');
    }
    return undefined;
  });
  if (refusal !== undefined) {
    throw new CurtainError(
      'VAULT_IS_REAL',
      `${refusal}: the demo generator writes only into a new, empty vault (use a fresh data directory or database)`,
    );
  }
}

/** At a real vault's first start (no demo bank wanted): records an undecided vault as real. */
export async function declareRealVault(storage: Storage, by: string): Promise<VaultKind> {
  return storage.transaction((tx) => decide(tx, 'real', by));
}
