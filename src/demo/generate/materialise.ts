// Turns a drafted ledger into statement transactions: shared strings, one object per transaction.
import type { AccountIdentifier, SourceLocation, StatementTransaction } from '../../core/transaction.ts';
import type { CustomerDraft } from './draft.ts';
import type { Party } from './ledger.ts';
import { bankCurrency } from './profile.ts';

const generatedLocation: SourceLocation = Object.freeze({ element: 'generated' });

/**
 * One statement line; both the generator and the parallel generator's receiving end build lines here. One
 * literal per kind rather than a spread of shared fields: each kind keeps one fixed object shape and no
 * absent optional fields, which matters when a bank is tens of millions of lines.
 */
export function statementTransaction(
  account: AccountIdentifier,
  amountMinor: number,
  date: string,
  party: Party,
  bankReference: string,
): StatementTransaction {
  switch (party.kind) {
    case 'merchant':
      return {
        account,
        amountMinor,
        currency: bankCurrency,
        direction: party.direction,
        bookingDate: date,
        valueDate: date,
        merchantName: party.merchantName,
        mcc: party.mcc,
        description: party.description,
        bankReference,
        location: generatedLocation,
      };
    case 'counterparty':
      return {
        account,
        amountMinor,
        currency: bankCurrency,
        direction: party.direction,
        bookingDate: date,
        valueDate: date,
        description: party.description,
        counterpartyName: party.counterpartyName,
        counterpartyAccount: party.counterpartyAccount,
        bankReference,
        location: generatedLocation,
      };
    case 'own':
      return {
        account,
        amountMinor,
        currency: bankCurrency,
        direction: party.direction,
        bookingDate: date,
        valueDate: date,
        description: party.description,
        counterpartyAccount: party.counterpartyAccount,
        bankReference,
        location: generatedLocation,
      };
    case 'bank':
      return {
        account,
        amountMinor,
        currency: bankCurrency,
        direction: party.direction,
        bookingDate: date,
        valueDate: date,
        description: party.description,
        bankReference,
        location: generatedLocation,
      };
  }
}

/** The statement account of each slot, shared by all of that customer's lines. */
export function accountIdentifiers(
  ibans: readonly (string | undefined)[],
): (AccountIdentifier | undefined)[] {
  return ibans.map((iban) =>
    iban === undefined ? undefined : { scheme: 'iban', value: iban, currency: bankCurrency },
  );
}

export function materialise(draft: CustomerDraft, externalId: string): StatementTransaction[] {
  const { ledger, calendar } = draft;
  const identifiers = accountIdentifiers(draft.accountIbans);
  const order = ledger.order(calendar.first, calendar.length);
  const transactions: StatementTransaction[] = new Array<StatementTransaction>(order.length);
  const prefix = `${externalId}-`;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    transactions[k] = statementTransaction(
      identifiers[ledger.slots[i]!]!,
      ledger.amounts[i]!,
      calendar.iso[ledger.days[i]! - calendar.first]!,
      ledger.parties[i]!,
      prefix + (k + 1),
    );
  }
  return transactions;
}
