// People's names: runs of capitalised words scored by a dictionary of given names and surnames, by titles ("Mrs",
// "Herr") and initials ("J. Smith"), and by context words ("Dear", "landlord"). Merchants are taken out later.
import { familyNames, givenNames, notNames, surnameParticles, titles } from '../name-lists.ts';
import type { Candidate, Recogniser } from '../types.ts';

type Kind = 'given' | 'family' | 'initial' | 'particle' | 'stop' | 'unknown';

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A run holding one of these names a company, not a person: "Smith & Sons Ltd", "Müller GmbH". */
const companyMarkers = new Set([
  'ltd',
  'limited',
  'plc',
  'llp',
  'llc',
  'inc',
  'gmbh',
  'ag',
  'kg',
  'bv',
  'nv',
  'sa',
  'sarl',
  'sas',
  'co',
  'corp',
  'group',
  'holdings',
  'services',
  'solutions',
  'partners',
]);

const tokenPattern = /[\p{L}][\p{L}'’-]*\.?/gu;

function kindOf(token: Token): Kind {
  const raw = token.text;
  const key = raw.replace(/\.$/, '').toLowerCase();
  if (/^\p{Lu}\.$/u.test(raw)) return 'initial';
  if (titles.has(key)) return 'stop';
  if (givenNames.has(key)) return 'given';
  if (familyNames.has(key)) return 'family';
  if (surnameParticles.has(raw)) return 'particle';
  if (notNames.has(key) || !/^\p{Lu}/u.test(raw)) return 'stop';
  return 'unknown';
}

function isTitle(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  const key = token.text.replace(/\.$/, '').toLowerCase();
  if (!titles.has(key)) return false;
  if (key === 'm')
    return token.text === 'M.' && tokens[i + 1] !== undefined && !/^\p{Lu}\.$/u.test(tokens[i + 1]!.text);
  return true;
}

/** Score of a run of name-like words: what it holds decides. */
function scoreOf(kinds: readonly Kind[], titled: boolean): number {
  const given = kinds.includes('given');
  const family = kinds.includes('family');
  const initial = kinds.includes('initial');
  const unknown = kinds.filter((k) => k === 'unknown').length;
  if (titled) return 0.85;
  if (given && family) return 0.85;
  if (initial && family) return 0.7;
  if (given && unknown > 0) return 0.6;
  if (family && unknown > 0) return 0.5;
  if (initial && unknown > 0) return 0.45;
  if (given) return 0.35;
  if (family) return 0.2;
  if (unknown >= 1) return 0.2;
  return 0;
}

/** Consecutive tokens joined by single spaces: the runs a name can be found in. */
function runs(text: string): Token[][] {
  const result: Token[][] = [];
  let current: Token[] = [];
  for (const m of text.matchAll(tokenPattern)) {
    const token = { start: m.index, end: m.index + m[0].length, text: m[0] };
    const previous = current.at(-1);
    // A full stop after a word (not an initial) ends the sentence, and so the run.
    const stopped = previous !== undefined && previous.text.endsWith('.') && previous.text.length > 2;
    if (previous !== undefined && (stopped || text.slice(previous.end, token.start) !== ' ')) {
      result.push(current);
      current = [];
    }
    current.push(token);
  }
  if (current.length > 0) result.push(current);
  return result;
}

export const personRecogniser: Recogniser = {
  entity: 'person',
  context: {
    positive: [
      'dear',
      'hi',
      'hello',
      'name',
      'holder',
      'beneficiary',
      'landlord',
      'landlady',
      'spoke to',
      'call back',
      'meeting with',
      'customer',
      'miete an',
      'loyer',
      'thanks',
      'birthday',
      'gift for',
      'pocket money',
      'transfer to',
      'payment from',
      'standing order',
      'fps',
      'split with',
      'sehr geehrte',
      'liebe',
      'cher',
      'chère',
      'beste',
    ],
    negative: ['at', 'in', 'near', 'shop', 'store', 'brand', 'visit', 'branch', 'event'],
    boost: 0.35,
    penalty: 0.3,
  },
  find(text: string): Candidate[] {
    const found: Candidate[] = [];
    for (const run of runs(text)) {
      if (run.some((t) => companyMarkers.has(t.text.replace(/\.$/, '').toLowerCase()))) continue;
      let segment: { tokens: Token[]; kinds: Kind[]; titled: boolean } = {
        tokens: [],
        kinds: [],
        titled: false,
      };
      const flush = (penalty: number): void => {
        while (segment.kinds.at(-1) === 'particle') {
          segment.kinds.pop();
          segment.tokens.pop();
        }
        const score = scoreOf(segment.kinds, segment.titled) - penalty;
        if (score > 0 && segment.tokens.length > 0 && segment.tokens.length <= 4) {
          const first = segment.tokens[0]!;
          const last = segment.tokens.at(-1)!;
          const end = last.text.endsWith('.') && last.text.length > 2 ? last.end - 1 : last.end;
          found.push({ start: first.start, end, base: score, recogniser: 'person' });
        }
        segment = { tokens: [], kinds: [], titled: false };
      };
      for (let i = 0; i < run.length; i++) {
        if (isTitle(run, i) && i + 1 < run.length) {
          flush(0);
          segment.titled = true;
          continue;
        }
        const kind = kindOf(run[i]!);
        if (kind === 'stop' || (kind === 'particle' && segment.tokens.length === 0)) {
          // A name word before a capitalised non-name ("Max Saver", "Grace Period") names a product.
          flush(/^\p{Lu}/u.test(run[i]!.text) ? 0.2 : 0);
          continue;
        }
        segment.tokens.push(run[i]!);
        segment.kinds.push(kind);
      }
      flush(0);
    }
    return found;
  },
};
