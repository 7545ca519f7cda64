// Long work in sight: a moving bar, the step being done, and the seconds so far, announced to screen readers.
import { useEffect, useState } from 'react';

/** Shown in place of a button while its work runs; `steps` are told in turn, a few seconds each. */
export function Working({ label, steps }: { label: string; steps: readonly string[] }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  const step = steps[Math.min(steps.length - 1, Math.floor(seconds / 4))] ?? '';
  return (
    <div className="working" role="status" aria-live="polite">
      <progress aria-label={label} />
      <p>
        <strong>{label}</strong> — {step} <span className="muted">({seconds} s so far)</span>
      </p>
    </div>
  );
}
