import { describe, expect, it } from 'vitest';
import { parseFdx } from './fdx.ts';
import {
  chunkedStream,
  collect,
  counts,
  fixtureBytes,
  fixtureStream,
  generatedStream,
  measureHeap,
} from './test-support.ts';

const parseText = (text: string, chunkSize = 64, defaultCurrency?: string) =>
  collect(parseFdx, chunkedStream(text, chunkSize), defaultCurrency === undefined ? {} : { defaultCurrency });

describe('FDX feeds', () => {
  it('reads accounts.json: three accounts, plain and type-wrapped', async () => {
    const result = await collect(parseFdx, fixtureStream('fdx/accounts.json'));
    expect(counts(result)).toEqual({ transactions: 4, rejects: 3, notices: 2 });
    expect(result.accounts).toEqual([
      { scheme: 'iban', value: 'DE89370400440532013000', currency: 'EUR' },
      { scheme: 'bban', value: 'A-20002', currency: 'USD' },
      { scheme: 'bban', value: 'A-30003', currency: 'EUR' },
    ]);
    expect(result.transactions[0]).toEqual({
      account: { scheme: 'iban', value: 'DE89370400440532013000', currency: 'EUR' },
      amountMinor: 4250,
      currency: 'EUR',
      direction: 'debit',
      bookingDate: '2024-07-01',
      merchantName: 'REWE Markt',
      mcc: '5411',
      description: 'CARD PAYMENT REWE 4411',
      bankReference: 'fdx-t-0001',
      location: { element: '/accounts/0/transactions/0' },
    });
    expect(
      result.transactions.map((t) => [t.bankReference, t.amountMinor, t.direction, t.bookingDate]),
    ).toEqual([
      ['fdx-t-0001', 4250, 'debit', '2024-07-01'],
      ['fdx-t-0002', 250000, 'credit', '2024-07-01'],
      ['fdx-t-0006', 1299, 'debit', '2024-07-04'],
      ['fdx-t-0101', 123456, 'credit', '2024-07-05'],
    ]);
    expect(result.transactions[1]!.counterpartyName).toBe('Beispiel GmbH');
    expect(result.transactions[3]!.location.element).toBe('/accounts/1/depositAccount/transactions/0');
    expect(result.rejects.map((r) => [r.location.element, r.code])).toEqual([
      ['/accounts/0/transactions/3/amount', 'amount.invalid'],
      ['/accounts/0/transactions/4/debitCreditMemo', 'direction.missing'],
      ['/accounts/1/depositAccount/transactions/1/postedTimestamp', 'date.invalid'],
    ]);
    expect(result.notices).toEqual([
      {
        kind: 'not-a-statement',
        message: '1 FDX transaction not posted (PENDING, AUTHORIZATION or MEMO) skipped',
        location: { element: '/accounts/0' },
      },
      {
        kind: 'empty-statement',
        message: 'FDX account holds no transactions',
        location: { element: '/accounts/2' },
      },
    ]);
  });

  it('reads bare-transactions.json: each transaction names its account', async () => {
    const result = await collect(parseFdx, fixtureStream('fdx/bare-transactions.json'));
    expect(counts(result)).toEqual({ transactions: 2, rejects: 2, notices: 0 });
    expect(result.accounts.map((a) => a.value)).toEqual(['ACCT-1', 'ACCT-2']);
    expect(result.transactions.map((t) => [t.amountMinor, t.currency, t.direction, t.mcc])).toEqual([
      [1990, 'GBP', 'debit', '5411'],
      [10000, 'GBP', 'credit', undefined],
    ]);
    expect(result.rejects.map((r) => [r.location.element, r.code])).toEqual([
      ['/transactions/2/currency', 'currency.missing'],
      ['/transactions/3', 'account.missing'],
    ]);
    const withDefault = await collect(parseFdx, fixtureStream('fdx/bare-transactions.json'), {
      defaultCurrency: 'GBP',
    });
    expect(withDefault.transactions).toHaveLength(3);
  });

  it('gives the same events whatever the chunk size', async () => {
    const bytes = fixtureBytes('fdx/accounts.json');
    const whole = await collect(parseFdx, chunkedStream(bytes, bytes.length));
    for (const size of [1, 3, 50])
      expect((await collect(parseFdx, chunkedStream(bytes, size))).events).toEqual(whole.events);
  });

  it('converts amounts exactly from their decimal text', async () => {
    const feed = (amount: string) =>
      `{"accounts":[{"accountId":"x","currency":{"currencyCode":"EUR"},"transactions":[{"transactionId":"t","postedTimestamp":"2024-01-01","amount":${amount},"debitCreditMemo":"DEBIT"}]}]}`;
    const amounts = [];
    for (const amount of ['0.29', '1.1', '4.35', '1e2', '2.5E-1', '1234567890123.45']) {
      amounts.push((await parseText(feed(amount))).transactions[0]?.amountMinor);
    }
    expect(amounts).toEqual([29, 110, 435, 10000, 25, 123456789012345]);
  });

  it('waits for an account id that comes after the transactions', async () => {
    const text =
      '{"accounts":[{"transactions":[{"transactionId":"x","postedTimestamp":"2024-01-01","amount":3.25,"debitCreditMemo":"CREDIT"}],"accountId":"late","currency":{"currencyCode":"GBP"}}]}';
    const result = await parseText(text, 7);
    expect(result.events.map((e) => e.kind)).toEqual(['account', 'transaction']);
    expect(result.transactions[0]).toMatchObject({
      account: { value: 'LATE' },
      currency: 'GBP',
      amountMinor: 325,
    });
  });

  it('treats a negative amount without debitCreditMemo as a debit, and skips MEMO entries', async () => {
    const text =
      '{"transactions":[{"accountId":"a","postedTimestamp":"2024-01-01","amount":-2,"currency":"EUR"},' +
      '{"accountId":"a","postedTimestamp":"2024-01-01","amount":2,"currency":"EUR","debitCreditMemo":"MEMO"}]}';
    const result = await parseText(text);
    expect(result.transactions.map((t) => [t.direction, t.amountMinor])).toEqual([['debit', 200]]);
    expect(result.notices[0]).toMatchObject({ kind: 'not-a-statement' });
  });

  it('gives notices for malformed JSON and for JSON that is no feed', async () => {
    const broken = await parseText('{"accounts":[{"accountId":"a","transactions":[{"amount": 1,, }]}]}', 5);
    expect(broken.notices).toHaveLength(1);
    expect(broken.notices[0]!.kind).toBe('invalid-file');
    expect(broken.notices[0]!.message).toMatch(/^malformed JSON( after \/[^:]*)?: Parser cannot parse input/);
    expect((await parseText('{"data": [1, 2, 3]}')).notices).toEqual([
      {
        kind: 'not-a-statement',
        message: 'JSON document has neither "accounts" nor "transactions": not an FDX transaction feed',
      },
    ]);
    expect((await parseText('')).notices[0]!.kind).toBe('invalid-file');
  });
});

describe('FDX streaming', () => {
  it('parses 60,000 generated transactions with bounded heap growth', async () => {
    const count = 60_000;
    const { stream, bytes } = generatedStream(function* () {
      yield '{"accounts":[{"accountId":"big","currency":{"currencyCode":"USD"},"transactions":[';
      for (let i = 0; i < count; i++) {
        yield `${i === 0 ? '' : ','}{"transactionId":"t-${i}","postedTimestamp":"2024-02-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z","amount":${i % 700}.${String(i % 100).padStart(2, '0')},"debitCreditMemo":"DEBIT","description":"Card payment number ${i}","merchant":{"name":"Merchant ${i % 300}"},"merchantCategoryCode":5411,"status":"POSTED"}\n`;
      }
      yield ']}]}';
    });
    const report = await measureHeap(parseFdx, stream);
    expect(report.events).toBe(count + 1);
    expect(bytes()).toBeGreaterThan(12_000_000);
    expect(report.peakRetained).toBeLessThan(bytes() / 5);
  });
});
