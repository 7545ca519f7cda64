// The checker: binds a parsed question to the feature catalog and the purpose's policy, and lowers it to a plan.
import { isCategoryCode, categories } from '../core/taxonomy.ts';
import { isProductCode, productCodes } from '../core/products.ts';
import { parseMinorUnits } from '../core/money.ts';
import type { QuestionPurpose } from '../core/question-purposes.ts';
import { err, ok, type Result } from '../core/result.ts';
import type { Argument, Call, Expression, Span } from './ast.ts';
import { checkAgeBands } from './check-age-band.ts';
import { approvedModel, checkThreshold } from './check-propensity.ts';
import {
  aggregateFunction,
  CheckFailure,
  fail,
  silent,
  type Typed,
  type ValueType,
} from './checker-support.ts';
import { checkWindow, defaultWindowDays } from './check-window.ts';
import { suggestName, type LanguageDiagnostic } from './diagnostics.ts';
import { filterNames, functionNames, languageFunctions } from './functions.ts';
import { mccByName } from './check-mcc.ts';
import { fairLendingVersion, protectedAttributeOf, proxyFor, type ProxyEntry } from './fair-lending.ts';
import { normalisePlan, triviallyDecided } from './normalise.ts';
import type { Direction, Plan, TransactionFilter, ValuePlan } from './plan.ts';

export interface CheckOptions {
  readonly purpose: QuestionPurpose;
  /** The vault's base currency: money literals and aggregated amounts are in it. */
  readonly currency: string;
  /** How long transactions are kept: no window may reach further back. */
  readonly retentionDays: number;
  /** Most distinct attributes one question may combine. */
  readonly maxAttributes: number;
  /** The day the question is evaluated, for dated windows. */
  readonly asOf: string;
  /** The approved model version (a model_versions id) per product, for `propensity(…)`; none when absent. */
  readonly models?: ReadonlyMap<string, string>;
}

export interface CheckedQuestion {
  readonly plan: Plan;
  /** The distinct attributes the question combines, e.g. `spent[category=home_inspection]`, `holds[mortgage]`. */
  readonly attributes: readonly string[];
  readonly fairLendingVersion: string;
}

const durationDays = { d: 1, w: 7, m: 30, y: 365 } as const;

type AggregateName =
  'spent' | 'received' | 'sum' | 'count' | 'average' | 'min' | 'max' | 'days_since_last' | 'recurring';

const aggregates = new Map<string, { result: ValueType; direction: Direction | undefined }>(
  languageFunctions.flatMap((f) =>
    'aggregate' in f
      ? [[f.name, { result: f.result, direction: (f.aggregate as { direction?: Direction }).direction }]]
      : [],
  ),
);
export { functionNames };

/**
 * Checks a parsed question. Every failure is a diagnostic pointing at the source, all of them at once: each
 * part is checked on its own, and a part that failed is not reported again by what uses it.
 */
export function checkExpression(
  expression: Expression,
  options: CheckOptions,
): Result<CheckedQuestion, readonly LanguageDiagnostic[]> {
  const attributes = new Set<string>();
  const checker = new Checker(options, attributes);
  const typed = checker.check(expression);
  const found = checker.diagnostics;
  if (found.length > 0) return err([...found].sort((a, b) => a.span.start - b.span.start));
  try {
    if (typed.type !== 'boolean') {
      fail(
        'CHECK_NOT_A_CONDITION',
        `a question must be a condition, but this is a ${typed.type}; compare it, e.g. "… > 0"`,
        expression.span,
      );
    }
    if (attributes.size > options.maxAttributes) {
      fail(
        'CHECK_ATTRIBUTE_CAP',
        `this question combines ${attributes.size} attributes; at most ${options.maxAttributes} are allowed`,
        expression.span,
      );
    }
    const plan = (typed as { plan: Plan }).plan;
    refuseTrivial(plan, options.asOf, expression.span);
    return ok({ plan, attributes: [...attributes].sort(), fairLendingVersion });
  } catch (error) {
    if (error instanceof CheckFailure && error.diagnostic !== undefined) return err([error.diagnostic]);
    throw error;
  }
}

class Checker {
  readonly #options: CheckOptions;
  readonly #attributes: Set<string>;
  readonly diagnostics: LanguageDiagnostic[] = [];

  constructor(options: CheckOptions, attributes: Set<string>) {
    this.#options = options;
    this.#attributes = attributes;
  }

  /** Checks one part; a failure in it is recorded and the part becomes `error`. */
  check(node: Expression): Typed {
    return this.#recover(() => this.#dispatch(node), { type: 'error' });
  }

  #recover<T>(part: () => T, fallback: T): T {
    try {
      return part();
    } catch (error) {
      if (!(error instanceof CheckFailure)) throw error;
      if (error.diagnostic !== undefined) this.diagnostics.push(error.diagnostic);
      return fallback;
    }
  }

  /** A part's type, or a silent failure when the part was already reported. */
  #typed(node: Expression): Exclude<Typed, { type: 'error' }> {
    const typed = this.check(node);
    return typed.type === 'error' ? silent() : typed;
  }

  #dispatch(node: Expression): Typed {
    switch (node.kind) {
      case 'group':
        return this.check(node.expression);
      case 'boolean':
        return { type: 'boolean', plan: { kind: 'constant', value: node.value } };
      case 'number':
        return {
          type: 'number',
          value: { kind: 'constant', value: node.value },
          zeroLiteral: node.value === 0,
        };
      case 'money':
        return { type: 'money', value: { kind: 'constant', value: this.#minor(node) }, zeroLiteral: false };
      case 'duration':
        return {
          type: 'duration',
          value: { kind: 'constant', value: node.amount * durationDays[node.unit] },
          zeroLiteral: false,
        };
      case 'string':
        return { type: 'string', value: node.value };
      case 'date':
        return { type: 'date', value: node.value };
      case 'list': {
        const items = node.items.map((i) => this.check(i));
        return items.some((i) => i.type === 'error')
          ? silent()
          : { type: 'list', items, spans: node.items.map((i) => i.span) };
      }
      case 'not':
        return { type: 'boolean', plan: { kind: 'not', item: this.#condition(node.operand) } };
      case 'logical':
        return {
          type: 'boolean',
          plan: { kind: node.operator, items: [this.#condition(node.left), this.#condition(node.right)] },
        };
      case 'comparison':
        return this.#comparison(node);
      case 'call':
        return this.#call(node);
      default: {
        const unexpected: never = node;
        throw new Error(`unknown node ${JSON.stringify(unexpected)}`);
      }
    }
  }

  #condition(node: Expression): Plan {
    const typed = this.check(node);
    if (typed.type === 'error') return { kind: 'constant', value: true };
    if (typed.type !== 'boolean') {
      fail(
        'CHECK_NOT_A_CONDITION',
        `expected a condition, found a ${typed.type}; compare it, e.g. "… > 0"`,
        node.span,
      );
    }
    return (typed as { plan: Plan }).plan;
  }

  #comparison(node: Extract<Expression, { kind: 'comparison' }>): Typed {
    const left = this.check(node.left);
    const right = this.check(node.right);
    const value = (t: Typed, span: Span): Extract<Typed, { value: ValuePlan }> => {
      if (t.type === 'error') return silent();
      if (t.type !== 'number' && t.type !== 'money' && t.type !== 'duration' && t.type !== 'score') {
        return fail('CHECK_TYPE_MISMATCH', `a ${t.type} cannot be compared with ${node.operator}`, span);
      }
      return t;
    };
    const l = value(left, node.left.span);
    const r = value(right, node.right.span);
    if (l.type === 'score' || r.type === 'score') {
      const threshold =
        l.type === 'score' ? checkThreshold(r, node.right.span) : checkThreshold(l, node.left.span);
      if (!threshold.ok) throw new CheckFailure(threshold.error);
      return { type: 'boolean', plan: { kind: 'compare', op: node.operator, left: l.value, right: r.value } };
    }
    const zeroAgainstMoney = (l.zeroLiteral && r.type === 'money') || (r.zeroLiteral && l.type === 'money');
    if (l.type !== r.type && !zeroAgainstMoney) {
      fail(
        'CHECK_TYPE_MISMATCH',
        `cannot compare a ${l.type} with a ${r.type}` +
          (l.type === 'money' || r.type === 'money'
            ? `; write an amount with its currency, e.g. 50 ${this.#options.currency}`
            : '') +
          (l.type === 'duration' || r.type === 'duration'
            ? '; write a duration with its unit, e.g. 30d'
            : ''),
        node.span,
      );
    }
    return { type: 'boolean', plan: { kind: 'compare', op: node.operator, left: l.value, right: r.value } };
  }

  #call(node: Call): Typed {
    const name = node.name;
    const attribute = protectedAttributeOf(name);
    if (attribute !== undefined && this.#options.purpose.credit) {
      fail(
        'FAIR_LENDING_PROTECTED_ATTRIBUTE',
        `"${name}" ${attribute === name ? 'is' : `uses ${attribute},`} a protected attribute: questions ` +
          `for credit products may not use it (fair lending rules ${fairLendingVersion})`,
        node.nameSpan,
      );
    }
    const offered = name === 'age' ? 'age_band' : undefined;
    if (attribute === name)
      fail('CHECK_UNKNOWN_FUNCTION', `questions cannot use "${name}"`, node.nameSpan, offered);
    if (aggregates.has(name)) return this.#aggregate(name as AggregateName, node);
    switch (name) {
      case 'holds': {
        const product = this.#product(node);
        return { type: 'boolean', plan: { kind: 'holds', product } };
      }
      case 'held_for': {
        const product = this.#product(node);
        return { type: 'duration', value: { kind: 'holdingDays', product }, zeroLiteral: false };
      }
      case 'tenure':
        this.#noArguments(node);
        this.#attributes.add('tenure');
        return { type: 'duration', value: { kind: 'tenureDays' }, zeroLiteral: false };
      case 'age_band': {
        const string = (value: Expression) =>
          ((t) => (t.type === 'string' ? t.value : undefined))(this.#typed(value));
        const bands = checkAgeBands(node, string);
        if (!bands.ok) throw new CheckFailure(bands.error);
        this.#attributes.add('age_band');
        return { type: 'boolean', plan: { kind: 'ageBand', bands: bands.value } };
      }
      case 'propensity':
        return this.#propensity(node);
      default:
        return fail(
          'CHECK_UNKNOWN_FUNCTION',
          `unknown function "${name}"`,
          node.nameSpan,
          suggestName(name, functionNames),
        );
    }
  }

  /** `propensity("mortgage")`: the approved model version's stored score, bound here to that version. */
  #propensity(node: Call): Typed {
    const product = this.#product(node, 'propensity');
    const model = approvedModel(this.#options.models, product, node.span);
    if (!model.ok) throw new CheckFailure(model.error);
    return { type: 'score', value: { kind: 'propensity', product, model: model.value }, zeroLiteral: false };
  }

  #noArguments(node: Call): void {
    const first = node.args[0];
    if (first !== undefined)
      fail('CHECK_UNEXPECTED_ARGUMENT', `${node.name}() takes no arguments`, first.span);
  }

  #product(node: Call, attribute = 'holds'): string {
    const [first, ...rest] = node.args;
    if (first === undefined || first.name !== undefined) {
      return fail(
        'CHECK_MISSING_ARGUMENT',
        `${node.name}() needs a product, e.g. ${node.name}("mortgage")`,
        node.span,
      );
    }
    if (rest[0] !== undefined)
      fail('CHECK_UNEXPECTED_ARGUMENT', `${node.name}() takes one product`, rest[0].span);
    const typed = this.#typed(first.value);
    if (typed.type !== 'string') return fail('CHECK_TYPE_MISMATCH', 'a product is a string', first.span);
    const code = typed.value;
    if (!isProductCode(code)) {
      return fail(
        'CHECK_UNKNOWN_PRODUCT',
        `unknown product "${code}"`,
        first.span,
        suggestName(code, productCodes),
      );
    }
    this.#refuseProxy('product', code, first.span);
    this.#attributes.add(`${attribute}[${code}]`);
    return code;
  }

  #aggregate(name: AggregateName, node: Call): Typed {
    const spec = aggregates.get(name)!;
    const given = this.#filters(name, node);
    const part = <T>(check: () => T): T | undefined => this.#recover(check, undefined);
    let direction = spec.direction;
    const directionArg = given.get('direction');
    if (directionArg !== undefined) {
      direction = part(() => {
        if (spec.direction !== undefined) {
          fail('CHECK_UNEXPECTED_ARGUMENT', `${name}() already chooses the direction`, directionArg.span);
        }
        const value = this.#string(directionArg);
        if (value !== 'debit' && value !== 'credit') {
          fail('CHECK_BAD_VALUE', 'direction is "debit" or "credit"', directionArg.value.span);
        }
        return value === 'debit' ? 'D' : 'C';
      });
    }
    const categories = part(() =>
      this.#strings(given.get('category'), (code, span) => {
        if (!isCategoryCode(code)) {
          fail(
            'CHECK_UNKNOWN_CATEGORY',
            `unknown category "${code}"`,
            span,
            suggestName(code, categoryCodes),
          );
        }
        this.#refuseProxy('category', code, span);
      }),
    );
    const mccs = part(() => this.#mccs(given.get('mcc')));
    const merchants = part(() => this.#strings(given.get('merchant'), () => undefined));
    const minMinor = part(() => this.#amount(given.get('min_amount')));
    const maxMinor = part(() => this.#amount(given.get('max_amount')));
    const window = part(() => checkWindow(given, node.span, (value) => this.#typed(value), this.#options));
    const filter: TransactionFilter = {
      window: window ?? { kind: 'within', days: defaultWindowDays },
      currency: this.#options.currency,
      ...(categories === undefined ? {} : { categories }),
      ...(mccs === undefined ? {} : { mccs }),
      ...(merchants === undefined ? {} : { merchants }),
      ...(direction === undefined ? {} : { direction }),
      ...(minMinor === undefined ? {} : { minMinor }),
      ...(maxMinor === undefined ? {} : { maxMinor }),
    };
    const subject = [
      ...(categories ?? []).map((c) => `category=${c}`),
      ...(mccs ?? []).map((m) => `mcc=${m}`),
      ...(merchants ?? []).map((m) => `merchant=${m}`),
    ];
    this.#attributes.add(`${name}[${subject.join(',')}]`);
    const value: ValuePlan =
      name === 'recurring'
        ? { kind: 'recurring', filter }
        : { kind: 'aggregate', fn: aggregateFunction(name), filter };
    return { type: spec.result, value, zeroLiteral: false };
  }

  /** An aggregate's named filters; each unknown, unnamed or repeated one is reported and left out. */
  #filters(name: AggregateName, node: Call): Map<string, Argument> {
    const given = new Map<string, Argument>();
    for (const arg of node.args) {
      this.#recover(() => {
        if (arg.name === undefined) {
          fail(
            'CHECK_UNEXPECTED_ARGUMENT',
            `${name}() takes named filters, e.g. ${name}(category: "groceries", within: 90d)`,
            arg.span,
          );
        }
        const argName = arg.name!;
        if (!filterNames.includes(argName)) {
          fail(
            'CHECK_UNKNOWN_ARGUMENT',
            `${name}() has no filter "${argName}"`,
            arg.nameSpan ?? arg.span,
            suggestName(argName, filterNames),
          );
        }
        if (given.has(argName)) fail('CHECK_DUPLICATE_ARGUMENT', `"${argName}" is given twice`, arg.span);
        given.set(argName, arg);
      }, undefined);
    }
    return given;
  }

  #string(arg: Argument): string {
    const typed = this.#typed(arg.value);
    if (typed.type !== 'string')
      return fail('CHECK_TYPE_MISMATCH', `${arg.name} is a string`, arg.value.span);
    return typed.value;
  }

  #strings(arg: Argument | undefined, validate: (value: string, span: Span) => void): string[] | undefined {
    if (arg === undefined) return undefined;
    const typed = this.#typed(arg.value);
    const items =
      typed.type === 'list'
        ? typed.items.map((t, i) => [t, typed.spans[i]!] as const)
        : [[typed, arg.value.span] as const];
    if (items.length === 0) fail('CHECK_BAD_VALUE', `${arg.name} needs at least one value`, arg.value.span);
    const values = items.map(([t, span]) => {
      if (t.type !== 'string') return fail('CHECK_TYPE_MISMATCH', `${arg.name} takes strings`, span);
      validate(t.value, span);
      return t.value;
    });
    return [...new Set(values)].sort();
  }

  #mccs(arg: Argument | undefined): number[] | undefined {
    if (arg === undefined) return undefined;
    const typed = this.#typed(arg.value);
    const items =
      typed.type === 'list'
        ? typed.items.map((t, i) => [t, typed.spans[i]!] as const)
        : [[typed, arg.value.span] as const];
    if (items.length === 0) fail('CHECK_BAD_VALUE', 'mcc needs at least one value', arg.value.span);
    const values = items.map(([t, span]) => {
      const constant = t.type === 'number' && t.value.kind === 'constant' ? t.value.value : undefined;
      if (constant === undefined || !Number.isInteger(constant) || constant < 0 || constant > 9999) {
        const named = t.type === 'string' ? mccByName(t.value) : undefined;
        return fail(
          'CHECK_BAD_VALUE',
          named === undefined
            ? 'an MCC is a whole number from 0 to 9999, e.g. mcc: 5812'
            : `an MCC is written as its number: ${named.mcc} is “${named.description}”`,
          span,
          named === undefined ? undefined : String(Number(named.mcc)),
        );
      }
      this.#refuseProxy('mcc', String(constant).padStart(4, '0'), span);
      return constant;
    });
    return [...new Set(values)].sort((a, b) => a - b);
  }

  #amount(arg: Argument | undefined): number | undefined {
    if (arg === undefined) return undefined;
    const typed = this.#typed(arg.value);
    if (typed.type !== 'money' || typed.value.kind !== 'constant') {
      return fail(
        'CHECK_TYPE_MISMATCH',
        `${arg.name} is an amount with its currency, e.g. 50 ${this.#options.currency}`,
        arg.value.span,
      );
    }
    return typed.value.value;
  }

  #minor(node: Extract<Expression, { kind: 'money' }>): number {
    if (node.currency !== this.#options.currency) {
      fail(
        'CHECK_CURRENCY',
        `amounts in questions are in ${this.#options.currency}, the vault's currency, not ${node.currency}`,
        node.span,
      );
    }
    const minor = parseMinorUnits(node.text.replaceAll('_', ''), node.currency);
    if (!minor.ok) return fail('CHECK_BAD_VALUE', `bad amount: ${minor.error}`, node.span);
    if (minor.value < 0)
      fail('CHECK_BAD_VALUE', 'amounts are not negative; use direction instead', node.span);
    return minor.value;
  }

  #refuseProxy(kind: ProxyEntry['kind'], value: string, span: Span): void {
    if (!this.#options.purpose.credit) return;
    const proxy = proxyFor(kind, value);
    if (proxy === undefined) return;
    fail(
      'FAIR_LENDING_PROXY',
      `${kind} ${value} is a proxy for ${proxy.standsFor.join(' and ')} and may not be used in questions for ` +
        `credit products (fair lending rules ${fairLendingVersion}): ${proxy.why}`,
      span,
    );
  }
}

const categoryCodes = categories.map((c) => c.code);

/** A question its normal form decides without data (`holds("x") and not holds("x")`) is refused, free. */
function refuseTrivial(plan: Plan, asOf: string, span: Span): void {
  const decided = triviallyDecided(normalisePlan(plan, { asOf }));
  if (decided === true) {
    fail(
      'CHECK_ALWAYS_TRUE',
      'this question holds for every customer whatever their data: nothing to ask',
      span,
    );
  }
  if (decided === false) {
    fail(
      'CHECK_ALWAYS_FALSE',
      'this question holds for no customer whatever their data: nothing to ask',
      span,
    );
  }
}
