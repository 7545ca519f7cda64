// The size rules: no source module over 500 lines and no function over 80, blank lines and comments not counted;
// unit tests are exempt.
import { describe, expect, it } from 'vitest';
import { lintAt } from './lint-text.ts';

/** A module of `count` statements, with blank lines and comments between them that the rule does not count. */
function moduleOfLines(count: number): string {
  return Array.from({ length: count }, (_, i) => `// value ${i}\n\nexport const value${i} = ${i};`).join(
    '\n',
  );
}

/** A function whose body makes it `count` lines long, signature and closing brace included. */
function functionOfLines(count: number): string {
  const body = Array.from(
    { length: count - 4 },
    (_, i) => `  total += ${i}; // step ${i}\n  /* a comment */\n`,
  );
  return `export function long(): number {\n  let total = 0;\n\n${body.join('\n')}  return total;\n}\n`;
}

const ruleIds = (messages: { ruleId: string | null }[]) => messages.map((message) => message.ruleId);

describe('size rules', () => {
  it('refuses a module of 501 lines and accepts one of 500, not counting blank lines and comments', async () => {
    expect(ruleIds(await lintAt('src/vault/fixture.ts', moduleOfLines(501)))).toEqual(['max-lines']);
    expect(await lintAt('src/vault/fixture.ts', moduleOfLines(500))).toEqual([]);
  });

  it('refuses a function of 81 lines and accepts one of 80, not counting blank lines and comments', async () => {
    expect(ruleIds(await lintAt('src/language/fixture.ts', functionOfLines(81)))).toEqual([
      'max-lines-per-function',
    ]);
    expect(await lintAt('src/language/fixture.ts', functionOfLines(80))).toEqual([]);
  });

  it('counts a method and an arrow function too', async () => {
    const method = functionOfLines(81).replace(
      'export function long(): number',
      'export class C {\n  long(): number',
    );
    expect(ruleIds(await lintAt('src/hub/fixture.ts', `${method}}\n`))).toEqual(['max-lines-per-function']);
    const arrow = functionOfLines(81).replace(
      'export function long(): number {',
      'export const long = (): number => {',
    );
    expect(ruleIds(await lintAt('src/hub/fixture.ts', arrow))).toEqual(['max-lines-per-function']);
  });

  it('leaves unit tests alone', async () => {
    expect(
      await lintAt('src/vault/fixture.test.ts', moduleOfLines(600) + '\n' + functionOfLines(120)),
    ).toEqual([]);
  });
});
