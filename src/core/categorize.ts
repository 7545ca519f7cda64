// Puts a transaction in a category: the MCC table of category-rules.ts, then the name and purpose rules of the
// rule files (category-rule-files.ts) in order of precedence, with bounded caches because names and payees repeat.
import {
  mergeRuleFiles,
  ruleFilesDigest,
  shippedRuleFiles,
  type CategoryRuleFile,
  type CategoryRules,
} from './category-rule-files.ts';
import { detach } from './detach.ts';
import { mccNumber } from './mcc-codes.ts';
import { mccAssignments } from './category-rules.ts';
import { err, ok, type Result } from './result.ts';
import {
  categoryCodes,
  categoryIndex,
  taxonomyVersion,
  uncategorisedIndex,
  type CategoryCode,
} from './taxonomy.ts';
import type { Direction } from './transaction.ts';

/** Category index + 1 per MCC 0–9999; 0 means "no signal from the MCC". */
const mccTable = ((): Uint8Array => {
  const table = new Uint8Array(10_000);
  for (const [code, spec] of Object.entries(mccAssignments)) {
    const value = (categoryIndex.get(code) ?? -1) + 1;
    for (const item of spec.split(/\s+/)) {
      const [first = '', last = first] = item.split('-');
      const from = Number(first);
      const to = Number(last);
      if (!/^\d{4}(?:-\d{4})?$/.test(item) || from > to) throw new Error(`bad MCC item "${item}"`);
      for (let n = from; n <= to; n++) {
        if (table[n] !== 0) throw new Error(`MCC ${n} assigned twice`);
        table[n] = value;
      }
    }
  }
  return table;
})();

/** The category an MCC alone implies, or 'uncategorised' when the code carries no signal. */
export function categoryForMcc(mcc: string): CategoryCode {
  const n = mccNumber(mcc);
  const entry = n < 0 ? 0 : (mccTable[n] ?? 0);
  return categoryCodes[entry === 0 ? uncategorisedIndex : entry - 1] ?? 'uncategorised';
}

const NO_MATCH = -1;

/**
 * A bounded cache: merchant names and payees repeat a lot. Two generations: when the young Map is
 * full it becomes the old one and the previous old one is dropped; a hit in the old generation is
 * copied to the young one. O(1) per operation, at most twice `capacity` entries. (Deleting the
 * oldest key of a single Map one at a time degrades: V8 skips the deleted slots on every scan.)
 */
class BoundedCache {
  #young = new Map<string, number>();
  #old = new Map<string, number>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get(key: string): number | undefined {
    const young = this.#young.get(key);
    if (young !== undefined) return young;
    const old = this.#old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: number): void {
    if (this.#young.size >= this.#capacity) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(detach(key), value);
  }
}

/**
 * Store numbers, terminal ids and references make names unique ("REWE Markt 1234"); no rule looks
 * at runs of four or more digits, so a miss retries under a key with those runs collapsed, and the
 * rules run only when that misses too.
 */
const longDigits = /\d{4,}/g;

function cached(cache: BoundedCache, text: string, match: (key: string) => number): number {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const key = text.replace(longDigits, '0000');
  let result = key === text ? undefined : cache.get(key);
  if (result === undefined) {
    result = match(key);
    if (key !== text) cache.set(key, result);
  }
  cache.set(text, result);
  return result;
}

/** Flags for purpose rules: bit 0 = credit, bit 1 = no MCC (not a card purchase). */
const creditFlag = 1;
const nonCardFlag = 2;

/** Categorises with one set of rules: the shipped files, or those plus a bank's own. */
export class Categoriser {
  /** Recorded with each batch: the taxonomy's version, plus a digest of any rule files beyond the shipped ones. */
  readonly version: string;
  readonly #rules: CategoryRules;
  readonly #nameRuleIndex: readonly number[];
  readonly #purposeRuleIndex: readonly number[];
  readonly #merchantCache = new BoundedCache(1 << 16);
  /** One cache per purpose-rule flag combination. */
  readonly #textCaches = [0, 1, 2, 3].map(() => new BoundedCache(1 << 14));
  readonly #textMatchers: readonly ((text: string) => number)[];

  constructor(rules: CategoryRules, version = taxonomyVersion) {
    this.version = version;
    this.#rules = rules;
    this.#nameRuleIndex = rules.nameRules.map(
      ([category]) => categoryIndex.get(category) ?? uncategorisedIndex,
    );
    this.#purposeRuleIndex = rules.purposeRules.map(
      (r) => categoryIndex.get(r.category) ?? uncategorisedIndex,
    );
    this.#textMatchers = [0, 1, 2, 3].map((flags) => (text: string): number => {
      const purpose = this.#matchPurpose(text, flags);
      return purpose === NO_MATCH ? this.#matchName(text) : purpose;
    });
  }

  // One regex per rule, tried in order: measured faster than a single alternation of all rules,
  // which V8 cannot scan for its many literal prefixes at once.
  #matchName(text: string): number {
    const rules = this.#rules.nameRules;
    for (let i = 0; i < rules.length; i++) {
      if (rules[i]![1].test(text)) return this.#nameRuleIndex[i]!;
    }
    return NO_MATCH;
  }

  #matchPurpose(text: string, flags: number): number {
    const direction: Direction = (flags & creditFlag) !== 0 ? 'credit' : 'debit';
    const nonCard = (flags & nonCardFlag) !== 0;
    const rules = this.#rules.purposeRules;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      if (rule.direction !== undefined && rule.direction !== direction) continue;
      if (rule.nonCard === true && !nonCard) continue;
      if (rule.pattern.test(text)) return this.#purposeRuleIndex[i]!;
    }
    return NO_MATCH;
  }

  /**
   * The category of one transaction. Precedence, first signal wins:
   * 1. name rules on the merchant name;
   * 2. the MCC table;
   * 3. the description: purpose rules (direction-aware), then name rules;
   * 4. the counterparty name: purpose rules, then name rules;
   * 5. fallback: money moving without a merchant name or MCC (a credit, or a debit with a payee or
   *    a description) is a transfer;
   * 6. otherwise 'uncategorised': an unknown merchant, or a debit with no field at all. Counted by
   *    `CategoryCounter`, never hidden.
   */
  categorize(input: CategorizeInput): CategoryCode {
    const { merchantName, mcc, description, counterpartyName, direction } = input;
    const hasMerchant = merchantName !== undefined && merchantName !== '';
    if (hasMerchant) {
      const found = cached(this.#merchantCache, merchantName, (key) => this.#matchName(key));
      if (found !== NO_MATCH) return categoryCodes[found]!;
    }
    const hasMcc = mcc !== undefined && mcc !== '';
    if (hasMcc) {
      const n = mccNumber(mcc);
      const entry = n < 0 ? 0 : mccTable[n]!;
      if (entry !== 0) return categoryCodes[entry - 1]!;
    }
    const flags = (direction === 'credit' ? creditFlag : 0) | (hasMcc ? 0 : nonCardFlag);
    const hasDescription = description !== undefined && description !== '';
    if (hasDescription) {
      const found = cached(this.#textCaches[flags]!, description, this.#textMatchers[flags]!);
      if (found !== NO_MATCH) return categoryCodes[found]!;
    }
    const hasCounterparty = counterpartyName !== undefined && counterpartyName !== '';
    if (hasCounterparty) {
      const found = cached(this.#textCaches[flags]!, counterpartyName, this.#textMatchers[flags]!);
      if (found !== NO_MATCH) return categoryCodes[found]!;
    }
    if (!hasMerchant && !hasMcc && (hasCounterparty || hasDescription || direction === 'credit')) {
      return 'transfers';
    }
    return 'uncategorised';
  }
}

function mustMerge(files: readonly CategoryRuleFile[]): CategoryRules {
  const merged = mergeRuleFiles(files);
  if (!merged.ok) throw new Error(merged.error);
  return merged.value;
}

/** The categoriser of the shipped rule files (English, German, French, Czech). */
export const defaultCategoriser = new Categoriser(mustMerge(shippedRuleFiles));

/**
 * A categoriser of the shipped files plus a bank's own, merged after them (docs/categories.md); its version
 * is the taxonomy's with a digest of the extra files, so batches say which rules they were categorised with.
 */
export function categoriserWith(extra: readonly CategoryRuleFile[]): Result<Categoriser, string> {
  if (extra.length === 0) return ok(defaultCategoriser);
  const merged = mergeRuleFiles([...shippedRuleFiles, ...extra]);
  if (!merged.ok) return err(merged.error);
  return ok(new Categoriser(merged.value, `${taxonomyVersion}+${ruleFilesDigest(extra)}`));
}

export interface CategorizeInput {
  readonly direction: Direction;
  readonly mcc?: string | undefined;
  readonly merchantName?: string | undefined;
  readonly description?: string | undefined;
  readonly counterpartyName?: string | undefined;
}

/** The category of one transaction by the shipped rules: see `Categoriser.categorize`. */
export function categorize(input: CategorizeInput): CategoryCode {
  return defaultCategoriser.categorize(input);
}
