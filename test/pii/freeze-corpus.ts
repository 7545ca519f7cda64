// Writes the frozen PII corpora once: `node bin/run-ts.js test/pii/freeze-corpus.ts`. Refuses to overwrite them.
// The tuning corpus was written before the detector existed; the hold-out, with another seed, after tuning, and
// was never used to tune.
import { existsSync, writeFileSync } from 'node:fs';
import { generateCorpus } from './corpus-generator.ts';

export const corpora = [
  { url: new URL('../fixtures/pii-corpus.jsonl', import.meta.url), seed: 20261123, size: 3000 },
  { url: new URL('../fixtures/pii-corpus-holdout.jsonl', import.meta.url), seed: 4242, size: 2000 },
] as const;

if (process.argv[1]?.endsWith('freeze-corpus.ts') === true) {
  for (const { url, seed, size } of corpora) {
    if (existsSync(url)) {
      console.log(`${url.pathname}: frozen, left as it is`);
      continue;
    }
    const lines = generateCorpus(seed, size).map((record) => JSON.stringify(record));
    writeFileSync(url, lines.join('\n') + '\n');
    console.log(`${url.pathname}: wrote ${lines.length} sentences`);
  }
}
