// The PII detector: runs every recogniser over a text, scores candidates in context, keeps merchant names intact,
// and resolves overlaps in favour of the surer finding.
import { scoreInContext } from './context.ts';
import { personLikeMerchants } from './merchant-names.ts';
import { addressRecogniser } from './recognisers/address.ts';
import { cardRecogniser } from './recognisers/card.ts';
import { dateOfBirthRecogniser } from './recognisers/date-of-birth.ts';
import { emailRecogniser } from './recognisers/email.ts';
import { ibanRecogniser } from './recognisers/iban.ts';
import { nationalIdRecognisers } from './recognisers/national-id.ts';
import { personRecogniser } from './recognisers/person.ts';
import { phoneRecogniser } from './recognisers/phone.ts';
import type { PiiEntity, PiiFinding, Recogniser } from './types.ts';

export const recognisers: readonly Recogniser[] = [
  emailRecogniser,
  ibanRecogniser,
  cardRecogniser,
  phoneRecogniser,
  ...nationalIdRecognisers,
  addressRecogniser,
  dateOfBirthRecogniser,
  personRecogniser,
];

/** Scores at or above this are reported; Presidio's common default. */
export const defaultThreshold = 0.5;

export interface DetectOptions {
  readonly threshold?: number;
  /** Only these kinds (default: all). */
  readonly entities?: readonly PiiEntity[];
  /** More merchant names that are never a person (the bank's merchant catalogue). */
  readonly allow?: readonly string[];
}

export const redactionTokens: Readonly<Record<PiiEntity, string>> = {
  person: '[name]',
  email: '[email]',
  phone: '[phone]',
  iban: '[iban]',
  card: '[card]',
  national_id: '[national_id]',
  address: '[address]',
  date_of_birth: '[date_of_birth]',
};

const defaultAllowPattern = allowPattern(personLikeMerchants);

function allowPattern(names: readonly string[]): RegExp {
  const escaped = [...names]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]?"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Where merchant names stand in the text. */
function merchantRanges(text: string, extra: RegExp | undefined): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  for (const pattern of extra === undefined ? [defaultAllowPattern] : [defaultAllowPattern, extra]) {
    for (const m of text.matchAll(pattern)) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

const extraPatterns = new WeakMap<readonly string[], RegExp>();

/** Findings of personal data in `text`, in text order, none overlapping. */
export function detectPii(text: string, options: DetectOptions = {}): PiiFinding[] {
  const threshold = options.threshold ?? defaultThreshold;
  const wanted = options.entities === undefined ? undefined : new Set(options.entities);
  const findings: PiiFinding[] = [];
  for (const recogniser of recognisers) {
    if (wanted !== undefined && !wanted.has(recogniser.entity)) continue;
    for (const candidate of recogniser.find(text)) {
      const score = scoreInContext(text, candidate, recogniser.context);
      if (score >= threshold) {
        findings.push({
          entity: recogniser.entity,
          start: candidate.start,
          end: candidate.end,
          score,
          recogniser: candidate.recogniser,
        });
      }
    }
  }
  if (findings.some((f) => f.entity === 'person')) {
    let extra: RegExp | undefined;
    if (options.allow !== undefined && options.allow.length > 0) {
      extra = extraPatterns.get(options.allow);
      if (extra === undefined) extraPatterns.set(options.allow, (extra = allowPattern(options.allow)));
    }
    const merchants = merchantRanges(text, extra);
    // A merchant allow-list beats the name recogniser: "John Lewis" is a shop.
    for (let i = findings.length - 1; i >= 0; i--) {
      const f = findings[i]!;
      if (f.entity === 'person' && merchants.some(([s, e]) => f.start < e && s < f.end))
        findings.splice(i, 1);
    }
  }
  return resolveOverlaps(findings);
}

/** Keeps the higher-scoring (then longer) of two overlapping findings. */
function resolveOverlaps(findings: PiiFinding[]): PiiFinding[] {
  const ranked = [...findings].sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start));
  const kept: PiiFinding[] = [];
  for (const f of ranked) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

/** The text with every finding replaced by its token ("[name]", "[iban]", …). */
export function redactPii(text: string, options: DetectOptions = {}): string {
  let out = '';
  let copied = 0;
  for (const f of detectPii(text, options)) {
    out += text.slice(copied, f.start) + redactionTokens[f.entity];
    copied = f.end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
