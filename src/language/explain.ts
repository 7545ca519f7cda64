// "Why am I seeing this?": plain sentences, addressed to the customer, that explain a checked question's plan.
import { currencyExponent } from '../core/money.ts';
import { productCatalog } from '../core/products.ts';
import { categories, mccDescription } from '../core/taxonomy.ts';
import type { CompareOperator, Direction, Plan, TransactionFilter, ValuePlan, Window } from './plan.ts';

export interface ExplainOptions {
  /** The vault's currency: money constants in the plan are minor units of it. */
  readonly currency: string;
}

/** Shown when the plan can match nobody (it folds to `false`). */
export const neverMatchesExplanation = "This wasn't meant for you.";

/**
 * Explains a plan to a customer it matched, as short sentences that all hold for them: each conjunct of
 * the top-level `and` is one sentence, an `or` is one sentence listing the alternatives, and `not` is
 * pushed inwards to the conditions. A plan that folds to `true` needs no reason and gives none.
 */
export function explainForCustomer(plan: Plan, options: ExplainOptions): string[] {
  const form = normalise(plan, false);
  const words = new Words(options.currency);
  switch (form.kind) {
    case 'constant':
      return form.value ? [] : [neverMatchesExplanation];
    case 'and':
      return form.items.map((item) => sentence(words.clause(item, 'top')));
    case 'or':
    case 'atom':
      return [sentence(words.clause(form, 'top'))];
    default:
      return unreachable(form);
  }
}

type Atom = Extract<Plan, { kind: 'compare' } | { kind: 'holds' }>;

/** A plan with `not` pushed down to the conditions, constants folded away, and `and`/`or` flattened. */
type Form =
  | { readonly kind: 'constant'; readonly value: boolean }
  | { readonly kind: 'and' | 'or'; readonly items: readonly Form[] }
  | { readonly kind: 'atom'; readonly atom: Atom; readonly negated: boolean };

function normalise(plan: Plan, negated: boolean): Form {
  switch (plan.kind) {
    case 'and':
    case 'or': {
      const items = plan.items.map((item) => normalise(item, negated));
      const isAnd = (plan.kind === 'and') !== negated;
      return junction(isAnd ? 'and' : 'or', items);
    }
    case 'not':
      return normalise(plan.item, !negated);
    case 'constant':
      return { kind: 'constant', value: plan.value !== negated };
    case 'holds':
      return { kind: 'atom', atom: plan, negated };
    case 'compare':
      if (plan.left.kind === 'constant' && plan.right.kind === 'constant') {
        return { kind: 'constant', value: compare(plan.op, plan.left.value, plan.right.value) !== negated };
      }
      return { kind: 'atom', atom: plan, negated };
    default:
      return unreachable(plan);
  }
}

function junction(kind: 'and' | 'or', items: readonly Form[]): Form {
  // `and` is absorbed by false and ignores true; `or` the other way round.
  const absorbing = kind === 'or';
  const kept: Form[] = [];
  for (const item of items) {
    if (item.kind === 'constant') {
      if (item.value === absorbing) return item;
    } else if (item.kind === kind) {
      kept.push(...item.items);
    } else {
      kept.push(item);
    }
  }
  if (kept.length === 0) return { kind: 'constant', value: !absorbing };
  return kept.length === 1 ? kept[0]! : { kind, items: kept };
}

function compare(op: CompareOperator, left: number, right: number): boolean {
  switch (op) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    default:
      return unreachable(op);
  }
}

const flipped: Record<CompareOperator, CompareOperator> = {
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
  '=': '=',
  '!=': '!=',
};
const complement: Record<CompareOperator, CompareOperator> = {
  '<': '>=',
  '<=': '>',
  '>': '<=',
  '>=': '<',
  '=': '!=',
  '!=': '=',
};

type Valued = Exclude<ValuePlan, { kind: 'constant' }>;
/** Whether the value is always there (counts and sums are 0 over nothing), so `not` can flip the operator. */
function alwaysPresent(value: Valued): boolean {
  return (
    value.kind === 'recurring' || (value.kind === 'aggregate' && (value.fn === 'sum' || value.fn === 'count'))
  );
}

const categoryNames = new Map<string, string>(categories.map((c) => [c.code, c.name]));
const products = new Map<string, string>(productCatalog.map((p) => [p.code, p.name]));
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

class Words {
  readonly #exponent: number;
  readonly #moneyFormats: { whole: Intl.NumberFormat; exact: Intl.NumberFormat };
  readonly #number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });

  constructor(currency: string) {
    this.#exponent = currencyExponent(currency) ?? 2;
    const money = (digits: number) =>
      new Intl.NumberFormat('en-GB', {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: this.#exponent,
      });
    this.#moneyFormats = { whole: money(0), exact: money(this.#exponent) };
  }

  /** A clause (lower-case start, no full stop); `top` when it is a whole sentence, `item` inside a list. */
  clause(form: Form, place: 'top' | 'item' | 'nested'): string {
    switch (form.kind) {
      case 'constant':
        throw new Error('constants are folded away before this');
      case 'atom':
        return form.atom.kind === 'holds'
          ? this.#holds(form.atom.product, form.negated)
          : this.#compare(form.atom, form.negated);
      case 'and':
        return joinAll(
          form.items.map((item) => this.clause(item, 'nested')),
          'and',
        );
      case 'or': {
        if (place === 'top') {
          const items = form.items.map((item) => this.clause(item, 'item'));
          return `one of the following: ${items.slice(0, -1).join('; ')}; or ${items.at(-1)!}`;
        }
        return `either ${joinAll(
          form.items.map((item) => this.clause(item, 'nested')),
          'or',
        )}`;
      }
      default:
        return unreachable(form);
    }
  }

  #holds(product: string, negated: boolean): string {
    return `you ${negated ? "don't have" : 'have'} ${productPhrase(product)} with us`;
  }

  #compare(atom: Extract<Plan, { kind: 'compare' }>, negated: boolean): string {
    let { op, left, right } = atom;
    if (left.kind === 'constant') {
      [left, right] = [right, left];
      op = flipped[op];
    }
    if (left.kind === 'constant') throw new Error('constant comparisons are folded before this');
    if (right.kind !== 'constant') return this.#pair(op, left, right, negated);
    if (negated && alwaysPresent(left)) {
      op = complement[op];
      negated = false;
    }
    if (negated) {
      const natural = this.#naturallyNegated(op, left, right.value);
      if (natural !== undefined) return natural;
      return `it is not the case that ${this.#condition(op, left, right.value)}`;
    }
    return this.#condition(op, left, right.value);
  }

  /** `not held_for(…) > 1y` reads "you haven't had … for more than 1 year", true also without the product. */
  #naturallyNegated(op: CompareOperator, value: Valued, constant: number): string | undefined {
    if (op === '!=') return undefined;
    const amount = this.#amount(op, this.#duration(constant), false);
    if (value.kind === 'holdingDays')
      return `you haven't had ${productPhrase(value.product)} with us for ${amount}`;
    if (value.kind === 'tenureDays') return `you haven't banked with us for ${amount}`;
    return undefined;
  }

  #condition(op: CompareOperator, value: Valued, constant: number): string {
    // The values are never negative, so "not 0" is "more than 0".
    if (op === '!=' && constant === 0) op = '>';
    // `x != c` for a customer it matched means x is there and is not c: "… not exactly c".
    const negated = op === '!=';
    const positive = negated ? '=' : op;
    switch (value.kind) {
      case 'aggregate': {
        const f = this.#filter(value.filter);
        switch (value.fn) {
          case 'sum':
          case 'count': {
            const existence = presence(positive, constant, negated);
            if (existence !== undefined) return existenceClause(f, existence);
            return value.fn === 'sum'
              ? this.#sumClause(f, this.#amount(positive, this.#money(constant), false), negated)
              : this.#countClause(f, positive, constant, negated);
          }
          case 'average': {
            const amount = this.#amount(positive, this.#money(constant), false);
            return `${f.nouns}${f.what}${f.window} ${negated ? 'did not average' : 'averaged'} ${amount}${f.range}`;
          }
          case 'min':
          case 'max': {
            const amount = this.#amount(positive, this.#money(constant), false);
            const extreme = value.fn === 'min' ? 'smallest' : 'largest';
            return `${f.the(extreme)}${f.what}${f.window} was ${negated ? 'not ' : ''}${amount}${f.range}`;
          }
          case 'daysSinceLast': {
            const amount = this.#amount(positive, this.#duration(constant), false);
            return (
              `${f.windowFirst}, ${f.the('most recent')}${f.what} was ${negated ? 'not ' : ''}${amount} ago` +
              f.range
            );
          }
          default:
            return unreachable(value.fn);
        }
      }
      case 'recurring': {
        // recurring looks only at debits, whatever the filter says.
        const f = this.#filter({ ...value.filter, direction: 'D' });
        const existence = presence(positive, constant, negated);
        const regularly = 'regularly (in at least 3 different months)';
        if (existence === true) return `you made payments ${regularly}${f.what}${f.window}${f.range}`;
        if (existence === false)
          return `you didn't pay any business ${regularly}${f.what}${f.window}${f.range}`;
        const businesses = `${this.#amount(positive, this.#number.format(constant), true)} different ${
          constant === 1 ? 'business' : 'businesses'
        }`;
        return `you ${negated ? "didn't pay" : 'paid'} ${businesses} ${regularly}${f.what}${f.window}${f.range}`;
      }
      case 'holdingDays': {
        const amount = this.#amount(positive, this.#duration(constant), false);
        return `you ${negated ? "haven't had" : 'have had'} ${productPhrase(value.product)} with us for ${amount}`;
      }
      case 'tenureDays': {
        const amount = this.#amount(positive, this.#duration(constant), false);
        return `you ${negated ? "haven't banked" : 'have banked'} with us for ${amount}`;
      }
      default:
        return unreachable(value);
    }
  }

  #sumClause(f: FilterWords, amount: string, negated: boolean): string {
    const tail = `${f.what}${f.window}${f.range}`;
    switch (f.direction) {
      case 'D':
        return `you ${negated ? "didn't pay" : 'paid'} ${amount} in total${tail}`;
      case 'C':
        return `you ${negated ? "didn't receive" : 'received'} ${amount} in total${tail}`;
      case undefined:
        return `your transactions${f.what}${f.window} ${negated ? "didn't add" : 'added'} up to ${amount}${f.range}`;
      default:
        return unreachable(f.direction);
    }
  }

  #countClause(f: FilterWords, op: CompareOperator, constant: number, negated: boolean): string {
    const amount = this.#amount(op, this.#number.format(constant), true);
    const one = constant === 1;
    const tail = `${f.what}${f.window}${f.range}`;
    switch (f.direction) {
      case 'D':
        return `you ${negated ? "didn't make" : 'made'} ${amount} ${one ? 'payment' : 'payments'}${tail}`;
      case 'C':
        return `you ${negated ? "didn't receive" : 'received'} ${amount} ${one ? 'payment' : 'payments'}${tail}`;
      case undefined:
        return `you ${negated ? "didn't have" : 'had'} ${amount} ${one ? 'transaction' : 'transactions'}${tail}`;
      default:
        return unreachable(f.direction);
    }
  }

  #pair(op: CompareOperator, left: Valued, right: Valued, negated: boolean): string {
    if (negated && alwaysPresent(left) && alwaysPresent(right)) {
      op = complement[op];
      negated = false;
    }
    const relation: Record<CompareOperator, string> = {
      '<': 'less than',
      '<=': 'at most',
      '>': 'more than',
      '>=': 'at least',
      '=': 'the same as',
      '!=': 'different from',
    };
    const text = `${this.#noun(left)} is ${relation[op]} ${this.#noun(right)}`;
    return negated ? `it is not the case that ${text}` : text;
  }

  #noun(value: Valued): string {
    switch (value.kind) {
      case 'aggregate': {
        const f = this.#filter(value.filter);
        const tail = `${f.what}${f.window}${f.rangeAside}`;
        switch (value.fn) {
          case 'sum':
            return `the total of ${f.nouns}${tail}`;
          case 'count':
            return `the number of ${f.nouns}${tail}`;
          case 'average':
            return `the average of ${f.nouns}${tail}`;
          case 'min':
            return `${f.the('smallest')}${tail}`;
          case 'max':
            return `${f.the('largest')}${tail}`;
          case 'daysSinceLast':
            return `the time since ${f.the('most recent')}${tail}`;
          default:
            return unreachable(value.fn);
        }
      }
      case 'recurring': {
        // recurring looks only at debits, whatever the filter says.
        const f = this.#filter({ ...value.filter, direction: 'D' });
        return `the number of businesses you paid regularly${f.what}${f.window}${f.rangeAside}`;
      }
      case 'holdingDays':
        return `how long you have had ${productPhrase(value.product)} with us`;
      case 'tenureDays':
        return 'how long you have banked with us';
      default:
        return unreachable(value);
    }
  }

  #filter(filter: TransactionFilter): FilterWords {
    const direction = filter.direction;
    const parts: string[] = [];
    if (filter.categories !== undefined && filter.categories.length > 0) {
      const preposition = direction === 'C' ? 'as' : 'for';
      parts.push(
        joinAll(
          filter.categories.map((c) => `${preposition} ${categoryName(c)}`),
          'or',
        ),
      );
    }
    const from = direction === 'C' ? 'from' : 'at';
    const merchants = filter.merchants ?? [];
    if (merchants.length > 0) {
      parts.push(
        joinAll(
          merchants.map((m) => `${from} ${m}`),
          'or',
        ),
      );
    }
    if (filter.mccs !== undefined && filter.mccs.length > 0) {
      const kinds = [...new Set(filter.mccs.map(mccName))];
      parts.push(
        merchants.length > 0
          ? `(a business listed as ${joinAll(kinds, 'or')})`
          : joinAll(
              kinds.map((k) => `${from} ${k}`),
              'or',
            ),
      );
    }
    const nouns = direction === 'D' ? 'payments' : direction === 'C' ? 'amounts' : 'transactions';
    const range = this.#range(filter);
    return {
      direction,
      what: parts.map((p) => ` ${p}`).join(''),
      window: ` ${windowPhrase(filter.window)}`,
      windowFirst: windowPhrase(filter.window),
      range: range === undefined ? '' : `, counting only ${nouns} ${range}`,
      rangeAside: range === undefined ? '' : ` (counting only ${nouns} ${range})`,
      nouns: direction === 'C' ? 'the amounts you received' : `your ${nouns}`,
      the: (adjective) =>
        direction === 'D'
          ? `your ${adjective} payment`
          : direction === 'C'
            ? `the ${adjective} amount you received`
            : `your ${adjective} transaction`,
    };
  }

  #range(filter: TransactionFilter): string | undefined {
    const { minMinor, maxMinor } = filter;
    if (minMinor !== undefined && maxMinor !== undefined) {
      return minMinor === maxMinor
        ? `of exactly ${this.#money(minMinor)}`
        : `of between ${this.#money(minMinor)} and ${this.#money(maxMinor)}`;
    }
    if (minMinor !== undefined) return `of ${this.#money(minMinor)} or more`;
    if (maxMinor !== undefined) return `of ${this.#money(maxMinor)} or less`;
    return undefined;
  }

  #amount(op: CompareOperator, text: string, countable: boolean): string {
    switch (op) {
      case '>':
        return `more than ${text}`;
      case '>=':
        return `at least ${text}`;
      case '<':
        return `${countable ? 'fewer' : 'less'} than ${text}`;
      case '<=':
        return `at most ${text}`;
      case '=':
        return `exactly ${text}`;
      case '!=':
        return `other than ${text}`;
      default:
        return unreachable(op);
    }
  }

  /** Minor units in the currency: `£300` when whole, `£12.50` otherwise. */
  #money(minor: number): string {
    const scale = 10 ** this.#exponent;
    const format = Number.isInteger(minor / scale) ? this.#moneyFormats.whole : this.#moneyFormats.exact;
    return format.format(minor / scale);
  }

  #duration(days: number): string {
    return durationWords(days, this.#number);
  }
}

interface FilterWords {
  readonly direction: Direction | undefined;
  /** " for groceries at Tesco", or "". */
  readonly what: string;
  /** " in the last 90 days". */
  readonly window: string;
  /** "in the last 90 days", to open a clause. */
  readonly windowFirst: string;
  /** ", counting only payments of £25 or more", or "". */
  readonly range: string;
  /** " (counting only payments of £25 or more)", or "", inside a noun phrase. */
  readonly rangeAside: string;
  /** "your payments". */
  readonly nouns: string;
  /** "your largest payment". */
  readonly the: (adjective: string) => string;
}

/** For `sum`/`count`/`recurring` against 0 or 1: true for "any", false for "none", else undefined. */
function presence(op: CompareOperator, constant: number, negated: boolean): boolean | undefined {
  let any: boolean | undefined;
  if ((op === '>' && constant === 0) || (op === '>=' && constant === 1)) any = true;
  if (((op === '=' || op === '<=') && constant === 0) || (op === '<' && constant === 1)) any = false;
  return any === undefined ? undefined : any !== negated;
}

function existenceClause(f: FilterWords, any: boolean): string {
  const tail = `${f.what}${f.window}${f.range}`;
  const categoryFirst = f.what.startsWith(' for ') || f.what.startsWith(' as ');
  switch (f.direction) {
    case 'D':
      if (categoryFirst) return `you ${any ? 'paid' : "didn't pay"}${tail}`;
      return `you ${any ? 'made payments' : "didn't make any payments"}${tail}`;
    case 'C':
      return `you ${any ? 'received money' : "didn't receive any money"}${tail}`;
    case undefined:
      return `you ${any ? 'had transactions' : "didn't have any transactions"}${tail}`;
    default:
      return unreachable(f.direction);
  }
}

function windowPhrase(window: Window): string {
  switch (window.kind) {
    case 'within': {
      const words = durationWords(window.days, new Intl.NumberFormat('en-GB'));
      return `in the last ${words.replace(/^1 /, '')}`;
    }
    case 'between':
      return dateRange(window.from, window.to);
    default:
      return unreachable(window);
  }
}

/** Whole years (365 days) when they divide exactly, else whole weeks, else days: 90 days stays "90 days". */
export function durationWords(days: number, format = new Intl.NumberFormat('en-GB')): string {
  const unit = (n: number, one: string, many: string) => `${format.format(n)} ${n === 1 ? one : many}`;
  if (days > 0 && days % 365 === 0) return unit(days / 365, 'year', 'years');
  if (days > 0 && days % 7 === 0) return unit(days / 7, 'week', 'weeks');
  return unit(days, 'day', 'days');
}

function dateRange(from: string, to: string): string {
  const [a, b] = [dateParts(from), dateParts(to)];
  if (a === undefined || b === undefined) return 'in the chosen period';
  if (from === to) return `on ${a.day} ${a.month} ${a.year}`;
  const start = a.year === b.year ? `${a.day} ${a.month}` : `${a.day} ${a.month} ${a.year}`;
  return `between ${start} and ${b.day} ${b.month} ${b.year}`;
}

function dateParts(date: string): { day: number; month: string; year: string } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = match === null ? undefined : months[Number(match[2]) - 1];
  if (match === null || month === undefined) return undefined;
  return { day: Number(match[3]), month, year: match[1]! };
}

function categoryName(code: string): string {
  const name = categoryNames.get(code);
  return name === undefined ? 'one kind of spending' : lowerCase(name);
}

/** "a mortgage", "an arranged overdraft", "home insurance" (insurance is not counted). */
function productPhrase(code: string): string {
  const name = products.get(code);
  if (name === undefined) return 'one of our products';
  const lower = lowerCase(name);
  if (lower.endsWith('insurance')) return lower;
  return `${/^[aeiou]/.test(lower) ? 'an' : 'a'} ${lower}`;
}

/** "Eating places and Restaurants" → "eating places and restaurants"; asides in brackets are dropped. */
function mccName(mcc: number): string {
  const description = mccDescription(String(mcc).padStart(4, '0'));
  if (description === undefined) return 'one kind of business';
  const plain = description
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+,/g, ',')
    .replace(/\s+/g, ' ')
    .trim();
  return plain === '' ? 'one kind of business' : lowerCase(plain);
}

/** Lower-cases words, but keeps short acronyms such as "TV" or "U.S." ("UNITED AIRLINES" is lower-cased). */
function lowerCase(text: string): string {
  return text.replace(/\S+/g, (word) => {
    const letters = word.replace(/[^A-Za-z]/g, '');
    return letters.length >= 2 && letters.length <= 3 && letters === letters.toUpperCase()
      ? word
      : word.toLowerCase();
  });
}

function joinAll(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)!}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(clause: string): string {
  return `${capitalise(clause)}.`;
}

function unreachable(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
