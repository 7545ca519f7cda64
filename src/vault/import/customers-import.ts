// Customers from the system of record: identity (encrypted), status, and the flags a bank must honour.
import { adultFromOf } from '../../core/age-bands.ts';
import type { CustomerPii } from '../../core/identity.ts';
import type { ImportRecord } from './import-csv.ts';
import { isProblem, problem, type CellReader, type RowProblem } from './import-rows.ts';

export const customerStatuses = ['active', 'left'] as const;
export type CustomerStatus = (typeof customerStatuses)[number];

export const kycStatuses = ['verified', 'pending', 'failed', 'expired', 'unknown'] as const;
export type KycStatus = (typeof kycStatuses)[number];

export interface CustomerFlags {
  readonly deceased: boolean;
  readonly vulnerable: boolean;
  readonly doNotMarket: boolean;
  readonly collections: boolean;
  readonly insolvency: boolean;
  readonly kycStatus: KycStatus;
  /** The first of the month after the 18th birthday's (src/core/age-bands.ts): a minor until then. */
  readonly adultFrom: string;
}

export interface ImportedCustomer {
  readonly line: number;
  readonly externalId: string;
  readonly pii: CustomerPii;
  readonly status: CustomerStatus;
  /** When the relationship ended (status `left`): the start of the anti-money-laundering period. */
  readonly leftOn: string | undefined;
  readonly flags: CustomerFlags;
}

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function readCustomer(
  record: ImportRecord,
  cells: CellReader,
  today: string,
): ImportedCustomer | RowProblem {
  const externalId = cells.required(record, 'externalId');
  if (isProblem(externalId)) return externalId;
  const givenName = cells.required(record, 'givenName');
  if (isProblem(givenName)) return givenName;
  const familyName = cells.required(record, 'familyName');
  if (isProblem(familyName)) return familyName;
  const dateOfBirth = cells.date(record, 'dateOfBirth', true);
  if (isProblem(dateOfBirth)) return dateOfBirth;
  if (dateOfBirth > today) return problem('dateOfBirth', 'invalid-date', 'dateOfBirth is in the future');
  const email = cells.text(record, 'email');
  if (email !== '' && !emailShape.test(email)) {
    return problem('email', 'invalid-email', 'email is not an email address');
  }
  const status = cells.code(record, 'status', customerStatuses, 'active');
  if (isProblem(status)) return status;
  const leftOnCell = cells.date(record, 'leftOn', false);
  if (isProblem(leftOnCell)) return leftOnCell;
  const kycStatus = cells.code(record, 'kycStatus', kycStatuses, 'unknown');
  if (isProblem(kycStatus)) return kycStatus;
  return {
    line: record.line,
    externalId,
    pii: {
      givenName,
      familyName,
      email,
      phone: cells.text(record, 'phone'),
      address: {
        street: cells.text(record, 'street'),
        postalCode: cells.text(record, 'postalCode'),
        city: cells.text(record, 'city'),
        country: cells.text(record, 'country').toUpperCase(),
      },
      dateOfBirth,
      nationalId: cells.text(record, 'nationalId'),
      iban: '',
    },
    status,
    leftOn: status === 'left' ? leftOnCell || today : undefined,
    flags: {
      deceased: cells.flag(record, 'deceased'),
      vulnerable: cells.flag(record, 'vulnerable'),
      doNotMarket: cells.flag(record, 'doNotMarket'),
      collections: cells.flag(record, 'collections'),
      insolvency: cells.flag(record, 'insolvency'),
      kycStatus,
      adultFrom: adultFromOf(dateOfBirth),
    },
  };
}
