// Removing a joint owner through an accounts delta file, on both engines and both question engines: the removed
// owner stops counting the account's transactions, the other keeps them; a re-run changes nothing.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalisePlan } from '../../src/language/normalise.ts';
import { parseCsvMapping } from '../../src/vault/ingest/formats/csv-mapping.ts';
import { parseImportMapping, type ImportKind } from '../../src/vault/import/import-mapping.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault, type TestVault } from '../support/test-vault.ts';

const account = 'CZ6508000000192000145399';
const today = new Date().toISOString().slice(0, 10);
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
  const spenders = async () => {
    const checked = await vault.questions.check('spent(within: 90d) > 0', 'bank_offers');
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
  const removal = [header, `${account},J-2,joint,${today}`];

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

  it('stops counting the account for the removed owner only, idempotently, on the SQL engine', async () => {
    expect(await spenders()).toEqual([primary, joint].sort((a, b) => a - b));
    expect(await load('accounts', removal)).toMatchObject({
      status: 'done',
      rowsStored: 1,
      rowsUnchanged: 0,
    });
    expect(await spenders()).toEqual([primary]);
    expect(await owned()).toEqual([{ customer_id: primary, n: 3 }]);
    expect(await load('accounts', removal)).toMatchObject({
      status: 'done',
      rowsStored: 0,
      rowsUnchanged: 1,
    });
    expect(await owned()).toEqual([{ customer_id: primary, n: 3 }]);
  });

  it('keeps the columnar engine current when an owner is added back and removed again', async () => {
    await load('accounts', removal);
    await vault.questionEngine.loadColumnar({ features: false });
    expect(vault.questionEngine.name).toBe('columnar');
    expect(await spenders()).toEqual([primary]);
    await load('accounts', [header, `${account},J-2,joint,`]);
    expect(await spenders()).toEqual([primary, joint].sort((a, b) => a - b));
    expect(await load('accounts', removal)).toMatchObject({ rowsStored: 1 });
    expect(await spenders()).toEqual([primary]);
  });

  it('refuses to remove a primary owner, naming the field', async () => {
    const refused = await load('accounts', [header, `${account},J-1,primary,${today}`]);
    expect(refused).toMatchObject({ status: 'failed', rowsStored: 0 });
    expect(refused.quarantine).toEqual([
      expect.objectContaining({ line: 2, field: 'ownerRemovedOn', code: 'primary-owner-removed' }),
    ]);
    expect(await owned()).toContainEqual({ customer_id: primary, n: 3 });
  });
});
