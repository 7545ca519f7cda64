// Phone numbers: libphonenumber-js (full metadata) reads them in the text as numbers of the markets Curtain serves;
// an international number ("+44 …") scores higher than a national one, a merely possible number (not in an
// allocated range) needs a word like "tel" nearby.
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';
import type { Candidate, Recogniser } from '../types.ts';

/** Markets whose national numbers start with the trunk prefix 0, and those (NANP) whose numbers start 2–9. */
const trunkZeroMarkets: readonly CountryCode[] = ['GB', 'DE', 'FR', 'NL', 'IE'];
const nanpMarkets: readonly CountryCode[] = ['US'];
/** An international number reads the same whatever the default market. */
const anyMarket: readonly CountryCode[] = ['GB'];

/** The markets a run can be a national number of, by how it starts. */
function marketsFor(run: string): readonly CountryCode[] {
  const digits = run.replace(/^\D+/, '');
  if (run.startsWith('+') || digits.startsWith('00')) return anyMarket;
  if (digits.startsWith('0')) return trunkZeroMarkets;
  return digits.startsWith('1') ? [...nanpMarkets, ...trunkZeroMarkets] : nanpMarkets;
}

/** "11.08.1985", "25-10-98", "2016-02-25": a date, which libphonenumber would read as a German number. */
const dateShaped = /^(?:\d{1,2}([./-])\d{1,2}\1(?:\d{2}|\d{4})|\d{4}-\d{2}-\d{2})$/;

/** "123-45-6789": a US social security number, never grouped so as a phone number. */
const ssnShaped = /^\d{3}-\d{2}-\d{4}$/;

/** "111222333": one run of digits without a trunk prefix is more often a reference than a national number. */
const bareDigits = /^[1-9]\d+$/;

/** "4461.38": an amount. */
const amountShaped = /^\d+[.,]\d{2}$/;

/** Digits joined by the separators phone numbers are written with, optionally after "+" or "(". */
const digitRun = /[+(]?\d[\d ()./-]*\d\)?/g;

/** libphonenumber's findings in one run, read as a number of each market in turn, at their places in the text. */
function inRun(
  run: string,
  offset: number,
): Array<{ number: PhoneNumber; startsAt: number; endsAt: number }> {
  return marketsFor(run).flatMap((market) =>
    findPhoneNumbersInText(run, market).map((m) => ({
      number: m.number,
      startsAt: m.startsAt + offset,
      endsAt: m.endsAt + offset,
    })),
  );
}

export const phoneRecogniser: Recogniser = {
  entity: 'phone',
  context: {
    positive: [
      'tel',
      'telephone',
      'phone',
      'mobile',
      'mobil',
      'cell',
      'call',
      'rang',
      'ring',
      'fax',
      'handy',
      'telefon',
      'téléphone',
      'contact',
      'whatsapp',
      'sms',
      'text',
    ],
    negative: [
      'order',
      'ref',
      'reference',
      'invoice',
      'sku',
      'ean',
      'item',
      'tracking',
      'mandate',
      'customer no',
      'vertragsnr',
      'bestellnr',
      'art.-nr',
      'artikel',
      'qty',
      'build',
      'acct',
      'account',
      'iban',
      'card',
    ],
    boost: 0.35,
    penalty: 0.5,
  },
  find(text: string): Candidate[] {
    const found = new Map<string, Candidate>();
    // libphonenumber runs only over runs of digits and separators long enough to hold a number, not word-glued.
    for (const run of text.matchAll(digitRun)) {
      if (run[0].replace(/\D/g, '').length < 7 || /[\p{L}\p{N}]/u.test(text[run.index - 1] ?? '')) continue;
      for (const match of inRun(run[0], run.index)) {
        const valid = match.number.isValid();
        const international = text[match.startsAt] === '+' || text.startsWith('00', match.startsAt);
        if (!valid && !(international && match.number.isPossible())) continue;
        const raw = text.slice(match.startsAt, match.endsAt);
        if (/[\p{L}\p{N}]/u.test(text[match.endsAt] ?? '')) continue;
        if (
          dateShaped.test(raw) ||
          amountShaped.test(raw) ||
          ssnShaped.test(raw) ||
          raw.replace(/\D/g, '').length < 7
        )
          continue;
        const key = `${match.startsAt}:${match.endsAt}`;
        if (found.has(key)) continue;
        found.set(key, {
          start: match.startsAt,
          end: match.endsAt,
          base: (international ? 0.6 : bareDigits.test(raw) ? 0.3 : 0.5) - (valid ? 0 : 0.3),
          recogniser: 'phone',
        });
      }
    }
    return [...found.values()];
  },
};
