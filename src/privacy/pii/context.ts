// Presidio-style context scoring: a recogniser's base score, raised by context words before a candidate and
// lowered by negative ones ("order", "ref", "SKU").
import type { Candidate, ContextRule } from './types.ts';

/** How far to look: characters before the candidate, characters after it. */
const before = 48;
const after = 24;

const compiled = new WeakMap<ContextRule, { positive: RegExp | null; negative: RegExp | null }>();

function phrasePattern(phrases: readonly string[]): RegExp | null {
  if (phrases.length === 0) return null;
  const escaped = phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}])`, 'iu');
}

function patterns(rule: ContextRule): { positive: RegExp | null; negative: RegExp | null } {
  let found = compiled.get(rule);
  if (found === undefined) {
    found = { positive: phrasePattern(rule.positive), negative: phrasePattern(rule.negative) };
    compiled.set(rule, found);
  }
  return found;
}

/** End of the last sentence break in `lead` ("; ", " - ", or ". " before a capital: "no. 5" is no break), or -1. */
function lastSentenceBreak(lead: string): number {
  let last = -1;
  for (const m of lead.matchAll(/; | - |[.!?]+ (?=\p{Lu})/gu)) last = m.index + m[0].length;
  return last;
}

/**
 * The candidate's score in its context. The window before the candidate stops at a sentence break (". ", "; ",
 * " - ") so that a label of one value does not lend itself to the next sentence's.
 */
export function scoreInContext(text: string, candidate: Candidate, rule: ContextRule): number {
  const { positive, negative } = patterns(rule);
  let windowStart = Math.max(0, candidate.start - before);
  const lead = text.slice(windowStart, candidate.start);
  const lastBreak = lastSentenceBreak(lead);
  if (lastBreak >= 0) windowStart += lastBreak;
  const preceding = text.slice(windowStart, candidate.start);
  const following = text
    .slice(candidate.end, Math.min(text.length, candidate.end + after))
    .split(/[.;]\s| - /)[0]!;
  let score = candidate.base;
  if (positive !== null && (positive.test(preceding) || positive.test(following))) score += rule.boost;
  if (negative !== null && negative.test(preceding)) score -= rule.penalty;
  return Math.max(0, Math.min(1, score));
}
