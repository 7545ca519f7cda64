// COPY text: the parser undoes the writer, and COPY TO statements bind only safe literals.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bindCopyParameters,
  byteaFromCopy,
  copyFieldValue,
  copyParameterLiteral,
  copyRow,
  copyToStatement,
  lastKeyRun,
  parseCopyRows,
  type CopyValue,
} from './copy-text.ts';

const value: fc.Arbitrary<CopyValue> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\t', '\n', '\r', '\\', '\\N', '', 'a\\tb', '\u2028', '𝄞'),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.uint8Array({ maxLength: 20 }),
  fc.constant(null),
);

describe('COPY text', () => {
  it('parses back what the writer wrote', () => {
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), { maxLength: 20 }), (rows) => {
        const parsed: (string | null)[][] = [];
        const count = parseCopyRows(rows.map(copyRow).join(''), (fields) => parsed.push([...fields]));
        expect(count).toBe(rows.length);
        rows.forEach((row, r) => {
          expect(parsed[r]!.length).toBe(row.length);
          row.forEach((v, i) => {
            const back = parsed[r]![i]!;
            if (v === null || v === undefined) expect(back).toBeNull();
            else if (v instanceof Uint8Array) expect(byteaFromCopy(back)).toEqual(Buffer.from(v));
            else if (typeof v === 'object') throw new Error('no ByteaHex in this property');
            else expect(back).toBe(String(v));
          });
        });
      }),
      { seed: 20240229, numRuns: 300 },
    );
  });

  it('undoes every escape PostgreSQL accepts', () => {
    expect(copyFieldValue('\\N')).toBeNull();
    expect(copyFieldValue('\\\\N')).toBe('\\N');
    expect(copyFieldValue('a\\bb\\fc\\nd\\re\\tf\\vg\\\\h\\qi')).toBe('a\bb\fc\nd\re\tf\vg\\hqi');
    expect(copyFieldValue('\\101\\x42\\x4g\\0\\xz')).toBe('AB\u0004g\u0000xz');
    expect(() => copyFieldValue('\\303\\251')).toThrow(SyntaxError);
    expect(() => copyFieldValue('end\\')).toThrow(SyntaxError);
    expect(() => byteaFromCopy('\\x0')).toThrow(SyntaxError);
    expect(() => parseCopyRows('1\t2', () => undefined)).toThrow(SyntaxError);
  });

  it('finds the run of rows sharing the last key', () => {
    expect(lastKeyRun('1\ta\n2\tb\n2\tc\n')).toEqual({ key: '2', start: 4 });
    expect(lastKeyRun('5\n5\n')).toEqual({ key: '5', start: 0 });
    expect(lastKeyRun('-3\tx\n')).toEqual({ key: '-3', start: 0 });
    expect(() => lastKeyRun('\\N\tx\n')).toThrow(TypeError);
  });
});

describe('COPY TO statements', () => {
  it('pages by the first column, checked to be an integer', () => {
    expect(copyToStatement('SELECT id FROM t', 'STDOUT')).toBe(
      "COPY (SELECT * FROM (SELECT id FROM t\n) AS copy_source (copy_key) WHERE int8eq(copy_key, copy_key) ORDER BY copy_key) TO STDOUT (FORMAT text, ENCODING 'UTF8')",
    );
    expect(
      copyToStatement('SELECT id FROM t', "'/dev/blob'", { after: '7', inclusive: true, limit: 10 }),
    ).toMatch(
      /WHERE int8eq\(copy_key, copy_key\) AND copy_key >= \(7\) ORDER BY copy_key LIMIT 10\) TO '\/dev\/blob'/,
    );
    expect(copyToStatement('SELECT id FROM t', 'STDOUT', { key: '-2' })).toMatch(
      /AND copy_key = \(-2\) ORDER/,
    );
    expect(() => copyToStatement('SELECT 1', 'STDOUT', { key: '1; DROP TABLE t' })).toThrow(TypeError);
    expect(() =>
      copyToStatement('SELECT 1', 'STDOUT', { after: undefined, inclusive: false, limit: 0 }),
    ).toThrow(RangeError);
  });

  it('renders only values whose text cannot carry SQL', () => {
    expect(copyParameterLiteral(-5)).toBe('(-5)');
    expect(copyParameterLiteral(1e21)).toBe('(1e+21)');
    expect(copyParameterLiteral(12n)).toBe('(12)');
    expect(copyParameterLiteral(false)).toBe('FALSE');
    expect(copyParameterLiteral(null)).toBe('NULL');
    expect(copyParameterLiteral(new Date('2024-02-29T12:00:00Z'))).toBe(
      "TIMESTAMPTZ '2024-02-29T12:00:00.000Z'",
    );
    expect(copyParameterLiteral([1, -2n])).toBe("'{1,-2}'");
    for (const bad of [Number.NaN, Infinity, new Date('x'), [1.5], ['1'], 'text', {}]) {
      expect(() => copyParameterLiteral(bad as never)).toThrow();
    }
  });

  it('binds placeholders outside strings, identifiers, dollar quotes and comments', () => {
    const sql = `SELECT $1, '$1''$2', E'\\'$1', "$1", $q$ $1 $q$, $$ $2 $$, a$1 /* $1 /* $2 */ */ -- $2\n, x-$2`;
    expect(bindCopyParameters(sql, [7, -8])).toBe(
      `SELECT (7), '$1''$2', E'\\'$1', "$1", $q$ $1 $q$, $$ $2 $$, a$1 /* $1 /* $2 */ */ -- $2\n, x-(-8)`,
    );
    expect(() => bindCopyParameters('SELECT $2', [1])).toThrow(RangeError);
    expect(() => bindCopyParameters('SELECT $0', [1])).toThrow(RangeError);
    for (const open of ["SELECT 'x", 'SELECT "x', 'SELECT $a$ x', 'SELECT /* x', "SELECT E'\\'"]) {
      expect(() => bindCopyParameters(open, [])).toThrow(SyntaxError);
    }
  });
});
