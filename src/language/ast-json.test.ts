import { describe, expect, it } from 'vitest';
import type { Expression } from './ast.ts';
import { fromJson, toJson, type AstJsonIssue } from './ast-json.ts';
import { parseExpression } from './parser.ts';
import { printExpression } from './printer.ts';

const seed = 'spent(category: "home_inspection", within: 90d) > 0 and not holds("mortgage")';
const everything =
  '(f(12, 1_000.50, 25.00 GBP, 6m, "a\\"b", 2026-01-31, true, [1, 2], x: not g() < 2) or h()) and i() != 0';

function parse(source: string): Expression {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(result.diagnostics[0]!.message);
  return result.ast;
}

function issues(value: unknown): readonly AstJsonIssue[] {
  const result = fromJson(value);
  if (result.ok) throw new Error('accepted');
  return result.error;
}

describe('toJson', () => {
  it('gives kinds and values, and spans only when asked', () => {
    const json = toJson(parse('holds("mortgage")'));
    expect(json).toEqual({
      kind: 'call',
      name: 'holds',
      args: [{ kind: 'argument', value: { kind: 'string', value: 'mortgage' } }],
    });
    expect(toJson(parse('f(x: 1)'), { spans: true })).toEqual({
      kind: 'call',
      name: 'f',
      nameSpan: { start: 0, end: 1, line: 1, column: 1 },
      args: [
        {
          kind: 'argument',
          name: 'x',
          nameSpan: { start: 2, end: 3, line: 1, column: 3 },
          value: { kind: 'number', text: '1', value: 1, span: { start: 5, end: 6, line: 1, column: 6 } },
          span: { start: 2, end: 6, line: 1, column: 3 },
        },
      ],
      span: { start: 0, end: 7, line: 1, column: 1 },
    });
  });
});

describe('fromJson', () => {
  it('round-trips with spans: the very same tree', () => {
    for (const source of [seed, everything]) {
      const tree = parse(source);
      const back = fromJson(JSON.parse(JSON.stringify(toJson(tree, { spans: true }))));
      expect(back).toEqual({ ok: true, value: tree });
      expect(back.ok && Object.isFrozen(back.value)).toBe(true);
    }
  });

  it('round-trips without spans: spans then point into the printed text', () => {
    const tree = parse('spent( category:"home_inspection",within:90d)>0 and not holds("mortgage") # comment');
    const back = fromJson(JSON.parse(JSON.stringify(toJson(tree))));
    if (!back.ok) throw new Error();
    expect(toJson(back.value)).toEqual(toJson(tree));
    expect(back.value.span).toEqual({ start: 0, end: seed.length, line: 1, column: 1 });
    const again = fromJson(toJson(parse(everything)));
    expect(again.ok && toJson(again.value)).toEqual(toJson(parse(everything)));
  });

  it('adds the groups a hand-written tree needs', () => {
    const t = { kind: 'boolean', value: true };
    const result = fromJson({ kind: 'not', operand: { kind: 'logical', operator: 'or', left: t, right: t } });
    expect(result.ok && printExpression(result.value)).toBe('not (true or true)');
    expect(result.ok && result.value.kind === 'not' && result.value.operand.kind).toBe('group');
  });

  it('names the path and the problem', () => {
    expect(
      issues({ kind: 'call', name: 'f', args: [{ kind: 'argument', value: { kind: 'nope' } }] }),
    ).toEqual([
      {
        path: ['args', 0, 'value', 'kind'],
        message:
          'expected a node with a kind, one of: number, money, duration, string, date, boolean, list, call, not, logical, comparison, group',
      },
    ]);
    expect(issues({ kind: 'comparison', operator: '==', left: { kind: 'number', text: '1' } })).toEqual([
      { path: ['operator'], message: expect.stringContaining('Invalid option') as unknown },
      { path: ['right'], message: 'expected a node: an object with a "kind"' },
    ]);
    expect(issues({ kind: 'date', value: '2026-02-30' })).toEqual([
      { path: ['value'], message: 'not a calendar day written YYYY-MM-DD' },
    ]);
    expect(issues({ kind: 'money', text: '1', currency: 'XYZ' })[0]).toEqual({
      path: ['currency'],
      message: 'not an ISO 4217 currency code',
    });
    expect(issues({ kind: 'number', text: '1e5' })[0]!.path).toEqual(['text']);
    expect(issues({ kind: 'number', text: '1.5', value: 2 })[0]).toEqual({
      path: ['value'],
      message: 'value 2 does not match text "1.5"',
    });
    expect(issues({ kind: 'call', name: 'not', args: [] })[0]).toEqual({
      path: ['name'],
      message: 'a keyword cannot be a name',
    });
    expect(issues({ kind: 'string', value: 'x', colour: 'red' })[0]!.message).toContain('colour');
    expect(issues({ kind: 'duration', amount: 1.5, unit: 'd' })[0]!.path).toEqual(['amount']);
    expect(
      issues({ kind: 'string', value: 'x', span: { start: 3, end: 1, line: 1, column: 1 } })[0]!.path,
    ).toEqual(['span', 'end']);
    expect(issues(null)).toEqual([
      { path: [], message: expect.stringContaining('expected a node') as unknown },
    ]);
    expect(issues([])[0]!.path).toEqual(['kind']);
  });

  it('reports problems in several branches at once', () => {
    const bad = { kind: 'date', value: 'x' };
    expect(issues({ kind: 'logical', operator: 'and', left: bad, right: bad }).map((i) => i.path)).toEqual([
      ['left', 'value'],
      ['right', 'value'],
    ]);
  });

  it('refuses trees the parser would refuse from text, without overflowing the stack', () => {
    let deep: unknown = { kind: 'boolean', value: true };
    for (let i = 0; i < 300; i++) deep = { kind: 'group', expression: deep };
    expect(issues(deep)[0]!.message).toContain('nests more than 200 levels');
    let deeper: unknown = { kind: 'boolean', value: true };
    for (let i = 0; i < 100_000; i++) deeper = { kind: 'not', operand: deeper };
    expect(issues(deeper)[0]!.message).toContain('more than 2000 nodes deep');
    const long = { kind: 'string', value: 'x'.repeat(10_000) };
    expect(issues(long)[0]!.message).toContain('the limit is 10,000');
  });
});
