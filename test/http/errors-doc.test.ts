// docs/errors.md lists every code of the catalogue with its HTTP status and exit code.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../src/core/errors.ts';

describe('docs/errors.md', () => {
  it('has a row for every stable code, with the status and exit code of the catalogue', async () => {
    const text = await readFile(join(import.meta.dirname, '../../docs/errors.md'), 'utf8');
    const missing = Object.entries(errorCatalogue)
      .filter(([code, { status, exit }]) => !text.includes(`| \`${code}\` | ${status} | ${exit} |`))
      .map(([code]) => code);
    expect(missing).toEqual([]);
  });
});
