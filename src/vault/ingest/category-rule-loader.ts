// Reads a bank's own category rule files (CURTAIN_CATEGORY_RULES) into the categoriser ingest uses.
import { readFile } from 'node:fs/promises';
import { categoriserWith, type Categoriser } from '../../core/categorize.ts';
import { parseCategoryRuleFile, type CategoryRuleFile } from '../../core/category-rule-files.ts';
import { CurtainError } from '../../core/errors.ts';

/** The shipped rules plus the files at `paths` (comma-separated); a bad file is CONFIG_INVALID naming it. */
export async function loadCategoriser(paths: string | undefined): Promise<Categoriser> {
  const files: CategoryRuleFile[] = [];
  for (const path of (paths ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      const why = error instanceof SyntaxError ? 'not valid JSON' : 'cannot be read';
      throw new CurtainError('CONFIG_INVALID', `category rule file ${path} ${why}`);
    }
    const parsed = parseCategoryRuleFile(json, path);
    if (!parsed.ok) throw new CurtainError('CONFIG_INVALID', parsed.error);
    files.push(parsed.value);
  }
  const categoriser = categoriserWith(files);
  if (!categoriser.ok) throw new CurtainError('CONFIG_INVALID', `category rule files: ${categoriser.error}`);
  return categoriser.value;
}
