import { describe, expect, it } from 'vitest';
import { parseCamt053 } from './camt053.ts';
import {
  chunkedStream,
  collect,
  counts,
  fixtureBytes,
  fixtureStream,
  generatedStream,
  measureHeap,
} from './test-support.ts';

const parse = (relative: string, chunkSize?: number) =>
  collect(parseCamt053, fixtureStream(relative, chunkSize));

describe('camt.053 samples from genkgo/camt', () => {
  it.each([
    ['camt053.v2.all-balance-types.xml', 1, 0, 0],
    ['camt053.v2.five.decimals.xml', 1, 0, 0],
    ['camt053.v2.minimal.ultimate.xml', 1, 0, 0],
    ['camt053.v2.minimal.xml', 1, 0, 0],
    ['camt053.v2.with-account-name.xml', 1, 0, 0],
    ['camt053.v2.with-party-ids.xml', 1, 0, 0],
    ['camt053.v2.wrong.xml', 0, 0, 1],
    ['camt053.v3.xml', 1, 0, 0],
    ['camt053.v4.xml', 1, 0, 0],
    ['camt53.only-Dt-with-DtTm.xml', 0, 0, 1],
  ])('%s: %i transactions, %i rejects, %i notices', async (file, transactions, rejects, notices) => {
    expect(counts(await parse(`camt053/${file}`))).toEqual({ transactions, rejects, notices });
  });

  it('reads the 001.02 minimal statement: IBAN account, credit from the debtor', async () => {
    const result = await parse('camt053/camt053.v2.minimal.xml');
    expect(result.accounts).toEqual([{ scheme: 'iban', value: 'NL26VAYB8060476890', currency: 'EUR' }]);
    expect(result.transactions[0]).toEqual({
      account: { scheme: 'iban', value: 'NL26VAYB8060476890', currency: 'EUR' },
      amountMinor: 885,
      currency: 'EUR',
      direction: 'credit',
      bookingDate: '2014-12-31',
      valueDate: '2015-01-02',
      counterpartyName: 'NAME NAME',
      counterpartyAccount: 'NL56AGDH9619008421',
      location: { line: 90, column: 13, element: 'Stmt[1]/Ntry[1]' },
    });
  });

  it('reads five decimals, Othr account ids, owners and end-to-end ids', async () => {
    const decimals = await parse('camt053/camt053.v2.five.decimals.xml');
    expect(decimals.transactions[0]).toMatchObject({
      amountMinor: 885,
      bankReference: '000000001',
      description: 'Transaction Description',
    });
    const balances = await parse('camt053/camt053.v2.all-balance-types.xml');
    expect(balances.events[0]).toEqual({
      kind: 'account',
      account: { scheme: 'bban', value: 'CH2801234000123456789' },
      ownerName: 'FINPETROL',
    });
  });

  it('takes the ultimate debtor when there is no debtor', async () => {
    const result = await parse('camt053/camt053.v2.minimal.ultimate.xml');
    expect(result.transactions[0]!.counterpartyName).toBe('DEBTOR NAME NM');
  });

  it('does not take the account owner as counterparty of a credit', async () => {
    const result = await parse('camt053/camt053.v2.with-account-name.xml');
    expect(result.transactions[0]!.counterpartyName).toBeUndefined();
    expect(result.transactions[0]!.valueDate).toBeUndefined();
  });

  it('reads 001.03 and 001.04: AcctSvcrRef, BICFI, the entry amount over a single TxDtls amount', async () => {
    const v3 = await parse('camt053/camt053.v3.xml');
    expect(v3.accounts[0]).toEqual({
      scheme: 'bban',
      value: 'NL26VAYB8060476890',
      bankId: 'KREDBEBB',
      currency: 'EUR',
    });
    expect(v3.transactions[0]).toMatchObject({
      amountMinor: 885,
      currency: 'EUR',
      bankReference: 'XXXXXXXXXXXXXXXXXXXXXXEUR',
    });
    const v4 = await parse('camt053/camt053.v4.xml');
    expect(v4.transactions[0]).toMatchObject({
      amountMinor: 885,
      currency: 'EUR',
      bankReference: 'AAAASESS-FP-CN_98765/01',
    });
  });

  it('explains the invalid file without a statement', async () => {
    const result = await parse('camt053/camt053.v2.wrong.xml');
    expect(result.notices).toEqual([
      {
        kind: 'invalid-file',
        message: 'camt.053 document holds no statement (Stmt); the schema requires at least one',
        location: { element: 'BkToCstmrStmt' },
      },
    ]);
  });

  it('reports a statement without entries', async () => {
    const result = await parse('camt053/camt53.only-Dt-with-DtTm.xml');
    expect(result.accounts).toEqual([{ scheme: 'iban', value: 'GB33BUKB20201555555555' }]);
    expect(result.notices[0]).toMatchObject({ kind: 'empty-statement', location: { element: 'Stmt[1]' } });
  });
});

describe('camt.053 001.05 to 001.08 fixtures', () => {
  it('001.05: card payment to a merchant, salary from a debtor, a pending entry skipped', async () => {
    const result = await parse('camt053-curtain/camt053.v5.card-and-salary.xml');
    expect(counts(result)).toEqual({ transactions: 2, rejects: 0, notices: 1 });
    expect(result.events[0]).toEqual({
      kind: 'account',
      account: { scheme: 'iban', value: 'DE89370400440532013000', bankId: 'COBADEFFXXX', currency: 'EUR' },
      ownerName: 'Erika Mustermann',
    });
    const [card, salary] = result.transactions;
    expect(card).toMatchObject({
      amountMinor: 4250,
      direction: 'debit',
      bookingDate: '2024-03-01',
      valueDate: '2024-02-29',
      merchantName: 'REWE Markt GmbH',
      description: 'REWE SAGT DANKE 43819',
      bankReference: '2024030100001',
    });
    expect(card!.counterpartyName).toBeUndefined();
    expect(salary).toMatchObject({
      amountMinor: 250000,
      direction: 'credit',
      counterpartyName: 'Beispiel GmbH',
      counterpartyAccount: 'DE02120300000000202051',
      bankReference: 'SAL-2024-03',
      description: 'Gehalt Maerz 2024',
    });
    expect(result.notices[0]!.message).toContain('1 entry not booked');
  });

  it('001.06: a batch entry splits into its priced transactions; bad entries are rejected', async () => {
    const result = await parse('camt053-curtain/camt053.v6.batch-and-rejects.xml');
    expect(counts(result)).toEqual({ transactions: 2, rejects: 2, notices: 0 });
    expect(result.accounts[0]).toEqual({ scheme: 'bban', value: '0532013000', currency: 'EUR' });
    expect(
      result.transactions.map((t) => [
        t.amountMinor,
        t.bankReference,
        t.counterpartyName,
        t.location.element,
      ]),
    ).toEqual([
      [10000, 'BATCH-77/1', 'Stadtwerke Musterstadt', 'Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]'],
      [20000, 'BATCH-77-B', 'Hausverwaltung Nord', 'Stmt[1]/Ntry[1]/NtryDtls/TxDtls[2]'],
    ]);
    expect(result.rejects).toEqual([
      {
        location: { line: 100, column: 9, element: 'Stmt[1]/Ntry[2]/Amt' },
        field: 'amount',
        code: 'amount.invalid',
        reason: 'amount is not a decimal number',
        excerpt: '12,50',
      },
      {
        location: { line: 117, column: 9, element: 'Stmt[1]/Ntry[3]/Amt' },
        field: 'currency',
        code: 'currency.unknown',
        reason: 'Ccy is not an ISO 4217 code',
        excerpt: 'XYZ',
      },
    ]);
  });

  it('001.07: two statements, a date-time booking date, a missing CdtDbtInd', async () => {
    const result = await parse('camt053-curtain/camt053.v7.two-statements.xml');
    expect(counts(result)).toEqual({ transactions: 1, rejects: 1, notices: 1 });
    expect(result.accounts.map((a) => a.value)).toEqual(['CH9300762011623852957', 'CH5604835012345678009']);
    expect(result.transactions[0]).toMatchObject({
      amountMinor: 123405,
      currency: 'CHF',
      bookingDate: '2024-05-02',
      valueDate: '2024-05-03',
      bankReference: 'CH-20240502-0001',
      counterpartyAccount: '0762011623852958',
      description: 'Zahlung Rechnung 118',
    });
    expect(result.rejects[0]).toMatchObject({
      location: { element: 'Stmt[1]/Ntry[2]', line: 84 },
      field: 'direction',
      code: 'direction.missing',
    });
    expect(result.notices[0]).toMatchObject({ kind: 'empty-statement', location: { element: 'Stmt[2]' } });
  });

  it('001.08: status and date choices, parties under Pty, INFO entries skipped', async () => {
    const result = await parse('camt053-curtain/camt053.v8.choices-and-parties.xml');
    expect(counts(result)).toEqual({ transactions: 3, rejects: 0, notices: 1 });
    expect(
      result.transactions.map((t) => [t.amountMinor, t.direction, t.bookingDate, t.bankReference]),
    ).toEqual([
      [6420, 'debit', '2024-06-14', 'NL-ABN-0614-0001'],
      [75000, 'credit', '2024-06-14', 'NL-ABN-0614-0002-TX'],
      [12000, 'debit', '2024-06-14', 'NL-ABN-0614-0003'],
    ]);
    expect(result.transactions[0]!.merchantName).toBe('Albert Heijn 1432');
    expect(result.transactions[1]).toMatchObject({
      counterpartyName: 'P. Jansen',
      counterpartyAccount: 'NL02ABNA0123456789',
      valueDate: '2024-06-14',
    });
    expect(result.transactions[2]).toMatchObject({
      counterpartyName: 'Zorgverzekeraar NV',
      description: 'Premie juni Eigen risico',
    });
    expect(result.notices[0]!.message).toContain('1 entry not booked');
  });

  it('gives the same events whatever the chunk size', async () => {
    for (const file of ['camt053.v6.batch-and-rejects.xml', 'camt053.v8.choices-and-parties.xml']) {
      const bytes = fixtureBytes(`camt053-curtain/${file}`);
      const whole = await collect(parseCamt053, chunkedStream(bytes, bytes.length));
      for (const size of [1, 13, 500]) {
        expect((await collect(parseCamt053, chunkedStream(bytes, size))).events).toEqual(whole.events);
      }
    }
  });
});

const documentFor = (namespace: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="${namespace}"><BkToCstmrStmt>${body}</BkToCstmrStmt></Document>`;
const v8 = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.08';

describe('camt.053 problems', () => {
  it('names line and column of malformed XML and keeps what came before', async () => {
    const text = documentFor(
      v8,
      '<Stmt><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>\n<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-01-01</Dt></BookgDt></Ntry>\n<Ntry><Amt Ccy="EUR">2.00</Amt></Ntr></Stmt>',
    );
    const result = await collect(parseCamt053, chunkedStream(text, 16));
    expect(result.transactions).toHaveLength(1);
    expect(result.notices).toEqual([
      {
        kind: 'invalid-file',
        message: 'malformed XML: unexpected close tag.',
        location: { line: 4, column: 38 },
      },
    ]);
  });

  it('reports a file cut short', async () => {
    const bytes = fixtureBytes('camt053-curtain/camt053.v5.card-and-salary.xml');
    const result = await collect(parseCamt053, chunkedStream(bytes.subarray(0, 3000), 512));
    expect(result.transactions).toHaveLength(1);
    expect(result.notices.map((n) => n.kind)).toEqual(['invalid-file']);
  });

  it('recognises other ISO 20022 messages, other namespaces and unsupported versions', async () => {
    const camt052 = await collect(
      parseCamt053,
      chunkedStream(documentFor('urn:iso:std:iso:20022:tech:xsd:camt.052.001.08', ''), 64),
    );
    expect(camt052.notices).toEqual([
      {
        kind: 'not-a-statement',
        message: 'ISO 20022 camt.052 message, not a camt.053 statement',
        location: { line: 2, column: 1 },
      },
    ]);
    const other = await collect(parseCamt053, chunkedStream('<html><body/></html>', 64));
    expect(other.notices[0]).toMatchObject({ kind: 'not-a-statement' });
    expect(other.notices[0]!.message).toBe(
      'XML root <html> in no namespace is not an ISO 20022 camt.053 document',
    );
    const v9 = await collect(
      parseCamt053,
      chunkedStream(documentFor('urn:iso:std:iso:20022:tech:xsd:camt.053.001.09', ''), 64),
    );
    expect(v9.notices[0]).toMatchObject({
      kind: 'invalid-file',
      message: 'camt.053 version 001.09 is not supported (supported: 001.02 to 001.08)',
    });
  });

  it('gives a notice for an empty or non-XML file', async () => {
    expect((await collect(parseCamt053, chunkedStream('', 64))).notices[0]?.kind).toBe('invalid-file');
    expect((await collect(parseCamt053, chunkedStream('date,amount\n', 64))).notices[0]?.kind).toBe(
      'invalid-file',
    );
  });

  it('rejects entries of a statement without an account, and entries with bad dates', async () => {
    const text = documentFor(
      v8,
      '<Stmt><Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-01-01</Dt></BookgDt></Ntry></Stmt>' +
        '<Stmt><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>' +
        '<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-02-30</Dt></BookgDt></Ntry>' +
        '<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>' +
        '<Ntry><Amt Ccy="EUR">-1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-01-01</Dt></BookgDt></Ntry>' +
        '<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CREDIT</CdtDbtInd><BookgDt><Dt>2024-01-01</Dt></BookgDt></Ntry></Stmt>',
    );
    const result = await collect(parseCamt053, chunkedStream(text, 64));
    expect(result.rejects.map((r) => [r.location.element, r.code])).toEqual([
      ['Stmt[1]/Ntry[1]', 'account.missing'],
      ['Stmt[2]/Ntry[1]/BookgDt', 'date.invalid'],
      ['Stmt[2]/Ntry[2]', 'date.missing'],
      ['Stmt[2]/Ntry[3]/Amt', 'amount.invalid'],
      ['Stmt[2]/Ntry[4]/CdtDbtInd', 'direction.invalid'],
    ]);
    expect(result.notices.map((n) => n.message)).toEqual(['camt.053 Stmt[1] names no account (Acct/Id)']);
  });
});

describe('camt.053 streaming', () => {
  it('parses 50,000 generated entries with bounded heap growth', async () => {
    const entries = 50_000;
    const { stream, bytes } = generatedStream(function* () {
      yield `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="${v8}"><BkToCstmrStmt><GrpHdr><MsgId>BIG</MsgId><CreDtTm>2024-01-01T00:00:00Z</CreDtTm></GrpHdr>\n`;
      yield '<Stmt><Id>BIG-1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>\n';
      for (let i = 0; i < entries; i++) {
        yield `<Ntry><Amt Ccy="EUR">${i % 1000}.${String(i % 100).padStart(2, '0')}</Amt><CdtDbtInd>${i % 3 === 0 ? 'CRDT' : 'DBIT'}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2024-01-${String(1 + (i % 28)).padStart(2, '0')}</Dt></BookgDt><AcctSvcrRef>REF-${i}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>CCRD</Cd><SubFmlyCd>POSD</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls><RltdPties><Cdtr><Pty><Nm>Merchant number ${i % 500}</Nm></Pty></Cdtr></RltdPties><RmtInf><Ustrd>Card payment ${i} at a shop somewhere in town</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n`;
      }
      yield '</Stmt></BkToCstmrStmt></Document>\n';
    });
    const report = await measureHeap(parseCamt053, stream, {}, 10_000);
    expect(report.events).toBe(entries + 1);
    expect(bytes()).toBeGreaterThan(20_000_000);
    expect(report.peakRetained).toBeLessThan(bytes() / 5);
  });
});
