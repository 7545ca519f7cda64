// PGlite's COPY TO pages: runs of equal keys across page edges, runs longer than a page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteStorage } from './pglite-storage.ts';
import { parseCopyRows } from '../postgres-core/copy-text.ts';
import type { Storage } from '../ports.ts';

describe('PGlite copyTo pages', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openPgliteStorage({ dataDirectory: undefined, copyToPageRows: 4 });
    await storage.exec('CREATE TABLE t (k int, v int)');
    // Keys: 1, 2×3, 3, 4×9, 5, 6×4 — runs cut by page edges, one run longer than a page.
    await storage.exec(`INSERT INTO t SELECT k, g FROM (VALUES (1, 1), (2, 3), (3, 1), (4, 9), (5, 1), (6, 4)) AS r (k, n),
                        generate_series(1, n) g`);
  });
  afterAll(() => storage.close());

  it('reads every row once, in key order, in pieces no larger than a page or a run', async () => {
    const rows: string[] = [];
    const sizes: number[] = [];
    for await (const piece of storage.copyTo('SELECT k, v FROM t')) {
      sizes.push(parseCopyRows(piece, (fields) => rows.push(fields.join(':'))));
    }
    expect(rows.map((row) => row.split(':')[0]).join('')).toBe('1222344444444456666');
    expect(new Set(rows).size).toBe(19);
    expect(Math.max(...sizes)).toBe(9);
    expect(sizes.filter((size) => size !== 9).every((size) => size <= 4)).toBe(true);
  });

  it('reads an exact multiple of the page and an empty result', async () => {
    const pieces: string[] = [];
    for await (const piece of storage.copyTo('SELECT g FROM generate_series(1, 8) g')) pieces.push(piece);
    expect(pieces.join('')).toBe('1\n2\n3\n4\n5\n6\n7\n8\n');
    for await (const piece of storage.copyTo('SELECT k FROM t WHERE false')) expect(piece).toBe('never');
  });
});
