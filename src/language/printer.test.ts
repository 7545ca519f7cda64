import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ast from './ast.ts';
import type { Argument, Expression, Span } from './ast.ts';
import { fromJson, toJson } from './ast-json.ts';
import { isCurrency, isKeyword } from './lexer.ts';
import { parseExpression } from './parser.ts';
import { printExpression, printString } from './printer.ts';

const span: Span = { start: 0, end: 0, line: 1, column: 1 };

function reprint(source: string): string {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`${source}: ${result.diagnostics[0]!.message}`);
  return printExpression(result.ast);
}

describe('printExpression', () => {
  it('prints the canonical style', () => {
    expect(reprint('spent( category:"x",within:90d )>0   and not\nholds( "mortgage" ) # why')).toBe(
      'spent(category: "x", within: 90d) > 0 and not holds("mortgage")',
    );
    expect(reprint('f(1_000.50, 25.00\tGBP, [ 1 ,2, ], 2026-01-31, true,)')).toBe(
      'f(1_000.50, 25.00 GBP, [1, 2], 2026-01-31, true)',
    );
    expect(reprint('( a() or b() ) and ((c()))')).toBe('(a() or b()) and ((c()))');
    expect(reprint('f( )')).toBe('f()');
  });

  it('escapes strings so that they read back the same', () => {
    expect(printString('a"b\\c\nd\te')).toBe(String.raw`"a"b\\c\nd\te"`.replace('a"', 'a\\"'));
    expect(printString('\r\u0000\u007f\u2028é😀')).toBe(String.raw`"\u{d}\u{0}\u{7f}\u{2028}é😀"`);
  });

  it('adds the parentheses a hand-built tree needs', () => {
    const t = ast.booleanLiteral({ value: true, span });
    const f = ast.booleanLiteral({ value: false, span });
    const or = ast.logical({ operator: 'or', left: t, right: f, span });
    const and = ast.logical({ operator: 'and', left: t, right: f, span });
    expect(printExpression(ast.logical({ operator: 'and', left: or, right: or, span }))).toBe(
      '(true or false) and (true or false)',
    );
    expect(printExpression(ast.logical({ operator: 'or', left: and, right: and, span }))).toBe(
      'true and false or true and false',
    );
    expect(printExpression(ast.logical({ operator: 'or', left: t, right: or, span }))).toBe(
      'true or (true or false)',
    );
    expect(printExpression(ast.not({ operand: and, span }))).toBe('not (true and false)');
    const less = ast.comparison({ operator: '<', left: t, right: f, span });
    expect(printExpression(ast.comparison({ operator: '=', left: less, right: less, span }))).toBe(
      '(true < false) = (true < false)',
    );
    expect(
      printExpression(ast.comparison({ operator: '=', left: ast.not({ operand: t, span }), right: t, span })),
    ).toBe('(not true) = true');
    expect(printExpression(ast.not({ operand: less, span }))).toBe('not true < false');
  });
});

/** Random syntax trees of every kind, with every shape, including ones that need added parentheses. */
const trees = (() => {
  const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,7}$/).filter((n) => !isKeyword(n));
  const digits = fc.stringMatching(/^[0-9](_?[0-9]){0,5}$/);
  const decimal = fc
    .tuple(digits, fc.option(digits, { nil: undefined }))
    .map(([whole, fraction]) => (fraction === undefined ? whole : `${whole}.${fraction}`));
  const leaf: fc.Arbitrary<Expression> = fc.oneof(
    decimal.map((text) => ast.numberLiteral({ text, value: Number(text.replaceAll('_', '')), span })),
    fc
      .tuple(decimal, fc.constantFrom('GBP', 'EUR', 'USD', 'JPY', 'CHF', 'SEK'))
      .filter(([, c]) => isCurrency(c))
      .map(([text, currency]) => ast.moneyLiteral({ text, currency, span })),
    fc
      .tuple(fc.nat({ max: 100_000 }), fc.constantFrom('d', 'w', 'm', 'y') as fc.Arbitrary<ast.DurationUnit>)
      .map(([amount, unit]) => ast.durationLiteral({ amount, unit, span })),
    fc
      .oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }))
      .map((value) => ast.stringLiteral({ value, span })),
    fc
      .date({
        min: new Date('1000-01-01T00:00:00Z'),
        max: new Date('9999-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => ast.dateLiteral({ value: d.toISOString().slice(0, 10), span })),
    fc.boolean().map((value) => ast.booleanLiteral({ value, span })),
  );
  const { expression } = fc.letrec<{ expression: Expression }>((tie) => {
    const sub = tie('expression');
    const arg: fc.Arbitrary<Argument> = fc
      .tuple(fc.option(name, { nil: undefined }), sub)
      .map(([n, value]) =>
        n === undefined
          ? ast.argument({ value, span })
          : ast.argument({ name: n, nameSpan: span, value, span }),
      );
    return {
      expression: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(sub, { maxLength: 3 }).map((items) => ast.listLiteral({ items, span })),
        fc
          .tuple(name, fc.array(arg, { maxLength: 3 }))
          .map(([n, args]) => ast.call({ name: n, nameSpan: span, args, span })),
        sub.map((operand) => ast.not({ operand, span })),
        fc
          .tuple(fc.constantFrom('and', 'or') as fc.Arbitrary<ast.LogicalOperator>, sub, sub)
          .map(([operator, left, right]) => ast.logical({ operator, left, right, span })),
        fc
          .tuple(
            fc.constantFrom('<', '<=', '>', '>=', '=', '!=') as fc.Arbitrary<ast.CompareOperator>,
            sub,
            sub,
          )
          .map(([operator, left, right]) => ast.comparison({ operator, left, right, span })),
        sub.map((expression) => ast.group({ expression, span })),
      ),
    };
  });
  return expression;
})();

const settings = { seed: 20_260_131, numRuns: 300 };

function parsed(source: string): Expression {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`does not parse: ${source}\n${result.diagnostics[0]!.message}`);
  return result.ast;
}

describe('printExpression, properties', () => {
  it('prints text that parses, and printing is stable after one round', () => {
    fc.assert(
      fc.property(trees, (tree) => {
        const text = printExpression(tree);
        expect(printExpression(parsed(text))).toBe(text);
      }),
      settings,
    );
  });

  it('round-trips: print(parse(print(parse(s)))) = print(parse(s)) and the trees are equal without spans', () => {
    fc.assert(
      fc.property(trees, (tree) => {
        const first = parsed(printExpression(tree));
        const second = parsed(printExpression(first));
        expect(printExpression(second)).toBe(printExpression(first));
        expect(toJson(second)).toEqual(toJson(first));
      }),
      settings,
    );
  });

  it('gives back the very tree when it needs no added parentheses', () => {
    fc.assert(
      fc.property(trees, (tree) => {
        const back = parsed(printExpression(tree));
        const added = JSON.stringify(toJson(back)).split('"group"').length;
        const had = JSON.stringify(toJson(tree)).split('"group"').length;
        if (added === had) expect(toJson(back)).toEqual(toJson(tree));
      }),
      settings,
    );
  });

  it('round-trips through JSON (in ast-json.ts): with spans the very tree, without them the printed one', () => {
    fc.assert(
      fc.property(trees, (tree) => {
        const canonical = parsed(printExpression(tree));
        expect(fromJson(JSON.parse(JSON.stringify(toJson(canonical, { spans: true }))))).toEqual({
          ok: true,
          value: canonical,
        });
        const plain = fromJson(JSON.parse(JSON.stringify(toJson(tree))));
        expect(plain).toEqual({ ok: true, value: canonical });
      }),
      settings,
    );
  });
});
