// IBANs: two letters, two check digits and a BBAN, compact or in groups of four, valid by country length and
// mod-97 (ibantools). A wrong national check digit inside the BBAN still leaves an account number: reported.
import { ValidationErrorsIBAN, electronicFormatIBAN, validateIBAN } from 'ibantools';
import type { Candidate, Recogniser } from '../types.ts';

const ibanShape = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{1,4}){2,8}/gu;

function isIbanShaped(compact: string): boolean {
  const { errorCodes } = validateIBAN(compact);
  return errorCodes.every((code) => code === ValidationErrorsIBAN.WrongAccountBankBranchChecksum);
}

export const ibanRecogniser: Recogniser = {
  entity: 'iban',
  context: {
    positive: ['iban', 'account', 'konto', 'rekening', 'compte'],
    negative: [],
    boost: 0.1,
    penalty: 0,
  },
  find(text: string): Candidate[] {
    const found: Candidate[] = [];
    for (const m of text.matchAll(ibanShape)) {
      // The shape is greedy: try the longest prefix that is a valid IBAN, ending at a group boundary.
      let candidate = m[0];
      while (candidate.length >= 15) {
        const compact = electronicFormatIBAN(candidate.toUpperCase()) ?? '';
        if (isIbanShaped(compact)) {
          found.push({ start: m.index, end: m.index + candidate.length, base: 0.95, recogniser: 'iban' });
          break;
        }
        const cut = candidate.lastIndexOf(' ');
        candidate = cut > 0 ? candidate.slice(0, cut) : candidate.slice(0, -1);
      }
    }
    return found;
  },
};
