// A segment's problems: underlined in the editor and listed below it, each "did you mean" a one-click fix.
// Shared by the segment editor and any page with an expression field (keep these exports stable).
import type { Diagnostic } from '@codemirror/lint';
import type { EditorView } from '@codemirror/view';
import type { Problem } from './problems.ts';

/** The text that replaces the problem's span: a name in quotes stays in quotes (`"morgage"` → `"mortgage"`). */
export function fixText(source: string, problem: Problem): string | undefined {
  const { suggestion, from, to } = problem;
  if (suggestion === undefined || from === undefined || to === undefined) return undefined;
  const quoted = source.slice(from, to).startsWith('"');
  return quoted && !suggestion.startsWith('"') && !/^\d+$/.test(suggestion) ? `"${suggestion}"` : suggestion;
}

/** Applies a problem's fix to `source`; the source unchanged when it has none. */
export function applyFix(source: string, problem: Problem): string {
  const text = fixText(source, problem);
  if (text === undefined) return source;
  return source.slice(0, problem.from) + text + source.slice(problem.to);
}

/** Where a problem is in the editor: its span, or the word at its line and column. */
function rangeOf(view: EditorView, problem: Problem): { from: number; to: number } {
  const doc = view.state.doc;
  if (problem.from !== undefined && problem.to !== undefined) {
    const from = Math.min(problem.from, doc.length);
    return { from, to: Math.min(Math.max(problem.to, from), doc.length) };
  }
  const line = doc.line(Math.min(Math.max(problem.line, 1), doc.lines));
  const from = Math.min(line.from + problem.column - 1, line.to);
  const word = /^[\w"]+/.exec(doc.sliceString(from, line.to))?.[0].length ?? 1;
  return { from, to: Math.min(from + Math.max(word, 1), doc.length) };
}

/** The problems as CodeMirror diagnostics (underlines), with the fix as an action where there is one. */
export function editorDiagnostics(view: EditorView, problems: readonly Problem[]): Diagnostic[] {
  const source = view.state.doc.toString();
  return problems.map((problem) => {
    const fix = fixText(source, problem);
    return {
      ...rangeOf(view, problem),
      severity: 'error',
      message: problem.message,
      ...(fix === undefined
        ? {}
        : {
            actions: [
              {
                name: `Use ${fix}`,
                apply: (target: EditorView, from: number, to: number) =>
                  target.dispatch({ changes: { from, to, insert: fix } }),
              },
            ],
          }),
    };
  });
}

/** The list under the editor: where each problem is, what it is, and its fix as a button. */
export function SegmentProblems({
  source,
  problems,
  onFix,
}: {
  source: string;
  problems: readonly Problem[];
  onFix?: (problem: Problem) => void;
}) {
  if (problems.length === 0) return null;
  return (
    <ul className="problems" aria-label="Problems in the segment">
      {problems.map((p, i) => {
        const fix = fixText(source, p);
        return (
          <li key={i}>
            <strong>
              Line {p.line}, column {p.column}:
            </strong>{' '}
            {p.message}
            {fix === undefined || onFix === undefined ? null : (
              <>
                {' '}
                <button type="button" className="secondary fix" onClick={() => onFix(p)}>
                  Did you mean <code>{fix}</code>? Use it
                </button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
