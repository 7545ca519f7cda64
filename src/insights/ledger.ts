// One customer's transactions in the question engine's columnar layout, as the insight functions read them.

/** The columns of src/vault/questions/columnar/columnar-data.ts, rows `from` … `to` (exclusive), sorted by day. */
export interface CustomerColumns {
  readonly columns: {
    /** Days since 1970-01-01. */
    readonly day: ArrayLike<number>;
    /** Minor units, positive; the direction is in the kind. */
    readonly amount: ArrayLike<number>;
    readonly kind: ArrayLike<number>;
    /** Index into `merchants`, or -1. */
    readonly merchant: ArrayLike<number>;
  };
  readonly from: number;
  readonly to: number;
  /** The kind dictionary: category index and direction (1 credit, 0 debit) per kind. */
  readonly kinds: { readonly category: ArrayLike<number>; readonly credit: ArrayLike<number> };
  readonly categories: readonly string[];
  readonly merchants: readonly string[];
  /**
   * Which rows are on the account whose balance is forecast (1) and which elsewhere (0); absent: every row.
   * The columnar store has no account column, so the vault and the device fill it when they know.
   */
  readonly balanceAccount?: ArrayLike<number>;
}

/** One transaction in plain form: how tests, benchmarks and the device build a ledger. */
export interface PlainTransaction {
  /** YYYY-MM-DD or a day number. */
  readonly day: number;
  readonly amountMinor: number;
  readonly direction: 'debit' | 'credit';
  readonly category: string;
  readonly merchant?: string | undefined;
  /** False when the row is not on the balance's account (default true). */
  readonly onBalanceAccount?: boolean;
}

/** Builds the columnar layout from plain transactions (sorted here by day, stable). */
export function columnsOf(transactions: readonly PlainTransaction[]): CustomerColumns {
  const sorted = transactions
    .map((t, i) => [t, i] as const)
    .sort((a, b) => a[0].day - b[0].day || a[1] - b[1]);
  const n = sorted.length;
  const day = new Uint16Array(n);
  const amount = new Float64Array(n);
  const kind = new Uint16Array(n);
  const merchant = new Int32Array(n);
  const onAccount = new Uint8Array(n);
  const categories: string[] = [];
  const merchants: string[] = [];
  const kindCategory: number[] = [];
  const kindCredit: number[] = [];
  const kindIds = new Map<string, number>();
  const intern = (list: string[], value: string): number => {
    const found = list.indexOf(value);
    return found >= 0 ? found : list.push(value) - 1;
  };
  sorted.forEach(([t], i) => {
    const category = intern(categories, t.category);
    const credit = t.direction === 'credit' ? 1 : 0;
    const key = `${category}:${credit}`;
    let id = kindIds.get(key);
    if (id === undefined) {
      id = kindCategory.push(category) - 1;
      kindCredit.push(credit);
      kindIds.set(key, id);
    }
    day[i] = t.day;
    amount[i] = t.amountMinor;
    kind[i] = id;
    merchant[i] = t.merchant === undefined ? -1 : intern(merchants, t.merchant);
    onAccount[i] = t.onBalanceAccount === false ? 0 : 1;
  });
  return {
    columns: { day, amount, kind, merchant },
    from: 0,
    to: n,
    kinds: { category: kindCategory, credit: kindCredit },
    categories,
    merchants,
    balanceAccount: onAccount,
  };
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (UTC). */
export function dayOf(date: string): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000
  );
}

export function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** One formatter for every date: building one per call (as `toLocaleDateString` does) was a tenth of the time. */
const inWords = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A YYYY-MM-DD date as people read it ("Sat, 12 Dec 2026"), as the console writes dates. */
export function dateInWords(date: string): string {
  return inWords.format(new Date(`${date}T00:00:00Z`));
}

/** Row accessors over a ledger, for the insight functions. */
export function rows(ledger: CustomerColumns, upTo: number = Infinity) {
  const { columns, kinds } = ledger;
  let to = ledger.from;
  while (to < ledger.to && columns.day[to]! <= upTo) to++;
  return {
    from: ledger.from,
    to,
    day: (i: number) => columns.day[i]!,
    amount: (i: number) => columns.amount[i]!,
    credit: (i: number) => kinds.credit[columns.kind[i]!] === 1,
    category: (i: number) => kinds.category[columns.kind[i]!]!,
    merchant: (i: number) => columns.merchant[i]!,
    onBalanceAccount: (i: number) => ledger.balanceAccount === undefined || ledger.balanceAccount[i] === 1,
  };
}

export type Rows = ReturnType<typeof rows>;
