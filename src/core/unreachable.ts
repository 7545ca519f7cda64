// Exhaustive dispatch: the default branch of a switch that the type checker proves cannot be reached.

/** Throws: reached only when a value escaped its type (a bug), never for input. */
export function unreachable(value: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
