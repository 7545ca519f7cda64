// Dates of birth: any plausible calendar date, which scores only when a word like "born" or "DOB" stands
// before it; booking, invoice and statement dates are not personal data.
import type { Candidate, Recogniser } from '../types.ts';

const months =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|' +
  'nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|fevrier|mars|' +
  'avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|januari|februari|maart|mei|augustus';

const datePattern = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:' +
    '(\\d{1,2})([./-])(\\d{1,2})\\2((?:19|20)\\d{2})' + // 12/03/1985, 03-12-1985, 12.03.1985
    '|((?:19|20)\\d{2})-(\\d{2})-(\\d{2})' + // 1985-03-12
    `|\\d{1,2}(?:st|nd|rd|th)?\\.? (?:${months})\\.? (?:19|20)\\d{2}` + // 12 March 1985, 12. März 1985
    `|(?:${months})\\.? \\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\\d{2}` + // March 12, 1985
    ')(?![\\p{L}\\p{N}])',
  'giu',
);

function plausible(m: RegExpExecArray): boolean {
  if (m[1] !== undefined) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    return a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));
  }
  if (m[5] !== undefined) {
    const month = Number(m[6]);
    const day = Number(m[7]);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }
  return true;
}

export const dateOfBirthRecogniser: Recogniser = {
  entity: 'date_of_birth',
  context: {
    positive: [
      'dob',
      'd.o.b',
      'born',
      'birth',
      'birthday',
      'date of birth',
      'geboren',
      'geb',
      'geburtsdatum',
      'né',
      'née',
      'naissance',
      'geboortedatum',
      'age',
    ],
    negative: [
      'opened',
      'booked',
      'invoice',
      'statement',
      'due',
      'delivered',
      'since',
      'started',
      'period',
      'policy',
      'paid',
      'rechnung',
      'valid',
    ],
    boost: 0.5,
    penalty: 0.5,
  },
  find(text: string): Candidate[] {
    const found: Candidate[] = [];
    for (const m of text.matchAll(datePattern)) {
      if (!plausible(m)) continue;
      found.push({ start: m.index, end: m.index + m[0].length, base: 0.15, recogniser: 'date_of_birth' });
    }
    return found;
  },
};
