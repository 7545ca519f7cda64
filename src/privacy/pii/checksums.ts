// Check digits of the numbers the detector recognises: Luhn (cards), and the national ids of a few markets.

/** Luhn check of a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Card numbers by issuer prefix (IIN ranges of Visa, Mastercard, Amex, Discover, JCB, Diners, Maestro). */
export function hasCardPrefix(digits: string): boolean {
  return /^(?:4|5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720)|3[47]|6(?:011|5|4[4-9])|35(?:2[89]|[3-8])|3(?:0[0-5]|[68])|5[06-9]|6)/.test(
    digits,
  );
}

/** UK National Insurance number: two prefix letters (some never used), six digits, suffix A–D. */
export function isValidNino(compact: string): boolean {
  const match = /^([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\d{6}[A-D]$/.exec(compact);
  return match !== null && !['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(match[1]!);
}

/** US Social Security number: area 001–899 but not 666, group and serial not zero. */
export function isValidSsn(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a > 0 && a < 900 && a !== 666 && Number(group) > 0 && Number(serial) > 0;
}

/**
 * German Steuer-ID: 11 digits, no leading zero, among the first ten exactly one digit repeated (twice, or
 * three times but not adjacent three), the last an ISO 7064 MOD 11,10 check digit.
 */
export function isValidSteuerId(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const counts = new Map<string, number>();
  for (const d of digits.slice(0, 10)) counts.set(d, (counts.get(d) ?? 0) + 1);
  const repeated = [...counts.values()].filter((c) => c > 1);
  if (repeated.length !== 1 || repeated[0]! > 3) return false;
  if (repeated[0] === 3 && /(\d)\1\1/.test(digits.slice(0, 10))) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (Number(digits[i]) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10 === Number(digits[10]);
}

/** Dutch BSN: nine digits passing the "elfproef" (9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11), not all zero. */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/**
 * French NIR (numéro de sécurité sociale): sex 1/2, year, month 01–12 (or 20–42, 50–99 for unknown months),
 * department (2A/2B for Corsica), commune, order, then key = 97 − (number mod 97).
 */
export function isValidNir(compact: string): boolean {
  const match = /^([12])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/.exec(compact);
  if (match === null) return false;
  const month = Number(match[3]);
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  const numeric = compact.slice(0, 13).replace('2A', '19').replace('2B', '18');
  return 97 - Number(BigInt(numeric) % 97n) === Number(match[7]);
}
