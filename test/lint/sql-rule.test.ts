// The SQL lint rule: statements outside data modules are flagged, English is not, and eslint.config.js applies it.
import { ESLint, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { looksLikeSql, noSqlOutsideDataModules } from '../../eslint-rules/no-sql-outside-data-modules.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const flagged = (code: string) => ({ code, errors: [{ messageId: 'sql' }] });

tester.run('no-sql-outside-data-modules', noSqlOutsideDataModules, {
  valid: [
    "throw new CurtainError('USAGE', 'select a campaign first');",
    "const message = 'delete it first, then create another';",
    "const hint = 'Select one from the list below';",
    "const note = 'update your preferences and set a quiet time';",
    "const help = 'drop the table of contents from the export';",
    'const tip = `insert into the queue ${name} when it is ready`;',
    "const step = 'begin with the tutorial';",
    "const word = 'Begin';",
    "const text = 'copy the key to the clipboard';",
    "const pem = '-----BEGIN PUBLIC KEY-----';",
    "const reason = 'with a segment as (one would expect) the audience';",
    "const summary = 'Ask to be erased, to restrict processing, or to object to profiling';",
    'const sum = 1 + 2;',
  ],
  invalid: [
    flagged("db.query('SELECT id FROM customers WHERE status = $1', ['active']);"),
    flagged("db.query('SELECT 1');"),
    flagged("db.query('select id from customers where id = $1', [id]);"),
    flagged('db.query(`SELECT count(*)::int AS n\n   FROM consent_history GROUP BY source`);'),
    flagged("db.query('INSERT INTO accounts (id) VALUES ($1)', [id]);"),
    flagged("db.query('UPDATE access.api_keys SET revoked_at = $2 WHERE id = $1', [id, now]);"),
    flagged('db.query(`DELETE FROM ${table} WHERE token_hash = $1`, [hash]);'),
    flagged("db.query('WITH recent AS (SELECT 1) SELECT * FROM recent');"),
    flagged("db.exec('CREATE TABLE later (id int)');"),
    flagged("db.exec('ALTER TABLE accounts ADD COLUMN note text');"),
    flagged("db.exec('DROP INDEX accounts_ref');"),
    flagged("db.exec('TRUNCATE quarantine');"),
    flagged("db.query('COPY transactions (id, amount) FROM STDIN');"),
    flagged('tx.query(`SET LOCAL ROLE ${role}`);'),
    flagged("tx.query('select pg_advisory_xact_lock($1)', [key]);"),
    flagged("client.query('BEGIN');"),
    flagged("client.query('ROLLBACK');"),
    flagged("db.exec('GRANT SELECT ON hub.staff TO curtain_hub');"),
    flagged("const sql = 'SELECT id, entry ' + 'FROM audit_entries WHERE idx >= $1';"),
    flagged('const sql = `SELECT ${columns} ` + `FROM ${table}`;'),
    flagged('const query = sql`SELECT id FROM customers`;'),
  ],
});

describe('eslint.config.js', () => {
  const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
  const ruleFor = async (path: string): Promise<unknown> => {
    const config = (await eslint.calculateConfigForFile(path)) as { rules?: Record<string, unknown> };
    return config.rules?.['curtain/no-sql-outside-data-modules'];
  };

  it.each([
    'src/http/vault/compliance-routes.ts',
    'src/http/auth/access-control.ts',
    'src/cli/program.ts',
    'src/demo/demo-commands.ts',
    'src/app/platform.ts',
    'src/audit/audit-log.ts',
    'src/language/explain.ts',
  ])('applies the rule to %s', async (path) => {
    expect(await ruleFor(path)).toEqual([2]);
  });

  it.each([
    'src/storage/postgres-core/migrations.ts',
    'src/storage/postgres-core/migrations/0007-hub.ts',
    'src/language/sql/compile-plan.ts',
    'src/vault/ingest/batch-store.ts',
    'src/vault/vault-status.ts',
    'src/hub/staff-credentials.ts',
    'src/audit/log-entry-store.ts',
    'src/http/auth/access-store.ts',
    'src/http/server.test.ts',
  ])('leaves data modules and unit tests alone: %s', async (path) => {
    expect(await ruleFor(path)).toBeUndefined();
  });
});

describe('looksLikeSql', () => {
  it('reads a statement split over lines and indented', () => {
    expect(looksLikeSql('\n  SELECT a.id\n    FROM accounts a\n   WHERE a.customer_id = $1')).toBe(true);
  });
  it('takes a sentence with SQL words for a sentence', () => {
    expect(looksLikeSql('select the products from the catalogue, then update the offer')).toBe(false);
  });
});
