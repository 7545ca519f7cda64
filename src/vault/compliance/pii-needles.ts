// What an erasure looks for afterwards: a customer's PII in every form the vault could have stored it.
import type { CustomerPii } from '../../core/identity.ts';

/** One form of one piece of PII; `kind` is safe to report, the patterns are not. */
export interface Needle {
  readonly kind: string;
  /** Case-insensitive substrings of a row's text form (bytea appears there as lowercase hex). */
  readonly patterns: readonly string[];
}

export interface DerivedForms {
  /** Blind indexes and tokens of the customer's values (keyed digests), as the vault stores them. */
  readonly digests: readonly { readonly kind: string; readonly digest: Uint8Array }[];
}

const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

/** Text needles match as typed and as the hex of their UTF-8 bytes (plaintext stored in a bytea column). */
function textNeedle(kind: string, ...values: string[]): Needle {
  const distinct = [...new Set(values.map((v) => v.trim()).filter((v) => v.length >= 6))];
  return { kind, patterns: distinct.flatMap((v) => [v, hex(v)]) };
}

/**
 * Needles for one customer. Only values distinctive enough not to match other people's rows are used:
 * the full name (never a family name alone: "Lewis" is in "John Lewis"), email, phone, IBAN, national id,
 * street line, external id — not dates of birth or postcodes, which other rows share by chance.
 */
export function piiNeedles(
  pii: CustomerPii,
  externalId: string | undefined,
  derived: DerivedForms,
): Needle[] {
  const needles: Needle[] = [
    textNeedle('name', `${pii.givenName} ${pii.familyName}`, `${pii.familyName}, ${pii.givenName}`),
    textNeedle('email', pii.email),
    textNeedle('phone', pii.phone, compactPhone(pii.phone)),
    textNeedle(
      'iban',
      pii.iban,
      pii.iban.replace(/\s/g, ''),
      pii.iban.replace(/\s/g, '').replace(/(.{4})/g, '$1 '),
    ),
    textNeedle('national_id', pii.nationalId),
    textNeedle('address', pii.address.street),
  ];
  if (externalId !== undefined) needles.push(textNeedle('external_id', externalId));
  for (const { kind, digest } of derived.digests) {
    needles.push({ kind, patterns: [Buffer.from(digest).toString('hex')] });
  }
  return needles.filter((n) => n.patterns.length > 0);
}

// A phone without separators only with its '+': a bare run of digits turns up by chance in hex of hashes.
function compactPhone(phone: string): string {
  const compact = phone.replace(/[\s().-]/g, '');
  return compact.startsWith('+') ? compact : phone;
}

/** A pattern for ILIKE: its wildcards and escape character taken literally. */
export function likePattern(substring: string): string {
  return `%${substring.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
