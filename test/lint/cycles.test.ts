// The cycle rule: dependency-cruiser, run with the project's .dependency-cruiser.js on a small tree of modules in a
// temporary folder, refuses a cycle of value imports, a cycle made only of `import type`, and a longer ring.
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from './lint-text.ts';

const fixture: Record<string, string> = {
  // a.ts ↔ b.ts through values.
  'values/a.ts': "import { b } from './b.ts';\nexport const a = (): number => b() + 1;\n",
  'values/b.ts': "import { a } from './a.ts';\nexport const b = (): number => (a.length > 0 ? 1 : 0);\n",
  // guard.ts ↔ service.ts through types only, the shape of the audience-guard ↔ question-service cycle.
  'types/guard.ts':
    "import type { Service } from './service.ts';\nexport interface Guard { service: Service }\n",
  'types/service.ts': "import type { Guard } from './guard.ts';\nexport interface Service { guard: Guard }\n",
  // A ring of three, one edge of it a type import and one a dynamic import.
  'ring/one.ts': "import type { Two } from './two.ts';\nexport type One = Two[];\n",
  'ring/two.ts': "import { three } from './three.ts';\nexport type Two = ReturnType<typeof three>;\n",
  'ring/three.ts':
    "export const three = async (): Promise<unknown> => (await import('./one.ts')) as unknown;\n",
  // One way only: no cycle.
  'oneway/leaf.ts': 'export const leaf = 1;\n',
  'oneway/user.ts':
    "import { leaf } from './leaf.ts';\nimport type { Guard } from '../types/guard.ts';\nexport const user = (g: Guard | null): number => (g ? leaf : 0);\n",
};

let root: string;
let result: ICruiseResult;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'curtain-cycles-'));
  for (const [path, text] of Object.entries(fixture)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  const options = await extractDepcruiseOptions(join(projectRoot, '.dependency-cruiser.js'));
  const tsConfig = extractTSConfig(join(projectRoot, 'tsconfig.json'));
  const reported = await cruise(['.'], { ...options, baseDir: root }, {}, { tsConfig });
  if (typeof reported.output === 'string') throw new Error('expected a cruise result, got text');
  result = reported.output;
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The modules of each cycle that the cycle rule reports in the folder, in order, starting from the smallest name. */
function cycles(folder: string): string[][] {
  return result.summary.violations
    .filter(
      (violation) => violation.rule.name === 'no-import-cycle' && violation.from.startsWith(`${folder}/`),
    )
    .map((violation) => {
      const ring = (violation.cycle ?? []).map((step) => step.name);
      const start = ring.indexOf([...ring].sort()[0] ?? '');
      return [...ring.slice(start), ...ring.slice(0, start)];
    });
}

describe('the cycle rule', () => {
  it('refuses a cycle of value imports', () => {
    expect(cycles('values')).toEqual([['values/a.ts', 'values/b.ts']]);
  });

  it('refuses a cycle made only of type imports', () => {
    expect(cycles('types')).toEqual([['types/guard.ts', 'types/service.ts']]);
  });

  it('refuses a longer ring, through a type import and a dynamic import', () => {
    expect(cycles('ring')).toEqual([['ring/one.ts', 'ring/two.ts', 'ring/three.ts']]);
  });

  it('accepts imports that point one way, and reports errors that fail the lint', () => {
    expect(cycles('oneway')).toEqual([]);
    expect(result.summary.error).toBe(result.summary.violations.length);
    expect(result.summary.violations.every((violation) => violation.rule.severity === 'error')).toBe(true);
  });
});
