// "Why am I seeing this?": plain sentences, addressed to the customer, that explain a checked question's plan.
import { currencyExponent } from '../core/money.ts';
import { unreachable } from '../core/unreachable.ts';
import { alwaysPresent, complement, flipped, normalise, type Form, type Valued } from './explain-form.ts';
import type { CompareOperator, Direction, Plan, TransactionFilter } from './plan.ts';
import {
  ageBandsPhrase,
  categoryName,
  durationWords,
  joinAll,
  mccName,
  productPhrase,
  sentence,
  windowPhrase,
} from './plain-english.ts';

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
      return unreachable(form, 'plan node');
  }
}

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
        switch (form.atom.kind) {
          case 'holds':
            return this.#holds(form.atom.product, form.negated);
          case 'ageBand':
            // Without a date of birth no band holds, so the negation is "not known to be", not "is not".
            return form.negated
              ? `we don't have you down as ${ageBandsPhrase(form.atom.bands)}`
              : `you are ${ageBandsPhrase(form.atom.bands)}`;
          default:
            return this.#compare(form.atom, form.negated);
        }
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
        return unreachable(form, 'plan node');
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
            return unreachable(value.fn, 'plan node');
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
      case 'propensity': {
        const chance = this.#amount(positive, percent(constant), false);
        return (
          `a model, trained inside the bank because you agreed to profiling, gives ${chance} chance that you ` +
          `would take ${productPhrase(value.product)} soon`
        );
      }
      default:
        return unreachable(value, 'plan node');
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
        return unreachable(f.direction, 'plan node');
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
        return unreachable(f.direction, 'plan node');
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
            return unreachable(value.fn, 'plan node');
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
      case 'propensity':
        return `the chance a model gives that you would take ${productPhrase(value.product)} soon`;
      default:
        return unreachable(value, 'plan node');
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
        return unreachable(op, 'plan node');
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
/** A threshold from 0 to 1 as a percentage: 0.6 is "60%", 0.125 is "12.5%". */
function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))}%`;
}

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
      return unreachable(f.direction, 'plan node');
  }
}
