// FDX NDJSON: one Customer per line with its accounts by `accountId`; Account lines give type, number and dates.
import { adultFromOf } from '../../core/age-bands.ts';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ProductCode } from '../../core/products.ts';
import { normalise } from '../../privacy/keyed-digest.ts';
import { readIsoDate } from '../ingest/formats/dates.ts';
import type { ImportedAccount, OwnerRole } from './accounts-import.ts';
import type { ImportedCustomer } from './customers-import.ts';
import { problem, type RowProblem } from './import-rows.ts';
import type { ImportedProduct } from './products-import.ts';

/** FDX account types (v6 `AccountType`) → the product a customer holds through the account. */
export const fdxProductOf: Readonly<Record<string, ProductCode>> = {
  CHECKING: 'current_account',
  SAVINGS: 'savings',
  MONEYMARKET: 'savings',
  CD: 'savings',
  CREDITCARD: 'credit_card',
  LINEOFCREDIT: 'overdraft',
  MORTGAGE: 'mortgage',
  HOMEEQUITYLOAN: 'mortgage',
  LOAN: 'personal_loan',
  PERSONALLOAN: 'personal_loan',
  INSTALLMENT: 'personal_loan',
  AUTOLOAN: 'car_loan',
  BROKERAGE: 'investment',
  INVESTMENTACCOUNT: 'investment',
  '401K': 'pension',
  IRA: 'pension',
  ROTH: 'pension',
  PENSION: 'pension',
  LIFEINSURANCE: 'life_insurance',
  COMMERCIALDEPOSIT: 'business_account',
};

/** FDX holder relationships that make an owner; others (authorised users, attorneys) do not. */
const roleOf: Readonly<Record<string, { role: OwnerRole; business: boolean }>> = {
  PRIMARY: { role: 'primary', business: false },
  PRIMARY_JOINT: { role: 'primary', business: false },
  JOINT: { role: 'joint', business: false },
  SECONDARY: { role: 'joint', business: false },
  SECONDARY_JOINT: { role: 'joint', business: false },
  BUSINESS: { role: 'primary', business: true },
};

export interface FdxFile {
  readonly customers: ImportedCustomer[];
  readonly accounts: ImportedAccount[];
  readonly products: ImportedProduct[];
  readonly problems: (RowProblem & { line: number })[];
  lines: number;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : undefined);

interface FdxAccount {
  readonly line: number;
  readonly number: string;
  readonly type: string;
  readonly currency: string | undefined;
  readonly openedOn: string | undefined;
  readonly closedOn: string | undefined;
}

function readAccountLine(json: Json, line: number): FdxAccount | RowProblem {
  const number = normalise.accountNumber(text(json['accountNumber']) || text(json['accountId']));
  if (!/^[A-Z0-9]{4,34}$/.test(number))
    return problem('accountNumber', 'invalid-account', 'accountNumber is not an account number');
  const currency = isObject(json['currency'])
    ? text(json['currency']['currencyCode'])
    : text(json['currency']);
  const openedOn = readIsoDate(text(json['openingDate']));
  const closedOn = readIsoDate(text(json['closingDate']) || text(json['closedDate']));
  return {
    line,
    number,
    type: text(json['accountType']).toUpperCase(),
    currency: currency || undefined,
    openedOn,
    closedOn,
  };
}

function readCustomerLine(json: Json, line: number, today: string): ImportedCustomer | RowProblem {
  const externalId = text(json['customerId']);
  if (externalId === '') return problem('customerId', 'missing-value', 'customerId is empty');
  const name = isObject(json['name']) ? json['name'] : {};
  const givenName = text(name['first']);
  const familyName = text(name['last']);
  if (givenName === '' || familyName === '')
    return problem('name', 'missing-value', 'name.first or name.last is empty');
  const dateOfBirth = readIsoDate(text(json['dateOfBirth']));
  if (dateOfBirth === undefined || dateOfBirth > today)
    return problem('dateOfBirth', 'invalid-date', 'dateOfBirth is not a past date');
  const address = isObject(first(json['addresses'])) ? (first(json['addresses']) as Json) : {};
  const phone = isObject(first(json['telephones'])) ? (first(json['telephones']) as Json) : {};
  return {
    line,
    externalId,
    pii: {
      givenName,
      familyName,
      email: text(first(json['email'])),
      phone: [text(phone['country']), text(phone['number'])].filter((p) => p !== '').join(' '),
      address: {
        street: text(address['line1']),
        postalCode: text(address['postalCode']),
        city: text(address['city']),
        country: text(address['country']).toUpperCase(),
      },
      dateOfBirth,
      nationalId: '',
      iban: '',
    },
    status: 'active',
    leftOn: undefined,
    flags: {
      deceased: false,
      vulnerable: false,
      doNotMarket: false,
      collections: false,
      insolvency: false,
      kycStatus: 'unknown',
      adultFrom: adultFromOf(dateOfBirth),
    },
  };
}

/** Links a customer's accounts (by `accountId`) into owner rows and the products their types stand for. */
function linkAccounts(
  customer: ImportedCustomer,
  links: unknown,
  accounts: ReadonlyMap<string, FdxAccount>,
  file: FdxFile,
): void {
  for (const link of Array.isArray(links) ? links : []) {
    if (!isObject(link)) continue;
    const account = accounts.get(text(link['accountId']));
    if (account === undefined) {
      file.problems.push({
        line: customer.line,
        ...problem('accounts', 'unknown-account', 'an accountId has no Account line'),
      });
      continue;
    }
    const relationship = roleOf[text(link['relationship']).toUpperCase() || 'PRIMARY'];
    if (relationship === undefined) {
      file.problems.push({
        line: customer.line,
        ...problem('relationship', 'not-an-owner', 'the holder relationship is not an owner: not linked'),
      });
      continue;
    }
    const product = fdxProductOf[account.type];
    const { line, number, currency, openedOn, closedOn } = account;
    file.accounts.push({
      line,
      accountNumber: number,
      ownerExternalId: customer.externalId,
      role: relationship.role,
      kind: relationship.business ? 'business' : 'personal',
      product,
      currency,
      openedOn,
      closedOn,
    });
    if (product !== undefined && openedOn !== undefined && !relationship.business) {
      file.products.push({
        line,
        ownerExternalId: customer.externalId,
        product,
        since: openedOn,
        until: closedOn,
      });
    }
  }
}

/** Reads the whole file (Account lines may follow the customers that name them); problems carry the line. */
export async function readFdxFile(input: AsyncIterable<unknown>, today: string): Promise<FdxFile> {
  const file: FdxFile = { customers: [], accounts: [], products: [], problems: [], lines: 0 };
  const accounts = new Map<string, FdxAccount>();
  const customerLinks: [ImportedCustomer, unknown][] = [];
  let line = 0;
  for await (const raw of createInterface({ input: Readable.from(input), crlfDelay: Infinity })) {
    line++;
    if (raw.trim() === '') continue;
    file.lines++;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      file.problems.push({ line, ...problem('row', 'invalid-json', 'the line is not a JSON object') });
      continue;
    }
    if (!isObject(json)) {
      file.problems.push({ line, ...problem('row', 'invalid-json', 'the line is not a JSON object') });
    } else if (json['customerId'] !== undefined) {
      const customer = readCustomerLine(json, line, today);
      if ('code' in customer) file.problems.push({ line, ...customer });
      else {
        file.customers.push(customer);
        customerLinks.push([customer, json['accounts']]);
      }
    } else if (json['accountId'] !== undefined) {
      const account = readAccountLine(json, line);
      if ('code' in account) file.problems.push({ line, ...account });
      else accounts.set(text(json['accountId']), account);
    } else {
      file.problems.push({
        line,
        ...problem('row', 'unknown-entity', 'neither a Customer (customerId) nor an Account (accountId)'),
      });
    }
  }
  for (const [customer, links] of customerLinks) linkAccounts(customer, links, accounts, file);
  return file;
}
