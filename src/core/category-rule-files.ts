// Category rule files (docs/categories.md): the name and purpose rules as data, one file per language, merged in
// order into the rule lists categorize.ts applies. A bank adds its own files; rules are matched case-insensitively.
import { z } from 'zod';
import cs from './category-rules/cs.json' with { type: 'json' };
import de from './category-rules/de.json' with { type: 'json' };
import en from './category-rules/en.json' with { type: 'json' };
import fr from './category-rules/fr.json' with { type: 'json' };
import { err, ok, type Result } from './result.ts';
import { isCategoryCode, type CategoryCode } from './taxonomy.ts';
import type { Direction } from './transaction.ts';

const pattern = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'i');
      return source !== '';
    } catch {
      return false;
    }
  },
  { error: 'expected a non-empty JavaScript regular expression' },
);

const category = z.string().refine(isCategoryCode, {
  error: 'expected a category of the taxonomy (docs/categories.md)',
});

const nameRule = z.strictObject({
  /** Names the rule; a later file with the same id adds its pattern as another alternative. */
  id: z.string().min(1),
  /** Needed for a new rule; an extension of an existing rule may repeat it, but not change it. */
  category: category.optional(),
  pattern,
  /** Where a new rule goes: before the rule with this id (first match wins); at the end without it. */
  before: z.string().min(1).optional(),
});

const purposeRule = nameRule.extend({
  direction: z.enum(['debit', 'credit']).optional(),
  /** Only for payments without an MCC: a transfer to a counterparty, not a card purchase. */
  nonCard: z.literal(true).optional(),
});

export const categoryRuleFileSchema = z.strictObject({
  /** A BCP 47 language, or any name for a bank's own file. */
  language: z.string().min(1),
  description: z.string().optional(),
  nameRules: z.array(nameRule).default([]),
  purposeRules: z.array(purposeRule).default([]),
});

export type CategoryRuleFile = z.output<typeof categoryRuleFileSchema>;

/** A purpose rule: what a transfer's own text says it is for. */
export interface PurposeRule {
  readonly category: CategoryCode;
  readonly pattern: RegExp;
  readonly direction?: Direction;
  readonly nonCard?: true;
}

/** The rules categorize.ts applies, in order: first match wins. */
export interface CategoryRules {
  readonly nameRules: ReadonlyArray<readonly [CategoryCode, RegExp]>;
  readonly purposeRules: readonly PurposeRule[];
}

/** Validates one rule file (parsed JSON); errors name the file and the offending field. */
export function parseCategoryRuleFile(json: unknown, source: string): Result<CategoryRuleFile, string> {
  const parsed = categoryRuleFileSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  return err(`invalid category rule file ${source}: ${problems.join('; ')}`);
}

function shipped(json: unknown, name: string): CategoryRuleFile {
  const parsed = parseCategoryRuleFile(json, name);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** The rule files shipped with Curtain, in the order they are merged: English first (it sets the order). */
export const shippedRuleFiles: readonly CategoryRuleFile[] = [
  shipped(en, 'en.json'),
  shipped(de, 'de.json'),
  shipped(fr, 'fr.json'),
  shipped(cs, 'cs.json'),
];

interface Slot {
  readonly id: string;
  readonly category: CategoryCode;
  readonly direction: Direction | undefined;
  readonly nonCard: boolean;
  readonly patterns: string[];
}

type AnyRule = CategoryRuleFile['purposeRules'][number];

function mergeList(
  files: readonly CategoryRuleFile[],
  list: 'nameRules' | 'purposeRules',
): Result<Slot[], string> {
  const slots: Slot[] = [];
  for (const file of files) {
    for (const [index, rule] of (file[list] as readonly AnyRule[]).entries()) {
      const where = `${file.language}: ${list}.${index} ("${rule.id}")`;
      const existing = slots.find((slot) => slot.id === rule.id);
      if (existing !== undefined) {
        const changed =
          (rule.category !== undefined && rule.category !== existing.category) ||
          (rule.direction !== undefined && rule.direction !== existing.direction) ||
          (rule.nonCard !== undefined && !existing.nonCard);
        if (changed)
          return err(`${where}: an extension cannot change the rule's category, direction or nonCard`);
        existing.patterns.push(rule.pattern);
        continue;
      }
      if (rule.category === undefined || !isCategoryCode(rule.category)) {
        return err(`${where}: a new rule needs a category`);
      }
      const slot: Slot = {
        id: rule.id,
        category: rule.category,
        direction: rule.direction,
        nonCard: rule.nonCard === true,
        patterns: [rule.pattern],
      };
      const at = rule.before === undefined ? slots.length : slots.findIndex((s) => s.id === rule.before);
      if (at < 0) return err(`${where}: there is no rule "${rule.before}" to go before`);
      slots.splice(at, 0, slot);
    }
  }
  return ok(slots);
}

function compile(slot: Slot): RegExp {
  return new RegExp(
    slot.patterns.length === 1 ? slot.patterns[0]! : slot.patterns.map((p) => `(?:${p})`).join('|'),
    'i',
  );
}

/** Merges rule files in order into the rule lists; a conflict or an unknown `before` is an error naming where. */
export function mergeRuleFiles(files: readonly CategoryRuleFile[]): Result<CategoryRules, string> {
  const names = mergeList(files, 'nameRules');
  if (!names.ok) return names;
  const purposes = mergeList(files, 'purposeRules');
  if (!purposes.ok) return purposes;
  return ok({
    nameRules: names.value.map((slot) => [slot.category, compile(slot)] as const),
    purposeRules: purposes.value.map((slot) => ({
      category: slot.category,
      pattern: compile(slot),
      ...(slot.direction === undefined ? {} : { direction: slot.direction }),
      ...(slot.nonCard ? { nonCard: true as const } : {}),
    })),
  });
}

/** A short, stable digest of extra rule files, appended to the taxonomy version of the batches they categorise. */
export function ruleFilesDigest(files: readonly CategoryRuleFile[]): string {
  let hash = 0x811c9dc5;
  const text = JSON.stringify(files);
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
