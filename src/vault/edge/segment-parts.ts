// What a segment's plan names (transaction filters, frozen models), and which of its categories, MCCs and merchant
// names belong to a sensitive group (health, civic): an edge definition is shown to every customer, so none may.
import { categoryForMcc, defaultCategoriser, type Categoriser } from '../../core/categorize.ts';
import { categories, type CategoryGroup } from '../../core/taxonomy.ts';
import type { Plan, TransactionFilter, ValuePlan } from '../../language/plan.ts';

/** Groups a published segment may not name: health is special-category data; civic hints at religion or politics
 * (the groups src/core/taxonomy.ts never releases with tokens for the same reasons). */
export const sensitiveGroups: readonly CategoryGroup[] = ['health', 'civic'];

function plansValues(plan: Plan): ValuePlan[] {
  switch (plan.kind) {
    case 'and':
    case 'or':
      return plan.items.flatMap(plansValues);
    case 'not':
      return plansValues(plan.item);
    case 'compare':
      return [plan.left, plan.right];
    default:
      return [];
  }
}

/** Every transaction filter a plan's values use. */
export function planFilters(plan: Plan): TransactionFilter[] {
  return plansValues(plan).flatMap((v) =>
    v.kind === 'aggregate' || v.kind === 'recurring' ? [v.filter] : [],
  );
}

/** Every category a plan's transaction filters name. */
export function planCategories(plan: Plan): string[] {
  return planFilters(plan).flatMap((f) => f.categories ?? []);
}

/** The model versions a plan's `propensity(…)` values read, as the checker bound them. */
export function planModels(plan: Plan): string[] {
  return [...new Set(plansValues(plan).flatMap((v) => (v.kind === 'propensity' ? [v.model] : [])))];
}

const groupOf = new Map<string, CategoryGroup>(categories.map((c) => [c.code, c.group]));
const sensitive = (category: string) => sensitiveGroups.includes(groupOf.get(category)!);

/** What a published segment may not name: parts of a sensitive group, and parts whose sensitivity is unknown. */
export interface RefusedParts {
  /** Categories, MCCs and merchant names of a sensitive group ("MCC 5912 (pharmacy)"). */
  readonly sensitive: readonly string[];
  /** MCCs the taxonomy does not place, and merchant names no rule recognises that no safe MCC narrows. */
  readonly unknown: readonly string[];
}

const mccText = (mcc: number) => String(mcc).padStart(4, '0');

/**
 * The parts of the plan a published definition may not name. Categories by their group; MCCs by the taxonomy's
 * MCC table over the shipped MCC list (an MCC it does not place has no known sensitivity); merchant names by the
 * vault's name rules (the shipped files and the bank's own), as a transaction at that merchant would be
 * categorised. A merchant no rule recognises ("Dr A. Smith") may be a doctor: it is allowed only when its filter
 * also names MCCs, each placed in a category of no sensitive group, so that only those purchases count.
 */
export function refusedParts(plan: Plan, categoriser: Categoriser = defaultCategoriser): RefusedParts {
  const found: string[] = [];
  const unknown: string[] = [];
  for (const filter of planFilters(plan)) {
    for (const category of filter.categories ?? []) if (sensitive(category)) found.push(category);
    const mccs = (filter.mccs ?? []).map((mcc) => ({ mcc, category: categoryForMcc(mccText(mcc)) }));
    for (const { mcc, category } of mccs) {
      if (sensitive(category)) found.push(`MCC ${mccText(mcc)} (${category})`);
      else if (category === 'uncategorised')
        unknown.push(`MCC ${mccText(mcc)} (no category on the MCC list)`);
    }
    const safeMccs =
      mccs.length > 0 && mccs.every(({ category }) => !sensitive(category) && category !== 'uncategorised');
    for (const merchant of filter.merchants ?? []) {
      const category = categoriser.categorize({ direction: 'debit', merchantName: merchant });
      if (sensitive(category)) found.push(`merchant "${merchant}" (${category})`);
      else if (category === 'uncategorised' && !safeMccs) {
        unknown.push(
          `merchant "${merchant}" (no name rule recognises it, and no MCC of a safe kind narrows it)`,
        );
      }
    }
  }
  return { sensitive: [...new Set(found)], unknown: [...new Set(unknown)] };
}
