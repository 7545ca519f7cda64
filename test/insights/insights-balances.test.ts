// Issue 19: the balance feed — statements' booked balances (camt.053, OFX) and the demo's reach the forecast.
import { createReadStream } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatementEvent } from '../../src/core/transaction.ts';
import { externalIdOf, generateBank } from '../../src/demo/generate/generate-bank.ts';
import { loadDemoBank } from '../../src/demo/load-demo-bank.ts';
import { currentBalance } from '../../src/vault/accounts/balance-store.ts';
import { parsers } from '../../src/vault/ingest/formats/index.ts';
import { collect } from '../../src/vault/ingest/formats/test-support.ts';
import { openHarness, type Harness } from '../http/harness.ts';
import { testBackends } from '../support/backends.ts';

/** The paths of objects that hold an amount (a field ending in Minor) but not the currency it is in. */
function amountsWithoutCurrency(value: unknown, currency: string, path = '$'): string[] {
  if (Array.isArray(value))
    return value.flatMap((item, i) => amountsWithoutCurrency(item, currency, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const entries = Object.entries(value);
  const own =
    entries.some(([key]) => key.endsWith('Minor')) && (value as { currency?: unknown }).currency !== currency;
  return [
    ...(own ? [path] : []),
    ...entries.flatMap(([key, field]) => amountsWithoutCurrency(field, currency, `${path}.${key}`)),
  ];
}

const fixture = (path: string) =>
  createReadStream(new URL(`../fixtures/statements/${path}`, import.meta.url));
const now = new Date('2026-06-30T12:00:00Z');
const end = '2026-06-30';

describe('balances in statements', () => {
  it('reads camt.053 CLBD (a debit balance is negative) and leaves OPAV, CLAV and the rest', async () => {
    const { balances } = await collect(parsers.camt053, fixture('camt053/camt053.v2.minimal.xml'));
    expect(balances).toEqual([
      {
        account: { scheme: 'iban', value: 'NL26VAYB8060476890', currency: 'EUR' },
        amountMinor: -2700,
        asOf: '2014-12-31',
      },
    ]);
  });

  it('reads one balance per camt.053 statement', async () => {
    const { balances } = await collect(
      parsers.camt053,
      fixture('camt053-curtain/camt053.v7.two-statements.xml'),
    );
    expect(balances.map((b) => [b.account.value, b.amountMinor, b.asOf])).toEqual([
      ['CH9300762011623852957', 1523405, '2024-05-02'],
      ['CH5604835012345678009', 0, '2024-05-02'],
    ]);
  });

  it('takes an OPBD as the closing balance of the day before, and a credit line as the overdraft limit', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
<Acct><Id><IBAN>GB29NWBK60161331926819</IBAN></Id><Ccy>GBP</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><CdtLine><Incl>true</Incl><Amt Ccy="GBP">500.00</Amt></CdtLine>
<Amt Ccy="GBP">120.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2026-06-01</Dt></Dt></Bal>
</Stmt></BkToCstmrStmt></Document>`;
    const { balances } = await collect(parsers.camt053, (await import('node:stream')).Readable.from([xml]));
    expect(balances).toEqual([
      {
        account: { scheme: 'iban', value: 'GB29NWBK60161331926819', currency: 'GBP' },
        amountMinor: -12050,
        asOf: '2026-05-31',
        overdraftLimitMinor: 50000,
      },
    ]);
  });

  it('reads OFX LEDGERBAL (not AVAILBAL) for each statement', async () => {
    const checking = await collect(parsers.ofx, fixture('ofx/checking.ofx'));
    expect(checking.balances.map((b) => [b.account.value, b.amountMinor, b.asOf])).toEqual([
      ['1452687~7', 10099, '2013-05-25'],
    ]);
    const two = await collect(parsers.ofx, fixture('ofx/multiple_accounts2.ofx'));
    expect(two.balances.map((b) => [b.account.value, b.amountMinor])).toEqual([
      ['9100', 11100],
      ['9200', 22200],
    ]);
  });
});

describe.each(testBackends)('the balance feed on $name (issue 19)', (backend) => {
  let h: Harness;
  let customerId: number;
  const generated = [...generateBank({ customers: 12, seed: 19, end, density: 'thin' })][3]!;
  const iban = generated.pii.iban;

  beforeAll(async () => {
    h = await openHarness(backend, {}, { now: () => now });
    await loadDemoBank(h.vault, { density: 'thin', customers: 12, seed: 19, end });
    customerId = (await h.vault.identity.findCustomer('external_id', externalIdOf(3)))!;
    await h.vault.consent.record([
      {
        customerId,
        purpose: 'spending_insights',
        channel: 'all',
        granted: true,
        source: 'console',
        noticeVersion: (await import('../../src/core/consent.ts')).currentNotice('spending_insights').id,
        decidedAt: new Date(),
      },
    ]);
  }, 120_000);
  afterAll(() => h.dispose());

  const feed = (events: StatementEvent[]) =>
    h.vault.ingest.ingestEvents(events, { sourceName: 'balances', format: 'camt053' });

  it('has no forecast while the vault knows no balance (a thin demo bank has none)', async () => {
    const response = await h.inject({
      method: 'GET',
      url: '/v1/me/insights',
      headers: await h.customer(customerId),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ forecast?: unknown }>().forecast).toBeUndefined();
  });

  it('forecasts from the last booked balance plus what was booked on the main account since', async () => {
    await feed([
      {
        kind: 'balance',
        balance: { account: { scheme: 'iban', value: iban }, amountMinor: 150_000, asOf: '2026-06-01' },
      },
    ]);
    const since = generated.transactions
      .filter((t) => t.account.value === iban && t.bookingDate > '2026-06-01' && t.bookingDate <= end)
      .reduce((sum, t) => sum + (t.direction === 'credit' ? 1 : -1) * Math.abs(t.amountMinor), 0);
    const account = (await h.vault.accounts.find(h.vault.storage, { scheme: 'iban', value: iban }))!;
    expect(await currentBalance(h.vault.storage, account.id, end)).toEqual({
      currentMinor: 150_000 + since,
      asOf: '2026-06-01',
    });
    const response = await h.inject({
      method: 'GET',
      url: '/v1/me/insights',
      headers: await h.customer(customerId),
    });
    const forecast = response.json<{ forecast?: { currentMinor: number } }>().forecast;
    expect(forecast).toBeDefined();
    expect(forecast!.currentMinor).toBe(150_000 + since);
    // Every amount of the insights names its currency (the vault's), the forecast's days and warning too.
    const body = response.json<{ regularPayments: unknown[]; suggestions: unknown[] }>();
    expect(body.regularPayments.length + body.suggestions.length).toBeGreaterThan(0);
    expect(amountsWithoutCurrency(body, 'GBP')).toEqual([]);
  });

  it('keeps the newer balance when an older statement comes later, and a limit once given', async () => {
    await feed([
      {
        kind: 'balance',
        balance: {
          account: { scheme: 'iban', value: iban },
          amountMinor: 1,
          asOf: '2026-06-20',
          overdraftLimitMinor: 30_000,
        },
      },
    ]);
    await feed([
      {
        kind: 'balance',
        balance: { account: { scheme: 'iban', value: iban }, amountMinor: 999, asOf: '2026-05-01' },
      },
    ]);
    const account = (await h.vault.accounts.find(h.vault.storage, { scheme: 'iban', value: iban }))!;
    const balance = await currentBalance(h.vault.storage, account.id, end);
    expect(balance).toMatchObject({ asOf: '2026-06-20', overdraftLimitMinor: 30_000 });
  });

  it('records a real camt.053 statement’s balance for its account, and none for an account the vault lacks', async () => {
    const { events } = await collect(
      parsers.camt053,
      fixture('camt053-curtain/camt053.v7.two-statements.xml'),
    );
    await h.vault.ingest.ingestEvents(events, { sourceName: 'v7', format: 'camt053', customerId });
    const first = await h.vault.accounts.find(h.vault.storage, {
      scheme: 'iban',
      value: 'CH9300762011623852957',
    });
    expect(first).toBeDefined();
    expect(await currentBalance(h.vault.storage, first!.id, end)).toMatchObject({
      asOf: '2024-05-02',
      currentMinor: 1523405 + 0,
    });
  });

  it('records an OFX statement’s LEDGERBAL for an account the vault knows', async () => {
    // The file's 2013 rows are older than the retention: no row creates the account, so the bank's import does.
    await h.vault.accounts.createMany(h.vault.storage, [
      { identifier: { scheme: 'bban', value: '1452687~7' }, customerId },
    ]);
    const { events } = await collect(parsers.ofx, fixture('ofx/checking.ofx'));
    await h.vault.ingest.ingestEvents(events, { sourceName: 'ofx', format: 'ofx', customerId });
    const account = await h.vault.accounts.find(h.vault.storage, { scheme: 'bban', value: '1452687~7' });
    expect(account).toBeDefined();
    expect(await currentBalance(h.vault.storage, account!.id, '2013-05-25')).toEqual({
      currentMinor: 10099,
      asOf: '2013-05-25',
    });
  });
});
