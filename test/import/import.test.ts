// Importing from a system of record, on every backend: FDX NDJSON with joint holders, consent provenance and
// quarantine, demo vaults refused, erasure of what an import stored, the AML period, and the HTTP route.
import { createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit/log-entries.ts';
import { fileHmacKey } from '../../src/vault/ingest/batch-log.ts';
import { requireDemoVault } from '../../src/vault/vault-kind.ts';
import { filterAudience } from '../../src/vault/delivery/audience-filter.ts';
import { parseImportMapping, type ImportKind } from '../../src/vault/import/import-mapping.ts';
import { consentsMappingInput } from '../support/import-mappings.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault, type TestVault } from '../support/test-vault.ts';
import { openHarness, type Harness } from '../http/harness.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const text = (lines: readonly string[]) => Readable.from([Buffer.from(`${lines.join('\n')}\n`)]);

const mappings = {
  customers: {
    columns: {
      externalId: 'id',
      givenName: 'given',
      familyName: 'family',
      email: 'email',
      dateOfBirth: 'born',
      status: 'status',
      leftOn: 'left',
      vulnerable: 'vulnerable',
    },
  },
  consents: consentsMappingInput,
} as const;

async function importCsv(vault: TestVault, kind: 'customers' | 'consents', lines: readonly string[]) {
  const mapping = parseImportMapping(kind satisfies ImportKind, mappings[kind]);
  if (!mapping.ok) throw new Error(mapping.error);
  return vault.imports.importCsv(kind, text(lines), mapping.value, { sourceName: `${kind}.csv` });
}

const customersHeader = 'id,given,family,email,born,status,left,vulnerable';

describe.each(testBackends)('import on $name', (backend) => {
  let vault: TestVault;
  beforeAll(async () => {
    vault = await createTestVault(backend);
  }, 120_000);
  afterAll(() => vault.dispose());

  it('reads FDX NDJSON: customers, their accounts by accountId, joint holders, products from account types', async () => {
    const lines = [
      JSON.stringify({
        accountId: 'a1',
        accountNumber: 'GB33BUKB20201555555555',
        accountType: 'CHECKING',
        currency: { currencyCode: 'GBP' },
        openingDate: '2020-01-02',
      }),
      JSON.stringify({
        accountId: 'a2',
        accountNumber: 'GB94BARC10201530093459',
        accountType: 'MORTGAGE',
        openingDate: '2021-05-01',
      }),
      JSON.stringify({
        customerId: 'F-1',
        name: { first: 'Ada', last: 'Byron' },
        dateOfBirth: '1980-12-10',
        email: ['ada@example.org'],
        accounts: [
          { accountId: 'a1', relationship: 'PRIMARY' },
          { accountId: 'a2', relationship: 'PRIMARY_JOINT' },
        ],
      }),
      JSON.stringify({
        customerId: 'F-2',
        name: { first: 'Bea', last: 'Byron' },
        dateOfBirth: '1982-01-20',
        accounts: [
          { accountId: 'a2', relationship: 'JOINT' },
          { accountId: 'a1', relationship: 'AUTHORIZED_USER' },
        ],
      }),
      '{"customerId": ',
    ];
    const summary = await vault.imports.importFdx(text(lines), { sourceName: 'fdx.ndjson' });
    expect(summary.quarantine.map((q) => [q.line, q.code])).toEqual([
      [4, 'not-an-owner'],
      [5, 'invalid-json'],
    ]);
    const [ada, bea] = [
      await vault.identity.findCustomer('external_id', 'F-1'),
      await vault.identity.findCustomer('external_id', 'F-2'),
    ];
    const owners = await vault.storage.query<{ customer_id: number; role: string; product_code: string }>(
      `SELECT o.customer_id::int AS customer_id, o.role, a.product_code FROM account_owners o JOIN accounts a ON a.id = o.account_id
        WHERE o.customer_id = ANY($1::bigint[]) ORDER BY a.product_code, o.customer_id`,
      [[ada, bea]],
    );
    expect(owners.rows).toEqual([
      { customer_id: ada, role: 'primary', product_code: 'current_account' },
      { customer_id: ada, role: 'primary', product_code: 'mortgage' },
      { customer_id: bea, role: 'joint', product_code: 'mortgage' },
    ]);
    const held = await vault.storage.query<{ customer_id: number; product_code: string }>(
      'SELECT customer_id::int AS customer_id, product_code FROM products_held WHERE customer_id = ANY($1::bigint[]) ORDER BY 1, 2',
      [[ada, bea]],
    );
    expect(held.rows).toEqual([
      { customer_id: ada, product_code: 'current_account' },
      { customer_id: ada, product_code: 'mortgage' },
      { customer_id: bea, product_code: 'mortgage' },
    ]);
    expect((await vault.imports.importFdx(text(lines), { sourceName: 'fdx.ndjson' })).rowsStored).toBe(0);
  });

  it('records consents with their provenance; one without evidence is quarantined, never assumed', async () => {
    await importCsv(vault, 'customers', [
      customersHeader,
      'P-1,Ann,Lee,ann@example.org,1970-03-04,active,,',
      'P-2,Bob,Lee,,1971-03-04,active,,',
    ]);
    const summary = await importCsv(vault, 'consents', [
      'id,purpose,channel,granted,at,notice,evidence',
      'P-1,bank_offers,email,yes,2025-06-01 09:30,bank_offers/v1,signed form 77',
      'P-2,bank_offers,all,yes,2025-06-01,bank_offers/v1,',
      'P-2,bank_offers,all,yes,,bank_offers/v1,call 12',
      'P-2,bank_offers,all,yes,2025-06-01,bank_offers/v9,call 12',
    ]);
    expect(summary.quarantine.map((q) => [q.line, q.field, q.code])).toEqual([
      [3, 'evidence', 'consent-without-evidence'],
      [4, 'decidedAt', 'consent-without-evidence'],
      [5, 'noticeVersion', 'unknown-notice'],
    ]);
    const p1 = await vault.identity.findCustomer('external_id', 'P-1');
    const p2 = await vault.identity.findCustomer('external_id', 'P-2');
    const history = await vault.consent.history(p1!);
    expect(
      history.map((h) => [h.source, h.channel, h.granted, h.noticeVersion, h.decidedAt.toISOString()]),
    ).toEqual([['import', 'email', true, 'bank_offers/v1', '2025-06-01T09:30:00.000Z']]);
    expect(await vault.consent.history(p2!)).toEqual([]);
    // Reasons name the field, never the value.
    expect(JSON.stringify(summary.quarantine)).not.toMatch(/call 12|v9|Lee/);
  });

  it('keeps minors and flagged customers out of delivery audiences whatever their consent', async () => {
    await importCsv(vault, 'customers', [
      customersHeader,
      'D-1,Dee,Fine,dee@example.org,1980-01-01,active,,',
      'D-2,Vic,Frail,vic@example.org,1980-01-01,active,,yes',
      `D-3,Kid,Young,kid@example.org,${daysAgo(12 * 365)},active,,`,
    ]);
    await importCsv(vault, 'consents', [
      'id,purpose,channel,granted,at,notice,evidence',
      ...['D-1', 'D-2', 'D-3'].map((id) => `${id},bank_offers,all,yes,2025-06-01,bank_offers/v1,form ${id}`),
    ]);
    const ids = [];
    for (const id of ['D-1', 'D-2', 'D-3']) ids.push((await vault.identity.findCustomer('external_id', id))!);
    const kept = await filterAudience(vault.storage, vault.consent, vault.preferences, {
      ids: Uint32Array.from(ids),
      consentPurpose: 'bank_offers',
      category: undefined,
      partner: undefined,
      campaignCap: { messages: 10, days: 30 },
      now: new Date(),
    });
    expect([...kept]).toEqual([ids[0]]);
  });

  it('records each import batch in the transparency log: an HMAC of the file under a vault key, counts as bands', async () => {
    const lines = [customersHeader, 'LOG-1,Ada,Byron,ada.log@example.org,1985-03-02,active,,'];
    const summary = await importCsv(vault, 'customers', lines);
    expect(summary.quarantine).toEqual([]);
    const logged = (await vault.audit.entries(0, vault.audit.head().size))
      .map((e) => e.entry as AuditEntry)
      .filter((e) => e.type === 'import.batch' && e.details['batch'] === summary.batchId);
    expect(logged).toHaveLength(1);
    const key = fileHmacKey(vault.keys.secret('token'));
    expect(logged[0]!.details).toMatchObject({
      subject: 'customers',
      format: 'csv',
      status: 'done',
      fileHmac: createHmac('sha256', key)
        .update(`${lines.join('\n')}\n`)
        .digest('base64'),
      rows: { read: '1-9', stored: '1-9', quarantined: '0' },
    });
    const text = JSON.stringify(logged[0]);
    expect(text).not.toContain('Byron');
    expect(text).not.toContain('customers.csv');
  });

  it('refuses to import into a demo vault', async () => {
    const demo = await createTestVault(backend);
    try {
      // What the demo-bank loader does first: the vault is recorded as a demo vault.
      await requireDemoVault(demo.storage);
      await expect(
        importCsv(demo, 'customers', [customersHeader, 'X-1,A,B,,1970-01-01,active,,']),
      ).rejects.toMatchObject({ code: 'VAULT_IS_DEMO' });
      expect(await demo.identity.customerCount()).toBe(0);
    } finally {
      await demo.dispose();
    }
  });

  it('keeps a customer who left for the AML period, then erases them with a receipt; erasure removes the flags', async () => {
    await importCsv(vault, 'customers', [
      customersHeader,
      `L-1,Old,Timer,old@example.org,1950-01-01,left,${daysAgo(5 * 366)},yes`,
      `L-2,New,Leaver,new@example.org,1960-01-01,left,${daysAgo(30)},yes`,
    ]);
    const [old, recent] = [
      await vault.identity.findCustomer('external_id', 'L-1'),
      await vault.identity.findCustomer('external_id', 'L-2'),
    ];
    const flags = () =>
      vault.storage.query<{ customer_id: number }>(
        'SELECT customer_id::int AS customer_id FROM customer_flags WHERE customer_id = ANY($1::bigint[]) ORDER BY 1',
        [[old, recent]],
      );
    expect((await flags()).rows).toHaveLength(2);
    const receipts = await vault.relationshipRetention.eraseLapsed();
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.receipt.split('.')).toHaveLength(3);
    expect((await vault.compliance.erasure.verifyReceipt(receipts[0]!.receipt)).ok).toBe(true);
    const status = await vault.storage.query<{ id: number; status: string }>(
      'SELECT id::int AS id, status FROM customers WHERE id = ANY($1::bigint[]) ORDER BY id',
      [[old, recent]],
    );
    expect(status.rows).toEqual([
      { id: old, status: 'erased' },
      { id: recent, status: 'left' },
    ]);
    // The day of coming of age is derived from the date of birth: it goes with the erasure.
    expect((await flags()).rows).toEqual([{ customer_id: recent }]);
    expect(await vault.relationshipRetention.eraseLapsed()).toEqual([]);
  });
});

describe.each(testBackends)('POST /v1/import/:kind on $name', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(backend);
  }, 120_000);
  afterAll(() => h.dispose());

  it('imports an uploaded file with its mapping, and names the field of a bad mapping', async () => {
    const mapping = encodeURIComponent(JSON.stringify(mappings.customers));
    const response = await h.inject({
      method: 'POST',
      url: `/v1/import/customers?source=c.csv&mapping=${mapping}`,
      headers: { ...h.staff.operator, 'content-type': 'text/csv' },
      payload: `${customersHeader}\nH-1,Hal,Ito,hal@example.org,1990-02-02,active,,\nH-2,Ida,Ito,,1990-02-31,active,,\n`,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      kind: 'customers',
      status: 'partial',
      rowsRead: 2,
      rowsStored: 1,
      rowsQuarantined: 1,
      quarantine: [{ line: 3, field: 'dateOfBirth', code: 'invalid-date' }],
    });
    const bad = await h.inject({
      method: 'POST',
      url: `/v1/import/customers?source=c.csv&mapping=${encodeURIComponent('{"columns":{"externalId":"id"}}')}`,
      headers: { ...h.staff.operator, 'content-type': 'text/csv' },
      payload: 'id\n1\n',
    });
    const { batchId } = response.json<{ batchId: number }>();
    const notInterrupted = await h.inject({
      method: 'POST',
      url: `/v1/import/customers?source=c.csv&resume=${batchId}&mapping=${mapping}`,
      headers: { ...h.staff.operator, 'content-type': 'text/csv' },
      payload: `${customersHeader}\nH-1,Hal,Ito,hal@example.org,1990-02-02,active,,\n`,
    });
    expect(notInterrupted.json()).toMatchObject({ error: { code: 'USAGE' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'MAPPING_INVALID' } });
    expect(bad.json<{ error: { message: string } }>().error.message).toContain('columns.givenName');
  });
});
