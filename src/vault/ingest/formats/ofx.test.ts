import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ofxEncoding, parseOfx } from './ofx.ts';
import {
  chunkedStream,
  collect,
  counts,
  fixtureBytes,
  fixtureStream,
  generatedStream,
  measureHeap,
} from './test-support.ts';

const parse = (file: string, chunkSize?: number) =>
  collect(parseOfx, fixtureStream(`ofx/${file}`, chunkSize));

describe('OFX samples from jseutter/ofxparse', () => {
  it.each([
    ['account_listing_aggregation.ofx', 0, 0, 1, 'not-a-statement'],
    ['anzcc.ofx', 1, 0, 0, undefined],
    ['bank_medium.ofx', 3, 0, 0, undefined],
    ['bank_small.ofx', 0, 0, 1, 'not-a-statement'],
    ['checking.ofx', 3, 0, 0, undefined],
    ['error_message.ofx', 0, 0, 1, 'not-a-statement'],
    ['fidelity-savings.ofx', 0, 0, 1, 'investment-statement'],
    ['investment_401k.ofx', 0, 0, 1, 'investment-statement'],
    ['investment_medium.ofx', 0, 0, 1, 'investment-statement'],
    ['multiple_accounts.ofx', 0, 0, 2, 'empty-statement'],
    ['multiple_accounts2.ofx', 0, 0, 2, 'empty-statement'],
    ['ofx-v102-empty-tags.ofx', 1, 0, 0, undefined],
    ['signon_fail.ofx', 0, 0, 1, 'not-a-statement'],
    ['signon_success.ofx', 0, 0, 1, 'not-a-statement'],
    ['signon_success_no_message.ofx', 0, 0, 1, 'not-a-statement'],
    ['td_ameritrade.ofx', 0, 0, 1, 'investment-statement'],
    ['tiaacref.ofx', 0, 0, 1, 'investment-statement'],
    ['vanguard.ofx', 0, 0, 1, 'investment-statement'],
    ['vanguard401k.ofx', 0, 0, 1, 'investment-statement'],
  ])(
    '%s: %i transactions, %i rejects, %i notices (%s)',
    async (file, transactions, rejects, notices, kind) => {
      const result = await parse(file);
      expect(counts(result)).toEqual({ transactions, rejects, notices });
      if (kind !== undefined) expect(result.notices.every((n) => n.kind === kind)).toBe(true);
    },
  );

  it('reads bank_medium.ofx (SGML, one line per transaction)', async () => {
    const result = await parse('bank_medium.ofx');
    expect(result.accounts).toEqual([
      { scheme: 'bban', value: '12300000012345678', bankId: '160000100', currency: 'CAD' },
    ]);
    expect(result.transactions[0]).toEqual({
      account: { scheme: 'bban', value: '12300000012345678', bankId: '160000100', currency: 'CAD' },
      amountMinor: 660,
      currency: 'CAD',
      direction: 'debit',
      bookingDate: '2009-04-01',
      bankReference: '0000123456782009040100001',
      merchantName: "MCDONALD'S #112",
      description: "POS MERCHANDISE;MCDONALD'S #112",
      location: { line: 15, column: 1, element: 'STMTRS[1]/STMTTRN[1]' },
    });
    expect(result.transactions[2]).toMatchObject({
      amountMinor: 2200,
      bookingDate: '2009-04-03',
      bankReference: '0000123456782009040300005',
      merchantName: "CONNIE'S HAIR D",
    });
  });

  it('reads checking.ofx: a credit names a counterparty, debits a merchant', async () => {
    const result = await parse('checking.ofx');
    expect(result.accounts[0]).toEqual({
      scheme: 'bban',
      value: '1452687~7',
      bankId: '5472369148',
      currency: 'USD',
    });
    expect(
      result.transactions.map((t) => [t.bookingDate, t.amountMinor, t.direction, t.bankReference]),
    ).toEqual([
      ['2011-03-31', 1, 'credit', '0000486'],
      ['2011-04-05', 3451, 'debit', '0000487'],
      ['2011-04-07', 2500, 'debit', '0000488'],
    ]);
    expect(result.transactions[0]!.counterpartyName).toBe('DIVIDEND EARNED FOR PERIOD OF 03');
    expect(result.transactions[0]!.merchantName).toBeUndefined();
    expect(result.transactions[2]!.merchantName).toBe('RETURNED CHECK FEE, CHECK # 319');
  });

  it('reads anzcc.ofx: a credit card statement in OFX 2 without end tags on leaves', async () => {
    const result = await parse('anzcc.ofx');
    expect(result.accounts).toEqual([{ scheme: 'bban', value: '1234123412341234', currency: 'AUD' }]);
    expect(result.transactions[0]).toMatchObject({
      amountMinor: 550,
      currency: 'AUD',
      direction: 'debit',
      bookingDate: '2017-05-08',
      bankReference: '201705080001',
      description: 'SOME MEMO',
      location: { element: 'CCSTMTRS[1]/STMTTRN[1]' },
    });
  });

  it('reads ofx-v102-empty-tags.ofx: empty tags are absent values, CURRENCY gives the currency', async () => {
    const result = await parse('ofx-v102-empty-tags.ofx');
    expect(result.accounts).toEqual([{ scheme: 'bban', value: '12345678', bankId: 'NPBS' }]);
    const [transaction] = result.transactions;
    expect(transaction).toEqual({
      account: { scheme: 'bban', value: '12345678', bankId: 'NPBS' },
      amountMinor: 1234,
      currency: 'AUD',
      direction: 'credit',
      bookingDate: '2018-05-07',
      valueDate: '2018-05-07',
      description: 'CBA:Transfer',
      location: { line: 23, column: 475, element: 'STMTRS[1]/STMTTRN[1]' },
    });
  });

  it('names what the other files are', async () => {
    const message = async (file: string) => (await parse(file)).notices.map((n) => n.message);
    expect(await message('signon_success.ofx')).toEqual(['OFX sign-on response without statements']);
    expect(await message('signon_fail.ofx')).toEqual([
      'OFX error response: code 15500 (sign-on invalid: wrong user ID or password) for the sign-on',
    ]);
    expect(await message('error_message.ofx')).toEqual([
      'OFX error response: code 2000 (general error) for the bank statement request',
    ]);
    expect(await message('account_listing_aggregation.ofx')).toEqual([
      'OFX account list response without statements (4 accounts)',
    ]);
    expect(await message('bank_small.ofx')).toEqual(['OFX document without sign-on or statements']);
    expect(await message('fidelity-savings.ofx')).toEqual([
      'OFX investment statement 1 not imported: holdings and trades are out of scope; its 4 cash transactions (INVBANKTRAN) were skipped',
    ]);
    expect((await parse('multiple_accounts.ofx')).accounts.map((a) => a.value)).toEqual(['9100', '9200']);
  });

  it('gives the same events whatever the chunk size', async () => {
    for (const file of [
      'bank_medium.ofx',
      'checking.ofx',
      'anzcc.ofx',
      'ofx-v102-empty-tags.ofx',
      'vanguard.ofx',
    ]) {
      const bytes = fixtureBytes(`ofx/${file}`);
      const whole = await collect(parseOfx, chunkedStream(bytes, bytes.length));
      for (const size of [1, 2, 7, 100]) {
        expect((await collect(parseOfx, chunkedStream(bytes, size))).events, `${file} / ${size}`).toEqual(
          whole.events,
        );
      }
    }
  });
});

const sgml = (
  body: string,
  header = 'OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nENCODING:USASCII\nCHARSET:1252\n\n',
) =>
  `${header}<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS></SONRS></SIGNONMSGSRSV1>` +
  `<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>EUR` +
  `<BANKACCTFROM><BANKID>1<ACCTID>42<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>${body}</BANKTRANLIST>` +
  `</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n`;

describe('OFX details', () => {
  it('decodes windows-1252 as the header says', async () => {
    const text = sgml(
      '<STMTTRN><TRNTYPE>POS<DTPOSTED>20240102<TRNAMT>-3.50<FITID>1<NAME>Café Müller – Köln</STMTTRN>',
    );
    const result = await collect(parseOfx, chunkedStream(iconv.encode(text, 'windows-1252'), 50));
    expect(result.transactions[0]!.merchantName).toBe('Café Müller – Köln');
  });

  it('chooses the decoder from the header', () => {
    expect(ofxEncoding('OFXHEADER:100\r\nENCODING:USASCII\r\nCHARSET:1252\r\n')).toBe('windows-1252');
    expect(ofxEncoding('OFXHEADER:100\nENCODING:UTF-8\nCHARSET:NONE\n')).toBe('utf-8');
    expect(ofxEncoding('OFXHEADER:100\nENCODING:USASCII\nCHARSET:ISO-8859-1\n')).toBe('latin1');
    expect(ofxEncoding('<?xml version="1.0" encoding="UTF-8"?><?OFX OFXHEADER="200"?>')).toBe('UTF-8');
    expect(ofxEncoding('<OFX>')).toBe('utf-8');
  });

  it('rejects bad transactions with their element and line, and keeps the good ones', async () => {
    const text = sgml(
      '\n<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240102<TRNAMT>abc<FITID>1</STMTTRN>' +
        '\n<STMTTRN><TRNTYPE>DEBIT<TRNAMT>-1.00<FITID>2</STMTTRN>' +
        '\n<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20241340<TRNAMT>-1.00<FITID>3</STMTTRN>' +
        '\n<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240102<FITID>4</STMTTRN>' +
        '\n<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240102<TRNAMT>-1.00<FITID>5<CURRENCY><CURRATE>1<CURSYM>ZZZ</CURRENCY></STMTTRN>' +
        '\n<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240102<TRNAMT>-1,25<FITID>6</STMTTRN>',
    );
    const result = await collect(parseOfx, chunkedStream(text, 33));
    expect(result.rejects.map((r) => [r.location.line, r.location.element, r.field, r.code])).toEqual([
      [8, 'STMTRS[1]/STMTTRN[1]/TRNAMT', 'amount', 'amount.invalid'],
      [9, 'STMTRS[1]/STMTTRN[2]', 'bookingDate', 'date.missing'],
      [10, 'STMTRS[1]/STMTTRN[3]/DTPOSTED', 'bookingDate', 'date.invalid'],
      [11, 'STMTRS[1]/STMTTRN[4]', 'amount', 'amount.missing'],
      [12, 'STMTRS[1]/STMTTRN[5]/CURRENCY/CURSYM', 'currency', 'currency.unknown'],
    ]);
    expect(result.transactions).toHaveLength(1);
    expect(result.transactions[0]).toMatchObject({
      amountMinor: 125,
      direction: 'debit',
      bankReference: '6',
    });
  });

  it('takes the direction of a zero amount from TRNTYPE; ORIGCURRENCY does not change the currency', async () => {
    const text = sgml(
      '<STMTTRN><TRNTYPE>FEE<DTPOSTED>20240102<TRNAMT>0.00<FITID>1</STMTTRN>' +
        '<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20240102<TRNAMT>0<FITID>2</STMTTRN>' +
        '<STMTTRN><TRNTYPE>POS<DTPOSTED>20240102<TRNAMT>-9.00<FITID>3<ORIGCURRENCY><CURRATE>1.1<CURSYM>USD</ORIGCURRENCY></STMTTRN>' +
        '<STMTTRN><TRNTYPE>XFER<DTPOSTED>20240102<DTAVAIL>20240104<TRNAMT>5<FITID>4<PAYEE><NAME>Landlord<ADDR1>x</PAYEE><BANKACCTTO><BANKID>9<ACCTID>777<ACCTTYPE>CHECKING</BANKACCTTO></STMTTRN>',
    );
    const result = await collect(parseOfx, chunkedStream(text, 64));
    expect(result.transactions.map((t) => [t.direction, t.currency, t.amountMinor])).toEqual([
      ['debit', 'EUR', 0],
      ['credit', 'EUR', 0],
      ['debit', 'EUR', 900],
      ['credit', 'EUR', 500],
    ]);
    expect(result.transactions[3]).toMatchObject({
      valueDate: '2024-01-04',
      counterpartyName: 'Landlord',
      counterpartyAccount: '777',
    });
  });

  it('reports a file cut short without reading the unfinished transaction', async () => {
    const text = sgml(
      '<STMTTRN><TRNTYPE>POS<DTPOSTED>20240102<TRNAMT>-3.50<FITID>1</STMTTRN><STMTTRN><TRNTYPE>POS<DTPOSTED>2024',
    );
    const cut = text.slice(0, text.indexOf('<DTPOSTED>2024', text.indexOf('<FITID>1')) + 14);
    const result = await collect(parseOfx, chunkedStream(cut, 64));
    expect(result.transactions).toHaveLength(1);
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0]!.kind).toBe('invalid-file');
    expect(result.notices[0]!.message).toContain('the last, unfinished transaction was not read');
  });

  it('uses the default currency when the file has none', async () => {
    const text = sgml('<STMTTRN><TRNTYPE>POS<DTPOSTED>20240102<TRNAMT>-3.50<FITID>1</STMTTRN>').replace(
      '<CURDEF>EUR',
      '',
    );
    expect((await collect(parseOfx, chunkedStream(text, 64))).rejects[0]!.code).toBe('currency.missing');
    const result = await collect(parseOfx, chunkedStream(text, 64), { defaultCurrency: 'usd' });
    expect(result.transactions[0]!.currency).toBe('USD');
  });

  it('gives a notice for files that are not OFX', async () => {
    expect((await collect(parseOfx, chunkedStream('date,amount\n2024-01-01,1\n', 8))).notices).toEqual([
      { kind: 'invalid-file', message: 'not an OFX file: there is no <OFX> element' },
    ]);
    expect((await collect(parseOfx, chunkedStream('', 8))).notices[0]!.kind).toBe('invalid-file');
  });
});

describe('OFX streaming', () => {
  it('parses 100,000 generated transactions with bounded heap growth', async () => {
    const count = 100_000;
    const { stream, bytes } = generatedStream(function* () {
      const [head, tail] = sgml('@@').split('@@') as [string, string];
      yield head;
      for (let i = 0; i < count; i++) {
        yield `<STMTTRN>\n<TRNTYPE>POS\n<DTPOSTED>202401${String(1 + (i % 28)).padStart(2, '0')}120000.000[-5:EST]\n<TRNAMT>-${i % 900}.${String(i % 100).padStart(2, '0')}\n<FITID>${i}\n<NAME>Merchant ${i % 400}\n<MEMO>Card payment number ${i} somewhere\n</STMTTRN>\n`;
      }
      yield tail;
    });
    const report = await measureHeap(parseOfx, stream);
    expect(report.events).toBe(count + 1);
    expect(bytes()).toBeGreaterThan(15_000_000);
    expect(report.peakRetained).toBeLessThan(bytes() / 5);
  });
});
