// A customer's personal data: only ever held encrypted in the identity store, decrypted for the customer themself.

export interface PostalAddress {
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
}

export interface CustomerPii {
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  readonly phone: string;
  readonly address: PostalAddress;
  /** ISO date, YYYY-MM-DD. */
  readonly dateOfBirth: string;
  readonly nationalId: string;
  /** The customer's main account IBAN. */
  readonly iban: string;
  /** The device token of the bank's app, registered by the customer, for push notices; none by default. */
  readonly pushEndpoint?: string;
}

export const piiFields = [
  'givenName',
  'familyName',
  'email',
  'phone',
  'address',
  'dateOfBirth',
  'nationalId',
  'iban',
] as const satisfies readonly (keyof CustomerPii)[];
