// Free-text scrubber: what it catches, what it must leave alone, properties over random text, and memo scrubbing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containsPii,
  containsPiiBesidesIds,
  isValidIban,
  luhnValid,
  scrubFreeText,
  scrubMemo,
} from './scrub.ts';

describe('scrubFreeText', () => {
  it.each([
    ['Contact john.doe+x@example.co.uk please', 'Contact [email] please'],
    ['mail: müller@beispiel.de', 'mail: [email]'],
    ['IBAN DE89370400440532013000 Miete', 'IBAN [iban] Miete'],
    ['IBAN DE89 3704 0044 0532 0130 00 Miete', 'IBAN [iban] Miete'],
    ['to GB82 WEST 1234 5698 7654 32 thanks', 'to [iban] thanks'],
    ['iban de89 3704 0044 0532 0130 00', 'iban [iban]'],
    ['NL91ABNA0417164300', '[iban]'],
    ['IBAN:DE89370400440532013000BIC COBADEFFXXX', 'IBAN:[iban]BIC COBADEFFXXX'],
    ['Card 4111 1111 1111 1111 exp 12/27', 'Card [card] exp 12/27'],
    ['card 4111111111111111', 'card [card]'],
    ['Amex 3782-822463-10005', 'Amex [card]'],
    ['VISA4111111111111111', 'VISA[card]'],
    ['Tel +49 30 1234567', 'Tel [phone]'],
    ['call 030 1234567 now', 'call [phone] now'],
    ['030/1234567', '[phone]'],
    ['(030) 1234567', '[phone]'],
    ['+44 (0)20 7946 0958', '[phone]'],
    ['+1-202-555-0143', '[phone]'],
    ['(202) 555-0143', '[phone]'],
    ['202.555.0143', '[phone]'],
    ['1-800-555-0199', '[phone]'],
    ['Handy 0171-1234567', 'Handy [phone]'],
    ['0049 30 1234567', '[phone]'],
    ['06 12 34 56 78', '[phone]'],
    ['Tel: 612 345 678', 'Tel: [phone]'],
    ['Rechnung 2024-01-15 0301234567', 'Rechnung 2024-01-15 [phone]'],
    ['a@b.de, 4111 1111 1111 1111, +49 30 1234567', '[email], [card], [phone]'],
    ['DE89370400440532013000DE89370400440532013000', '[iban][iban]'],
  ])('%s → %s', (text, expected) => {
    expect(scrubFreeText(text)).toBe(expected);
    expect(containsPii(text)).toBe(true);
  });

  it.each([
    'REWE Markt 1234',
    'AMAZON MKTPLACE PMTS',
    'Transfer to J. Smith ref 88213',
    'Booked 2024-01-15 amount 1,234.56',
    'Rechnung 01.02.2024 - 28.02.2024',
    '15/01/2024',
    '2024/01/15',
    'Zeitraum 01/2024 Abschlag',
    'Betrag 1.234.567,89 EUR',
    'EUR 1 234 567,89',
    '10115 Berlin',
    '01067 Dresden',
    'D-80331 München, Marienplatz 8',
    'Kundennr 12345678',
    'Ref 88213991234',
    'Mandat 0000123456789',
    'KD0301234567',
    'DE89370400440532013001 invalid check digits',
    'Card 4111-1111-1111-1112 fails Luhn',
    'Order 1234567890123',
    'user at example dot com',
    'SEPA-Lastschrift Glaeubiger-ID DE98ZZZ09999999999',
    '',
  ])('leaves %s alone', (text) => {
    expect(scrubFreeText(text)).toBe(text);
    expect(containsPii(text)).toBe(false);
  });
});

describe('checksums', () => {
  it('validates IBANs by mod-97 and length', () => {
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('DE89370400440532013001')).toBe(false);
    expect(isValidIban('DE8937040044053201300')).toBe(false);
    expect(isValidIban('XX89370400440532013000')).toBe(false);
  });

  it('validates card numbers by Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('41a1')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.

const alnum = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function mod97(text: string): number {
  let remainder = 0;
  for (const c of text) remainder = (remainder * (c <= '9' ? 10 : 100) + parseInt(c, 36)) % 97;
  return remainder;
}

const ibanCountries: ReadonlyArray<readonly [string, number]> = [
  ['DE', 22],
  ['GB', 22],
  ['FR', 27],
  ['NL', 18],
  ['NO', 15],
  ['MT', 31],
  ['LC', 32],
];

const groupedBy4 = (s: string, separator: string): string => s.replace(/(.{4})(?=.)/g, `$1${separator}`);

const iban = fc
  .tuple(
    fc.constantFrom(...ibanCountries),
    fc.array(fc.constantFrom(...alnum), { minLength: 30, maxLength: 30 }),
    fc.boolean(),
  )
  .map(([[country, length], chars, spaced]) => {
    const bban = chars.slice(0, length - 4).join('');
    const check = String(98 - mod97(bban + country + '00')).padStart(2, '0');
    const compact = country + check + bban;
    return spaced ? groupedBy4(compact, ' ') : compact;
  });

const card = fc
  .tuple(
    fc.integer({ min: 13, max: 19 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 18, maxLength: 18 }),
    fc.constantFrom('', ' ', '-'),
  )
  .map(([length, digits, separator]) => {
    const body = digits.slice(0, length - 1).join('');
    const check = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((d) => luhnValid(body + String(d)))!;
    const number = body + String(check);
    return separator === '' ? number : groupedBy4(number, separator);
  });

const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}$/),
    fc.stringMatching(/^[a-z0-9]{1,10}$/),
    fc.constantFrom('de', 'com', 'co.uk', 'info'),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);

const phone = fc
  .tuple(
    fc.constantFrom('+49 ', '+44 ', '+1 ', '+353 ', '0'),
    fc.array(fc.stringMatching(/^[1-9][0-9]{1,3}$/), { minLength: 2, maxLength: 3 }),
  )
  .map(([prefix, groups]) => prefix + groups.join(' '))
  .filter((p) => {
    const digits = p.replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15;
  });

/** Text rich in the characters the patterns care about. */
const noisyText = fc.string({
  unit: fc.constantFrom(...'0123456789   +-./()@:aZdDeE', 'DE89', '0', '4111', 'x@y.de', 'Tel '),
  maxLength: 60,
});

/** Arbitrary text kept apart from the embedded value by a separator no pattern joins across. */
const surrounding = fc.string({ maxLength: 30 });

describe('properties', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(noisyText, fc.string()), (text) => {
        const once = scrubFreeText(text);
        expect(scrubFreeText(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('containsPii agrees with scrubFreeText', () => {
    fc.assert(
      fc.property(noisyText, (text) => {
        expect(containsPii(text)).toBe(scrubFreeText(text) !== text);
      }),
      { numRuns: 2000 },
    );
  });

  it('never lets an embedded IBAN, card number, email or international phone through', () => {
    fc.assert(
      fc.property(surrounding, fc.oneof(iban, card, email, phone), surrounding, (before, secret, after) => {
        const out = scrubFreeText(`${before} ; ${secret} ; ${after}`);
        expect(out).not.toContain(secret);
        expect(out).toContain(' ; [');
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves dates, amounts and short references in plain text alone', () => {
    const words = fc.stringMatching(/^[A-Za-z ]{0,20}$/);
    const date = fc
      .date({ min: new Date('1990-01-01'), max: new Date('2049-12-31'), noInvalidDate: true })
      .chain((d) => {
        const [y, m, day] = d.toISOString().slice(0, 10).split('-') as [string, string, string];
        return fc.constantFrom(`${y}-${m}-${day}`, `${day}.${m}.${y}`, `${day}/${m}/${y}`, `${m}/${y}`);
      });
    const amount = fc
      .integer({ min: 0, max: 99_999_999 })
      .chain((cents) =>
        fc.constantFrom(
          (cents / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 }),
          (cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2 }),
        ),
      );
    const reference = fc.integer({ min: 1, max: 999_999 }).map(String);
    fc.assert(
      fc.property(words, fc.oneof(date, amount, reference), words, (before, value, after) => {
        const text = `${before} ${value} ${after}`;
        expect(scrubFreeText(text)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Memo and counterparty fields: the PII detector, then the patterns above.

describe('scrubMemo', () => {
  it.each([
    ['Transfer to J. Smith ref 88213', 'Transfer to [name] ref 88213'],
    ['FPS OLIVIA SMITH RENT', 'FPS [name] RENT'],
    ['Miete an Herr Müller, Hauptstraße 5, 10115 Berlin', 'Miete an Herr [name], [address]'],
    ['Refund DOB 12/03/1985 SSN 123-45-6789', 'Refund DOB [date_of_birth] SSN [national_id]'],
    ['Card 4111 1111 1111 1111 Tel +49 30 1234567', 'Card [card] Tel [phone]'],
    ['IBAN DE89 3704 0044 0532 0130 00', 'IBAN [iban]'],
    // The detector leaves a Luhn-valid order number alone; the ingest patterns scrub any, to be safe.
    ['Order 4111 1111 1111 1111', 'Order [card]'],
  ])('%s → %s', (text, expected) => {
    expect(scrubMemo(text)).toBe(expected);
    expect(scrubMemo(scrubMemo(text))).toBe(expected);
  });

  it.each([
    'JOHN LEWIS OXFORD ST',
    'Marks & Spencer 1234',
    "SAINSBURY'S S/MKTS",
    'TED BAKER',
    'Booked 2024-01-15 amount 1,234.56',
    'CARD PAYMENT TO TESCO STORES 3297',
  ])('keeps %s', (text) => {
    expect(scrubMemo(text)).toBe(text);
  });

  it('keeps a merchant the caller allows', () => {
    expect(scrubMemo('Payment to Oliver Bonas')).toBe('Payment to [name]');
    expect(scrubMemo('Payment to Oliver Bonas', ['Oliver Bonas'])).toBe('Payment to Oliver Bonas');
  });
});

describe('containsPiiBesidesIds', () => {
  const uuid = '6a2bfc43-f9c8-4485-a915-03071909f086';

  it('sets UUIDs aside, whose digit groups can read as a phone number, and nothing else', () => {
    expect(containsPii(uuid)).toBe(true);
    expect(containsPiiBesidesIds(uuid)).toBe(false);
    expect(containsPiiBesidesIds(`delivery:${uuid}`)).toBe(false);
    expect(containsPiiBesidesIds(`${uuid} call 07700 900123`)).toBe(true);
    expect(containsPiiBesidesIds(`${uuid} jane.doe@example.org`)).toBe(true);
  });
});
