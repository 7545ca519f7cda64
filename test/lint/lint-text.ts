// Lints a snippet of source as if it were a file at a given path, with the project's own eslint.config.js: how the
// lint rules' tests feed each rule a violation without linting the whole project.
import { ESLint, type Linter } from 'eslint';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';

export const projectRoot = join(import.meta.dirname, '..', '..');

/** The rules these tests are about; none needs type information, so the type-aware ones are left out for speed. */
const rulesUnderTest = new Set(['no-restricted-imports', 'max-lines', 'max-lines-per-function']);

let shared: ESLint | undefined;

function eslint(): ESLint {
  shared ??= new ESLint({
    cwd: projectRoot,
    overrideConfigFile: join(projectRoot, 'eslint.config.js'),
    // Type information is not needed by the rules under test, and building a program costs seconds.
    overrideConfig: { ...tseslint.configs.disableTypeChecked, files: ['**/*.ts'] },
    ruleFilter: ({ ruleId }) => rulesUnderTest.has(ruleId),
  });
  return shared;
}

/** The problems the project's config reports for `text` placed at `path` (relative to the project root). */
export async function lintAt(path: string, text: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint().lintText(text, { filePath: join(projectRoot, path) });
  if (result === undefined) throw new Error(`eslint returned no result for ${path}`);
  return result.messages;
}
