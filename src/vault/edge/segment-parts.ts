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

/**
 * Each category, MCC and merchant name of the plan that belongs to a sensitive group, described for the
 * publisher ("MCC 5912 (pharmacy)"). MCCs by the taxonomy's MCC table; merchant names by the vault's name rules
 * (the shipped files and the bank's own), as a transaction at that merchant would be categorised.
 */
export function sensitiveNames(plan: Plan, categoriser: Categoriser = defaultCategoriser): string[] {
  const found: string[] = [];
  for (const filter of planFilters(plan)) {
    for (const category of filter.categories ?? []) if (sensitive(category)) found.push(category);
    for (const mcc of filter.mccs ?? []) {
      const category = categoryForMcc(String(mcc).padStart(4, '0'));
      if (sensitive(category)) found.push(`MCC ${String(mcc).padStart(4, '0')} (${category})`);
    }
    for (const merchant of filter.merchants ?? []) {
      const category = categoriser.categorize({ direction: 'debit', merchantName: merchant });
      if (sensitive(category)) found.push(`merchant "${merchant}" (${category})`);
    }
  }
  return [...new Set(found)];
}
