import { describe, expect, it } from 'vitest';
import { OfxElementReader, type OfxElementSink } from './ofx-elements.ts';
import { decodeEntities, OfxTokenizer, type OfxToken } from './ofx-tokenizer.ts';

function tokenize(chunks: readonly string[]): { tokens: OfxToken[]; malformed: string[] } {
  const tokens: OfxToken[] = [];
  const malformed: string[] = [];
  const tokenizer = new OfxTokenizer({
    token: (token) => tokens.push(token),
    malformed: (message, line, column) => malformed.push(`${line}:${column} ${message}`),
  });
  for (const chunk of chunks) tokenizer.push(chunk);
  tokenizer.end();
  return { tokens, malformed };
}

/** Elements as compact strings: "+NAME" starts an aggregate, "NAME=value" a leaf, "-NAME" an end. */
function elements(chunks: readonly string[]): string[] {
  const seen: string[] = [];
  const sink: OfxElementSink = {
    start: (name, ancestors) => seen.push(`+${[...ancestors, name].join('/')}`),
    leaf: (name, value, ancestors) => seen.push(`${[...ancestors, name].join('/')}=${value}`),
    end: (name) => seen.push(`-${name}`),
    instruction: (body) => seen.push(`?${body}`),
    malformed: (message) => seen.push(`!${message}`),
  };
  const reader = new OfxElementReader(sink);
  const tokenizer = new OfxTokenizer(reader);
  for (const chunk of chunks) tokenizer.push(chunk);
  tokenizer.end();
  reader.finish();
  return seen;
}

function cuts(text: string): string[][] {
  const ways = [[text], [...text]];
  for (let i = 1; i < text.length; i++) ways.push([text.slice(0, i), text.slice(i)]);
  return ways;
}

describe('OfxTokenizer', () => {
  it('tokenizes tags, text and positions', () => {
    const { tokens } = tokenize(['<OFX>\n  <CODE>0\n</OFX>']);
    expect(tokens).toEqual([
      { kind: 'open', name: 'OFX', line: 1, column: 1 },
      { kind: 'text', text: '\n  ', line: 1, column: 6 },
      { kind: 'open', name: 'CODE', line: 2, column: 3 },
      { kind: 'text', text: '0\n', line: 2, column: 9 },
      { kind: 'close', name: 'OFX', line: 3, column: 1 },
    ]);
  });

  it('reads processing instructions, comments, CDATA, self-closing tags and lower-case names', () => {
    const { tokens } = tokenize([
      '<?xml version="1.0"?><?OFX OFXHEADER="200" VERSION="211"?><!-- a <comment> --><memo><![CDATA[a <b> & c]]></memo><x/>',
    ]);
    expect(
      tokens.map((t) =>
        t.kind === 'text' ? `"${t.text}"` : t.kind === 'instruction' ? `?${t.body}` : `${t.kind}:${t.name}`,
      ),
    ).toEqual([
      '?xml version="1.0"',
      '?OFX OFXHEADER="200" VERSION="211"',
      'open:MEMO',
      '"a <b> & c"',
      'close:MEMO',
      'open:X',
      'close:X',
    ]);
  });

  it('decodes entities but keeps a bare ampersand', () => {
    expect(decodeEntities('AT&amp;T &lt;3 &#233;&#x41; AT&T &bogus;')).toBe('AT&T <3 éA AT&T &bogus;');
    const { tokens } = tokenize(['<NAME>AT&T & SONS &amp; CO']);
    expect(tokens[1]).toMatchObject({ kind: 'text', text: 'AT&T & SONS & CO' });
  });

  it('treats "<" without a tag name as text', () => {
    const { tokens } = tokenize(['<MEMO>price < 5 <3</MEMO>']);
    expect(tokens.map((t) => t.kind)).toEqual(['open', 'text', 'close']);
    expect(tokens[1]).toMatchObject({ text: 'price < 5 <3' });
  });

  it('gives the same tokens however the input is cut', () => {
    const text =
      '<?OFX V="1"?>\n<OFX><!-- c -->\n<STMTTRN><NAME>A&amp;B<![CDATA[<x>]]></NAME><X/></STMTTRN></OFX>';
    const whole = tokenize([text]).tokens;
    for (const chunks of cuts(text)) expect(tokenize(chunks).tokens).toEqual(whole);
  });

  it('reports a tag cut off by the end of the file', () => {
    expect(tokenize(['<OFX><STMTTRN']).malformed).toEqual(['1:6 the file ends inside a tag']);
  });
});

describe('OfxElementReader', () => {
  it('ends OFX 1.x leaves at the next tag', () => {
    expect(elements(['<STATUS><CODE>0<SEVERITY>INFO<MESSAGE>OK</STATUS>'])).toEqual([
      '+STATUS',
      'STATUS/CODE=0',
      'STATUS/SEVERITY=INFO',
      'STATUS/MESSAGE=OK',
      '-STATUS',
    ]);
  });

  it('reads OFX 2.x leaves with end tags, and empty elements as empty leaves', () => {
    expect(
      elements(['<STMTRS><CURDEF></CURDEF><BANKID>NPBS</BANKID><NAME></NAME>\n<MEMO>x</MEMO></STMTRS>']),
    ).toEqual([
      '+STMTRS',
      'STMTRS/CURDEF=',
      'STMTRS/BANKID=NPBS',
      'STMTRS/NAME=',
      'STMTRS/MEMO=x',
      '-STMTRS',
    ]);
  });

  it('takes an element followed by an unrelated end tag as an empty leaf', () => {
    expect(elements(['<STMTTRN><TRNAMT>1<NAME></STMTTRN>'])).toEqual([
      '+STMTTRN',
      'STMTTRN/TRNAMT=1',
      'STMTTRN/NAME=',
      '-STMTTRN',
    ]);
  });

  it('closes elements opened after a missing end tag, and ignores stray end tags', () => {
    expect(elements(['<A><B><C>1</X></A>'])).toEqual(['+A', '+A/B', 'A/B/C=1', '-B', '-A']);
  });

  it('trims values and keeps inner spaces', () => {
    expect(elements(['<NAME>  TRANSFERRED FROM     VS X10  \n<X>'])[0]).toBe(
      'NAME=TRANSFERRED FROM     VS X10',
    );
  });

  it('gives the same elements however an SGML file is cut', () => {
    const text =
      '<OFX><STMTTRN><TRNTYPE>POS<TRNAMT>-6.60<NAME>MCDONALD&apos;S</STMTTRN><STMTTRN><NAME></NAME></STMTTRN></OFX>';
    const whole = elements([text]);
    expect(whole).toContain("OFX/STMTTRN/NAME=MCDONALD'S");
    for (const chunks of cuts(text)) expect(elements(chunks)).toEqual(whole);
  });
});
