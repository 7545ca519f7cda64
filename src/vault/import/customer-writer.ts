// Applies imported customers: new ones get an encrypted identity, known ones (by external id) are updated.
import type { SqlExecutor } from '../../storage/ports.ts';
import type { IdentityStore } from '../identity/identity-store.ts';
import { quarantine, type ChunkOutcome } from './chunk.ts';
import type { ImportedCustomer } from './customers-import.ts';
import {
  customersByEmailDigest,
  customersByExternalDigest,
  customerStates,
  writeCustomerStates,
} from './import-store.ts';
import { problem } from './import-rows.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Later rows for an external id or email already seen in this chunk are quarantined, never merged. */
function withoutRepeats(
  identity: IdentityStore,
  rows: readonly ImportedCustomer[],
  outcome: ChunkOutcome,
): ImportedCustomer[] {
  const seenIds = new Map<string, number>();
  const seenEmails = new Map<string, number>();
  const kept: ImportedCustomer[] = [];
  for (const row of rows) {
    const id = hex(identity.lookupDigest('external_id', row.externalId));
    const email = row.pii.email === '' ? undefined : hex(identity.lookupDigest('email', row.pii.email));
    const earlier = seenIds.get(id) ?? (email === undefined ? undefined : seenEmails.get(email));
    if (earlier !== undefined) {
      quarantine(
        outcome,
        row.line,
        problem('externalId', 'duplicate-row', `the same customer or email is on line ${earlier}`),
      );
      continue;
    }
    seenIds.set(id, row.line);
    if (email !== undefined) seenEmails.set(email, row.line);
    kept.push(row);
  }
  return kept;
}

const sameFlags = (a: ImportedCustomer['flags'], b: ImportedCustomer['flags'] | undefined) =>
  b !== undefined && (Object.keys(a) as (keyof typeof a)[]).every((key) => a[key] === b[key]);

export class CustomerWriter {
  readonly #identity: IdentityStore;
  readonly #db: SqlExecutor;

  constructor(db: SqlExecutor, identity: IdentityStore) {
    this.#db = db;
    this.#identity = identity;
  }

  async prepare(
    rows: readonly ImportedCustomer[],
    outcome: ChunkOutcome,
  ): Promise<(tx: SqlExecutor) => Promise<void>> {
    const kept = withoutRepeats(this.#identity, rows, outcome);
    const digestOf = (row: ImportedCustomer) => this.#identity.lookupDigest('external_id', row.externalId);
    const known = await customersByExternalDigest(this.#db, kept.map(digestOf));
    const emails = await customersByEmailDigest(
      this.#db,
      kept.filter((r) => r.pii.email !== '').map((r) => this.#identity.lookupDigest('email', r.pii.email)),
    );
    const states = await customerStates(this.#db, [...known.values()]);
    const creates: ImportedCustomer[] = [];
    const updates: ((tx: SqlExecutor) => Promise<void>)[] = [];
    const stateWrites: Parameters<typeof writeCustomerStates>[1][number][] = [];
    for (const row of kept) {
      const id = known.get(hex(digestOf(row)));
      const emailOwner =
        row.pii.email === ''
          ? undefined
          : emails.get(hex(this.#identity.lookupDigest('email', row.pii.email)));
      if (emailOwner !== undefined && emailOwner !== id) {
        quarantine(outcome, row.line, problem('email', 'duplicate-email', 'another customer has this email'));
        continue;
      }
      if (id === undefined) {
        creates.push(row);
        continue;
      }
      const before = await this.#identity.readPii(id);
      const pii =
        row.pii.email === ''
          ? { ...row.pii, email: before.email, iban: before.iban }
          : { ...row.pii, iban: before.iban };
      const update = await this.#identity.preparePiiUpdate(id, pii);
      const state = states.get(id);
      const stateChanged =
        state?.status !== row.status ||
        (state.leftOn ?? undefined) !== row.leftOn ||
        !sameFlags(row.flags, state.flags);
      if (update.changed.length === 0 && !stateChanged) {
        outcome.unchanged++;
        continue;
      }
      updates.push((tx) => update.write(tx));
      stateWrites.push({ id, status: row.status, leftOn: row.leftOn, flags: row.flags });
      outcome.stored++;
    }
    return async (tx) => {
      const ids = await this.#identity.createCustomers(
        creates.map((row) => ({ externalId: row.externalId, pii: row.pii })),
        tx,
      );
      for (const update of updates) await update(tx);
      const created = creates.map((row, i) => ({
        id: ids[i]!,
        status: row.status,
        leftOn: row.leftOn,
        flags: row.flags,
      }));
      await writeCustomerStates(tx, [...stateWrites, ...created]);
      outcome.stored += creates.length;
    };
  }
}
