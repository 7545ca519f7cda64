// A small bank written for the onboarding test, in a foreign shape: Czech headers and codes, semicolons,
// DD.MM.YYYY dates (two-digit years in the statements), decimal commas, joint and business accounts, separate
// files, and a delta file a day later.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const bankFiles = {
  customers: 'klienti.csv',
  accounts: 'ucty.csv',
  products: 'produkty.csv',
  consents: 'souhlasy.csv',
  transactions: 'transakce.csv',
  customersDelta: 'klienti-zmeny.csv',
  accountsDelta: 'ucty-zmeny.csv',
  productsDelta: 'produkty-zmeny.csv',
  consentsDelta: 'souhlasy-zmeny.csv',
} as const;

/** mulberry32: a small seeded generator, so the bank is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** YYYY-MM-DD → DD.MM.YYYY */
export const czDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
/** YYYY-MM-DD → DD.MM.YY: the statements' two-digit years */
const czShortDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(2, 4)}`;
const czAmount = (minor: number) => {
  const whole = Math.floor(Math.abs(minor) / 100);
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${minor < 0 ? '-' : ''}${grouped},${pad(Math.abs(minor) % 100, 2)}`;
};
const iban = (n: number) => `CZ65${pad(800, 4)}${pad(n, 16)}`;

const customerHeader =
  'klient_id;jmeno;prijmeni;email;telefon;ulice;psc;mesto;zeme;datum_narozeni;stav;datum_odchodu;zemrel;zranitelny;nekontaktovat;vymahani;insolvence;kyc';
const accountHeader = 'ucet;klient_id;vztah;druh;produkt;mena;zalozeno;zruseno';
const productHeader = 'klient_id;produkt;od;do';
const consentHeader = 'klient_id;ucel;kanal;udeleno;cas_rozhodnuti;verze_informace;doklad';
const transactionHeader = 'ucet;datum;castka;mena;obchodnik;mcc;kod;popis';

const names = ['Jana', 'Petr', 'Eva', 'Tomáš', 'Lucie', 'Martin', 'Hana', 'Jakub', 'Věra', 'Ondřej'];
const surnames = ['Nováková', 'Svoboda', 'Dvořáková', 'Černý', 'Procházková', 'Kučera', 'Veselá', 'Horák'];
const merchants: [name: string, mcc: string][] = [
  ['Albert Supermarket', '5411'],
  ['Billa', '5411'],
  ['Lidl Praha', '5411'],
  ['Restaurace U Fleků', '5812'],
  ['Benzina', '5541'],
  ['Lékárna Dr. Max', '5912'],
];
/** The bank's own transaction codes, in Czech (the mapping does not read them yet: see docs/onboarding.md). */
const codes = ['PLATBA KARTOU', 'TRVALY PRIKAZ', 'PREVOD', 'VYBER Z BANKOMATU'];

interface Writer {
  readonly rand: () => number;
  readonly today: string;
  readonly lines: Record<keyof typeof bankFiles, string[]>;
}

const chance = (w: Writer, p: number) => w.rand() < p;
const pick = <T>(w: Writer, items: readonly T[]) => items[Math.floor(w.rand() * items.length)]!;

function customerRow(
  w: Writer,
  i: number,
  overrides: Partial<Record<'stav' | 'odchod' | 'zranitelny', string>> = {},
) {
  const minor = i % 13 === 5;
  const age = minor ? 10 + (i % 7) : 20 + (i % 60);
  const dob = addDays(`${Number(w.today.slice(0, 4)) - age}-${w.today.slice(5, 10)}`, -((i * 37) % 300) - 1);
  const flag = (p: number) => (chance(w, p) ? 'A' : 'N');
  const kyc = i % 31 === 7 ? 'ZAMITNUTO' : i % 17 === 3 ? 'CEKA' : 'OVERENO';
  return [
    `K${pad(i, 5)}`,
    pick(w, names),
    pick(w, surnames),
    i % 9 === 4 ? '' : `klient${i}@example.cz`,
    `+420 6${pad(i, 8)}`,
    `Dlouhá ${i}`,
    `110 ${pad(i % 100, 2)}`,
    'Praha',
    'cz',
    czDate(dob),
    overrides.stav ?? 'AKTIVNI',
    overrides.odchod ?? '',
    flag(0.03),
    overrides.zranitelny ?? flag(0.05),
    flag(0.04),
    flag(0.03),
    flag(0.02),
    kyc,
  ].join(';');
}

function transactionsFor(w: Writer, account: string, groceries: boolean) {
  const n = 6 + Math.floor(w.rand() * 10);
  for (let k = 0; k < n; k++) {
    // Never within five days of the 90-day window's edge: the answer cannot hinge on its exact bound.
    let ago = 1 + Math.floor(w.rand() * 170);
    if (ago >= 85 && ago <= 95) ago += 11;
    const [merchant, mcc] = groceries ? pick(w, merchants) : pick(w, merchants.slice(3));
    const debit = !chance(w, 0.1);
    const minor = (debit ? -1 : 1) * (100 + Math.floor(w.rand() * 250_000));
    const code = pick(w, codes);
    w.lines.transactions.push(
      [
        account,
        czShortDate(addDays(w.today, -ago)),
        czAmount(minor),
        'CZK',
        merchant,
        mcc,
        code,
        `${code} ${merchant}`,
      ].join(';'),
    );
  }
}

function accountsFor(w: Writer, i: number, customers: number) {
  const id = `K${pad(i, 5)}`;
  const opened = czDate(addDays(w.today, -400 - i));
  const personal = iban(i * 10);
  w.lines.accounts.push([personal, id, 'MAJITEL', 'OSOBNI', 'BEZNY', 'CZK', opened, ''].join(';'));
  transactionsFor(w, personal, chance(w, 0.45));
  if (i % 7 === 2 && i + 1 < customers) {
    // A joint account with the next customer: its groceries count for both owners.
    const joint = iban(i * 10 + 1);
    w.lines.accounts.push(
      [joint, `K${pad(i + 1, 5)}`, 'SPOLUMAJITEL', 'OSOBNI', 'BEZNY', 'CZK', opened, ''].join(';'),
    );
    w.lines.accounts.push([joint, id, 'MAJITEL', 'OSOBNI', 'BEZNY', 'CZK', opened, ''].join(';'));
    transactionsFor(w, joint, true);
  }
  if (i % 19 === 11) {
    // A business account: never counted for a consumer question.
    const business = iban(i * 10 + 2);
    w.lines.accounts.push([business, id, 'MAJITEL', 'FIREMNI', 'PODNIKATELSKY', 'CZK', opened, ''].join(';'));
    transactionsFor(w, business, true);
  }
}

function productsFor(w: Writer, i: number) {
  const id = `K${pad(i, 5)}`;
  if (chance(w, 0.65))
    w.lines.products.push([id, 'HYPOTEKA', czDate(addDays(w.today, -800 + i)), ''].join(';'));
  if (chance(w, 0.3))
    w.lines.products.push([id, 'KREDITNI_KARTA', czDate(addDays(w.today, -300)), ''].join(';'));
}

function consentsFor(w: Writer, i: number) {
  const id = `K${pad(i, 5)}`;
  const at = `${czDate(addDays(w.today, -200 + (i % 50)))} ${pad(8 + (i % 10), 2)}:${pad(i % 60, 2)}`;
  const roll = w.rand();
  if (roll < 0.72)
    w.lines.consents.push([id, 'NABIDKY_BANKY', 'VSECHNY', 'A', at, 'NB-2025', `FORM-${i}`].join(';'));
  else if (roll < 0.8)
    w.lines.consents.push([id, 'NABIDKY_BANKY', 'EMAIL', 'A', at, 'NB-2026', `CALL-${i}`].join(';'));
  else if (roll < 0.9)
    w.lines.consents.push([id, 'NABIDKY_BANKY', 'VSECHNY', 'A', at, 'NB-2025', ''].join(';'));
  else w.lines.consents.push([id, 'NABIDKY_BANKY', 'VSECHNY', 'N', at, 'NB-2025', `FORM-${i}`].join(';'));
}

/** Rows the import must quarantine: a bad date, a missing name, an unknown owner, an unknown product code. */
function badRows(w: Writer) {
  w.lines.customers.push(
    customerRow(w, 99_001).replace(/;\d{2}\.\d{2}\.\d{4};AKTIVNI/, ';31.02.1990;AKTIVNI'),
  );
  w.lines.customers.push(customerRow(w, 99_002).replace(/^K99002;[^;]+;/, 'K99002;;'));
  w.lines.accounts.push(
    [iban(990_000), 'K77777', 'MAJITEL', 'OSOBNI', 'BEZNY', 'CZK', '01.01.2020', ''].join(';'),
  );
  w.lines.products.push(['K00001', 'LETADLO', '01.01.2020', ''].join(';'));
}

/** The changes of the next day: customers who left or became vulnerable, closed accounts, ended products, withdrawals. */
function delta(w: Writer, customers: number) {
  const yesterday = czDate(addDays(w.today, -1));
  for (let i = 3; i < customers; i += 41)
    w.lines.customersDelta.push(customerRow(w, i, { stav: 'ODESEL', odchod: czDate(w.today) }));
  for (let i = 8; i < customers; i += 53) w.lines.customersDelta.push(customerRow(w, i, { zranitelny: 'A' }));
  for (let i = customers; i < customers + 3; i++) w.lines.customersDelta.push(customerRow(w, i));
  for (const row of w.lines.accounts.filter((_, k) => k % 37 === 5)) {
    const cells = row.split(';');
    cells[7] = czDate(w.today);
    w.lines.accountsDelta.push(cells.join(';'));
  }
  for (const row of w.lines.products.filter((r, k) => r.includes('HYPOTEKA') && k % 6 === 1)) {
    const cells = row.split(';');
    cells[3] = yesterday;
    w.lines.productsDelta.push(cells.join(';'));
  }
  // Yesterday morning: a decision dated later today would still lie ahead of the vault's clock before 07:30 (the
  // test failed between midnight and breakfast, UTC).
  const at = `${yesterday} 07:30`;
  for (let i = 12; i < customers; i += 29) {
    w.lines.consentsDelta.push(
      [`K${pad(i, 5)}`, 'NABIDKY_BANKY', 'VSECHNY', 'N', at, 'NB-2026', `WEB-${i}`].join(';'),
    );
  }
}

/**
 * Writes the bank's export for `customers` customers into `dir`; dates are relative to `today` (YYYY-MM-DD),
 * the day the delta files are exported and the questions asked.
 */
export async function writeOnboardingBank(dir: string, customers: number, today: string): Promise<void> {
  const w: Writer = {
    rand: seeded(16),
    today,
    lines: Object.fromEntries(Object.keys(bankFiles).map((k) => [k, []])) as unknown as Writer['lines'],
  };
  for (let i = 0; i < customers; i++) {
    w.lines.customers.push(customerRow(w, i));
    accountsFor(w, i, customers);
    productsFor(w, i);
    consentsFor(w, i);
  }
  delta(w, customers);
  badRows(w);
  const headers: Record<keyof typeof bankFiles, string> = {
    customers: customerHeader,
    customersDelta: customerHeader,
    accounts: accountHeader,
    accountsDelta: accountHeader,
    products: productHeader,
    productsDelta: productHeader,
    consents: consentHeader,
    consentsDelta: consentHeader,
    transactions: transactionHeader,
  };
  for (const [key, file] of Object.entries(bankFiles) as [keyof typeof bankFiles, string][]) {
    await writeFile(join(dir, file), `${headers[key]}\n${w.lines[key].join('\n')}\n`);
  }
}
