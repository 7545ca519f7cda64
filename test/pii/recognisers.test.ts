// Each recogniser of the PII detector: valid and invalid checksums, context that raises or rejects a candidate.
import { describe, expect, it } from 'vitest';
import {
  hasCardPrefix,
  isValidBsn,
  isValidNino,
  isValidNir,
  isValidSsn,
  isValidSteuerId,
  luhnValid,
} from '../../src/privacy/pii/checksums.ts';
import { detectPii, redactPii } from '../../src/privacy/pii/detector.ts';
import type { PiiEntity } from '../../src/privacy/pii/types.ts';

/** The entities found in `text`, each with the text it covers. */
function found(text: string): Array<[PiiEntity, string]> {
  return detectPii(text).map((f) => [f.entity, text.slice(f.start, f.end)]);
}

function scoreOf(text: string, entity: PiiEntity): number {
  return detectPii(text, { threshold: 0, entities: [entity] })[0]?.score ?? 0;
}

describe('checksums', () => {
  it('Luhn and card prefixes', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(hasCardPrefix('4111111111111111')).toBe(true);
    expect(hasCardPrefix('9111111111111111')).toBe(false);
  });

  it('UK NINO: prefix letters and suffix', () => {
    expect(isValidNino('AB123456C')).toBe(true);
    expect(isValidNino('GB123456C')).toBe(false);
    expect(isValidNino('DA123456C')).toBe(false);
    expect(isValidNino('AB123456E')).toBe(false);
  });

  it('US SSN: no area 000, 666 or 9xx, no zero group or serial', () => {
    expect(isValidSsn('123', '45', '6789')).toBe(true);
    expect(isValidSsn('666', '45', '6789')).toBe(false);
    expect(isValidSsn('912', '45', '6789')).toBe(false);
    expect(isValidSsn('123', '00', '6789')).toBe(false);
  });

  it('DE Steuer-ID: digit rule and MOD 11,10 check digit', () => {
    expect(isValidSteuerId('86095742719')).toBe(true);
    expect(isValidSteuerId('86095742718')).toBe(false);
    expect(isValidSteuerId('12345678901')).toBe(false); // every digit once: no repeated digit
    expect(isValidSteuerId('06095742719')).toBe(false);
  });

  it('NL BSN: the 11-check', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
  });

  it('FR NIR: key = 97 - (number mod 97)', () => {
    expect(isValidNir('255081416802538')).toBe(true);
    expect(isValidNir('255081416802539')).toBe(false);
    expect(isValidNir('355081416802538')).toBe(false);
    expect(isValidNir('2550814168025' + String(97 - Number(2550814168025n % 97n)).padStart(2, '0'))).toBe(
      true,
    );
  });
});

describe('recognisers', () => {
  it('email', () => {
    expect(found('write to jane.doe@example.co.uk today')).toEqual([['email', 'jane.doe@example.co.uk']]);
  });

  it('IBAN: mod-97, compact or grouped, rejected when the check fails', () => {
    expect(found('IBAN DE89 3704 0044 0532 0130 00')).toEqual([['iban', 'DE89 3704 0044 0532 0130 00']]);
    expect(found('to GB82WEST12345698765432')).toEqual([['iban', 'GB82WEST12345698765432']]);
    expect(found('IBAN DE89 3704 0044 0532 0130 01')).toEqual([]);
  });

  it('card: Luhn, raised by "card", rejected after "order"', () => {
    expect(found('Card 4111 1111 1111 1111')).toEqual([['card', '4111 1111 1111 1111']]);
    expect(found('Card 4111 1111 1111 1112')).toEqual([]);
    expect(scoreOf('Card 4111 1111 1111 1111', 'card')).toBeGreaterThan(
      scoreOf('4111 1111 1111 1111', 'card'),
    );
    expect(found('Order 4111 1111 1111 1111')).toEqual([]);
    expect(found('SKU 4111111111111111')).toEqual([]);
  });

  it('phone: libphonenumber validity, context, dates and references left alone', () => {
    expect(found('Tel +44 20 7946 0958')).toEqual([['phone', '+44 20 7946 0958']]);
    expect(found('call 030 1234567')).toEqual([['phone', '030 1234567']]);
    expect(scoreOf('Tel 030 1234567', 'phone')).toBeGreaterThan(scoreOf('030 1234567', 'phone'));
    expect(found('Ref 0301234567')).toEqual([]);
    expect(found('Booked 11.08.1985')).toEqual([]);
  });

  it('national ids: each market, context needed where the check is weak', () => {
    expect(found('NI number AB 12 34 56 C')).toEqual([['national_id', 'AB 12 34 56 C']]);
    expect(found('NI number QQ 12 34 56 C')).toEqual([]); // Q is never a first prefix letter
    expect(found('SSN 123-45-6789')).toEqual([['national_id', '123-45-6789']]);
    expect(found('Steuer-ID 86095742719')).toEqual([['national_id', '86095742719']]);
    expect(found('NIR 2 55 08 14 168 025 38')).toEqual([['national_id', '2 55 08 14 168 025 38']]);
    // A BSN is any nine digits passing the 11-check (one in eleven does): it needs its label.
    expect(found('BSN 111222333')).toEqual([['national_id', '111222333']]);
    expect(found('111222333')).toEqual([]);
    expect(found('Mandate 111222333')).toEqual([]);
    expect(found('SSN 666-45-6789')).toEqual([]);
  });

  it('date of birth: only with a birth word before it', () => {
    expect(found('DOB 12/03/1985')).toEqual([['date_of_birth', '12/03/1985']]);
    expect(found('born on March 12, 1985')).toEqual([['date_of_birth', 'March 12, 1985']]);
    expect(found('geboren am 12.03.1985')).toEqual([['date_of_birth', '12.03.1985']]);
    expect(found('Invoice date 12/03/1985')).toEqual([]);
    expect(found('12/03/1985')).toEqual([]);
    expect(found('DOB 31/31/1985')).toEqual([]);
  });

  it('postal address: number and street, with town and postcode', () => {
    expect(found('Lives at 12 High Street, Leeds LS1 4AB')).toEqual([
      ['address', '12 High Street, Leeds LS1 4AB'],
    ]);
    expect(found('Hauptstraße 5, 10115 Berlin')).toEqual([['address', 'Hauptstraße 5, 10115 Berlin']]);
    expect(found('12 rue de la Paix, 75002 Paris')).toEqual([['address', '12 rue de la Paix, 75002 Paris']]);
    expect(found('Visit our Oxford Street store')).toEqual([]);
  });

  it('person: dictionary, titles, initials and context', () => {
    expect(found('Transfer to Olivia Smith')).toEqual([['person', 'Olivia Smith']]);
    expect(found('TRANSFER TO OLIVIA SMITH')).toEqual([['person', 'OLIVIA SMITH']]);
    expect(found('Spoke to Mrs Okonkwo-Blessing')).toEqual([['person', 'Okonkwo-Blessing']]);
    expect(found('Paid J. Smith')).toEqual([['person', 'J. Smith']]);
    expect(found('Dear Zebedee')).toEqual([['person', 'Zebedee']]);
    expect(found('Zebedee')).toEqual([]);
    expect(found('Max Saver account')).toEqual([]);
    expect(found('Grace period extended')).toEqual([]);
    expect(found('Smith & Sons Ltd')).toEqual([]);
  });

  it('redacts with a token per entity and is idempotent', () => {
    const text = 'Dear Olivia Smith, DOB 12/03/1985, Tel +44 20 7946 0958, SSN 123-45-6789';
    const once = redactPii(text);
    expect(once).toBe('Dear [name], DOB [date_of_birth], Tel [phone], SSN [national_id]');
    expect(redactPii(once)).toBe(once);
  });
});

describe('merchants beat the name recogniser', () => {
  it.each(['John Lewis', 'Marks & Spencer', 'Ted Baker', 'JOHN LEWIS', "Sainsbury's", 'Paul Smith'])(
    '%s stays intact',
    (merchant) => {
      expect(found(`Card payment to ${merchant}`)).toEqual([]);
      expect(found(`Transfer to ${merchant}`)).toEqual([]);
    },
  );

  it('a caller adds its own merchants', () => {
    expect(found('Payment from Olivia Hartley')).toEqual([['person', 'Olivia Hartley']]);
    expect(detectPii('Payment from Olivia Hartley', { allow: ['Olivia Hartley'] })).toEqual([]);
  });

  it('a person named like a merchant is still found when the name is not the merchant', () => {
    expect(found('Transfer to John Smith')).toEqual([['person', 'John Smith']]);
  });
});
