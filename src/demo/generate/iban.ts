// IBANs with valid ISO 13616 mod-97 check digits: the bank's own accounts and other banks' counterparties.

/** The demo bank's GB bank code (the first four letters of its made-up BIC). */
export const ownBankCode = 'CURT';

/** Made-up bank codes for other people's accounts, so they never collide with the bank's own. */
export const otherBankCodes: readonly string[] = ['XMPL', 'DEMO', 'FICT', 'TEST'];

/** Remainder mod 97 of the IBAN's numeric form (letters as 10–35), in chunks to stay exact. */
function mod97(text: string): number {
  let remainder = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      remainder = (remainder * 10 + (code - 48)) % 97;
    } else {
      remainder = (remainder * 100 + (code - 55)) % 97;
    }
  }
  return remainder;
}

/** The IBAN for a country code and its national account number (BBAN). */
export function ibanFromBban(country: string, bban: string): string {
  const check = 98 - mod97(`${bban}${country}00`);
  return `${country}${check < 10 ? '0' : ''}${check}${bban}`;
}

/** Structure and mod-97 check of an IBAN without spaces. */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  return mod97(`${iban.slice(4)}${iban.slice(0, 4)}`) === 1;
}

/** A GB IBAN: four-letter bank code, six-digit sort code, eight-digit account number. */
export function gbIban(bankCode: string, sortCode: number, accountNumber: number): string {
  return ibanFromBban(
    'GB',
    `${bankCode}${String(sortCode).padStart(6, '0')}${String(accountNumber).padStart(8, '0')}`,
  );
}

/** Accounts per customer the numbering reserves; a customer never has more. */
export const accountSlots = 4;

/**
 * The account number of one of a customer's accounts: a bijection of (index, slot) onto
 * 0–99,999,999, so IBANs are unique for up to 25 million customers and look unordered.
 */
export function ownAccountNumber(index: number, slot: number): number {
  const x = index * accountSlots + slot;
  return (x * 73_939_133 + 12_345_678) % 100_000_000;
}
