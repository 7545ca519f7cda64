// The one sanitiser every SQL identifier the compiler writes passes through: a strict pattern, always quoted.

const safeIdentifier = /^[a-z_][a-z0-9_]*$/;
/** PostgreSQL silently truncates longer names (NAMEDATALEN − 1), which could merge two of them. */
const maxLength = 63;

/** Quotes `name` as a PostgreSQL identifier, or throws when it is not lower-case letters, digits and `_`. */
export function sqlIdentifier(name: string): string {
  if (name.length > maxLength || !safeIdentifier.test(name)) {
    // The name is not echoed: messages never carry values that might have come from input.
    throw new Error(
      `not a safe SQL identifier (${name.length} characters): only [a-z_][a-z0-9_]* is allowed`,
    );
  }
  return `"${name}"`;
}
