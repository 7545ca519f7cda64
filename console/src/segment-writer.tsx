// A segment expression box with the editor's free, live check: problems with line and column as you type, or the
// sentence customers will read. It never counts (a count costs ε and is only asked on an explicit click).
import { useEffect, useState } from 'react';
import { ApiError, post } from './api.ts';
import { problemsOf, type Problem } from './problems.ts';

const checkDelayMs = 400;

export interface SegmentCheck {
  readonly checking: boolean;
  readonly problems: readonly Problem[];
  readonly explanation: string | undefined;
}

/** Follows the typing (debounced) with `POST /v1/hub/segments/check`: free, reads no customer data. */
export function useSegmentCheck(expression: string, purpose: string): SegmentCheck {
  const [state, setState] = useState<SegmentCheck>({ checking: false, problems: [], explanation: undefined });
  useEffect(() => {
    if (expression.trim() === '') {
      setState({ checking: false, problems: [], explanation: undefined });
      return;
    }
    setState((s) => ({ ...s, checking: true }));
    let current = true;
    const timer = setTimeout(() => {
      post<{ explanation: string }>('/v1/hub/segments/check', { expression, purpose }).then(
        (checked) => current && setState({ checking: false, problems: [], explanation: checked.explanation }),
        (failure: unknown) => {
          if (!current) return;
          const problems =
            failure instanceof ApiError && failure.code === 'QUESTION_INVALID'
              ? problemsOf(failure.message)
              : [
                  {
                    line: 1,
                    column: 1,
                    message: failure instanceof Error ? failure.message : String(failure),
                  },
                ];
          setState({ checking: false, problems, explanation: undefined });
        },
      );
    }, checkDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [expression, purpose]);
  return state;
}

/** A labelled expression box and, under it, what the free check found. */
export function SegmentWriter({
  id,
  label,
  value,
  onChange,
  check,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  check: SegmentCheck;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        value={value}
        spellCheck={false}
        aria-describedby={`${id}-check`}
        onChange={(e) => onChange(e.target.value)}
      />
      <div id={`${id}-check`} aria-live="polite">
        {check.checking ? (
          <p className="muted">Checking…</p>
        ) : check.problems.length > 0 ? (
          <ul className="problems" aria-label="Problems in the segment">
            {check.problems.map((p, i) => (
              <li key={i}>
                <strong>
                  Line {p.line}, column {p.column}:
                </strong>{' '}
                {p.message}
              </li>
            ))}
          </ul>
        ) : check.explanation !== undefined ? (
          <p className="ok">
            <strong>No problems.</strong> Customers will read: “{check.explanation}”
          </p>
        ) : null}
      </div>
    </>
  );
}
