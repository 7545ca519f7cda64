import { describe, expect, it } from 'vitest';
import type { Expression } from './ast.ts';
import { toJson } from './ast-json.ts';
import { renderDiagnostic, type LanguageDiagnostic } from './diagnostics.ts';
import { maxDiagnostics, parseExpression } from './parser.ts';

const seed = 'spent(category: "home_inspection", within: 90d) > 0 and not holds("mortgage")';

function parse(source: string): Expression {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => renderDiagnostic(source, d)).join('\n'));
  return result.ast;
}

function fail(source: string): LanguageDiagnostic {
  const result = parseExpression(source);
  if (result.ok) throw new Error(`parsed: ${source}`);
  expect(result.diagnostics).toHaveLength(1);
  return result.diagnostics[0]!;
}

/** The tree as nested plain data without spans, compact enough to read in a test. */
const shape = (source: string) => toJson(parse(source));

describe('parseExpression', () => {
  it('parses the seeds example with a span on every node', () => {
    const ast = parse(seed);
    expect(toJson(ast)).toEqual({
      kind: 'logical',
      operator: 'and',
      left: {
        kind: 'comparison',
        operator: '>',
        left: {
          kind: 'call',
          name: 'spent',
          args: [
            { kind: 'argument', name: 'category', value: { kind: 'string', value: 'home_inspection' } },
            { kind: 'argument', name: 'within', value: { kind: 'duration', amount: 90, unit: 'd' } },
          ],
        },
        right: { kind: 'number', text: '0', value: 0 },
      },
      right: {
        kind: 'not',
        operand: {
          kind: 'call',
          name: 'holds',
          args: [{ kind: 'argument', value: { kind: 'string', value: 'mortgage' } }],
        },
      },
    });
    const text = (span: { start: number; end: number }) => seed.slice(span.start, span.end);
    if (ast.kind !== 'logical' || ast.left.kind !== 'comparison' || ast.right.kind !== 'not')
      throw new Error();
    expect(text(ast.span)).toBe(seed);
    expect(text(ast.left.span)).toBe('spent(category: "home_inspection", within: 90d) > 0');
    expect(text(ast.right.span)).toBe('not holds("mortgage")');
    const spent = ast.left.left;
    if (spent.kind !== 'call') throw new Error();
    expect(text(spent.nameSpan)).toBe('spent');
    expect(text(spent.args[0]!.span)).toBe('category: "home_inspection"');
    expect(text(spent.args[0]!.nameSpan!)).toBe('category');
    expect(text(spent.args[1]!.value.span)).toBe('90d');
    expect(ast.right.span).toEqual({ start: 56, end: 77, line: 1, column: 57 });
  });

  it('freezes nodes and their arrays', () => {
    const ast = parse('f(a: [1, 2])');
    expect(Object.isFrozen(ast)).toBe(true);
    if (ast.kind !== 'call') throw new Error();
    expect(Object.isFrozen(ast.args)).toBe(true);
    expect(Object.isFrozen(ast.args[0])).toBe(true);
    expect(Object.isFrozen(ast.span)).toBe(true);
    const list = ast.args[0]!.value;
    expect(list.kind === 'list' && Object.isFrozen(list.items)).toBe(true);
  });

  it('binds not tighter than and, and tighter than or, both left-associative', () => {
    expect(parse('a() or b() and c() or d()').kind).toBe('logical');
    const ast = shape('a() or b() and not c() or d()');
    expect(ast).toMatchObject({
      operator: 'or',
      left: { operator: 'or', left: { name: 'a' }, right: { operator: 'and', right: { kind: 'not' } } },
      right: { name: 'd' },
    });
    expect(shape('a() and b() and c()')).toMatchObject({ left: { kind: 'logical', left: { name: 'a' } } });
    expect(shape('not a() < 1')).toMatchObject({ kind: 'not', operand: { kind: 'comparison' } });
    expect(shape('not not a()')).toMatchObject({ kind: 'not', operand: { kind: 'not' } });
  });

  it('keeps parentheses as groups', () => {
    expect(shape('(a() or b()) and c()')).toMatchObject({
      operator: 'and',
      left: { kind: 'group', expression: { operator: 'or' } },
    });
    expect(parse(' ( a() ) ').span).toMatchObject({ start: 1, end: 8 });
  });

  it('parses every literal', () => {
    const literals = shape(
      'f(12, 1.5, 1_000, 25.00 GBP, 25 EUR, 90d, 12w, 6m, 1y, "s", 2026-01-31, true, false, [], ["a", 1,],)',
    );
    expect(literals).toMatchObject({
      args: [
        { value: { kind: 'number', text: '12', value: 12 } },
        { value: { kind: 'number', text: '1.5', value: 1.5 } },
        { value: { kind: 'number', text: '1_000', value: 1000 } },
        { value: { kind: 'money', text: '25.00', currency: 'GBP' } },
        { value: { kind: 'money', text: '25', currency: 'EUR' } },
        { value: { kind: 'duration', amount: 90, unit: 'd' } },
        { value: { kind: 'duration', amount: 12, unit: 'w' } },
        { value: { kind: 'duration', amount: 6, unit: 'm' } },
        { value: { kind: 'duration', amount: 1, unit: 'y' } },
        { value: { kind: 'string', value: 's' } },
        { value: { kind: 'date', value: '2026-01-31' } },
        { value: { kind: 'boolean', value: true } },
        { value: { kind: 'boolean', value: false } },
        { value: { kind: 'list', items: [] } },
        { value: { kind: 'list', items: [{ value: 'a' }, { value: 1 }] } },
      ],
    });
  });

  it('accepts every comparison operator, calls without arguments, comments and newlines', () => {
    for (const op of ['<', '<=', '>', '>=', '=', '!=']) {
      expect(shape(`tenure() ${op} 1y`)).toMatchObject({ kind: 'comparison', operator: op });
    }
    expect(shape('tenure()')).toEqual({ kind: 'call', name: 'tenure', args: [] });
    expect(shape('# who\nspent(\n  category: "x", # why\n)\n> 0 # end')).toMatchObject({
      kind: 'comparison',
    });
    expect(shape('true')).toEqual({ kind: 'boolean', value: true });
    expect(shape('f(x: a(b: c()))')).toMatchObject({ args: [{ name: 'x', value: { name: 'a' } }] });
    expect(shape('f(x: 1 < 2 or true)')).toMatchObject({ args: [{ value: { kind: 'logical' } }] });
  });

  it('rejects a chained comparison with a clear message', () => {
    const d = fail('count() < 3 < 5');
    expect(d).toMatchObject({ code: 'SYNTAX_CHAINED_COMPARISON', span: { start: 12, end: 13 } });
    expect(d.message).toContain('and');
    expect(parseExpression('(1 < 2) < 3').ok).toBe(true); // grammatical; the checker rejects the types
  });

  it('suggests a keyword for a misspelling, with what was expected', () => {
    const d = fail('spent() > 0 adn not holds("mortgage")');
    expect(d).toMatchObject({
      code: 'SYNTAX_UNEXPECTED_TOKEN',
      span: { start: 12, end: 15 },
      expected: ['"and"', '"or"', 'end of input'],
      suggestion: 'and',
    });
    expect(fail('holds("x") ro holds("y")')).toMatchObject({ suggestion: 'or' });
    expect(fail('nto holds("x")')).toMatchObject({ code: 'SYNTAX_NAME_NOT_CALLED', suggestion: 'not' });
    expect(fail('f(x: ture)')).toMatchObject({ code: 'SYNTAX_NAME_NOT_CALLED', suggestion: 'true' });
    expect(fail('tenure').expected).toEqual(['"("']);
  });

  it('lists what could follow an operand, including comparison operators and separators', () => {
    expect(fail('f(a: 1 2)').expected).toEqual([
      '"<"', '"<="', '">"', '">="', '"="', '"!="', '"and"', '"or"', '","', '")"',
    ]); // prettier-ignore
    expect(fail('[1 < 2 3]').expected).toEqual(['"and"', '"or"', '","', '"]"']);
    expect(fail('(true false)').expected).toContain('")"');
    expect(fail('1 <').expected).not.toContain('"not"');
    expect(fail('1 < not 2').message).toContain('not');
    const and = parseExpression('and');
    expect(!and.ok && and.diagnostics[0]!.expected).toContain('"not"');
  });

  it('reports an unclosed parenthesis where the input ends, naming where it opened', () => {
    const source = 'spent(category: "x",\n  within: 90d > 0';
    const d = fail(source);
    expect(d).toMatchObject({
      code: 'SYNTAX_UNEXPECTED_END',
      span: { start: 38, end: 38, line: 2, column: 18 },
    });
    expect(d.message).toBe('expected ")" to close the "(" at 1:6');
    expect(fail('[1, 2').message).toBe('expected "]" to close the "[" at 1:1');
    expect(fail('1 <').code).toBe('SYNTAX_UNEXPECTED_END');
  });

  it('reports an empty expression', () => {
    expect(fail('')).toMatchObject({
      code: 'SYNTAX_EMPTY',
      expected: expect.arrayContaining(['"not"']) as unknown,
    });
    expect(fail('  # nothing\n').code).toBe('SYNTAX_EMPTY');
    expect(fail('()').code).toBe('SYNTAX_UNEXPECTED_TOKEN');
    expect(fail('f(,)').code).toBe('SYNTAX_UNEXPECTED_TOKEN');
    expect(fail('f(a:)').code).toBe('SYNTAX_UNEXPECTED_TOKEN');
  });

  it('reports every lexical error at once, without the syntax errors they leave behind', () => {
    const result = parseExpression('spent(within: 90days) > 2026-02-30 and "x');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostics.map((d) => d.code)).toEqual([
      'SYNTAX_INVALID_DURATION',
      'SYNTAX_INVALID_DATE',
      'SYNTAX_UNTERMINATED_STRING',
    ]);
  });

  it('limits nesting depth instead of overflowing the stack', () => {
    const deep = (n: number) => '('.repeat(n) + 'true' + ')'.repeat(n);
    expect(parseExpression(deep(200)).ok).toBe(true);
    expect(fail(deep(201))).toMatchObject({ code: 'SYNTAX_TOO_DEEP', span: { start: 200, end: 201 } });
    expect(fail('not '.repeat(2000) + 'true').code).toBe('SYNTAX_TOO_DEEP');
    expect(fail('f('.repeat(300) + ')'.repeat(300)).code).toBe('SYNTAX_TOO_DEEP');
    expect(fail('['.repeat(5000)).code).toBe('SYNTAX_TOO_DEEP');
    expect(parseExpression(deep(5), { maxDepth: 4 }).ok).toBe(false);
  });

  it('limits the source length', () => {
    const long = 'true or '.repeat(1250) + 'true';
    const d = fail(long);
    expect(d).toMatchObject({ code: 'SYNTAX_TOO_LONG', span: { start: 10_000, end: long.length } });
    expect(d.message).toBe('the expression is 10,004 characters long; the limit is 10,000');
    expect(parseExpression(long.slice(8)).ok).toBe(true);
  });

  it('parses long flat chains without deep recursion', () => {
    const ast = parse('true or '.repeat(1249) + 'true');
    expect(ast.kind).toBe('logical');
  });

  it('never throws on arbitrary input', () => {
    for (const source of [
      ')',
      ']',
      ',',
      ':',
      'f(a: b: c)',
      '[,]',
      'f(1',
      'not',
      '1 1',
      '"a" "b"',
      'a(',
      '(((',
    ]) {
      const result = parseExpression(source);
      expect(result.ok).toBe(false);
    }
  });
});

describe('recovery: every problem at once', () => {
  const problems = (source: string) => {
    const result = parseExpression(source);
    if (result.ok) throw new Error(`parsed: ${source}`);
    return result.diagnostics.map((d) => ({
      code: d.code,
      at: source.slice(d.span.start, d.span.end) || 'end',
      ...(d.suggestion === undefined ? {} : { suggestion: d.suggestion }),
    }));
  };

  it('reports several syntax errors in one expression, in source order', () => {
    expect(
      problems(
        'spent(category: "dining" within: 90d) > 0 adn (holds("x") or ) and count(mcc: [1 2]) < 3 < 4',
      ),
    ).toEqual([
      { code: 'SYNTAX_UNEXPECTED_TOKEN', at: 'within' },
      { code: 'SYNTAX_UNEXPECTED_TOKEN', at: 'adn', suggestion: 'and' },
      { code: 'SYNTAX_UNEXPECTED_TOKEN', at: ')' },
      { code: 'SYNTAX_UNEXPECTED_TOKEN', at: '2' },
      { code: 'SYNTAX_CHAINED_COMPARISON', at: '<' },
    ]);
  });

  it('reports lexical and syntax errors together', () => {
    expect(problems('count() == 3 and holds(@) ro tenure( > 1y')).toEqual([
      { code: 'SYNTAX_UNEXPECTED_CHARACTER', at: '==', suggestion: '=' },
      { code: 'SYNTAX_UNEXPECTED_CHARACTER', at: '@' },
      { code: 'SYNTAX_UNEXPECTED_TOKEN', at: 'ro', suggestion: 'or' },
      { code: 'SYNTAX_UNEXPECTED_TOKEN', at: '>' },
    ]);
  });

  it('reads a misspelt connective as the one meant, so the rest is still checked', () => {
    expect(problems('holds("x") adn holds(1 2) ro tenure() > 1y')).toEqual([
      { code: 'SYNTAX_UNEXPECTED_TOKEN', at: 'adn', suggestion: 'and' },
      { code: 'SYNTAX_UNEXPECTED_TOKEN', at: '2' },
      { code: 'SYNTAX_UNEXPECTED_TOKEN', at: 'ro', suggestion: 'or' },
    ]);
  });

  it('does not report the follow-on errors of a problem already reported', () => {
    // A bad duration leaves a gap: the ")" after it is not a second problem.
    expect(problems('spent(within: 90days) > 0')).toHaveLength(1);
    // Skipping a broken argument to the end: the unclosed "(" is the same problem.
    expect(problems('count( > 3')).toEqual([{ code: 'SYNTAX_UNEXPECTED_TOKEN', at: '>' }]);
    // An uppercase keyword is one problem, not also an unexpected name after it.
    expect(problems('tenure() > 1y AND holds("x")')).toEqual([
      { code: 'SYNTAX_INVALID_NAME', at: 'AND', suggestion: 'and' },
    ]);
    expect(problems('(true false) and f(a: 1 2)').map((p) => p.at)).toEqual(['false', '2']);
    expect(problems('[1, )]').map((p) => p.at)).toEqual([')']);
  });

  it('still reports an unclosed bracket after an earlier, separate problem', () => {
    expect(problems('holds(\'mortgage\') and spent(category: "dining"')).toEqual([
      { code: 'SYNTAX_UNEXPECTED_CHARACTER', at: "'mortgage'", suggestion: '"mortgage"' },
      { code: 'SYNTAX_UNEXPECTED_END', at: 'end' },
    ]);
  });

  it('stops at nesting too deep, and caps how many problems one expression reports', () => {
    expect(problems('f(1 2) and ' + '('.repeat(300)).map((p) => p.code)).toEqual([
      'SYNTAX_UNEXPECTED_TOKEN',
      'SYNTAX_TOO_DEEP',
    ]);
    expect(problems('f(1 2) and '.repeat(100) + 'true')).toHaveLength(maxDiagnostics);
  });
});
