import { describe, expect, it } from 'vitest';
import { diagnostic, editDistance, renderDiagnostic, suggestName } from './diagnostics.ts';
import { createLocator } from './lexer.ts';

const at = (source: string, start: number, end: number) => createLocator(source).span(start, end);

describe('renderDiagnostic', () => {
  it('prints the position, the line and a caret under the span', () => {
    const source = 'holds("mortgage") and tenure() > 5x';
    const d = diagnostic('SYNTAX_INVALID_DURATION', 'unknown unit', at(source, 33, 35));
    expect(renderDiagnostic(source, d)).toBe(
      [
        '1:34: unknown unit',
        'holds("mortgage") and tenure() > 5x',
        '                                 ^~',
      ].join('\n'),
    );
  });

  it('shows only the line of the span, and the expected tokens and the suggestion', () => {
    const source = 'holds("a")\nadn holds("b")\n# comment';
    const d = diagnostic('SYNTAX_UNEXPECTED_TOKEN', 'unexpected name "adn"', at(source, 11, 14), {
      expected: ['"and"', '"or"', 'end of input'],
      suggestion: 'and',
    });
    expect(renderDiagnostic(source, d)).toBe(
      [
        '2:1: unexpected name "adn"',
        'adn holds("b")',
        '^~~',
        'expected one of: "and", "or", end of input',
        'did you mean "and"?',
      ].join('\n'),
    );
  });

  it('expands tabs so that the caret lines up', () => {
    const source = '\tx\t= 1';
    const d = diagnostic('SYNTAX_UNEXPECTED_TOKEN', 'm', at(source, 3, 4));
    expect(renderDiagnostic(source, d).split('\n').slice(1)).toEqual(['    x   = 1', '        ^']);
  });

  it('puts one caret after the end of the text for an empty span, and handles CRLF', () => {
    const source = 'holds(\r\n';
    const d = diagnostic('SYNTAX_UNEXPECTED_END', 'ends', at(source, 8, 8), { expected: ['")"'] });
    expect(renderDiagnostic(source, d)).toBe(['2:1: ends', '', '^', 'expected: ")"'].join('\n'));
    const first = diagnostic('SYNTAX_UNEXPECTED_END', 'ends', at(source, 6, 6));
    expect(renderDiagnostic(source, first).split('\n')[2]).toBe('      ^');
  });

  it('underlines a span running over several lines to the end of its first line', () => {
    const source = 'x(a,\n b)';
    const d = diagnostic('SYNTAX_NAME_NOT_CALLED', 'm', at(source, 2, 7));
    expect(renderDiagnostic(source, d).split('\n')[2]).toBe('  ^~');
  });

  it('counts astral characters as one column', () => {
    const source = '"😀" x';
    const d = diagnostic('SYNTAX_NAME_NOT_CALLED', 'm', at(source, 5, 6));
    expect(d.span.column).toBe(5);
    expect(renderDiagnostic(source, d).split('\n')[2]).toBe('    ^');
  });

  it('quotes a suggestion that holds double quotes with backticks', () => {
    const d = diagnostic('SYNTAX_UNEXPECTED_CHARACTER', 'm', at("'a'", 0, 3), { suggestion: '"a"' });
    expect(renderDiagnostic("'a'", d).split('\n')[3]).toBe('did you mean `"a"`?');
  });
});

describe('suggestName', () => {
  const names = ['spent', 'received', 'count', 'holds', 'held_for', 'tenure'];

  it('finds close names, counting a swap of neighbours as one edit', () => {
    expect(suggestName('adn', ['and', 'or', 'not'])).toBe('and');
    expect(suggestName('recieved', names)).toBe('received');
    expect(suggestName('spnt', names)).toBe('spent');
    expect(suggestName('HOLDS', names)).toBe('holds');
  });

  it('suggests nothing for distant names, exact names or very short ones', () => {
    expect(suggestName('balance', names)).toBeUndefined();
    expect(suggestName('holds', names)).toBeUndefined();
    expect(suggestName('x', ['or'])).toBeUndefined();
  });

  it('measures the optimal string alignment distance', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3);
  });
});
