// Properties of the generated demo bank: determinism, valid identifiers, realistic volume and the demo scenario.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import mccList from 'mcc/mcc_codes.json' with { type: 'json' };
import { isCurrencyCode } from '../../core/money.ts';
import { isProductCode } from '../../core/products.ts';
import { parseIsoDay } from './calendar.ts';
import { generateBank, generateCustomer, groundTruthRecord } from './generate-bank.ts';
import { isValidIban } from './iban.ts';
import { merchants, merchantsByCategory } from './merchants.ts';
import { familyNames, givenNames } from './names.ts';
import { personas } from './personas.ts';
import type { GeneratedCustomer } from './types.ts';

const end = '2026-11-01';
const start = '2024-11-02';
const bank: readonly GeneratedCustomer[] = [
  ...generateBank({ density: 'thin', customers: 2000, seed: 1, end }),
];

const inspectionMerchants = new Set(merchantsByCategory.home_inspection.map((m) => m.name));

/** The seeds' scenario: paid a home inspection in the 90 days up to `end`, holds no mortgage at `end`. */
function inScenario(customer: GeneratedCustomer, asOf: string): boolean {
  const last = parseIsoDay(asOf)!;
  const inspected = customer.transactions.some(
    (t) =>
      t.merchantName !== undefined &&
      inspectionMerchants.has(t.merchantName) &&
      last - parseIsoDay(t.bookingDate)! < 90 &&
      t.bookingDate <= asOf,
  );
  const mortgage = customer.products.some(
    (p) => p.product === 'mortgage' && p.since <= asOf && (p.until === undefined || p.until >= asOf),
  );
  return inspected && !mortgage;
}

describe('determinism', () => {
  it('gives the same bank for the same seed', () => {
    const again = [...generateBank({ density: 'thin', customers: 50, seed: 1, end })];
    expect(JSON.stringify(again)).toBe(JSON.stringify(bank.slice(0, 50)));
  });

  it('does not make customer i depend on how many customers are generated', () => {
    const ten = [...generateBank({ density: 'thin', customers: 10, seed: 7, end })];
    const hundred = [...generateBank({ density: 'thin', customers: 100, seed: 7, end })];
    expect(JSON.stringify(hundred.slice(0, 10))).toBe(JSON.stringify(ten));
    const slice = [...generateBank({ density: 'thin', customers: 5, seed: 7, end, firstIndex: 40 })];
    expect(JSON.stringify(slice)).toBe(JSON.stringify(hundred.slice(40, 45)));
    expect(JSON.stringify(generateCustomer({ density: 'thin', seed: 7, end }, 42))).toBe(
      JSON.stringify(hundred[42]),
    );
  });

  it('gives another bank for another seed, and treats 1 and "1" alike', () => {
    const other = [...generateBank({ density: 'thin', customers: 20, seed: 2, end })];
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(bank.slice(0, 20)));
    const text = [...generateBank({ density: 'thin', customers: 20, seed: '1', end })];
    expect(JSON.stringify(text)).toBe(JSON.stringify(bank.slice(0, 20)));
  });

  it('keeps the thin bank byte for byte: the test suite’s banks and their seeded numbers do not move', () => {
    const hash = createHash('sha256');
    for (const c of bank) hash.update(JSON.stringify(c));
    expect(hash.digest('hex')).toBe('c1425a72f88a5c1abeaeb318b09626b21508d931fdb894f010f0e542ce9ae908');
  });

  it('numbers customers by index', () => {
    expect(bank[0]!.externalId).toBe('C00000001');
    expect(bank[1233]!.externalId).toBe('C00001234');
    expect(new Set(bank.map((c) => c.externalId)).size).toBe(bank.length);
  });
});

describe('identifiers and amounts', () => {
  it('has valid, unique IBANs for every account, and the main one in the PII', () => {
    const ibans = bank.flatMap((c) => c.accounts.map((a) => a.iban));
    expect(ibans.every(isValidIban)).toBe(true);
    expect(new Set(ibans).size).toBe(ibans.length);
    for (const c of bank) expect(c.pii.iban).toBe(c.accounts[0]!.iban);
  });

  it('books every transaction on one of the customer’s own accounts, with valid counterparty IBANs', () => {
    const wrong: string[] = [];
    for (const c of bank) {
      const own = new Set(c.accounts.map((a) => a.iban));
      for (const t of c.transactions) {
        if (t.account.scheme !== 'iban' || !own.has(t.account.value)) wrong.push(t.bankReference!);
        if (t.counterpartyAccount !== undefined && !isValidIban(t.counterpartyAccount)) {
          wrong.push(t.bankReference!);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has positive integer amounts, valid currencies, MCCs from the list and unique references', () => {
    const knownMcc = new Set(mccList.map((m) => m.mcc));
    const references = new Set<string>();
    const wrong: string[] = [];
    let count = 0;
    for (const c of bank) {
      for (const a of c.accounts) if (!isCurrencyCode(a.currency)) wrong.push(a.iban);
      for (const t of c.transactions) {
        count++;
        const valid =
          Number.isSafeInteger(t.amountMinor) &&
          t.amountMinor > 0 &&
          isCurrencyCode(t.currency) &&
          (t.mcc === undefined || knownMcc.has(t.mcc));
        if (!valid) wrong.push(t.bankReference!);
        references.add(t.bankReference!);
      }
    }
    expect(wrong).toEqual([]);
    expect(references.size).toBe(count);
  });

  it('books dates within the period, sorted', () => {
    const wrong: string[] = [];
    for (const c of bank) {
      let previous = start;
      for (const t of c.transactions) {
        if (t.bookingDate < previous || t.bookingDate > end || t.valueDate !== t.bookingDate) {
          wrong.push(t.bankReference!);
        }
        previous = t.bookingDate;
      }
      const dates = c.lifeEvents.map((e) => e.date);
      expect(dates).toEqual([...dates].sort());
    }
    expect(wrong).toEqual([]);
  });

  it('holds only catalogue products, with sensible dates', () => {
    for (const c of bank) {
      for (const p of c.products) {
        expect(isProductCode(p.product)).toBe(true);
        expect(p.since <= end).toBe(true);
        if (p.until !== undefined) expect(p.since <= p.until && p.until <= end).toBe(true);
      }
      for (const a of c.accounts) expect(a.openedOn <= end).toBe(true);
    }
  });
});

describe('personal data', () => {
  it('is obviously fake: reserved e-mail domains, drama phone numbers, QQ National Insurance numbers', () => {
    for (const { pii } of bank) {
      expect(pii.email).toMatch(/^[a-z]+\.[a-z]+\d+@example\.(com|org|net)$/);
      expect(pii.phone).toMatch(/^\+44 7700 900\d{3}$/);
      expect(pii.nationalId).toMatch(/^QQ\d{6}[A-D]$/);
      expect(pii.address.country).toBe('GB');
      expect(pii.dateOfBirth < end).toBe(true);
    }
  });

  it('never puts the customer’s own details into merchant names or descriptions', () => {
    const leaks: string[] = [];
    for (const c of bank) {
      const own = [
        `${c.pii.givenName} ${c.pii.familyName}`,
        c.pii.email,
        c.pii.phone,
        c.pii.nationalId,
        c.pii.iban,
        c.pii.address.street,
      ].map((s) => s.toLowerCase());
      for (const t of c.transactions) {
        const text = `${t.merchantName ?? ''} | ${t.description ?? ''}`.toLowerCase();
        if (own.some((value) => text.includes(value))) leaks.push(t.bankReference!);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('names no person in any merchant name', () => {
    const names = new Set([...givenNames, ...familyNames].map((n) => n.toLowerCase()));
    for (const m of merchants) {
      for (const word of m.name.toLowerCase().split(/[^a-z'-]+/)) expect(names.has(word)).toBe(false);
    }
  });
});

describe('shape of the bank', () => {
  it('has persona shares close to the documented ones', () => {
    for (const persona of personas) {
      const share = bank.filter((c) => c.persona === persona.code).length / bank.length;
      expect(Math.abs(share - persona.share)).toBeLessThan(0.03);
    }
  });

  it('averages 90–110 transactions per customer over two years', () => {
    const customers = bank.slice(0, 1000);
    const average = customers.reduce((sum, c) => sum + c.transactions.length, 0) / customers.length;
    expect(average).toBeGreaterThanOrEqual(90);
    expect(average).toBeLessThanOrEqual(110);
  });

  it('has at least 200 of 2,000 customers who paid a home inspection in the last 90 days and hold no mortgage', () => {
    const count = bank.filter((c) => inScenario(c, end)).length;
    expect(count).toBeGreaterThanOrEqual(200);
  });

  it('charges home inspections of 300–700 pounds under MCC 7399 or 8999', () => {
    const inspections = bank.flatMap((c) =>
      c.transactions.filter((t) => t.merchantName !== undefined && inspectionMerchants.has(t.merchantName)),
    );
    expect(inspections.length).toBeGreaterThan(200);
    for (const t of inspections) {
      expect(['7399', '8999']).toContain(t.mcc);
      expect(t.amountMinor).toBeGreaterThanOrEqual(30_000);
      expect(t.amountMinor).toBeLessThanOrEqual(70_000);
      expect(t.direction).toBe('debit');
    }
  });

  it('gives buyers a mortgage from completion, mortgage repayments, and no rent after the move', () => {
    const buyers = bank.filter((c) => c.lifeEvents.some((e) => e.type === 'home_purchase'));
    expect(buyers.length).toBeGreaterThan(10);
    for (const c of buyers) {
      const purchase = c.lifeEvents.find((e) => e.type === 'home_purchase')!;
      const inspection = c.lifeEvents.find((e) => e.type === 'home_inspection')!;
      const application = c.lifeEvents.find((e) => e.type === 'mortgage_application')!;
      const inspectionDay = parseIsoDay(inspection.date)!;
      const applicationDay = parseIsoDay(application.date)!;
      expect(applicationDay - inspectionDay).toBeGreaterThanOrEqual(14);
      expect(applicationDay - inspectionDay).toBeLessThanOrEqual(56);
      expect(c.products.some((p) => p.product === 'mortgage' && p.since === purchase.date)).toBe(true);
      const move = c.lifeEvents.find((e) => e.type === 'move');
      if (move !== undefined) {
        const rentAfter = c.transactions.filter(
          (t) => t.description?.includes('RENT') && t.bookingDate > move.date,
        );
        expect(rentAfter).toEqual([]);
      }
      const repayments = c.transactions.filter((t) => t.description === 'MORTGAGE REPAYMENT');
      for (const t of repayments) expect(t.bookingDate > purchase.date).toBe(true);
    }
  });

  it('keeps most of the scenario customers renting to the end', () => {
    const scenario = bank.filter((c) => inScenario(c, end));
    const last = parseIsoDay(end)!;
    const renting = scenario.filter((c) =>
      c.transactions.some((t) => t.description?.includes('RENT') && last - parseIsoDay(t.bookingDate)! < 45),
    );
    expect(renting.length / scenario.length).toBeGreaterThan(0.9);
  });

  it('records new babies with baby-shop spending and cars with a dealer payment', () => {
    const babies = bank.filter((c) => c.lifeEvents.some((e) => e.type === 'new_baby'));
    expect(babies.length).toBeGreaterThan(20);
    for (const c of babies) expect(c.transactions.some((t) => t.mcc === '5641')).toBe(true);
    const cars = bank.filter((c) => c.lifeEvents.some((e) => e.type === 'new_car'));
    expect(cars.length).toBeGreaterThan(20);
    for (const c of cars) {
      const car = c.lifeEvents.find((e) => e.type === 'new_car')!;
      expect(c.transactions.some((t) => t.mcc === '5511' && t.bookingDate === car.date)).toBe(true);
    }
  });

  it('peaks shopping in December and travel in summer', () => {
    const perMonth = (mccs: readonly string[], month: string): number =>
      bank.reduce(
        (sum, c) =>
          sum +
          c.transactions.filter((t) => mccs.includes(t.mcc ?? '') && t.bookingDate.slice(5, 7) === month)
            .length,
        0,
      );
    const shopping = ['5311', '5310', '5331', '5651', '5691', '5999', '5732'];
    expect(perMonth(shopping, '12')).toBeGreaterThan(1.3 * perMonth(shopping, '05'));
    const travel = ['7011', '3501', '4722'];
    expect(perMonth(travel, '08')).toBeGreaterThan(1.5 * perMonth(travel, '02'));
  });
});

describe('ground truth and options', () => {
  it('is a JSON record without PII', () => {
    for (const c of bank.slice(0, 300)) {
      const record = groundTruthRecord(c);
      const text = JSON.stringify(record);
      expect(JSON.parse(text)).toEqual({
        externalId: c.externalId,
        persona: c.persona,
        lifeEvents: c.lifeEvents,
      });
      expect(text.includes(c.pii.familyName)).toBe(false);
      expect(text.includes(c.pii.email)).toBe(false);
    }
  });

  it('scales the home-inspection scenario with homeInspectionShare', () => {
    const none = [...generateBank({ density: 'thin', customers: 500, seed: 3, end, homeInspectionShare: 0 })];
    expect(none.filter((c) => inScenario(c, end)).length).toBe(0);
  });

  it('generates short periods and rejects bad options', () => {
    const short = [
      ...generateBank({ density: 'thin', customers: 50, seed: 1, start: '2026-10-01', end: '2026-10-31' }),
    ];
    for (const c of short) for (const t of c.transactions) expect(t.bookingDate >= '2026-10-01').toBe(true);
    expect(() => [...generateBank({ density: 'thin', customers: 1, seed: 1, end: '2026-02-30' })]).toThrow(
      RangeError,
    );
    expect(() => [
      ...generateBank({ density: 'thin', customers: 1, seed: 1, start: '2027-01-01', end }),
    ]).toThrow(RangeError);
    expect(() => [...generateBank({ density: 'thin', customers: -1, seed: 1, end })]).toThrow(RangeError);
  });
});
