// Reads the vault's QUESTION_INVALID message ("1:14: unknown function …; 2:1: …") as problems with positions.

export interface Problem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export function problemsOf(message: string): Problem[] {
  return message.split(/;\s+(?=\d+:\d+:)/).map((part) => {
    const match = /^(\d+):(\d+):\s*(.*)$/s.exec(part);
    return match === null
      ? { line: 1, column: 1, message: part }
      : { line: Number(match[1]), column: Number(match[2]), message: match[3] ?? '' };
  });
}
