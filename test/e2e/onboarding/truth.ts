// The exact answers, computed straight from the bank's files (no Curtain code): who may be counted, and who matches.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bankFiles } from './bank.ts';

type Row = Record<string, string>;

async function rows(dir: string, file: string): Promise<Row[]> {
  const [header, ...lines] = (await readFile(join(dir, file), 'utf8')).trim().split('\n');
  const names = header!.split(';');
  return lines.map((line): Row =>
    Object.fromEntries(line.split(';').map((cell, i): [string, string] => [names[i]!, cell])),
  );
}

/**
 * DD.MM.YYYY, or DD.MM.YY read with the POSIX pivot (69–99 → 19xx, 00–68 → 20xx), → YYYY-MM-DD; undefined for a
 * date that does not exist.
 */
function iso(text: string): string | undefined {
  const [d, m, year] = text.split('.').map(Number) as [number, number, number];
  const y = text.length === 8 ? (year >= 69 ? 1900 + year : 2000 + year) : year;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCDate() === d && date.getUTCMonth() === m - 1
    ? date.toISOString().slice(0, 10)
    : undefined;
}

/** The vault counts a customer as adult from the first of the month after the one they turn 18 in. */
const adultFrom = (isoDate: string) => {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y + 18, m, 1)).toISOString().slice(0, 10);
};

export interface Truth {
  /** Customers a bank-offers question may count: active, adult, unflagged, consenting on some channel. */
  readonly eligible: ReadonlySet<string>;
  /** `spent(category: "groceries", within: 90d) > 0` over everyone (before eligibility). */
  readonly groceries: ReadonlySet<string>;
  /** `holds("mortgage")` on the day. */
  readonly mortgage: ReadonlySet<string>;
  /** `age_band("25-34", "35-44", "45-54", "55-64")` on the day: age counted from the first of the birth month. */
  readonly ageBand: ReadonlySet<string>;
  readonly customers: number;
}

/** Customers as the last row about each says (main file, then the delta). */
function finalCustomers(all: Row[], today: string): Map<string, Row> {
  const customers = new Map<string, Row>();
  for (const row of all) {
    const dob = iso(row['datum_narozeni']!);
    if (row['jmeno'] === '' || dob === undefined) continue;
    customers.set(row['klient_id']!, { ...row, dob, today });
  }
  return customers;
}

function marketable(row: Row, today: string): boolean {
  const flagged = ['zemrel', 'zranitelny', 'nekontaktovat', 'vymahani', 'insolvence'].some(
    (f) => row[f] === 'A',
  );
  return (
    row['stav'] === 'AKTIVNI' && !flagged && row['kyc'] !== 'ZAMITNUTO' && adultFrom(row['dob']!) <= today
  );
}

/** Latest evidenced decision per customer and channel; 'VSECHNY' stands for all four channels. */
function consenting(all: Row[]): Set<string> {
  const latest = new Map<string, { at: string; granted: boolean }>();
  const channels = ['inbox', 'email', 'push', 'webhook'];
  for (const row of all) {
    if (row['doklad'] === '') continue;
    const [date, time] = row['cas_rozhodnuti']!.split(' ');
    const at = `${iso(date!)}T${time}`;
    const scope = row['kanal'] === 'VSECHNY' ? channels : [row['kanal'] === 'EMAIL' ? 'email' : 'inbox'];
    for (const channel of scope) {
      const key = `${row['klient_id']}|${channel}`;
      const before = latest.get(key);
      if (before === undefined || before.at <= at) latest.set(key, { at, granted: row['udeleno'] === 'A' });
    }
  }
  return new Set([...latest].filter(([, d]) => d.granted).map(([key]) => key.split('|')[0]!));
}

export async function computeTruth(dir: string, today: string): Promise<Truth> {
  const customers = finalCustomers(
    [...(await rows(dir, bankFiles.customers)), ...(await rows(dir, bankFiles.customersDelta))],
    today,
  );
  const consents = consenting([
    ...(await rows(dir, bankFiles.consents)),
    ...(await rows(dir, bankFiles.consentsDelta)),
  ]);
  const eligible = new Set(
    [...customers.values()]
      .filter((c) => marketable(c, today) && consents.has(c['klient_id']!))
      .map((c) => c['klient_id']!),
  );
  // Owners who count an account's transactions: the primary owner of a personal account, and joint owners.
  const countedFor = new Map<string, Set<string>>();
  for (const row of await rows(dir, bankFiles.accounts)) {
    if (!customers.has(row['klient_id']!) || row['druh'] === 'FIREMNI') continue;
    const owners = countedFor.get(row['ucet']!) ?? new Set();
    owners.add(row['klient_id']!);
    countedFor.set(row['ucet']!, owners);
  }
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
  const groceries = new Set<string>();
  for (const row of await rows(dir, bankFiles.transactions)) {
    const day = iso(row['datum']!)!;
    if (row['mcc'] !== '5411' || !row['castka']!.startsWith('-') || day < from || day > today) continue;
    for (const owner of countedFor.get(row['ucet']!) ?? []) groceries.add(owner);
  }
  const held = new Map<string, Row>();
  for (const row of [
    ...(await rows(dir, bankFiles.products)),
    ...(await rows(dir, bankFiles.productsDelta)),
  ]) {
    if (row['produkt'] === 'HYPOTEKA' && customers.has(row['klient_id']!))
      held.set(`${row['klient_id']}|${row['od']}`, row);
  }
  const mortgage = new Set(
    [...held.values()]
      .filter((r) => iso(r['od']!)! <= today && (r['do'] === '' || iso(r['do']!)! >= today))
      .map((r) => r['klient_id']!),
  );
  const ageBand = new Set(
    [...customers.values()]
      .filter((c) => {
        const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
        const [by, bm] = [Number(c['dob']!.slice(0, 4)), Number(c['dob']!.slice(5, 7))];
        const age = y - by - (m < bm ? 1 : 0);
        return age >= 25 && age <= 64;
      })
      .map((c) => c['klient_id']!),
  );
  return { eligible, groceries, mortgage, ageBand, customers: customers.size };
}
