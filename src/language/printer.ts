// The segment language's printer: a syntax tree back to canonical source text that parses to the same tree.
import type { Expression } from './ast.ts';

/**
 * Canonical text for `ast`: single spaces around operators, `name: value` arguments, `, ` between
 * items, no comments. Groups are kept as written; where the tree's shape needs parentheses that no
 * group provides (a tree built by hand or from JSON), they are added, so the text always parses.
 */
export function printExpression(ast: Expression): string {
  return print(ast, 0);
}

/** Binding strength: an operand weaker than its position needs parentheses. */
function strength(e: Expression): number {
  switch (e.kind) {
    case 'logical':
      return e.operator === 'or' ? 1 : 2;
    case 'not':
      return 3;
    case 'comparison':
      return 4;
    default:
      return 5;
  }
}

function print(e: Expression, minimum: number): string {
  const text = printNode(e);
  return strength(e) < minimum ? `(${text})` : text;
}

function printNode(e: Expression): string {
  switch (e.kind) {
    case 'number':
      return e.text;
    case 'money':
      return `${e.text} ${e.currency}`;
    case 'duration':
      return `${e.amount}${e.unit}`;
    case 'string':
      return printString(e.value);
    case 'date':
      return e.value;
    case 'boolean':
      return e.value ? 'true' : 'false';
    case 'list':
      return `[${e.items.map((item) => print(item, 0)).join(', ')}]`;
    case 'call':
      return `${e.name}(${e.args.map((a) => (a.name === undefined ? '' : `${a.name}: `) + print(a.value, 0)).join(', ')})`;
    case 'not':
      return `not ${print(e.operand, 3)}`;
    case 'logical': {
      const s = strength(e);
      return `${print(e.left, s)} ${e.operator} ${print(e.right, s + 1)}`;
    }
    case 'comparison':
      return `${print(e.left, 5)} ${e.operator} ${print(e.right, 5)}`;
    case 'group':
      return `(${print(e.expression, 0)})`;
  }
}

const escapes: Partial<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t' };

/** Double-quoted, with the language's escapes; other control characters as `\u{…}`. */
export function printString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    out +=
      escapes[char] ??
      (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029
        ? `\\u{${code.toString(16)}}`
        : char);
  }
  return out + '"';
}
