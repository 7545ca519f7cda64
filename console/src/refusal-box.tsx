// A refusal as one error box: the plain sentence, and a segment's diagnostics once, as a monospace block.
import type { Refusal } from './refusal-words.ts';

export function RefusalBox({ refusal }: { refusal: Refusal | undefined }) {
  if (refusal === undefined) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{refusal.message}</p>
      {refusal.rendered === undefined ? null : (
        <pre className="diagnostic" aria-label="Where the problems are">
          {refusal.rendered}
        </pre>
      )}
    </div>
  );
}
