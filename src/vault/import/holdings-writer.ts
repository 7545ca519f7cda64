// Applies imported accounts with their owners, products held and consents, each row to its owner by external id.
import type { AccountIdentifier } from '../../core/transaction.ts';
import type { ConsentDecision } from '../../core/consent.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import { keyedDigest } from '../../privacy/keyed-digest.ts';
import { maskAccountNumber, type AccountDirectory } from '../accounts/account-directory.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import type { IdentityStore } from '../identity/identity-store.ts';
import type { ImportedAccount } from './accounts-import.ts';
import { quarantine, type ChunkOutcome } from './chunk.ts';
import type { ImportedConsent } from './consents-import.ts';
import {
  accountIds,
  consentKey,
  endJointOwnerships,
  ensureAccounts,
  importedConsentKeys,
  recordConsentEvidence,
  relinkTransactions,
  replacePrimaryOwners,
  upsertAccounts,
  upsertOwners,
  upsertProductsHeld,
  type ConsentEvidence,
} from './holdings-store.ts';
import { customersByExternalDigest, type AccountUpsert, type OwnerRow } from './import-store.ts';
import { problem } from './import-rows.ts';
import type { ImportedProduct } from './products-import.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

export interface HoldingsDependencies {
  readonly db: SqlExecutor;
  readonly identity: IdentityStore;
  readonly accounts: AccountDirectory;
  readonly consent: ConsentLedger;
  readonly evidenceKey: Uint8Array;
}

/** Resolves each row's owner; rows whose owner the vault does not know are quarantined. */
async function withOwners<Row extends { line: number; ownerExternalId: string }>(
  deps: HoldingsDependencies,
  rows: readonly Row[],
  outcome: ChunkOutcome,
): Promise<{ row: Row; customerId: number }[]> {
  const digest = (row: Row) => deps.identity.lookupDigest('external_id', row.ownerExternalId);
  const known = await customersByExternalDigest(deps.db, rows.map(digest));
  const owned: { row: Row; customerId: number }[] = [];
  for (const row of rows) {
    const customerId = known.get(hex(digest(row)));
    if (customerId === undefined) {
      quarantine(
        outcome,
        row.line,
        problem(
          'ownerExternalId',
          'unknown-customer',
          'no customer has this external id: import customers first',
        ),
      );
    } else {
      owned.push({ row, customerId });
    }
  }
  return owned;
}

const identifierOf = (accountNumber: string): AccountIdentifier => ({
  scheme: /^[A-Z]{2}\d{2}/.test(accountNumber) ? 'iban' : 'bban',
  value: accountNumber,
});

const accountUpsert = (ref: Buffer, row: ImportedAccount, customerId: number): AccountUpsert => ({
  ref,
  maskedNumber: maskAccountNumber(row.accountNumber),
  customerId: row.kind === 'business' ? null : customerId,
  kind: row.kind,
  product: row.product ?? null,
  currency: row.currency ?? null,
  openedOn: row.openedOn ?? null,
  closedOn: row.closedOn ?? null,
});

/** A delta's ended joint ownerships: a link whose end changed counts as stored, one already so as unchanged. */
async function applyEndings(
  tx: SqlExecutor,
  endings: readonly { ref: Buffer; customerId: number; endedOn: string }[],
  outcome: ChunkOutcome,
): Promise<void> {
  const ended = await endJointOwnerships(tx, endings);
  for (const r of endings) {
    if (ended.has(`${hex(r.ref)}:${r.customerId}`)) outcome.stored++;
    else outcome.unchanged++;
  }
}

export async function prepareAccounts(
  deps: HoldingsDependencies,
  rows: readonly ImportedAccount[],
  outcome: ChunkOutcome,
): Promise<(tx: SqlExecutor) => Promise<() => void>> {
  const owned = await withOwners(deps, rows, outcome);
  const primaries = new Map<string, { row: ImportedAccount; upsert: AccountUpsert }>();
  const all: { row: ImportedAccount; customerId: number; upsert: AccountUpsert }[] = [];
  const endings: { ref: Buffer; customerId: number; endedOn: string }[] = [];
  for (const { row, customerId } of owned) {
    const ref = deps.accounts.accountRef(identifierOf(row.accountNumber));
    if (row.ownerRemovedOn !== undefined) {
      endings.push({ ref, customerId, endedOn: row.ownerRemovedOn });
      continue;
    }
    const upsert = accountUpsert(ref, row, customerId);
    if (row.role === 'primary') {
      const earlier = primaries.get(hex(ref));
      if (earlier !== undefined) {
        quarantine(
          outcome,
          row.line,
          problem('role', 'duplicate-row', `the account's primary owner is on line ${earlier.row.line}`),
        );
        continue;
      }
      primaries.set(hex(ref), { row, upsert });
    }
    all.push({ row, customerId, upsert });
  }
  return async (tx) => {
    await ensureAccounts(
      tx,
      all.filter((a) => a.row.role === 'joint').map((a) => a.upsert),
    );
    const { changed } = await upsertAccounts(
      tx,
      [...primaries.values()].map((p) => p.upsert),
    );
    const ids = await accountIds(
      tx,
      all.map((a) => a.upsert.ref),
    );
    const owners: OwnerRow[] = all.map((a) => ({
      accountId: ids.get(hex(a.upsert.ref))!,
      customerId: a.customerId,
      role: a.row.role,
    }));
    await replacePrimaryOwners(
      tx,
      owners.filter((o) => o.role === 'primary'),
    );
    const newOwners = await upsertOwners(tx, owners);
    for (const [i, a] of all.entries()) {
      const owner = owners[i]!;
      const isNew =
        newOwners.has(`${owner.accountId}:${owner.customerId}`) ||
        (a.row.role === 'primary' && changed.has(hex(a.upsert.ref)));
      if (isNew) outcome.stored++;
      else outcome.unchanged++;
    }
    await applyEndings(tx, endings, outcome);
    const relinked = [...primaries.values()].filter((p) => changed.has(hex(p.upsert.ref)));
    await relinkTransactions(
      tx,
      relinked.map((p) => ids.get(hex(p.upsert.ref))!),
    );
    return () => {
      for (const p of primaries.values()) {
        deps.accounts.remember(identifierOf(p.row.accountNumber), {
          id: ids.get(hex(p.upsert.ref))!,
          customerId: p.upsert.customerId,
        });
      }
    };
  };
}

export async function prepareProducts(
  deps: HoldingsDependencies,
  rows: readonly ImportedProduct[],
  outcome: ChunkOutcome,
): Promise<(tx: SqlExecutor) => Promise<void>> {
  const owned = await withOwners(deps, rows, outcome);
  return async (tx) => {
    const holdings = owned.map(({ row, customerId }) => ({
      customerId,
      product: row.product,
      since: row.since,
      until: row.until,
    }));
    const changed = await upsertProductsHeld(tx, holdings);
    for (const h of holdings) {
      if (changed.has(`${h.customerId}:${h.product}:${h.since}`)) outcome.stored++;
      else outcome.unchanged++;
    }
  };
}

/**
 * Records consents through the ledger (history, current state, the log) with source `import` and the
 * original decision time; a decision imported before is recognised by its evidence record and skipped.
 */
export async function prepareConsents(
  deps: HoldingsDependencies,
  rows: readonly ImportedConsent[],
  outcome: ChunkOutcome,
): Promise<{ record(): Promise<void>; write(tx: SqlExecutor, batchId: number): Promise<void> }> {
  const owned = await withOwners(deps, rows, outcome);
  const decisions = owned.map(({ row, customerId }) => ({ row, customerId }));
  const seen = await importedConsentKeys(
    deps.db,
    decisions.map(({ row, customerId }) => ({
      customerId,
      purpose: row.purpose,
      channel: row.channel,
      decidedAt: row.decidedAt,
      granted: row.granted,
    })),
  );
  let fresh = decisions.filter(({ row, customerId }) => {
    const old = seen.has(
      consentKey({
        customerId,
        purpose: row.purpose,
        channel: row.channel,
        decidedAt: row.decidedAt,
        granted: row.granted,
      }),
    );
    if (old) outcome.unchanged++;
    return !old;
  });
  let evidence: ConsentEvidence[] = [];
  return {
    async record() {
      const batch: ConsentDecision[] = fresh.map(({ row, customerId }) => ({
        customerId,
        purpose: row.purpose,
        channel: row.channel,
        granted: row.granted,
        source: 'import',
        noticeVersion: row.noticeVersion,
        decidedAt: row.decidedAt,
      }));
      if (batch.length === 0) return;
      // The ledger refuses a batch with any invalid decision whole: those are quarantined, the rest recorded.
      let recorded = await deps.consent.record(batch);
      if (!recorded.ok) {
        const refused = new Set(recorded.error.map((rejected) => rejected.index));
        for (const rejected of recorded.error) {
          const { row } = fresh[rejected.index]!;
          quarantine(
            outcome,
            row.line,
            problem(
              'purpose',
              rejected.problem,
              `the consent ledger refused the decision (${rejected.problem})`,
            ),
          );
        }
        fresh = fresh.filter((_, i) => !refused.has(i));
        recorded = await deps.consent.record(batch.filter((_, i) => !refused.has(i)));
        if (!recorded.ok) throw new Error('the consent ledger refused decisions it had accepted');
      }
      evidence = fresh.map(({ row, customerId }) => ({
        customerId,
        purpose: row.purpose,
        channel: row.channel,
        decidedAt: row.decidedAt,
        granted: row.granted,
        evidenceDigest: keyedDigest(deps.evidenceKey, 'consent:evidence', row.evidence),
      }));
      outcome.stored += evidence.length;
    },
    async write(tx, batchId) {
      await recordConsentEvidence(tx, batchId, evidence);
    },
  };
}
