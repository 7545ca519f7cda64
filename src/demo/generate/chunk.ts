// A range of generated customers as a generator worker sends it: transactions as typed columns, not objects.
import type { StatementTransaction } from '../../core/transaction.ts';
import { formatIsoDay } from './calendar.ts';
import type { CustomerDraft } from './draft.ts';
import type { Party } from './ledger.ts';
import { accountIdentifiers, statementTransaction } from './materialise.ts';
import type { GeneratedCustomer } from './types.ts';

/** What the main thread asks a worker for: customers `first` to `first + count - 1`, answered as chunk `id`. */
export interface ChunkRequest {
  readonly id: number;
  readonly first: number;
  readonly count: number;
}

/**
 * Posting a customer's statement lines between threads costs several times what drafting them does (every line
 * is an object the receiver rebuilds); these columns move as transferred buffers and the parties (shared by
 * many lines) once per chunk, so the receiver only builds the lines.
 */
export interface Chunk {
  readonly id: number;
  /** In index order, each with no transactions: they are in the columns. */
  readonly customers: readonly GeneratedCustomer[];
  /** Per customer: the IBAN in each account slot (the account its lines are booked to). */
  readonly slotIbans: readonly (readonly (string | undefined)[])[];
  /** Per customer: how many lines it has, in order. */
  readonly counts: Int32Array;
  /** Per line, in booking order: day number, amount in minor units, account slot, index into `parties`. */
  readonly days: Int32Array;
  readonly amounts: Float64Array;
  readonly slots: Uint8Array;
  readonly partyIndex: Uint32Array;
  readonly parties: readonly Party[];
}

export function transferables(chunk: Chunk): ArrayBuffer[] {
  return [chunk.counts, chunk.days, chunk.amounts, chunk.slots, chunk.partyIndex].map(
    (column) => column.buffer as ArrayBuffer,
  );
}

/** Collects the drafted ledgers of a range of customers into columns (the worker's `emit`). */
export class ChunkWriter {
  #days = new Int32Array(1 << 16);
  #amounts = new Float64Array(1 << 16);
  #slots = new Uint8Array(1 << 16);
  #partyIndex = new Uint32Array(1 << 16);
  #length = 0;
  #counts: number[] = [];
  #slotIbans: (string | undefined)[][] = [];
  #parties: Party[] = [];
  #partyNumbers = new Map<Party, number>();

  readonly emit = (draft: CustomerDraft): readonly StatementTransaction[] => {
    const { ledger, calendar } = draft;
    const order = ledger.order(calendar.first, calendar.length);
    this.#reserve(order.length);
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      const at = this.#length++;
      this.#days[at] = ledger.days[i]!;
      this.#amounts[at] = ledger.amounts[i]!;
      this.#slots[at] = ledger.slots[i]!;
      this.#partyIndex[at] = this.#party(ledger.parties[i]!);
    }
    this.#counts.push(order.length);
    this.#slotIbans.push([...draft.accountIbans]);
    return [];
  };

  /** The chunk of everything emitted so far, in exactly sized (transferable) columns. */
  finish(id: number, customers: readonly GeneratedCustomer[]): Chunk {
    const n = this.#length;
    return {
      id,
      customers,
      slotIbans: this.#slotIbans,
      counts: Int32Array.from(this.#counts),
      days: this.#days.slice(0, n),
      amounts: this.#amounts.slice(0, n),
      slots: this.#slots.slice(0, n),
      partyIndex: this.#partyIndex.slice(0, n),
      parties: this.#parties,
    };
  }

  #party(party: Party): number {
    let number = this.#partyNumbers.get(party);
    if (number === undefined) {
      number = this.#parties.push(party) - 1;
      this.#partyNumbers.set(party, number);
    }
    return number;
  }

  #reserve(more: number): void {
    const need = this.#length + more;
    if (need <= this.#days.length) return;
    const capacity = Math.max(need, 2 * this.#days.length);
    const grow = <T extends Int32Array | Float64Array | Uint8Array | Uint32Array>(
      column: T,
      make: (n: number) => T,
    ): T => {
      const next = make(capacity);
      next.set(column);
      return next;
    };
    this.#days = grow(this.#days, (n) => new Int32Array(n));
    this.#amounts = grow(this.#amounts, (n) => new Float64Array(n));
    this.#slots = grow(this.#slots, (n) => new Uint8Array(n));
    this.#partyIndex = grow(this.#partyIndex, (n) => new Uint32Array(n));
  }
}

/** The chunk's customers with their statement lines, as `generateBank` yields them. */
export function* readChunk(chunk: Chunk, isoDays: Map<number, string>): Generator<GeneratedCustomer> {
  let at = 0;
  for (let c = 0; c < chunk.customers.length; c++) {
    const customer = chunk.customers[c]!;
    const identifiers = accountIdentifiers(chunk.slotIbans[c]!);
    const count = chunk.counts[c]!;
    const transactions = new Array<StatementTransaction>(count);
    const prefix = `${customer.externalId}-`;
    for (let k = 0; k < count; k++, at++) {
      const day = chunk.days[at]!;
      let date = isoDays.get(day);
      if (date === undefined) {
        date = formatIsoDay(day);
        isoDays.set(day, date);
      }
      transactions[k] = statementTransaction(
        identifiers[chunk.slots[at]!]!,
        chunk.amounts[at]!,
        date,
        chunk.parties[chunk.partyIndex[at]!]!,
        prefix + (k + 1),
      );
    }
    yield { ...customer, transactions };
  }
}
