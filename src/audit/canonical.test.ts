// The direct canonical JSON writer against the `canonicalize` library: the same bytes, the same refusals.
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, jsonString } from './canonical.ts';

// Strings over all of UTF-16, surrogate pairs and control characters included (lone surrogates apart).
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({
    unit: fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\u2028', 'é', '😀', 'a'),
  }),
);
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(0, -0, 1e21, 1e-7, 123456789012345680000, 5e-324, Number.MAX_SAFE_INTEGER),
);
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    number,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('json'), { maxLength: 5 }),
    fc.dictionary(text, tie('json'), { maxKeys: 6 }),
  ),
}));

const auditEvent = fc.record(
  {
    at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    type: fc.constantFrom('question.asked', 'message.sent', 'consent.changed'),
    subjectRef: text,
    details: fc.dictionary(text, json, { maxKeys: 8 }),
  },
  { requiredKeys: ['at', 'type', 'details'] },
);

describe('canonical JSON (RFC 8785)', () => {
  it('writes what the canonicalize library writes, for any JSON value', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes what the library writes for audit entries', () => {
    fc.assert(
      fc.property(auditEvent, (entry) => {
        expect(canonicalJson(entry)).toBe(canonicalize(entry));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts keys by UTF-16 code units and writes numbers as ECMAScript does', () => {
    const value = { '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '\ufb33': 4, '1': 5, a: [1e21, 1e-7, -0, 0.1] };
    expect(canonicalJson(value)).toBe(
      '{"\\r":2,"1":5,"a":[1e+21,1e-7,0,0.1],"\u20ac":1,"\ud83d\ude00":3,"\ufb33":4}',
    );
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it('refuses what the library refuses', () => {
    for (const bad of [NaN, Infinity, { a: -Infinity }, ['\ud800'], { '\udc00': 1 }]) {
      expect(() => canonicalJson(bad)).toThrow();
      expect(() => canonicalize(bad)).toThrow();
    }
    expect(() => jsonString('x\ud83dy')).toThrow(/Lone surrogate/);
  });

  it('leaves values that are not plain JSON to the library', () => {
    // eslint-disable-next-line no-sparse-arrays -- a hole, on purpose
    const odd = { d: new Date(0), u: undefined, list: [undefined, 1, , 2], nested: { toJSON: () => 'x' } };
    expect(canonicalJson(odd)).toBe(canonicalize(odd));
    const deep: unknown[] = [];
    let cursor = deep;
    for (let i = 0; i < 200; i++) cursor.push((cursor = []));
    expect(canonicalJson(deep)).toBe(canonicalize(deep));
    expect(canonicalJson(undefined)).toBe(undefined);
  });
});
