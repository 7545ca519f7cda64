// A segment's problems with positions: from the refusal's diagnostics (span, suggestion), or read from its message.

export interface Problem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** The span in the expression (UTF-16 offsets), when the refusal carried it. */
  readonly from?: number;
  readonly to?: number;
  /** A close, valid replacement for the text at the span: the one-click fix. */
  readonly suggestion?: string;
}

/** Reads the vault's QUESTION_INVALID message ("1:14: unknown function …; 2:1: …"). */
export function problemsOf(message: string): Problem[] {
  return message.split(/;\s+(?=\d+:\d+:)/).map((part) => {
    const match = /^(\d+):(\d+):\s*(.*)$/s.exec(part);
    return match === null
      ? { line: 1, column: 1, message: part }
      : { line: Number(match[1]), column: Number(match[2]), message: match[3] ?? '' };
  });
}

/** What a QUESTION_INVALID refusal carries (the API's LanguageDiagnostic, as far as it is used here). */
export interface Refused {
  readonly message: string;
  readonly diagnostics?:
    | readonly {
        readonly message: string;
        readonly span: { start: number; end: number; line: number; column: number };
        readonly suggestion?: string;
      }[]
    | undefined;
}

/** Every problem of a refused segment: its diagnostics when it has them, else read from the message. */
export function problemsOfRefusal(error: Refused): Problem[] {
  if (error.diagnostics === undefined || error.diagnostics.length === 0) return problemsOf(error.message);
  return error.diagnostics.map((d) => ({
    line: d.span.line,
    column: d.span.column,
    message: d.message,
    from: d.span.start,
    to: d.span.end,
    ...(d.suggestion === undefined ? {} : { suggestion: d.suggestion }),
  }));
}
