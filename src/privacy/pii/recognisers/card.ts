// Payment card numbers: 13–19 digits, compact or in groups joined by single spaces or dashes, with an issuer
// prefix and a valid Luhn digit. Order and tracking numbers can pass Luhn too: negative context rejects them.
import { hasCardPrefix, luhnValid } from '../checksums.ts';
import type { Candidate, Recogniser } from '../types.ts';

const cardShape = /(?<![\p{L}\p{N}])\d{4,6}(?:[ -]?\d{2,6}){1,4}(?!\d)/gu;

export const cardRecogniser: Recogniser = {
  entity: 'card',
  context: {
    positive: [
      'card',
      'visa',
      'mastercard',
      'amex',
      'maestro',
      'cc',
      'exp',
      'expiry',
      'karte',
      'carte',
      'kaart',
      'charge',
    ],
    negative: [
      'order',
      'ref',
      'reference',
      'tracking',
      'invoice',
      'sku',
      'ean',
      'item',
      'bestellnr',
      'rechnung',
      'mandate',
      'build',
      'art.-nr',
      'artikel',
      'iban',
    ],
    boost: 0.35,
    penalty: 0.6,
  },
  find(text: string): Candidate[] {
    const found: Candidate[] = [];
    for (const m of text.matchAll(cardShape)) {
      const digits = m[0].replace(/[ -]/g, '');
      if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) continue;
      const separators = new Set(m[0].replace(/\d/g, ''));
      if (separators.size > 1) continue;
      const base = hasCardPrefix(digits) ? 0.6 : 0.3;
      found.push({ start: m.index, end: m.index + m[0].length, base, recogniser: 'card' });
    }
    return found;
  },
};
