// Completion in the segment editor: functions, filters, categories, products and keywords, from the language's
// own tables; CodeMirror's list is an ARIA listbox driven from the editor (arrows, Enter, Escape, Ctrl-Space).
import { autocompletion, type Completion, type CompletionContext } from '@codemirror/autocomplete';
import { productCatalog } from '../../src/core/products.ts';
import { categories } from '../../src/core/taxonomy.ts';
import { languageFilters, languageFunctions } from '../../src/language/functions.ts';

const functionOptions: Completion[] = languageFunctions.map((f) => ({
  label: f.name,
  apply: `${f.name}(`,
  type: 'function',
  detail: f.signature,
  info: `${f.meaning}. Example: ${f.example}`,
}));
const keywordOptions: Completion[] = ['and', 'or', 'not', 'true', 'false'].map((k) => ({
  label: k,
  type: 'keyword',
}));
const filterOptions: Completion[] = languageFilters.map((f) => ({
  label: f.name,
  apply: `${f.name}: `,
  type: 'property',
  detail: f.value,
  info: f.meaning,
}));
const categoryOptions: Completion[] = categories.map((c) => ({
  label: c.code,
  type: 'enum',
  detail: c.name,
}));
const productOptions: Completion[] = productCatalog.map((p) => ({
  label: p.code,
  type: 'enum',
  detail: p.name,
}));

const aggregateNames = languageFunctions.filter((f) => 'aggregate' in f).map((f) => f.name);
const productFunctions = /\b(?:holds|held_for|propensity)\(\s*"[a-z_]*$/;
const categoryValue = /\bcategory:\s*(?:\[[^\]]*)?"[a-z_]*$/;
/** An aggregate's argument list is open and a filter name may start here (after "(" or ","). */
const filterPosition = new RegExp(`\\b(?:${aggregateNames.join('|')})\\((?:[^()]*,)?\\s*[a-z_]*$`);

/** What may be typed at the cursor: the options and where the word being typed starts. */
export function completeSegment(context: CompletionContext) {
  const before = context.state.sliceDoc(Math.max(0, context.pos - 400), context.pos);
  const inString = /"([a-z_]*)$/.exec(before);
  if (inString !== null) {
    const options = productFunctions.test(before)
      ? productOptions
      : categoryValue.test(before)
        ? categoryOptions
        : undefined;
    if (options === undefined) return null;
    return { from: context.pos - inString[1]!.length, options, validFor: /^[a-z_]*$/ };
  }
  const word = context.matchBefore(/[a-z_]+/);
  if (word === null && !context.explicit) return null;
  const from = word?.from ?? context.pos;
  const options = filterPosition.test(before) ? filterOptions : [...functionOptions, ...keywordOptions];
  return { from, options, validFor: /^[a-z_]*$/ };
}

// Enter takes the highlighted option as soon as the list shows (CodeMirror waits 75 ms by default, so that a
// fast Enter meant as a new line is not taken): an expression rarely needs a new line, and the wait would
// swallow the Enter of anyone who reads the list as it appears.
export const segmentCompletion = autocompletion({
  override: [completeSegment],
  icons: false,
  interactionDelay: 0,
});
