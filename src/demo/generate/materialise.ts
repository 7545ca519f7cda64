// Turns a drafted ledger into statement transactions: shared strings, one object per transaction.
import type { AccountIdentifier, SourceLocation, StatementTransaction } from '../../core/transaction.ts';
import type { CustomerDraft } from './draft.ts';
import { bankCurrency } from './profile.ts';

const generatedLocation: SourceLocation = Object.freeze({ element: 'generated' });

export function materialise(draft: CustomerDraft, externalId: string): StatementTransaction[] {
  const { ledger, calendar } = draft;
  const identifiers: (AccountIdentifier | undefined)[] = draft.accountIbans.map((iban) =>
    iban === undefined ? undefined : { scheme: 'iban', value: iban, currency: bankCurrency },
  );
  const order = ledger.order(calendar.first, calendar.length);
  const transactions: StatementTransaction[] = new Array<StatementTransaction>(order.length);
  const prefix = `${externalId}-`;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const party = ledger.parties[i]!;
    const account = identifiers[ledger.slots[i]!]!;
    const amountMinor = ledger.amounts[i]!;
    const date = calendar.iso[ledger.days[i]! - calendar.first]!;
    const bankReference = prefix + (k + 1);
    switch (party.kind) {
      case 'merchant':
        transactions[k] = {
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
        break;
      case 'counterparty':
        transactions[k] = {
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
        break;
      case 'own':
        transactions[k] = {
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
        break;
      case 'bank':
        transactions[k] = {
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
        break;
    }
  }
  return transactions;
}
