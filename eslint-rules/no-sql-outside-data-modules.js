// Lint rule: SQL statements appear only in data modules; routes, the CLI, the demo room and app/ call methods.

/**
 * Statement shapes, written for SQL's conventional upper case. Each needs two keywords in their SQL order
 * (or a form English never takes), so that "select a campaign" or "delete it first" are not statements.
 */
const statements = [
  /^\s*\(?\s*SELECT\s/,
  /\bSELECT\b[\s\S]*?\bFROM\s/,
  /\bINSERT\s+INTO\s/,
  /\bUPDATE\s+[\w."?]+\s+(?:AS\s+\w+\s+)?SET\s/,
  /\bDELETE\s+FROM\s/,
  /\bWITH\s+(?:RECURSIVE\s+)?[\w"]+\s*(?:\([^)]*\)\s*)?AS\s+(?:NOT\s+)?(?:MATERIALIZED\s+)?\(/,
  /\b(?:CREATE|ALTER|DROP)\s+(?:OR\s+REPLACE\s+|TEMP\s+|TEMPORARY\s+|UNLOGGED\s+|UNIQUE\s+)*(?:TABLE|INDEX|SCHEMA|ROLE|VIEW|SEQUENCE|FUNCTION|TRIGGER|TYPE|EXTENSION|DATABASE|POLICY|DOMAIN|MATERIALIZED\s+VIEW|DEFAULT\s+PRIVILEGES)\b/,
  /\bTRUNCATE\s+(?:TABLE\s+)?[\w."?]+/,
  /\bCOPY\s+(?:\(|[\w."?]+\s*(?:\(|FROM\b|TO\b))/,
  /\b(?:SET|RESET)\s+(?:(?:LOCAL|SESSION)\s+)?(?:ROLE|SESSION\s+AUTHORIZATION)\b/,
  /\b(?:GRANT|REVOKE)\s+(?:ALL|SELECT|INSERT|UPDATE|DELETE|USAGE|EXECUTE|CREATE|CONNECT)\b[\w\s,]*?\sON\s/,
  /^\s*(?:BEGIN|COMMIT|ROLLBACK|START\s+TRANSACTION)(?:\s+(?:WORK|TRANSACTION|ISOLATION\s+LEVEL\s+[\w\s]+))?\s*;?\s*$/,
];

/** Written in lower case, a statement must also carry a mark no sentence has: a parameter, a cast, a call. */
const sqlMarks =
  /\$\d|::\w|\b(?:count|sum|min|max|coalesce|unnest|now)\s*\(|\(\s*\*\s*\)|\bwhere\s+[\w.]+\s*(?:=|<|>|in\b|is\b)|;\s*$/i;

/** Advisory locks name themselves in any case. */
const advisoryLock = /\bpg_(?:try_)?advisory_(?:xact_)?(?:un)?lock(?:_shared)?\b/i;

const anyCase = statements.map((pattern) => new RegExp(pattern.source, 'i'));

/** Whether a piece of text is (or holds) an SQL statement. */
export function looksLikeSql(text) {
  if (advisoryLock.test(text)) return true;
  if (statements.some((pattern) => pattern.test(text))) return true;
  return sqlMarks.test(text) && anyCase.some((pattern) => pattern.test(text));
}

// A template's substitutions stand in as a name, so `DELETE FROM ${table}` reads as a statement.
const templateText = (node) => node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('?');

/** The text of a string, a template, or a `+` chain of them; undefined when a part is not text. */
function textOf(node) {
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : undefined;
  if (node.type === 'TemplateLiteral') return templateText(node);
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const left = textOf(node.left);
    const right = textOf(node.right);
    if (left === undefined && right === undefined) return undefined;
    return `${left ?? '?'}${right ?? '?'}`;
  }
  return undefined;
}

const isConcatenation = (node) => node?.type === 'BinaryExpression' && node.operator === '+';

/** @type {import('eslint').Rule.RuleModule} */
export const noSqlOutsideDataModules = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'SQL statements belong in data modules (storage, the vault, the hub, *-store.ts), not in routes, the CLI or the demo room',
    },
    schema: [],
    messages: {
      sql: 'SQL outside a data module: move this statement into the owning data module (storage/, vault/, hub/ or a *-store.ts) behind a method named for what it answers.',
    },
  },
  create(context) {
    const check = (node) => {
      // A concatenation is read whole, once, at its outermost `+`.
      if (isConcatenation(node.parent)) return;
      const text = textOf(node);
      if (text !== undefined && looksLikeSql(text)) context.report({ node, messageId: 'sql' });
    };
    return {
      Literal: check,
      TemplateLiteral: check,
      BinaryExpression(node) {
        if (node.operator === '+') check(node);
      },
    };
  },
};

/** The plugin as eslint.config.js registers it. */
export const curtainPlugin = {
  meta: { name: 'curtain' },
  rules: { 'no-sql-outside-data-modules': noSqlOutsideDataModules },
};
