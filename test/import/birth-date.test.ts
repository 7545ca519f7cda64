// Dates of birth from a customers file, on both storage backends and both question engines: the day of birth is
// nowhere in clear at rest (only the birth month, as the month after the 18th birthday's), never in a question's
// answer or its log entry, age bands answer from it, and minors are never counted — not even in the month they
// turn 18.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalisePlan } from '../../src/language/normalise.ts';
import { parseImportMapping } from '../../src/vault/import/import-mapping.ts';
import { consentsHeader, consentsMapping } from '../support/import-mappings.ts';
import { testBackends } from '../support/backends.ts';
import { dumpEveryTable } from '../support/table-dump.ts';
import { createTestVault, type TestVault } from '../support/test-vault.ts';

const now = new Date();
const today = now.toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');
const yearsAgo = (years: number, day: number, monthsEarlier = 0) => {
  const month = now.getUTCFullYear() * 12 + now.getUTCMonth() - years * 12 - monthsEarlier;
  return `${Math.floor(month / 12)}-${pad((month % 12) + 1)}-${pad(day)}`;
};
// This month's last day 18 years ago: in February of a leap year, the 29th may not have been a day then.
const lastDayOfThisMonth18YearsAgo = new Date(
  Date.UTC(now.getUTCFullYear() - 18, now.getUTCMonth() + 1, 0),
).getUTCDate();

// Adults, each born on a day other than the 1st (so that the day of birth could only be in a stored value by
// leaking): ages 20 and 21 are "18-24", 30 is "25-34", 70 is "65+".
const adults = [
  { id: 'A-20', born: yearsAgo(20, 23), band: '18-24' },
  { id: 'A-21', born: yearsAgo(21, 17, 2), band: '18-24' },
  { id: 'A-30', born: yearsAgo(30, 9, 5), band: '25-34' },
  { id: 'A-70', born: yearsAgo(70, 28, 7), band: '65+' },
] as const;
// Minors: 18 on this month's last day (in a leap February, the 28th), 18 on the 1st of this month (already 18
// by the day, but the vault stores only the month and waits for the next one), and 17.
const minors = [
  { id: 'M-end', born: yearsAgo(18, lastDayOfThisMonth18YearsAgo) },
  { id: 'M-first', born: yearsAgo(18, 1) },
  { id: 'M-17', born: yearsAgo(17, 12, 3) },
] as const;
// Turned 18 last month: counted from the first of this month.
const justAdult = { id: 'J-18', born: yearsAgo(18, 2, 1) };

// Enough people aged 25 to 34 for a question's answer to be reported rather than refused as too few, whatever the
// threshold's noise draws: with 60 the audience was about 65 against a noised k of about 50, refused now and then.
const others = Array.from({ length: 400 }, (_, i) => ({
  id: `F-${i}`,
  born: yearsAgo(26 + (i % 8), 2 + (i % 27), i % 12),
}));

const everyone = [...adults, ...minors, justAdult];
const eighteenthBirthday = (born: string) => `${Number(born.slice(0, 4)) + 18}${born.slice(4)}`;
/** The exact days that must not be found in clear: each date of birth and each 18th birthday. */
const needles = [...everyone, ...others]
  .flatMap(({ born }) => [born, eighteenthBirthday(born)])
  .filter((d) => !d.endsWith('-01'));

const mapping = parseImportMapping('customers', {
  columns: { externalId: 'id', givenName: 'given', familyName: 'family', dateOfBirth: 'born' },
});
if (!mapping.ok) throw new Error(mapping.error);

describe.each(testBackends)('dates of birth on $name', (backend) => {
  let vault: TestVault;
  const idOf = new Map<string, number>();

  const matching = async (expression: string) => {
    const checked = await vault.questions.check(expression, 'bank_offers');
    if (!checked.ok) throw new Error(checked.error.message);
    const ids = await vault.questionEngine.evaluate(
      normalisePlan(checked.value.plan, { asOf: today }),
      today,
    );
    const names = new Map([...idOf].map(([name, id]) => [id, name]));
    return [...ids].flatMap((id) => names.get(id) ?? []).sort();
  };

  beforeAll(async () => {
    vault = await createTestVault(backend);
    const lines = [...everyone, ...others].map((c, i) => `${c.id},Given${i},Family${i},${c.born}`);
    const imported = await vault.imports.importCsv(
      'customers',
      Readable.from([`id,given,family,born\n${lines.join('\n')}\n`]),
      mapping.value,
      { sourceName: 'customers.csv' },
    );
    expect(imported).toMatchObject({ status: 'done', rowsStored: everyone.length + others.length });
    const consents = [...everyone, ...others].map(
      (c, i) => `${c.id},bank_offers,all,yes,2025-06-01,bank_offers/v1,signed form ${i}`,
    );
    expect(
      await vault.imports.importCsv(
        'consents',
        Readable.from([`${consentsHeader}\n${consents.join('\n')}\n`]),
        consentsMapping(),
        { sourceName: 'consents.csv' },
      ),
    ).toMatchObject({ status: 'done' });
    for (const { id } of everyone) idOf.set(id, (await vault.identity.findCustomer('external_id', id))!);
  }, 120_000);
  afterAll(() => vault.dispose());

  it('keeps no day of birth in clear at rest, only the month after the 18th birthday’s', async () => {
    // Storing the exact 18th birthday (as before migration 37) fails here and in every test below: checked
    // once by hand.
    const dump = await dumpEveryTable(vault.storage);
    for (const needle of needles) expect(dump, needle).not.toContain(needle);
    const { rows } = await vault.storage.query<{ adult_from: string }>(
      `SELECT to_char(adult_from, 'YYYY-MM-DD') AS adult_from FROM customer_flags WHERE customer_id = $1`,
      [idOf.get('A-20')],
    );
    const month = Number(adults[0].born.slice(5, 7));
    const expected = `${Number(adults[0].born.slice(0, 4)) + 18 + (month === 12 ? 1 : 0)}-${pad((month % 12) + 1)}-01`;
    expect(rows[0]?.adult_from).toBe(expected);
    // The identity itself keeps the date of birth, encrypted, for the customer's own access request.
    expect((await vault.identity.readPii(idOf.get('A-20')!)).dateOfBirth).toBe(adults[0].born);
  });

  it.each(['sql', 'columnar'] as const)(
    'answers age bands on the %s engine and never counts a minor',
    async (engine) => {
      if (engine === 'columnar') await vault.questionEngine.loadColumnar({ features: false });
      expect(vault.questionEngine.name).toBe(engine);
      // With the exact 18th birthday stored, M-first is counted here: checked once by hand.
      expect(await matching('age_band("18-24")')).toEqual(['A-20', 'A-21', 'J-18']);
      expect(await matching('age_band("25-34", "65+")')).toEqual(['A-30', 'A-70']);
      // No band at all, and "not in a band": still no minor, whatever their age by month.
      expect(await matching('not age_band("25-34")')).toEqual(['A-20', 'A-21', 'A-70', 'J-18']);
    },
  );

  it('puts no day of birth in an answer or its log entry', async () => {
    const answer = await vault.questions.ask({
      expression: 'age_band("18-24", "25-34")',
      purpose: 'bank_offers',
      asker: 'birth-date-test',
    });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    expect(answer.value.count).toBeGreaterThan(0);
    const said = JSON.stringify(answer);
    const dump = await dumpEveryTable(vault.storage);
    expect(dump).toContain('age_band');
    for (const needle of needles) {
      expect(said, needle).not.toContain(needle);
      expect(dump, needle).not.toContain(needle);
    }
  });
});
