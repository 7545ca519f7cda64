// Exact rationals: parsing, normal form, arithmetic, ordering, display, and field laws over random values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational, rational } from './rational.ts';

const r = (numerator: bigint, denominator = 1n): Rational => Rational.of(numerator, denominator);

const arbitraryRational = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 20n }))
  .map(([numerator, denominator]) => r(numerator, denominator));

describe('Rational.of', () => {
  it.each([
    [2n, 4n, 1n, 2n],
    [-2n, 4n, -1n, 2n],
    [2n, -4n, -1n, 2n],
    [-2n, -4n, 1n, 2n],
    [0n, 5n, 0n, 1n],
    [0n, -5n, 0n, 1n],
    [7n, 1n, 7n, 1n],
    [10n ** 40n, 10n ** 38n, 100n, 1n],
  ])('normalises %i/%i to %i/%i', (numerator, denominator, expectedNumerator, expectedDenominator) => {
    const value = r(numerator, denominator);
    expect(value.numerator).toBe(expectedNumerator);
    expect(value.denominator).toBe(expectedDenominator);
  });

  it('refuses a zero denominator', () => {
    expect(() => r(1n, 0n)).toThrow(RangeError);
    expect(() => r(0n, 0n)).toThrow(/non-zero denominator/);
  });

  it('gives equal values equal fields, so structural equality works', () => {
    expect(r(3n, 9n)).toEqual(r(-1n, -3n));
    expect(Rational.parse('0.50')).toEqual(r(1n, 2n));
  });

  it('freezes its values', () => {
    const value = r(1n, 10n);
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(Rational.zero)).toBe(true);
    expect(() => {
      (value as { numerator: bigint }).numerator = 5n;
    }).toThrow(TypeError);
    expect(value.numerator).toBe(1n);
  });
});

describe('Rational.parse', () => {
  it.each([
    ['0.1', 1n, 10n],
    ['1', 1n, 1n],
    ['0', 0n, 1n],
    ['-0', 0n, 1n],
    ['+3', 3n, 1n],
    ['-2.5', -5n, 2n],
    ['2.50', 5n, 2n],
    ['007', 7n, 1n],
    ['0.000001', 1n, 1_000_000n],
    ['1e-3', 1n, 1000n],
    ['2.5E2', 250n, 1n],
    ['1.5e+1', 15n, 1n],
    ['1/10', 1n, 10n],
    ['-6/4', -3n, 2n],
    ['+0/7', 0n, 1n],
    ['123456789012345678901234567890.1', 1234567890123456789012345678901n, 10n],
  ])('reads %s as %i/%i', (text, numerator, denominator) => {
    expect(Rational.parse(text)).toEqual(r(numerator, denominator));
  });

  it.each([
    '',
    ' ',
    ' 1',
    '1 ',
    'NaN',
    'Infinity',
    '-Infinity',
    'abc',
    '1.',
    '.5',
    '1..2',
    '--1',
    '+-1',
    '0x10',
    '1_000',
    '1,5',
    '1/',
    '/2',
    '1/-2',
    '1.5/2',
    'e5',
    '1e',
    '1e1.5',
    '½',
    '١',
  ])('refuses %j with a SyntaxError', (text) => {
    expect(() => Rational.parse(text)).toThrow(SyntaxError);
  });

  it('refuses a zero denominator and says so', () => {
    expect(() => Rational.parse('1/0')).toThrow(/zero denominator/);
    expect(() => Rational.parse('0/000')).toThrow(RangeError);
  });

  it('refuses exponents that would allocate a huge BigInt', () => {
    expect(() => Rational.parse('1e999999999')).toThrow(/exponent/);
    expect(() => Rational.parse('1e-999999999')).toThrow(/exponent/);
    expect(Rational.parse('1e-1000')).toEqual(r(1n, 10n ** 1000n));
  });

  it('keeps error messages short for long inputs', () => {
    const error = (() => {
      try {
        Rational.parse('x'.repeat(10_000));
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(error?.message.length).toBeLessThan(200);
  });

  it('reads back what toString writes', () => {
    fc.assert(fc.property(arbitraryRational, (value) => Rational.parse(value.toString()).equals(value)));
  });

  it('reads a decimal as its digits over a power of ten', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.nat(30), (digits, places) => {
        const magnitude = (digits < 0n ? -digits : digits).toString().padStart(places + 1, '0');
        const text = `${digits < 0n ? '-' : ''}${places === 0 ? magnitude : `${magnitude.slice(0, -places)}.${magnitude.slice(-places)}`}`;
        expect(Rational.parse(text)).toEqual(r(digits, 10n ** BigInt(places)));
      }),
    );
  });
});

describe('parseNonNegative and parsePositive', () => {
  it('accepts values in range', () => {
    expect(Rational.parseNonNegative('0')).toEqual(Rational.zero);
    expect(Rational.parseNonNegative('0.3')).toEqual(r(3n, 10n));
    expect(Rational.parsePositive('1e-9')).toEqual(r(1n, 10n ** 9n));
  });

  it('refuses values out of range with a clear message', () => {
    expect(() => Rational.parseNonNegative('-0.1')).toThrow(/must not be negative/);
    expect(() => Rational.parseNonNegative('-1/1000000')).toThrow(RangeError);
    expect(() => Rational.parsePositive('0')).toThrow(/greater than zero/);
    expect(() => Rational.parsePositive('-0.0')).toThrow(/greater than zero/);
    expect(() => Rational.parsePositive('-3')).toThrow(RangeError);
    expect(() => Rational.parsePositive('NaN')).toThrow(SyntaxError);
  });
});

describe('Rational.from', () => {
  it('accepts rationals, bigints, safe integers and strings', () => {
    const tenth = r(1n, 10n);
    expect(Rational.from(tenth)).toBe(tenth);
    expect(Rational.from(5n)).toEqual(r(5n));
    expect(Rational.from(-5)).toEqual(r(-5n));
    expect(Rational.from(Number.MAX_SAFE_INTEGER)).toEqual(r(9007199254740991n));
    expect(Rational.from('0.1')).toEqual(tenth);
    expect(rational('1/10')).toEqual(tenth);
    expect(Rational.from(-0)).toEqual(Rational.zero);
  });

  it.each([0.1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53, 1e300])(
    'refuses the number %d: fractions must arrive as strings',
    (value) => {
      expect(() => Rational.from(value)).toThrow(RangeError);
    },
  );
});

describe('arithmetic', () => {
  it('adds ten tenths to exactly one', () => {
    let sum = Rational.zero;
    for (let i = 0; i < 10; i++) sum = sum.add('0.1');
    expect(sum).toEqual(Rational.one);
    expect(sum.equals(1)).toBe(true);
    expect(sum.toString()).toBe('1');
  });

  it('makes 0.1 + 0.2 exactly 0.3', () => {
    expect(rational('0.1').add('0.2').equals('0.3')).toBe(true);
    expect(rational('0.3').sub('0.1').sub('0.2').isZero()).toBe(true);
  });

  it('spends a budget of 1 in thirds to exactly nothing, then refuses a hair more', () => {
    let remaining = Rational.one;
    for (let i = 0; i < 3; i++) remaining = remaining.sub(r(1n, 3n));
    expect(remaining.isZero()).toBe(true);
    expect(remaining.lessThan(r(1n, 10n ** 30n))).toBe(true);
    expect(remaining.sub(r(1n, 10n ** 30n)).isNegative()).toBe(true);
  });

  it('tells 1/3 from its closest double', () => {
    expect(rational('0.3333333333333333').lessThan(r(1n, 3n))).toBe(true);
    expect(rational('0.3333333333333333').equals(r(1n, 3n))).toBe(false);
  });

  it('computes the four operations', () => {
    const a = r(1n, 6n);
    const b = r(-3n, 4n);
    expect(a.add(b)).toEqual(r(-7n, 12n));
    expect(a.sub(b)).toEqual(r(11n, 12n));
    expect(a.mul(b)).toEqual(r(-1n, 8n));
    expect(a.div(b)).toEqual(r(-2n, 9n));
    expect(a.neg()).toEqual(r(-1n, 6n));
    expect(b.abs()).toEqual(r(3n, 4n));
    expect(a.abs()).toBe(a);
  });

  it('refuses to divide by zero', () => {
    expect(() => Rational.one.div(0)).toThrow(/Division by zero/);
    expect(() => Rational.one.div('0/5')).toThrow(RangeError);
  });

  it('stays exact with huge and tiny values', () => {
    const huge = r(10n ** 400n + 1n, 3n);
    const tiny = r(1n, 10n ** 400n);
    expect(huge.add(tiny).sub(huge)).toEqual(tiny);
    expect(huge.mul(tiny).mul(3n).sub(1n)).toEqual(r(1n, 10n ** 400n));
    expect(tiny.greaterThan(0)).toBe(true);
  });

  it('does not let a sum of many small denominators drift', () => {
    let sum = Rational.zero;
    for (let d = 1n; d <= 200n; d++) sum = sum.add(r(1n, d * (d + 1n)));
    // Σ 1/(d(d+1)) telescopes to 1 − 1/201.
    expect(sum).toEqual(r(200n, 201n));
  });

  it('keeps the operands unchanged', () => {
    const a = r(1n, 2n);
    a.add(a).mul(a).sub(a).div(a);
    expect(a).toEqual(r(1n, 2n));
  });

  it('obeys the field laws', () => {
    fc.assert(
      fc.property(arbitraryRational, arbitraryRational, arbitraryRational, (a, b, c) => {
        expect(a.add(b)).toEqual(b.add(a));
        expect(a.mul(b)).toEqual(b.mul(a));
        expect(a.add(b).add(c)).toEqual(a.add(b.add(c)));
        expect(a.mul(b).mul(c)).toEqual(a.mul(b.mul(c)));
        expect(a.mul(b.add(c))).toEqual(a.mul(b).add(a.mul(c)));
        expect(a.sub(b).add(b)).toEqual(a);
        expect(a.sub(a)).toEqual(Rational.zero);
        if (!b.isZero()) expect(a.div(b).mul(b)).toEqual(a);
      }),
    );
  });

  it('keeps every result normalised', () => {
    const gcd = (x: bigint, y: bigint): bigint => (y === 0n ? (x < 0n ? -x : x) : gcd(y, x % y));
    fc.assert(
      fc.property(arbitraryRational, arbitraryRational, (a, b) => {
        for (const value of [a.add(b), a.sub(b), a.mul(b)]) {
          expect(value.denominator > 0n).toBe(true);
          expect(gcd(value.numerator, value.denominator)).toBe(1n);
        }
      }),
    );
  });
});

describe('ordering', () => {
  it('compares, including negatives and equal values in other forms', () => {
    expect(r(1n, 3n).compare(r(1n, 2n))).toBe(-1);
    expect(r(1n, 2n).compare('0.5')).toBe(0);
    expect(r(-1n, 2n).compare(r(-1n, 3n))).toBe(-1);
    expect(r(2n).compare(1)).toBe(1);
    expect(r(1n, 2n).lessThanOrEqual('0.5')).toBe(true);
    expect(r(1n, 2n).greaterThanOrEqual('0.5')).toBe(true);
    expect(r(1n, 2n).greaterThan('0.5')).toBe(false);
    expect(r(1n, 2n).lessThan('0.5')).toBe(false);
  });

  it('takes the min and max', () => {
    expect(r(1n, 3n).min(r(1n, 2n))).toEqual(r(1n, 3n));
    expect(r(1n, 3n).max('0.5')).toEqual(r(1n, 2n));
    expect(r(-5n).min(0)).toEqual(r(-5n));
  });

  it('orders as cross-multiplication does, antisymmetrically', () => {
    fc.assert(
      fc.property(arbitraryRational, arbitraryRational, (a, b) => {
        const expected = Math.sign(Number(a.numerator * b.denominator - b.numerator * a.denominator));
        expect(a.compare(b)).toBe(expected);
        expect(b.compare(a)).toBe(-expected || 0);
        expect(a.min(b).lessThanOrEqual(a.max(b))).toBe(true);
      }),
    );
  });

  it('tells the sign and integrality', () => {
    expect(Rational.zero.isZero()).toBe(true);
    expect(r(-1n, 7n).isNegative()).toBe(true);
    expect(r(1n, 7n).isPositive()).toBe(true);
    expect(Rational.zero.isPositive()).toBe(false);
    expect(Rational.zero.isNegative()).toBe(false);
    expect(r(14n, 7n).isInteger()).toBe(true);
    expect(r(1n, 7n).isInteger()).toBe(false);
  });

  it.each([
    [7n, 2n, 3n],
    [-7n, 2n, -4n],
    [6n, 3n, 2n],
    [-6n, 3n, -2n],
    [0n, 1n, 0n],
    [-1n, 10n ** 30n, -1n],
  ])('floors %i/%i to %i', (numerator, denominator, expected) => {
    expect(r(numerator, denominator).floor()).toBe(expected);
  });
});

describe('display and JSON', () => {
  it.each([
    [r(1n, 10n), '1/10'],
    [r(-1n, 10n), '-1/10'],
    [r(5n), '5'],
    [Rational.zero, '0'],
  ])('writes %s', (value, text) => {
    expect(value.toString()).toBe(text);
    expect(value.toJSON()).toBe(text);
  });

  it('serialises exactly inside JSON', () => {
    expect(JSON.stringify({ epsilon: r(1n, 3n) })).toBe('{"epsilon":"1/3"}');
  });

  it.each([
    [r(1n, 3n), 2, '0.33'],
    [r(2n, 3n), 2, '0.67'],
    [r(-2n, 3n), 2, '-0.67'],
    [r(1n, 8n), 2, '0.13'],
    [r(-1n, 8n), 2, '-0.13'],
    [r(1n, 10n), 4, '0.1000'],
    [r(5n, 2n), 0, '3'],
    [r(-5n, 2n), 0, '-3'],
    [r(123n), 2, '123.00'],
    [r(-1n, 1000n), 2, '0.00'],
    [r(1n, 1000n), 3, '0.001'],
    [r(10n ** 30n + 1n, 10n ** 30n), 3, '1.000'],
  ])('shows %s to %i decimals as %s', (value, digits, text) => {
    expect(value.toDecimalString(digits)).toBe(text);
  });

  it('refuses a bad number of decimals', () => {
    expect(() => Rational.one.toDecimalString(-1)).toThrow(RangeError);
    expect(() => Rational.one.toDecimalString(1.5)).toThrow(RangeError);
  });
});

describe('error messages and edge comparisons', () => {
  it('names the input and the problem in each refusal', () => {
    expect(() => Rational.parse('1/0')).toThrow(new RangeError('"1/0" has a zero denominator.'));
    expect(() => Rational.parse('-3/000')).toThrow(new RangeError('"-3/000" has a zero denominator.'));
    expect(() => Rational.parse('1,5')).toThrow(
      new SyntaxError('"1,5" is not a number: expected a decimal like "0.1" or a fraction like "1/10".'),
    );
    expect(() => Rational.parse('1e1001')).toThrow(new RangeError('"1e1001" has an exponent beyond ±1000.'));
    expect(() => Rational.parseNonNegative('-1/2')).toThrow(new RangeError('"-1/2" must not be negative.'));
    expect(() => Rational.parsePositive('0')).toThrow(new RangeError('"0" must be greater than zero.'));
    expect(() => Rational.from(0.1)).toThrow(
      new RangeError('0.1 is not a safe integer; pass fractions as strings ("0.1") to keep them exact.'),
    );
    expect(() => Rational.of(1n, 0n)).toThrow(new RangeError('A rational needs a non-zero denominator.'));
    expect(() => Rational.one.div(0)).toThrow(new RangeError('Division by zero.'));
  });

  it('quotes inputs of up to 40 characters whole and cuts longer ones with an ellipsis', () => {
    const forty = 'x'.repeat(40);
    expect(() => Rational.parse(forty)).toThrow(`"${forty}" is not a number`);
    expect(() => Rational.parse(`${forty}yz`)).toThrow(`"${forty}…" is not a number`);
  });

  it('refuses a bad number of decimals, naming it', () => {
    for (const digits of [-1, 1.5, Number.NaN, 2 ** 53]) {
      expect(() => Rational.one.toDecimalString(digits)).toThrow(
        new RangeError(`${digits} is not a valid number of decimal digits.`),
      );
    }
  });

  it('answers the comparisons of unequal values', () => {
    expect(r(1n, 2n).lessThanOrEqual('0.4')).toBe(false);
    expect(r(1n, 2n).lessThanOrEqual('0.6')).toBe(true);
    expect(r(1n, 2n).greaterThanOrEqual('0.6')).toBe(false);
    expect(r(1n, 2n).min('0.4')).toEqual(r(2n, 5n));
    expect(r(1n, 2n).max('0.4')).toEqual(r(1n, 2n));
    expect(r(1n, 7n).isZero()).toBe(false);
    expect(r(-1n, 7n).isZero()).toBe(false);
  });

  it('reads every decimal and fraction as BigInt arithmetic does', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 12 }),
        (numerator, denominator, places) => {
          const naiveGcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : naiveGcd(b, a % b));
          const divisor = naiveGcd(numerator < 0n ? -numerator : numerator, denominator);
          const parsed = Rational.parse(`${numerator}/${denominator}`);
          expect([parsed.numerator, parsed.denominator]).toEqual([
            numerator / divisor,
            denominator / divisor,
          ]);
          const magnitude = (numerator < 0n ? -numerator : numerator).toString().padStart(places + 1, '0');
          const text = `${numerator < 0n ? '-' : ''}${places === 0 ? magnitude : `${magnitude.slice(0, -places)}.${magnitude.slice(-places)}`}`;
          expect(Rational.parse(text).mul(10n ** BigInt(places))).toEqual(Rational.of(numerator));
        },
      ),
    );
  });
});
