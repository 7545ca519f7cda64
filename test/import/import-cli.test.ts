// `curtain import` as shipped: a customers file with its mapping into a fresh data directory, re-run, and a
// missing mapping refused with its exit status.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCurtain } from '../support/cli.ts';

let root: string;
let env: NodeJS.ProcessEnv;
const fixtures = join(import.meta.dirname, '../fixtures/onboarding');
const header =
  'klient_id;jmeno;prijmeni;email;telefon;ulice;psc;mesto;zeme;datum_narozeni;stav;datum_odchodu;zemrel;zranitelny;nekontaktovat;vymahani;insolvence;kyc';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'curtain-import-cli-'));
  env = {
    ...process.env,
    CURTAIN_DATA_DIR: join(root, 'data'),
    CURTAIN_KEY_DIR: join(root, 'keys'),
    LOG_LEVEL: 'warn',
  };
  delete env['DATABASE_URL'];
  await writeFile(
    join(root, 'klienti.csv'),
    `${header}\nK1;Jana;Nováková;jana@example.cz;;;;;cz;01.02.1980;AKTIVNI;;N;N;N;N;N;OVERENO\nK2;Petr;;;;;;;cz;01.02.1980;AKTIVNI;;N;N;N;N;N;OVERENO\n`,
  );
});
afterAll(() => rm(root, { recursive: true, force: true }));

it('imports customers with a mapping, reports quarantine by line and field, and changes nothing the second time', async () => {
  const args = [
    'import',
    'customers',
    join(root, 'klienti.csv'),
    '--mapping',
    join(fixtures, 'klienti.mapping.json'),
  ];
  const first = await runCurtain(args, env);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('read 2, stored 1, unchanged 0, quarantined 1');
  expect(first.stdout).toContain('line 3, familyName: missing-value: familyName is empty');
  const again = await runCurtain(args, env);
  expect(again.stdout).toContain('read 2, stored 0, unchanged 1, quarantined 1');
  const missing = await runCurtain(['import', 'consents', join(root, 'klienti.csv')], env);
  expect(missing.code).toBe(64);
  expect(missing.stderr).toContain('USAGE: a CSV file of consents needs --mapping');
}, 120_000);
