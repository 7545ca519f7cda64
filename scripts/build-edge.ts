// Builds the edge package for the browser (src/edge → dist/edge/curtain-edge.js) and prints its size, gzipped.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '..');
export const edgeBundle = join(root, 'dist', 'edge', 'curtain-edge.js');
/** The goal for the bundle, gzipped. */
export const goalBytes = 250 * 1024;

/** Bundles and minifies; returns the raw and gzipped sizes in bytes. */
export async function buildEdge(): Promise<{ raw: number; gzipped: number }> {
  await build({
    entryPoints: [join(root, 'src', 'edge', 'index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outfile: edgeBundle,
    logLevel: 'warning',
  });
  const bytes = readFileSync(edgeBundle);
  return { raw: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { raw, gzipped } = await buildEdge();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`${edgeBundle}: ${kb(raw)}, ${kb(gzipped)} gzipped (goal ≤ ${kb(goalBytes)})`);
  if (gzipped > goalBytes) process.exitCode = 1;
}
