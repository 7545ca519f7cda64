// Removing a joint owner through an accounts delta file, on both engines and both question engines: from the day
// the ownership ended, the removed owner stops counting the account's transactions (those booked before still
// count: they held the account then), the other owner keeps them all; a re-run changes nothing.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalisePlan } from '../../src/language/normalise.ts';
import { parseCsvMapping } from '../../src/vault/ingest/formats/csv-mapping.ts';
import { parseImportMapping, type ImportKind } from '../../src/vault/import/import-mapping.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault, type TestVault } from '../support/test-vault.ts';

const account = 'CZ6508000000192000145399';
const today = new Date().toISOString().slice(0, 10);
const isoDaysAgo = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const yymmdd = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(2, 10).replaceAll('-', '');

const mappings = {
  customers: { columns: { externalId: 'id', givenName: 'given', familyName: 'family', dateOfBirth: 'born' } },
  accounts: {
    columns: { accountNumber: 'number', ownerExternalId: 'owner', role: 'role', ownerRemovedOn: 'removed' },
  },
} as const;
const statements = parseCsvMapping({
  account: { value: account },
  defaultCurrency: 'CZK',
  dateFormat: 'YYMMDD',
  amount: { style: 'signed', column: 'amount' },
  columns: { bookingDate: 'date', description: 'text' },
});
if (!statements.ok) throw new Error(statements.error);

describe.each(testBackends)('removing a joint owner on $name', (backend) => {
  let vault: TestVault;
  let primary: number;
  let joint: number;

  const load = (kind: 'customers' | 'accounts', lines: readonly string[]) => {
    const mapping = parseImportMapping(kind satisfies ImportKind, mappings[kind]);
    if (!mapping.ok) throw new Error(mapping.error);
    return vault.imports.importCsv(kind, Readable.from([`${lines.join('\n')}\n`]), mapping.value, {
      sourceName: `${kind}.csv`,
    });
  };
  const spenders = async (expression = 'spent(within: 90d) > 0') => {
    const checked = await vault.questions.check(expression, 'bank_offers');
    if (!checked.ok) throw new Error(checked.error.message);
    const ids = await vault.questionEngine.evaluate(
      normalisePlan(checked.value.plan, { asOf: today }),
      today,
    );
    return [...ids].filter((id) => id === primary || id === joint).sort((a, b) => a - b);
  };
  const owned = async () => {
    const { rows } = await vault.storage.query<{ customer_id: number; n: number }>(
      `SELECT customer_id::int AS customer_id, count(*)::int AS n FROM owned_transactions
        WHERE customer_id = ANY($1::bigint[]) GROUP BY 1 ORDER BY 1`,
      [[primary, joint]],
    );
    return rows;
  };
  const header = 'number,owner,role,removed';
  // Transactions 1, 2 and 3 days ago of 10, 20 and 30 CZK: ending the ownership 2 days ago leaves the joint
  // owner the one of 3 days ago (30 CZK), the primary owner all three (60 CZK).
  const removal = [header, `${account},J-2,joint,${isoDaysAgo(2)}`];
  const bigSpenders = () => spenders('spent(within: 90d) > 40 CZK');

  beforeAll(async () => {
    vault = await createTestVault(backend, { currency: 'CZK' });
    await load('customers', [
      'id,given,family,born',
      'J-1,Jan,Novak,1970-01-01',
      'J-2,Jana,Novak,1972-02-02',
    ]);
    primary = (await vault.identity.findCustomer('external_id', 'J-1'))!;
    joint = (await vault.identity.findCustomer('external_id', 'J-2'))!;
    expect(
      await load('accounts', [header, `${account},J-1,primary,`, `${account},J-2,joint,`]),
    ).toMatchObject({
      status: 'done',
      rowsStored: 2,
    });
    const rows = [1, 2, 3].map((d) => `${yymmdd(d)},-${d}0.00,shop ${d}`);
    const ingested = await vault.ingest.ingestStream(
      Readable.from([`date,amount,text\n${rows.join('\n')}\n`]),
      { sourceName: 'statement.csv', mapping: statements.value },
    );
    expect(ingested).toMatchObject({ status: 'done', stored: 3 });
  }, 120_000);
  afterAll(() => vault.dispose());

  it('stops counting the account for the removed owner from the day it ended, idempotently, on the SQL engine', async () => {
    const both = [primary, joint].sort((a, b) => a - b);
    expect(await bigSpenders()).toEqual(both);
    expect(await load('accounts', removal)).toMatchObject({
      status: 'done',
      rowsStored: 1,
      rowsUnchanged: 0,
    });
    // Breaking the view's end-date condition (counting every transaction, or none, for an ended owner) fails
    // these two lines: checked once by hand.
    expect(await bigSpenders()).toEqual([primary]);
    expect(await spenders()).toEqual(both);
    expect(await owned()).toEqual([
      { customer_id: primary, n: 3 },
      { customer_id: joint, n: 1 },
    ]);
    expect(await load('accounts', removal)).toMatchObject({
      status: 'done',
      rowsStored: 0,
      rowsUnchanged: 1,
    });
    expect(await owned()).toEqual([
      { customer_id: primary, n: 3 },
      { customer_id: joint, n: 1 },
    ]);
  });

  it('ends nothing yet for a removal dated in the future', async () => {
    const later = [header, `${account},J-2,joint,${isoDaysAgo(-30)}`];
    expect(await load('accounts', later)).toMatchObject({ status: 'done', rowsStored: 1 });
    expect(await bigSpenders()).toEqual([primary, joint].sort((a, b) => a - b));
    expect(await load('accounts', removal)).toMatchObject({ status: 'done', rowsStored: 1 });
    expect(await bigSpenders()).toEqual([primary]);
  });

  it('keeps the columnar engine current when an owner is added back and removed again', async () => {
    await load('accounts', removal);
    await vault.questionEngine.loadColumnar({ features: false });
    expect(vault.questionEngine.name).toBe('columnar');
    expect(await bigSpenders()).toEqual([primary]);
    expect(await spenders()).toEqual([primary, joint].sort((a, b) => a - b));
    await load('accounts', [header, `${account},J-2,joint,`]);
    expect(await bigSpenders()).toEqual([primary, joint].sort((a, b) => a - b));
    expect(await load('accounts', removal)).toMatchObject({ rowsStored: 1 });
    expect(await bigSpenders()).toEqual([primary]);
    // Moving the end to today gives the joint owner back all three transactions (all booked before it).
    expect(await load('accounts', [header, `${account},J-2,joint,${today}`])).toMatchObject({
      rowsStored: 1,
    });
    expect(await bigSpenders()).toEqual([primary, joint].sort((a, b) => a - b));
  });

  it('refuses to remove a primary owner, naming the field', async () => {
    const refused = await load('accounts', [header, `${account},J-1,primary,${today}`]);
    expect(refused).toMatchObject({ status: 'failed', rowsStored: 0 });
    expect(refused.quarantine).toEqual([
      expect.objectContaining({ line: 2, field: 'ownerRemovedOn', code: 'primary-owner-removed' }),
    ]);
    expect(await owned()).toContainEqual({ customer_id: primary, n: 3 });
  });

  it('refuses an end date on a primary owner in the schema too', async () => {
    await expect(
      vault.storage.query(
        `UPDATE account_owners SET ended_on = CURRENT_DATE WHERE customer_id = $1 AND role = 'primary'`,
        [primary],
      ),
    ).rejects.toThrow(/account_owners_primary_not_ended/);
  });
});
