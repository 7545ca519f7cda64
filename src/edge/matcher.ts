// Matches published definitions against the customer's own facts on the device: the vault's checker and columnar
// engine, imported, so a segment means on the device exactly what it means in the vault.
import { questionPurpose } from '../core/question-purposes.ts';
import { normalisePlan } from '../language/normalise.ts';
import type { Plan } from '../language/plan.ts';
import { checkQuestion } from '../vault/questions/question-check.ts';
import { CustomerSource, type EdgeFacts, type ProcessingHold } from './customer-source.ts';
import type { EdgeDefinition } from './definitions.ts';
import { DeviceFeatures, engineFor, modelsOf } from './frozen-models.ts';

/**
 * The seam for what later runs beside segments on the device: each extension may add a condition of its own to
 * a definition. Frozen models need none (the segment's own `propensity(…)` reads them, see frozen-models.ts).
 */
export interface EdgeExtension {
  readonly name: string;
  /** Whether the definition also holds for this customer by the extension's own rule; undefined: no opinion. */
  holds(definition: EdgeDefinition, source: CustomerSource, asOf: string): boolean | undefined;
}

export interface MatchOptions {
  /** The device's day, 'YYYY-MM-DD'. */
  readonly asOf: string;
  /** Whether the customer granted profiling: without it no frozen model scores them (default false). */
  readonly profiling?: boolean;
  readonly extensions?: readonly EdgeExtension[];
}

/** A definition the device could not evaluate, and why (never evaluated is never shown). */
export interface Unevaluated {
  readonly id: string;
  readonly reason: string;
}

export interface MatchResult {
  readonly matched: readonly EdgeDefinition[];
  readonly unevaluated: readonly Unevaluated[];
  /** Why nothing was evaluated: the customer's holds (a restriction, an objection, a marketing exclusion). */
  readonly holds: readonly ProcessingHold[];
}

/** The definition's plan, checked exactly as the vault checked it before publishing it. */
export function planOf(definition: EdgeDefinition, asOf: string): Plan | string {
  const purpose = questionPurpose(definition.purpose);
  if (purpose === undefined) return `unknown purpose ${definition.purpose}`;
  const checked = checkQuestion(definition.expression, purpose, {
    currency: definition.currency,
    retentionDays: definition.retentionDays,
    maxAttributes: definition.maxAttributes,
    asOf,
    models: modelsOf(definition),
  });
  return checked.ok ? normalisePlan(checked.value.plan, { asOf }) : checked.error.message;
}

const inValidity = (d: EdgeDefinition, asOf: string) => d.validFrom <= asOf && asOf <= d.validUntil;

/**
 * Evaluates every definition valid today on the customer's facts; nothing here leaves the device. A customer
 * under a hold matches nothing, as the vault leaves them out of every audience.
 */
export function matchDefinitions(
  facts: EdgeFacts | CustomerSource,
  definitions: readonly EdgeDefinition[],
  options: MatchOptions,
): MatchResult {
  const source = facts instanceof CustomerSource ? facts : new CustomerSource(facts);
  if (source.holds.length > 0) return { matched: [], unevaluated: [], holds: source.holds };
  const features = new DeviceFeatures(source);
  const context = { asOf: options.asOf, profiling: options.profiling ?? false };
  const matched: EdgeDefinition[] = [];
  const unevaluated: Unevaluated[] = [];
  for (const definition of definitions) {
    if (!inValidity(definition, options.asOf)) continue;
    const plan = planOf(definition, options.asOf);
    const engine = typeof plan === 'string' ? plan : engineFor(definition, features, context);
    if (typeof plan === 'string' || typeof engine === 'string') {
      unevaluated.push({ id: definition.id, reason: typeof plan === 'string' ? plan : (engine as string) });
      continue;
    }
    if (engine.evaluateNow(plan, options.asOf).length === 0) continue;
    const vetoed = (options.extensions ?? []).some(
      (x) => x.holds(definition, source, options.asOf) === false,
    );
    if (!vetoed) matched.push(definition);
  }
  return { matched, unevaluated, holds: [] };
}
