// Benchmark: the PII detector's precision, recall and F2 per entity on the frozen labelled corpora (the tuning
// corpus and a hold-out never tuned on), with the span-matching rule of test/pii/evaluate.ts.
import { corpusUrl, evaluate, holdoutUrl, readCorpus } from '../test/pii/evaluate.ts';

const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);

for (const [name, url] of [
  ['tuning corpus', corpusUrl],
  ['hold-out corpus', holdoutUrl],
] as const) {
  const records = readCorpus(url);
  const started = process.hrtime.bigint();
  const result = evaluate(records);
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`\nPII detector, ${name}: ${result.sentences} sentences (match: same entity, IoU >= 0.5)`);
  console.log('| entity | precision | recall | F2 | TP | FP | FN |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [entity, s] of [...Object.entries(result.perEntity), ['overall', result.overall] as const]) {
    console.log(
      `| ${entity} | ${pct(s.precision)}% | ${pct(s.recall)}% | ${pct(s.f2)}% | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} |`,
    );
  }
  console.log(
    `hard-negative sentences flagged: ${result.negativeSentencesFlagged} of ${result.negativeSentences}; ` +
      `${(elapsedMs / result.sentences).toFixed(3)} ms per sentence`,
  );
  if (process.argv.includes('--misses')) for (const m of result.misses) console.log(JSON.stringify(m));
}
