// Erasure end to end: PII present before, absent after in every table of every schema and in the log; a signed
// receipt that verifies against the transparency log; transactions kept under legal hold, unlinked.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerPii } from '../../src/core/identity.ts';
import { keyedDigest, normalise } from '../../src/privacy/keyed-digest.ts';
import { signErasureReceipt } from '../../src/vault/compliance/erasure-receipt.ts';
import { testBackends } from '../support/backends.ts';
import { createVaultTemplate, type VaultTemplate } from '../support/test-vault.ts';
import {
  customerOf,
  dumpEverySchema,
  logText,
  smallBankOf,
  tablesHolding,
  type TestVault,
} from './support/compliance-fixtures.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

interface Setup {
  readonly customer: { id: number; externalId: string };
  readonly pii: CustomerPii;
  readonly needles: Record<string, string>;
  readonly transactionsBefore: number;
  readonly accountIds: number[];
}

/** The small bank with PII of customer 3 planted where only the erasure's scan can find it. */
async function plantPii(vault: TestVault): Promise<Setup> {
  const customer = await customerOf(vault, 3);
  const pii = await vault.identity.readPii(customer.id);
  const other = await customerOf(vault, 4);
  // A legacy memo that names the customer, and another customer's transfer from them: PII in clear and as
  // a counterparty token, in rows that are not only theirs.
  await vault.storage.query(
    `UPDATE transactions SET description = $2 WHERE id = (SELECT min(id) FROM transactions WHERE customer_id = $1)`,
    [customer.id, `Refund to ${pii.givenName} ${pii.familyName}`],
  );
  const tokenKey = vault.keys.secret('token');
  await vault.storage.query(
    `UPDATE transactions SET counterparty_account_token = $2, counterparty_token = $3
      WHERE id = (SELECT min(id) FROM transactions WHERE customer_id = $1)`,
    [
      other.id,
      keyedDigest(tokenKey, 'counterparty-account', normalise.accountNumber(pii.iban)),
      keyedDigest(tokenKey, 'counterparty-name', normalise.name(`${pii.givenName} ${pii.familyName}`)),
    ],
  );
  const needles = {
    name: `${pii.givenName} ${pii.familyName}`,
    email: pii.email,
    phone: pii.phone,
    iban: pii.iban,
    nationalId: pii.nationalId,
    street: pii.address.street,
    externalId: customer.externalId,
    emailIndex: hex(vault.identity.lookupDigest('email', pii.email)),
    externalIdIndex: hex(vault.identity.lookupDigest('external_id', customer.externalId)),
    accountIndex: hex(vault.accounts.accountRef({ scheme: 'iban', value: pii.iban })),
    counterpartyAccount: hex(
      keyedDigest(tokenKey, 'counterparty-account', normalise.accountNumber(pii.iban)),
    ),
  };
  const counted = await vault.storage.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM transactions WHERE customer_id = $1',
    [customer.id],
  );
  const accounts = await vault.storage.query<{ id: number }>(
    'SELECT id FROM accounts WHERE customer_id = $1',
    [customer.id],
  );
  return {
    customer,
    pii,
    needles,
    transactionsBefore: counted.rows[0]!.n,
    accountIds: accounts.rows.map((r) => Number(r.id)),
  };
}

describe.each(testBackends)('erasure with proof on $name', (backend) => {
  // Each test opens its own copy of the planted bank; those that need the erasure carry it out first.
  let template: VaultTemplate<Setup>;
  let vault: TestVault;
  let customer: Setup['customer'];
  let pii: CustomerPii;
  let needles: Record<string, string>;
  let transactionsBefore: number;
  let accountIds: number[];

  beforeAll(async () => {
    template = await createVaultTemplate(backend, plantPii, { bank: smallBankOf() });
    ({ customer, pii, needles, transactionsBefore, accountIds } = template.data);
  }, 180_000);
  afterAll(async () => template.dispose());
  beforeEach(async () => {
    vault = await template.open();
  });
  afterEach(async () => vault.dispose());

  /** Verifies the requester as the customer and erases them. */
  async function erase() {
    const request = await vault.compliance.requests.receive('erasure', 'gdpr');
    await vault.compliance.requests.verify(request.id, {
      externalId: customer.externalId,
      dateOfBirth: pii.dateOfBirth,
    });
    return { request, outcome: await vault.compliance.erase(request.id, customer.externalId) };
  }

  it('finds the customer’s PII and its keyed forms in the database before the erasure', async () => {
    const dump = await dumpEverySchema(vault.storage);
    expect(tablesHolding(dump, needles['name']!)).toContain('public.transactions');
    expect(tablesHolding(dump, needles['emailIndex']!)).toContain('public.customer_lookup');
    expect(tablesHolding(dump, needles['externalIdIndex']!)).toContain('public.customer_lookup');
    expect(tablesHolding(dump, needles['accountIndex']!)).toContain('public.accounts');
    expect(tablesHolding(dump, needles['counterpartyAccount']!)).toContain('public.transactions');
    expect(transactionsBefore).toBeGreaterThan(0);
    // The scan below must cover the hub's schema too.
    expect([...dump.keys()].some((t) => t.startsWith('hub.'))).toBe(true);
  });

  it('refuses a requester who cannot prove to be the customer, then carries out the erasure', async () => {
    const request = await vault.compliance.requests.receive('erasure', 'gdpr');
    await expect(
      vault.compliance.requests.verify(request.id, {
        externalId: customer.externalId,
        email: 'someone@else.example',
      }),
    ).rejects.toMatchObject({ code: 'SUBJECT_NOT_VERIFIED' });
    await expect(vault.compliance.erase(request.id)).rejects.toMatchObject({ code: 'SUBJECT_REQUEST_STATE' });
    await vault.compliance.requests.verify(request.id, {
      externalId: customer.externalId,
      dateOfBirth: pii.dateOfBirth,
    });
    const outcome = await vault.compliance.erase(request.id, customer.externalId);
    expect(outcome.statement.scan.matches).toBe(0);
    expect(outcome.statement.scan.schemas).toEqual(expect.arrayContaining(['public', 'hub']));
    expect(outcome.statement.legalHold.transactions).toBe(transactionsBefore);

    // Absent everywhere: every table of every schema, and every entry of the log.
    const dump = await dumpEverySchema(vault.storage);
    const log = await logText(vault);
    for (const [kind, needle] of Object.entries(needles)) {
      expect(tablesHolding(dump, needle), kind).toEqual([]);
      expect(log.includes(needle.toLowerCase()), kind).toBe(false);
    }
    await expect(vault.identity.readPii(customer.id)).rejects.toMatchObject({ code: 'CUSTOMER_ERASED' });
    expect((await vault.compliance.requests.get(request.id)).status).toBe('completed');

    // The receipt verifies, and its hash is a log entry proven against the signed head.
    const verdict = await vault.compliance.verifyErasureReceipt(outcome.receipt);
    expect(verdict).toMatchObject({ ok: true, logIndex: outcome.logIndex });
    const entry = await vault.audit.entry(outcome.logIndex);
    expect(entry?.entry).toMatchObject({
      type: 'erasure.receipt',
      details: { receipt: outcome.receiptHash },
    });
    expect(await vault.audit.verifyAll()).toMatchObject({ ok: true });
  });

  it('keeps the transactions under legal hold: unlinked, memo text gone, out of every question', async () => {
    await erase();
    const linked = await vault.storage.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM transactions WHERE customer_id = $1',
      [customer.id],
    );
    expect(linked.rows[0]!.n).toBe(0);
    const held = await vault.storage.query<{ n: number; memos: number }>(
      `SELECT count(*)::int AS n, count(description)::int AS memos FROM transactions
        WHERE account_id = ANY($1::bigint[])`,
      [accountIds],
    );
    expect(held.rows[0]).toEqual({ n: transactionsBefore, memos: 0 });
    const owners = await vault.storage.query<{ n: number }>(
      'SELECT count(customer_id)::int AS n FROM accounts WHERE id = ANY($1::bigint[])',
      [accountIds],
    );
    expect(owners.rows[0]!.n).toBe(0);
    const hold = await vault.storage.query<{ accounts: number[]; transactions: number }>(
      'SELECT accounts, transactions FROM legal_holds',
    );
    expect(hold.rows).toHaveLength(1);
    expect(hold.rows[0]!.accounts.map(Number).sort()).toEqual([...accountIds].sort());
    // Every active customer: a plan, since the checker refuses a question that holds for everyone.
    const everyone = await vault.questionEngine.evaluate({ kind: 'constant', value: true }, '2026-10-31');
    expect([...everyone]).not.toContain(customer.id);
  });

  it('rejects a forged or tampered receipt, and one whose hash is not in the log', async () => {
    const { request } = await erase();
    const receipt = (await vault.compliance.requests.get(request.id)).outcome!['receipt'] as string;
    const [header, payload, signature] = receipt.split('.');
    const tampered = `${header}.${Buffer.from(
      Buffer.from(payload!, 'base64url').toString('utf8').replace('"matches":0', '"matches":1'),
    ).toString('base64url')}.${signature}`;
    expect(await vault.compliance.verifyErasureReceipt(tampered)).toMatchObject({ ok: false });
    expect(await vault.compliance.verifyErasureReceipt('not a receipt')).toMatchObject({ ok: false });
    const statement = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Parameters<
      typeof signErasureReceipt
    >[0];
    const unlogged = await signErasureReceipt(
      { ...statement, receiptId: 'another' },
      vault.keys.signingKey('receipt-signing'),
    );
    expect(await vault.compliance.verifyErasureReceipt(unlogged)).toEqual({
      ok: false,
      reason: 'the receipt is not in the transparency log',
    });
  });
});
