// Marketer: write a segment with highlighting, completion and a reference, see every problem as you type (free),
// fix a typo in one click, and ask for a protected count whose cost is shown first.
import { setDiagnostics } from '@codemirror/lint';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching } from '@codemirror/language';
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { questionPurposes } from '../../../src/core/question-purposes.ts';
import { ApiError, post } from '../api.ts';
import { BudgetBar, BudgetMeter, useBudget } from '../budget-meter.tsx';
import { costInWords, isLastOf, leftInWords, rationalValue, resetInWords } from '../budget-words.ts';
import { seedsSegment } from '../examples.ts';
import { problemsOfRefusal, type Problem } from '../problems.ts';
import { RegionalCount } from '../regional-count.tsx';
import { segmentCompletion } from '../segment-completion.ts';
import { segmentHighlighting } from '../segment-language.ts';
import { applyFix, editorDiagnostics, SegmentProblems } from '../segment-problems.tsx';
import { SegmentReference } from '../segment-reference.tsx';
import { ActionButton, Alert, Page } from '../ui.tsx';

const checkDelayMs = 400;

interface Counted {
  readonly count: number;
  readonly repeated: boolean;
  readonly epsilon: string;
}

export function SegmentEditor() {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(null);
  const [text, setText] = useState(seedsSegment);
  const [purpose, setPurpose] = useState('credit_offers');
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [explanation, setExplanation] = useState<string>();
  const [checking, setChecking] = useState(false);
  const [counted, setCounted] = useState<Counted>();
  const [countError, setCountError] = useState<string>();
  const [charges, setCharges] = useState(0);
  const [asked, setAsked] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const budget = useBudget(String(charges));

  useEffect(() => {
    if (host.current === null) return;
    const editor = new EditorView({
      doc: seedsSegment,
      parent: host.current,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        segmentHighlighting,
        segmentCompletion,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          'aria-label': 'Segment expression',
          'aria-describedby': 'segment-help segment-problems',
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) setText(update.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    return () => editor.destroy();
  }, []);

  // Checking is free and reads no data, so it follows the typing; counting costs ε and waits for the button.
  useEffect(() => {
    setCounted(undefined);
    setCountError(undefined);
    setConfirming(false);
    setChecking(true);
    let current = true;
    const timer = setTimeout(() => {
      post<{ explanation: string }>('/v1/hub/segments/check', { expression: text, purpose }).then(
        (checked) => {
          if (!current) return;
          setProblems([]);
          setExplanation(checked.explanation);
          setChecking(false);
        },
        (failure: unknown) => {
          if (!current) return;
          const found =
            failure instanceof ApiError && failure.code === 'QUESTION_INVALID'
              ? problemsOfRefusal(failure)
              : [
                  {
                    line: 1,
                    column: 1,
                    message: failure instanceof Error ? failure.message : String(failure),
                  },
                ];
          setProblems(found);
          setExplanation(undefined);
          setChecking(false);
        },
      );
    }, checkDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, purpose]);

  useEffect(() => {
    const editor = view.current;
    if (editor !== null) editor.dispatch(setDiagnostics(editor.state, editorDiagnostics(editor, problems)));
  }, [problems]);

  // A question asked before in the period is answered again for free; the server decides, this only prices it.
  const questionKey = `${purpose}\u0000${text}`;
  const meter = budget.data;
  const cost = asked.has(questionKey) ? '0' : meter?.questionCost;
  const affordable =
    meter === undefined || cost === undefined || rationalValue(cost) <= rationalValue(meter.askerRemaining);
  const last = meter !== undefined && cost !== undefined && isLastOf(meter.askerRemaining, cost);
  const price =
    meter === undefined || cost === undefined
      ? 'costs ε'
      : rationalValue(cost) === 0
        ? 'free, asked before'
        : `uses ${costInWords(cost, meter.askerBudget, meter.period)} (ε ${cost})`;
  const leftAfter =
    meter === undefined || cost === undefined
      ? ''
      : (rationalValue(meter.askerRemaining) - rationalValue(cost)).toString();

  /** Replaces the whole expression in the editor (a fix, an example), as one undoable change. */
  const replaceText = (next: string) => {
    const editor = view.current;
    if (editor === null) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: next } });
    editor.focus();
  };

  const count = async () => {
    setCountError(undefined);
    setConfirming(false);
    try {
      setCounted(await post<Counted>('/v1/hub/segments/count', { expression: text, purpose }));
      setAsked((before) => new Set(before).add(questionKey));
    } catch (failure) {
      setCounted(undefined);
      setCountError(failure instanceof ApiError ? `${failure.message} (${failure.code})` : String(failure));
    } finally {
      setCharges((n) => n + 1);
    }
  };

  return (
    <Page title="Segment editor">
      <p>
        Describe who should see an offer. Checking is free and reads no customer data; a count is protected by
        the privacy guard (noised, never exact) and costs privacy budget (ε), so it is only asked for when you
        press the button.
      </p>
      <label htmlFor="purpose">Purpose</label>
      <select id="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)}>
        {questionPurposes.map((p) => (
          <option key={p.code} value={p.code}>
            {p.title} ({p.code})
          </option>
        ))}
      </select>
      <p className="label" id="segment-label">
        Segment expression
      </p>
      <div ref={host} className="editor" aria-labelledby="segment-label" />
      <p className="muted" id="segment-help">
        Suggestions appear as you type; press Ctrl+Space for them at any point, the arrow keys to choose,
        Enter to take one and Escape to close the list.
      </p>
      <div id="segment-problems" aria-live="polite">
        {checking ? (
          <p className="muted">Checking…</p>
        ) : problems.length > 0 ? (
          <SegmentProblems
            source={text}
            problems={problems}
            onFix={(problem) => replaceText(applyFix(text, problem))}
          />
        ) : explanation !== undefined ? (
          <p className="ok">
            <strong>No problems.</strong> Customers will read: “{explanation}”
          </p>
        ) : null}
      </div>
      <BudgetMeter budget={budget} />
      {confirming && meter !== undefined && cost !== undefined ? (
        <div className="alert alert-info" role="alertdialog" aria-labelledby="last-count" aria-modal="false">
          <p id="last-count">
            <strong>This count would spend the last of your budget.</strong> After it you would have{' '}
            {leftInWords(leftAfter, meter.askerBudget, meter.period)} (ε {leftAfter}), not enough for another
            count until {resetInWords(meter.resetsAt)}.
          </p>
          <ActionButton action={count}>Count anyway</ActionButton>{' '}
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <ActionButton
          action={() => (last ? Promise.resolve(setConfirming(true)) : count())}
          disabled={checking || problems.length > 0 || !affordable}
        >
          Count — {price}
        </ActionButton>
      )}
      {affordable || meter === undefined ? null : (
        <p className="muted" data-testid="budget-spent">
          Not enough of your budget is left for a new count until {resetInWords(meter.resetsAt)}.
        </p>
      )}
      {counted === undefined ? null : (
        <Alert kind="info">
          <p>
            About <strong data-testid="protected-count">{counted.count.toLocaleString('en-GB')}</strong>{' '}
            customers (a noised count; the exact number is never shown).
          </p>
          {counted.repeated || meter === undefined ? (
            <p>
              This count used nothing of your budget: a repeat of an earlier question, answered the same{' '}
              <span className="muted">
                (ε <span data-testid="epsilon">{counted.epsilon}</span>)
              </span>
              .
            </p>
          ) : (
            <>
              <p>
                This count used{' '}
                <strong>{costInWords(counted.epsilon, meter.askerBudget, meter.period)}</strong>{' '}
                <span className="muted">
                  (ε <span data-testid="epsilon">{counted.epsilon}</span>)
                </span>
                .
              </p>
              <BudgetBar
                id="count-cost"
                label="What this count used of your budget"
                remaining={counted.epsilon}
                budget={meter.askerBudget}
                spent
              />
            </>
          )}
        </Alert>
      )}
      {countError === undefined ? null : <Alert>{countError}</Alert>}
      <RegionalCount
        expression={text}
        purpose={purpose}
        ready={!checking && problems.length === 0 && explanation !== undefined}
      />
      <SegmentReference onUse={replaceText} />
    </Page>
  );
}
