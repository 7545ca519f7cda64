// Hand-written customers with distinctive PII, so that a leak of any field is easy to find.
import type { NewCustomer } from '../../src/vault/identity/identity-store.ts';

export function sampleCustomers(count: number, tag = 'Q'): NewCustomer[] {
  return Array.from({ length: count }, (_, i) => ({
    externalId: `EXT-${tag}-${i}`,
    pii: {
      givenName: `Zebulon${tag}${i}`,
      familyName: `Quackenbush${tag}${i}`,
      email: `zebulon.${tag.toLowerCase()}${i}@example.org`,
      phone: `+44 7700 900${String(100 + i).padStart(3, '0')}`,
      address: {
        street: `${i + 1} Wisteria Crescent${tag}`,
        postalCode: 'ZZ1 9QQ',
        city: 'Gotham',
        country: 'GB',
      },
      dateOfBirth: `19${String(50 + (i % 40)).padStart(2, '0')}-03-17`,
      nationalId: `QQ${String(123456 + i)}${tag}`,
      iban: 'GB82WEST12345698765432',
    },
  }));
}

/** The strings that must never appear in plaintext once the customer is encrypted or shredded. */
export function piiNeedles(customer: NewCustomer): string[] {
  const { pii } = customer;
  return [pii.givenName, pii.familyName, pii.email, pii.phone, pii.address.street, pii.nationalId];
}
