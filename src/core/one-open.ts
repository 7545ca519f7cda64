// The "one open request per …" rule, shared by requests for more ε (one per person and period) and subject
// requests (one per customer and kind): a partial unique index over the open rows is the rule itself, so two
// requests made at once cannot both pass a check-then-insert; this turns that index's refusal into the caller's
// own error, and lets every other failure through.

const uniqueViolation = '23505';

/** True when the database refused a row because the unique index `index` already holds its key. */
export function violatesUniqueIndex(error: unknown, index: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === uniqueViolation && constraint === index;
}

/**
 * Runs `write`, which opens a request (an insert, or an update into an open state). When the one-open index
 * `index` refuses it because a request with the same key is open, throws `alreadyOpen()` instead.
 */
export async function openOnce<T>(
  index: string,
  write: () => Promise<T>,
  alreadyOpen: () => Error,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw violatesUniqueIndex(error, index) ? alreadyOpen() : error;
  }
}
