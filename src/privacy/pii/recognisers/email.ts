// Email addresses: a local part anchored at a word boundary, an "@", and a domain with a top-level label.
import type { Candidate, Recogniser } from '../types.ts';

const emailPattern =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export const emailRecogniser: Recogniser = {
  entity: 'email',
  context: { positive: [], negative: [], boost: 0, penalty: 0 },
  find(text: string): Candidate[] {
    if (!text.includes('@')) return [];
    return [...text.matchAll(emailPattern)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      base: 1,
      recogniser: 'email',
    }));
  },
};
