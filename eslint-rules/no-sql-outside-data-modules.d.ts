// Types of the SQL lint rule, for the test that feeds it code.
import type { ESLint, Rule } from 'eslint';

export function looksLikeSql(text: string): boolean;
export const noSqlOutsideDataModules: Rule.RuleModule;
export const curtainPlugin: ESLint.Plugin;
