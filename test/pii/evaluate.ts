// Scores the PII detector on the frozen corpus: span-level precision, recall and F2 per entity and overall.
// A prediction matches a labelled span of the same entity when their overlap is at least half of their union
// (IoU >= 0.5); each labelled span is matched at most once, predictions taken in text order.
import { readFileSync } from 'node:fs';
import { detectPii } from '../../src/privacy/pii/detector.ts';
import { piiEntities } from '../../src/privacy/pii/types.ts';
import type { PiiEntity } from '../../src/privacy/pii/types.ts';
import type { CorpusRecord } from './corpus-generator.ts';

export const corpusUrl = new URL('../fixtures/pii-corpus.jsonl', import.meta.url);
/** Generated with another seed after tuning; never used to tune. */
export const holdoutUrl = new URL('../fixtures/pii-corpus-holdout.jsonl', import.meta.url);

export interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Scores extends Tally {
  readonly precision: number;
  readonly recall: number;
  readonly f2: number;
}

export interface Evaluation {
  readonly sentences: number;
  readonly perEntity: Readonly<Record<PiiEntity, Scores>>;
  readonly overall: Scores;
  /** Sentences with no labelled span where the detector found something. */
  readonly negativeSentencesFlagged: number;
  readonly negativeSentences: number;
  readonly misses: ReadonlyArray<{
    readonly text: string;
    readonly missed: string[];
    readonly extra: string[];
  }>;
}

export function readCorpus(url: URL = corpusUrl): CorpusRecord[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as CorpusRecord);
}

function iou(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (overlap <= 0) return 0;
  return overlap / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

function scores(t: Tally): Scores {
  const precision =
    t.truePositives + t.falsePositives === 0 ? 1 : t.truePositives / (t.truePositives + t.falsePositives);
  const recall =
    t.truePositives + t.falseNegatives === 0 ? 1 : t.truePositives / (t.truePositives + t.falseNegatives);
  const f2 = precision + recall === 0 ? 0 : (5 * precision * recall) / (4 * precision + recall);
  return { ...t, precision, recall, f2 };
}

export function evaluate(records: readonly CorpusRecord[]): Evaluation {
  const tallies = Object.fromEntries(
    piiEntities.map((e) => [e, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]),
  ) as Record<PiiEntity, Tally>;
  let negativeSentences = 0;
  let negativeSentencesFlagged = 0;
  const misses: Array<{ text: string; missed: string[]; extra: string[] }> = [];
  for (const record of records) {
    const predicted = detectPii(record.text);
    const matched = new Set<number>();
    const extra: string[] = [];
    for (const p of predicted) {
      const index = record.spans.findIndex(
        (g, i) => !matched.has(i) && g.type === p.entity && iou(g, p) >= 0.5,
      );
      if (index >= 0) {
        matched.add(index);
        tallies[p.entity].truePositives++;
      } else {
        tallies[p.entity].falsePositives++;
        extra.push(`${p.entity}:${record.text.slice(p.start, p.end)}`);
      }
    }
    const missed: string[] = [];
    record.spans.forEach((g, i) => {
      if (matched.has(i)) return;
      tallies[g.type].falseNegatives++;
      missed.push(`${g.type}:${record.text.slice(g.start, g.end)}`);
    });
    if (record.spans.length === 0) {
      negativeSentences++;
      if (predicted.length > 0) negativeSentencesFlagged++;
    }
    if (missed.length > 0 || extra.length > 0) misses.push({ text: record.text, missed, extra });
  }
  const total = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const t of Object.values(tallies)) {
    total.truePositives += t.truePositives;
    total.falsePositives += t.falsePositives;
    total.falseNegatives += t.falseNegatives;
  }
  const perEntity = Object.fromEntries(piiEntities.map((e) => [e, scores(tallies[e])])) as Record<
    PiiEntity,
    Scores
  >;
  return {
    sentences: records.length,
    perEntity,
    overall: scores(total),
    negativeSentences,
    negativeSentencesFlagged,
    misses,
  };
}
