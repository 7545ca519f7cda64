// Accounts and their owners from the system of record: one row per account and owner (joint accounts repeat).
import { isProductCode, productCodes, type ProductCode } from '../../core/products.ts';
import { normalise } from '../../privacy/keyed-digest.ts';
import type { ImportRecord } from './import-csv.ts';
import { isProblem, problem, type CellReader, type RowProblem } from './import-rows.ts';

export const ownerRoles = ['primary', 'joint'] as const;
export type OwnerRole = (typeof ownerRoles)[number];
export const accountKinds = ['personal', 'business'] as const;
export type AccountKind = (typeof accountKinds)[number];

export interface ImportedAccount {
  readonly line: number;
  /** Normalised account number or IBAN. */
  readonly accountNumber: string;
  readonly ownerExternalId: string;
  readonly role: OwnerRole;
  readonly kind: AccountKind;
  readonly product: ProductCode | undefined;
  readonly currency: string | undefined;
  readonly openedOn: string | undefined;
  readonly closedOn: string | undefined;
  /** A delta's "this joint owner no longer holds the account" from that day: the ownership ends, history stays. */
  readonly ownerRemovedOn?: string;
}

export function readAccount(record: ImportRecord, cells: CellReader): ImportedAccount | RowProblem {
  const number = cells.required(record, 'accountNumber');
  if (isProblem(number)) return number;
  const accountNumber = normalise.accountNumber(number);
  if (!/^[A-Z0-9]{4,34}$/.test(accountNumber)) {
    return problem('accountNumber', 'invalid-account', 'accountNumber is not an account number or IBAN');
  }
  const ownerExternalId = cells.required(record, 'ownerExternalId');
  if (isProblem(ownerExternalId)) return ownerExternalId;
  const role = cells.code(record, 'role', ownerRoles, 'primary');
  if (isProblem(role)) return role;
  const kind = cells.code(record, 'kind', accountKinds, 'personal');
  if (isProblem(kind)) return kind;
  let product: ProductCode | undefined;
  if (cells.text(record, 'product') !== '') {
    const code = cells.code(record, 'product', productCodes, undefined);
    if (isProblem(code)) return code;
    product = code;
  }
  const currency = cells.text(record, 'currency').toUpperCase();
  if (currency !== '' && !/^[A-Z]{3}$/.test(currency)) {
    return problem('currency', 'invalid-currency', 'currency is not an ISO 4217 code');
  }
  const openedOn = cells.date(record, 'openedOn', false);
  if (isProblem(openedOn)) return openedOn;
  const closedOn = cells.date(record, 'closedOn', false);
  if (isProblem(closedOn)) return closedOn;
  const ownerRemovedOn = cells.date(record, 'ownerRemovedOn', false);
  if (isProblem(ownerRemovedOn)) return ownerRemovedOn;
  if (ownerRemovedOn !== '' && role === 'primary') {
    return problem(
      'ownerRemovedOn',
      'primary-owner-removed',
      "a primary owner cannot be removed: name the account's new primary owner, or close the account",
    );
  }
  return {
    line: record.line,
    accountNumber,
    ownerExternalId,
    role,
    kind,
    product: product !== undefined && isProductCode(product) ? product : undefined,
    currency: currency || undefined,
    openedOn: openedOn || undefined,
    closedOn: closedOn || undefined,
    ...(ownerRemovedOn === '' ? {} : { ownerRemovedOn }),
  };
}
