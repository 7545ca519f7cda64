import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from './csv-tokenizer.ts';

interface Split {
  records: { fields: string[]; line: number }[];
  malformed: { line: number; code: string }[];
}

function split(chunks: readonly string[], delimiter = ',', quote = '"', maxRecordLength?: number): Split {
  const result: Split = { records: [], malformed: [] };
  const tokenizer = new CsvTokenizer(
    { delimiter, quote, ...(maxRecordLength === undefined ? {} : { maxRecordLength }) },
    {
      record: (fields, line) => result.records.push({ fields: [...fields], line }),
      malformed: (line, code) => result.malformed.push({ line, code }),
    },
  );
  for (const chunk of chunks) tokenizer.push(chunk);
  tokenizer.end();
  return result;
}

/** Every way of cutting `text` in two, plus one character at a time. */
function cuts(text: string): string[][] {
  const ways = [[text], [...text]];
  for (let i = 1; i < text.length; i++) ways.push([text.slice(0, i), text.slice(i)]);
  return ways;
}

describe('CsvTokenizer', () => {
  it('splits plain lines and counts physical lines', () => {
    const { records } = split(['a,b,c\n1,2,3\r\n\n4,,6']);
    expect(records).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1', '2', '3'], line: 2 },
      { fields: ['4', '', '6'], line: 4 },
    ]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text = 'x,"a,b","say ""hi""",y\r\n"multi\nline\r\nfield",2\nlast,"",z\n';
    const expected = [
      { fields: ['x', 'a,b', 'say "hi"', 'y'], line: 1 },
      { fields: ['multi\nline\r\nfield', '2'], line: 2 },
      { fields: ['last', '', 'z'], line: 5 },
    ];
    for (const chunks of cuts(text)) expect(split(chunks).records).toEqual(expected);
  });

  it('keeps a quote inside an unquoted field and text after a closing quote', () => {
    expect(split(['5" disk,"ab"c,d\n']).records[0]!.fields).toEqual(['5" disk', 'abc', 'd']);
  });

  it('handles other delimiters and quote characters', () => {
    expect(split(["a;'b;c';d\n"], ';', "'").records[0]!.fields).toEqual(['a', 'b;c', 'd']);
    expect(split(['a\tb\t"c\td"\n'], '\t').records[0]!.fields).toEqual(['a', 'b', 'c\td']);
  });

  it('reads a last line without a line break', () => {
    for (const chunks of cuts('a,b\nc,"d"')) {
      expect(split(chunks).records).toEqual([
        { fields: ['a', 'b'], line: 1 },
        { fields: ['c', 'd'], line: 2 },
      ]);
    }
  });

  it('reports a quote that never closes and goes on with the next line', () => {
    const result = split(['a,b\n"open,c\nd,e\n']);
    expect(result.malformed).toEqual([{ line: 2, code: 'quote.unclosed' }]);
    expect(result.records).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['d', 'e'], line: 3 },
    ]);
  });

  it('bounds a runaway record instead of buffering the rest of the file', () => {
    const chunks = ['ok,1\n"runaway', ...Array.from({ length: 50 }, () => 'x'.repeat(100)), '\nnext,2\n'];
    const result = split(chunks, ',', '"', 1000);
    expect(result.malformed).toEqual([{ line: 2, code: 'row.too-long' }]);
    expect(result.records).toEqual([
      { fields: ['ok', '1'], line: 1 },
      { fields: ['next', '2'], line: 3 },
    ]);
  });

  it('agrees with csv-parse on generated files cut into random chunks', () => {
    const field = fc.stringMatching(/^[a-z ,"\n;é]{0,8}$/);
    const record = fc.array(field, { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }),
        (records, newline, sizes) => {
          const quoteField = (f: string) =>
            /[,"\n\r]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f;
          const text = records.map((r) => r.map(quoteField).join(',')).join(newline) + newline;
          const chunks: string[] = [];
          for (let i = 0, s = 0; i < text.length; s++) {
            const size = sizes[s % sizes.length]!;
            chunks.push(text.slice(i, i + size));
            i += size;
          }
          const ours = split(chunks).records.map((r) => r.fields);
          const reference: string[][] = parse(text, { relax_column_count: true });
          expect(ours).toEqual(reference);
          expect(ours).toEqual(records);
        },
      ),
      { numRuns: 500 },
    );
  });
});
