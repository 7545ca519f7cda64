// Exact rationals over BigInt: privacy budgets (ε) and noise scales are decided without floating point.

const decimalPattern = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const fractionPattern = /^([+-]?)(\d+)\/(\d+)$/;

/** Exponents beyond this are refused: `1e999999999` would otherwise allocate a billion-digit BigInt. */
const maxExponent = 1000;

/** Anything `Rational.from` accepts: integers, decimal or fraction strings ("0.1", "1e-3", "1/10"). */
export type RationalLike = Rational | bigint | number | string;

/**
 * An exact rational number `numerator/denominator`, always normalised: the denominator is positive
 * and shares no factor with the numerator, so equal values have equal fields. Values are frozen.
 */
export class Rational {
  static readonly zero: Rational = new Rational(0n, 1n);
  static readonly one: Rational = new Rational(1n, 1n);

  readonly numerator: bigint;
  readonly denominator: bigint;

  private constructor(numerator: bigint, denominator: bigint) {
    this.numerator = numerator;
    this.denominator = denominator;
    Object.freeze(this);
  }

  /** `numerator/denominator`, normalised. Throws a RangeError for a zero denominator. */
  static of(numerator: bigint, denominator = 1n): Rational {
    if (denominator === 0n) throw new RangeError('A rational needs a non-zero denominator.');
    if (denominator < 0n) {
      numerator = -numerator;
      denominator = -denominator;
    }
    const divisor = gcd(numerator, denominator);
    return new Rational(numerator / divisor, denominator / divisor);
  }

  /**
   * Parses an integer, a decimal ("0.1", "-2.50", "1e-3") or a fraction ("1/10", the form `toString`
   * writes). No whitespace, no hexadecimal, no "NaN" or "Infinity": a malformed budget is a mistake to
   * report, not to guess at.
   */
  static parse(text: string): Rational {
    const fraction = fractionPattern.exec(text);
    if (fraction) {
      // All three groups always take part in a match: none is ever undefined.
      const [, sign, numerator, denominator] = fraction as unknown as [string, string, string, string];
      if (BigInt(denominator) === 0n) throw new RangeError(`${quote(text)} has a zero denominator.`);
      return Rational.of(BigInt(`${sign}${numerator}`), BigInt(denominator));
    }
    const decimal = decimalPattern.exec(text);
    if (!decimal) {
      throw new SyntaxError(
        `${quote(text)} is not a number: expected a decimal like "0.1" or a fraction like "1/10".`,
      );
    }
    // Sign and whole part always take part in a match; the fraction and exponent are optional.
    const [, sign, whole, fractional = '', exponentText = '0'] = decimal as unknown as [
      string,
      string,
      string,
      string | undefined,
      string | undefined,
    ];
    if (Math.abs(Number(exponentText)) > maxExponent) {
      throw new RangeError(`${quote(text)} has an exponent beyond ±${maxExponent}.`);
    }
    const exponent = Number(exponentText) - fractional.length;
    const digits = BigInt(`${sign}${whole}${fractional}`);
    return exponent >= 0
      ? Rational.of(digits * 10n ** BigInt(exponent))
      : Rational.of(digits, 10n ** BigInt(-exponent));
  }

  /** Like `parse`, but refuses values below zero (a sensitivity, a spent budget). */
  static parseNonNegative(text: string): Rational {
    const value = Rational.parse(text);
    if (value.isNegative()) throw new RangeError(`${quote(text)} must not be negative.`);
    return value;
  }

  /** Like `parse`, but refuses values that are not above zero (an ε, a noise scale). */
  static parsePositive(text: string): Rational {
    const value = Rational.parse(text);
    if (!value.isPositive()) throw new RangeError(`${quote(text)} must be greater than zero.`);
    return value;
  }

  /**
   * Converts a value to a Rational. A JavaScript number must be a safe integer: `0.1` as a double is
   * 3602879701896397/36028797018963968, so fractions must arrive as strings.
   */
  static from(value: RationalLike): Rational {
    if (value instanceof Rational) return value;
    if (typeof value === 'bigint') return Rational.of(value);
    if (typeof value === 'string') return Rational.parse(value);
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(
        `${String(value)} is not a safe integer; pass fractions as strings ("0.1") to keep them exact.`,
      );
    }
    return Rational.of(BigInt(value));
  }

  add(other: RationalLike): Rational {
    const b = Rational.from(other);
    return Rational.of(
      this.numerator * b.denominator + b.numerator * this.denominator,
      this.denominator * b.denominator,
    );
  }

  sub(other: RationalLike): Rational {
    const b = Rational.from(other);
    return Rational.of(
      this.numerator * b.denominator - b.numerator * this.denominator,
      this.denominator * b.denominator,
    );
  }

  mul(other: RationalLike): Rational {
    const b = Rational.from(other);
    return Rational.of(this.numerator * b.numerator, this.denominator * b.denominator);
  }

  /** Throws a RangeError when dividing by zero. */
  div(other: RationalLike): Rational {
    const b = Rational.from(other);
    if (b.numerator === 0n) throw new RangeError('Division by zero.');
    return Rational.of(this.numerator * b.denominator, this.denominator * b.numerator);
  }

  neg(): Rational {
    return Rational.of(-this.numerator, this.denominator);
  }

  abs(): Rational {
    return this.numerator < 0n ? this.neg() : this;
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `other`. */
  compare(other: RationalLike): -1 | 0 | 1 {
    const b = Rational.from(other);
    const left = this.numerator * b.denominator;
    const right = b.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  equals(other: RationalLike): boolean {
    return this.compare(other) === 0;
  }

  lessThan(other: RationalLike): boolean {
    return this.compare(other) < 0;
  }

  lessThanOrEqual(other: RationalLike): boolean {
    return this.compare(other) <= 0;
  }

  greaterThan(other: RationalLike): boolean {
    return this.compare(other) > 0;
  }

  greaterThanOrEqual(other: RationalLike): boolean {
    return this.compare(other) >= 0;
  }

  min(other: RationalLike): Rational {
    const b = Rational.from(other);
    return this.lessThanOrEqual(b) ? this : b;
  }

  max(other: RationalLike): Rational {
    const b = Rational.from(other);
    return this.greaterThanOrEqual(b) ? this : b;
  }

  isZero(): boolean {
    return this.numerator === 0n;
  }

  isNegative(): boolean {
    return this.numerator < 0n;
  }

  isPositive(): boolean {
    return this.numerator > 0n;
  }

  isInteger(): boolean {
    return this.denominator === 1n;
  }

  /** The greatest integer not above this value (rounds towards −∞, unlike BigInt division). */
  floor(): bigint {
    const quotient = this.numerator / this.denominator;
    return this.numerator < 0n && quotient * this.denominator !== this.numerator ? quotient - 1n : quotient;
  }

  /** "1/10", or "3" for an integer; `parse` reads it back. */
  toString(): string {
    return this.denominator === 1n ? `${this.numerator}` : `${this.numerator}/${this.denominator}`;
  }

  /** For display only: rounded to `digits` decimals, halves away from zero ("0.33" for 1/3 at 2). */
  toDecimalString(digits: number): string {
    if (!Number.isSafeInteger(digits) || digits < 0) {
      throw new RangeError(`${digits} is not a valid number of decimal digits.`);
    }
    const scale = 10n ** BigInt(digits);
    const magnitude = this.numerator < 0n ? -this.numerator : this.numerator;
    const scaled = (2n * magnitude * scale + this.denominator) / (2n * this.denominator);
    const text = scaled.toString().padStart(digits + 1, '0');
    const sign = this.numerator < 0n && scaled !== 0n ? '-' : '';
    if (digits === 0) return `${sign}${text}`;
    return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
  }

  /** Serialised as the exact fraction string, so JSON never rounds a budget. */
  toJSON(): string {
    return this.toString();
  }
}

/** Shorthand for `Rational.from`. */
export function rational(value: RationalLike): Rational {
  return Rational.from(value);
}

/** The positive greatest common divisor of `a` and a positive `b` (`of` makes the denominator positive first). */
function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
