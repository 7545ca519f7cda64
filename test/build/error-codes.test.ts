// Every error code the server, the CLI or the console can send is in the catalogue and in docs/errors.md.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../src/core/errors.ts';

const root = join(import.meta.dirname, '../..');

/** Where a code is written as a literal that is sent: a thrown error, a refusal, a result's error, a comparison. */
const codeSites = [
  /new CurtainError\(\s*'([^']+)'/g,
  /\brefusal\(\s*'([^']+)'/g,
  /\berr(?:<[^>]*>)?\(\{\s*code: '([^']+)'/g,
  /\bcode: '([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g,
  /\bcode [!=]== '([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g,
];

// The segment language's diagnostics travel inside QUESTION_INVALID; docs/segment-language.md lists them.
const diagnostic = /^(SYNTAX|CHECK|FAIR_LENDING)_/;

async function sources(directory: string): Promise<string[]> {
  const entries = await readdir(join(root, directory), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.(test|gen)\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Each code written in the sources, with the first file that writes it. */
async function codesInSources(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const file of [...(await sources('src')), ...(await sources('console/src'))]) {
    const text = await readFile(file, 'utf8');
    for (const site of codeSites) {
      for (const match of text.matchAll(site)) {
        const code = match[1]!;
        if (!diagnostic.test(code) && !found.has(code)) found.set(code, relative(root, file));
      }
    }
  }
  return found;
}

describe('the error vocabulary', () => {
  it('has every code the sources send in the catalogue and in docs/errors.md', async () => {
    const found = await codesInSources();
    // The scan sees the codes it must: thrown, refused by a service, and refused through the door.
    for (const code of ['USAGE', 'LEAD_REFUSED', 'IDENTITY_WITHHELD', 'DELIVERY_AUDIENCE_TOO_SMALL']) {
      expect(found.has(code), code).toBe(true);
    }
    expect(found.size).toBeGreaterThan(30);
    const docs = await readFile(join(root, 'docs/errors.md'), 'utf8');
    const outside = [...found]
      .filter(([code]) => !(code in errorCatalogue) || !docs.includes(`| \`${code}\` |`))
      .map(([code, file]) => `${code} (${file})`);
    expect(outside, 'add these to src/core/errors.ts and docs/errors.md').toEqual([]);
  });
});
