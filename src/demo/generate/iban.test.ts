// IBAN check digits: known examples validate, generated numbers are valid and unique.
import { describe, expect, it } from 'vitest';
import { accountSlots, gbIban, ibanFromBban, isValidIban, ownAccountNumber, ownBankCode } from './iban.ts';

describe('iban', () => {
  it('accepts the published examples and rejects a changed digit', () => {
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('GB82WEST12345698765433')).toBe(false);
    expect(isValidIban('gb82west12345698765432')).toBe(false);
  });

  it('computes check digits that validate', () => {
    expect(ibanFromBban('GB', 'WEST12345698765432')).toBe('GB82WEST12345698765432');
    expect(ibanFromBban('DE', '370400440532013000')).toBe('DE89370400440532013000');
    expect(gbIban(ownBankCode, 309012, 1)).toMatch(/^GB\d{2}CURT30901200000001$/);
    expect(isValidIban(gbIban(ownBankCode, 309012, 1))).toBe(true);
  });

  it('numbers accounts without collisions', () => {
    const seen = new Set<number>();
    for (let index = 0; index < 50_000; index++) {
      for (let slot = 0; slot < accountSlots; slot++) seen.add(ownAccountNumber(index, slot));
    }
    expect(seen.size).toBe(50_000 * accountSlots);
    expect([...seen].every((n) => Number.isInteger(n) && n >= 0 && n < 100_000_000)).toBe(true);
  });
});
