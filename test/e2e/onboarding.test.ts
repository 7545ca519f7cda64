// Onboards a bank written in a foreign shape (customers, accounts with joint owners, products, consents,
// statements, a delta a day later), then asks questions whose exact answers are computed from the files: the
// exact audiences match on both question engines, and the noised answers lie inside the noise band. Then the
// same with every import killed (SIGKILL) in the middle and run again. On every storage backend.
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleVault, defaultVaultSettings, type VaultServices } from '../../src/app/vault-process.ts';
import { consentChannels } from '../../src/core/consent.ts';
import { LocalKeyFile } from '../../src/keys/local-key-file.ts';
import { normalisePlan } from '../../src/language/normalise.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { discreteLaplaceNoise } from '../../src/privacy/guard/noise.ts';
import { RecordingNoise } from '../../src/privacy/guard/noise.test-support.ts';
import { openPgliteStorage } from '../../src/storage/pglite/pglite-storage.ts';
import { openPostgresStorage } from '../../src/storage/postgres/postgres-storage.ts';
import { migrate } from '../../src/storage/postgres-core/migrations.ts';
import type { Storage } from '../../src/storage/ports.ts';
import { parseCsvMapping } from '../../src/vault/ingest/formats/csv-mapping.ts';
import { parseImportMapping, type ImportKind } from '../../src/vault/import/import-mapping.ts';
import type { ImportSummary } from '../../src/vault/import/import-service.ts';
import { testBackends, type TestBackend } from '../support/backends.ts';
import { exitOf, runTsChild } from '../support/kill-nine.ts';
import { bankFiles, writeOnboardingBank } from './onboarding/bank.ts';
import { computeTruth, type Truth } from './onboarding/truth.ts';

const fixtures = join(import.meta.dirname, '../fixtures/onboarding');
const child = join(import.meta.dirname, 'children', 'import-killed.ts');
const customers = 600;
const today = new Date().toISOString().slice(0, 10);
const questions = {
  groceries: 'spent(category: "groceries", within: 90d) > 0',
  mortgage: 'holds("mortgage")',
  ageBand: 'age_band("25-34", "35-44", "45-54", "55-64")',
} as const;
const asked = Object.keys(questions) as (keyof typeof questions)[];
/** Discrete Laplace of scale t exceeds x in magnitude with probability below 2·e^(−x/t): ≤ 1e-9 here. */
const bandFor = (scale: number) => Math.ceil(scale * Math.log(2e9));
const scaleValue = (rational: string) => {
  const [numerator, denominator = '1'] = rational.split('/');
  return Number(numerator) / Number(denominator);
};

const mappingFile = {
  customers: 'klienti.mapping.json',
  accounts: 'ucty.mapping.json',
  products: 'produkty.mapping.json',
  consents: 'souhlasy.mapping.json',
} as const satisfies Record<ImportKind, string>;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

let bank: Promise<{ dir: string; truth: Truth }> | undefined;
/** The bank's files, written once for the whole file, and the answers computed from them. */
function theBank() {
  bank ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'curtain-onboarding-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await writeOnboardingBank(dir, customers, today);
    return { dir, truth: await computeTruth(dir, today) };
  })();
  return bank;
}

async function importFile(vault: VaultServices, kind: ImportKind, file: string): Promise<ImportSummary> {
  const mapping = parseImportMapping(kind, await readFile(join(fixtures, mappingFile[kind]), 'utf8'));
  if (!mapping.ok) throw new Error(mapping.error);
  return vault.imports.importCsv(kind, createReadStream(file), mapping.value, { sourceName: file });
}

async function ingestStatements(vault: VaultServices, dir: string) {
  const mapping = parseCsvMapping(await readFile(join(fixtures, 'transakce.mapping.json'), 'utf8'));
  if (!mapping.ok) throw new Error(mapping.error);
  return vault.ingest.ingestStream(createReadStream(join(dir, bankFiles.transactions)), {
    sourceName: bankFiles.transactions,
    format: 'csv',
    mapping: mapping.value,
  });
}

/** The day after: leavers, newly vulnerable customers, closed accounts, ended mortgages, withdrawals. */
async function importDelta(vault: VaultServices, dir: string): Promise<ImportSummary[]> {
  return [
    await importFile(vault, 'customers', join(dir, bankFiles.customersDelta)),
    await importFile(vault, 'accounts', join(dir, bankFiles.accountsDelta)),
    await importFile(vault, 'products', join(dir, bankFiles.productsDelta)),
    await importFile(vault, 'consents', join(dir, bankFiles.consentsDelta)),
  ];
}

async function internalIds(vault: VaultServices, externalIds: Iterable<string>): Promise<number[]> {
  const ids: number[] = [];
  for (const externalId of externalIds)
    ids.push((await vault.identity.findCustomer('external_id', externalId))!);
  return ids.sort((a, b) => a - b);
}

/** The exact audience as the question path builds it: the engine's matches with bank-offers consent. */
async function exactAudience(vault: VaultServices, expression: string): Promise<number[]> {
  const checked = await vault.questions.check(expression, 'bank_offers');
  if (!checked.ok) throw new Error(checked.error.message);
  const ids = await vault.questionEngine.evaluate(normalisePlan(checked.value.plan, { asOf: today }), today);
  const allowed = await Promise.all(consentChannels.map((c) => vault.consent.allowed('bank_offers', c)));
  return [...ids].filter((id) => allowed.some((set) => set.has(id)));
}

async function expectedAudience(vault: VaultServices, truth: Truth, which: keyof typeof questions) {
  return internalIds(
    vault,
    [...truth[which]].filter((id) => truth.eligible.has(id)),
  );
}

/** Both engines find exactly the audiences computed from the files; the noised answers lie in the band. */
async function expectAnswers(vault: VaultServices, noise: RecordingNoise, truth: Truth) {
  for (const which of asked) {
    const expected = await expectedAudience(vault, truth, which);
    expect(expected.length, `${which}: well above k`).toBeGreaterThan(150);
    expect(await exactAudience(vault, questions[which]), `${which} on SQL`).toEqual(expected);
  }
  await vault.questionEngine.loadColumnar({ features: false });
  for (const which of asked) {
    const expected = await expectedAudience(vault, truth, which);
    expect(await exactAudience(vault, questions[which]), `${which} on columnar`).toEqual(expected);
    noise.clear();
    const answer = await vault.questions.ask({
      expression: questions[which],
      purpose: 'bank_offers',
      asker: 'onboarding',
    });
    if (!answer.ok) throw new Error(`${which} refused: ${answer.error.message}`);
    const widest = Math.max(...noise.recorded().map(scaleValue));
    expect(Math.abs(answer.value.count - expected.length)).toBeLessThanOrEqual(bandFor(widest));
  }
}

const noiseFor = (seed: string) => {
  const real = discreteLaplaceNoise(seededRandomSource(seed));
  return new RecordingNoise((scale) => real.discreteLaplace(scale));
};

describe.each(testBackends)('onboarding a bank on $name', (backend: TestBackend) => {
  it('imports, ingests and applies the delta; answers match the files; re-runs change nothing', async () => {
    const { dir, truth } = await theBank();
    const noise = noiseFor(`onboarding-${backend.name}`);
    const database = await backend.createMigrated();
    const keyDir = await mkdtemp(join(tmpdir(), 'curtain-onboarding-keys-'));
    cleanups.push(async () => {
      await database.dispose();
      await rm(keyDir, { recursive: true, force: true });
    });
    const vault = await assembleVault(database.storage, await LocalKeyFile.open(keyDir), {
      ...defaultVaultSettings,
      currency: 'CZK',
      noise,
    });
    const first = {
      customers: await importFile(vault, 'customers', join(dir, bankFiles.customers)),
      accounts: await importFile(vault, 'accounts', join(dir, bankFiles.accounts)),
      products: await importFile(vault, 'products', join(dir, bankFiles.products)),
      consents: await importFile(vault, 'consents', join(dir, bankFiles.consents)),
    };
    expect(first.customers.quarantine.map((q) => [q.line, q.field, q.code])).toEqual([
      [customers + 2, 'dateOfBirth', 'invalid-date'],
      [customers + 3, 'givenName', 'missing-value'],
    ]);
    expect(first.customers.rowsStored).toBe(customers);
    expect(first.accounts.quarantine.map((q) => q.code)).toEqual(['unknown-customer']);
    expect(first.products.quarantine.map((q) => q.code)).toEqual(['unknown-product']);
    expect(new Set(first.consents.quarantine.map((q) => `${q.field}:${q.code}`))).toEqual(
      new Set(['evidence:consent-without-evidence']),
    );
    const ingest = await ingestStatements(vault, dir);
    expect(ingest.quarantined).toBe(0);
    expect(ingest.accountsCreated).toBe(0);
    await importDelta(vault, dir);

    // Every file again: nothing changes.
    for (const kind of ['customers', 'accounts', 'products', 'consents'] as const) {
      const again = await importFile(vault, kind, join(dir, bankFiles[`${kind}Delta`]));
      expect(again.rowsStored, kind).toBe(0);
    }
    const rerun = await importFile(vault, 'consents', join(dir, bankFiles.consents));
    expect(rerun.rowsStored).toBe(0);
    expect(await vault.identity.customerCount()).toBe(truth.customers);

    await expectAnswers(vault, noise, truth);
  }, 300_000);

  it('comes to the same answers when every import is killed in the middle and run again', async () => {
    const { dir, truth } = await theBank();
    const { storage: first, connection, dispose } = await backend.create();
    const keyDir = await mkdtemp(join(tmpdir(), 'curtain-onboarding-keys-'));
    cleanups.push(async () => {
      await dispose();
      await rm(keyDir, { recursive: true, force: true });
    });
    expect((await migrate(first)).ok).toBe(true);
    await assembleVault(first, await LocalKeyFile.open(keyDir), defaultVaultSettings);
    await first.close();
    const run = (kind: ImportKind, file: string, killAfter: number) =>
      exitOf(
        runTsChild(child, [
          backend.name,
          connection,
          keyDir,
          kind,
          join(dir, file),
          join(fixtures, mappingFile[kind]),
          String(killAfter),
        ]),
      );
    for (const kind of ['customers', 'accounts', 'products', 'consents'] as const) {
      expect(await run(kind, bankFiles[kind], 3), kind).toEqual({ code: null, signal: 'SIGKILL' });
    }
    const noise = noiseFor(`onboarding-crash-${backend.name}`);
    const storage: Storage =
      backend.name === 'pglite'
        ? await openPgliteStorage({ dataDirectory: connection })
        : await openPostgresStorage({ connectionString: connection });
    const vault = await assembleVault(storage, await LocalKeyFile.open(keyDir), {
      ...defaultVaultSettings,
      currency: 'CZK',
      noise,
    });
    try {
      const batches = await storage.query<{ status: string; rows_read: number; rows_stored: number }>(
        'SELECT status, rows_read::int, rows_stored::int FROM import_batches ORDER BY id',
      );
      // Killed batches are found interrupted with the rows they did store counted (three chunks of 50).
      expect(batches.rows.map((b) => [b.status, b.rows_read])).toEqual(Array(4).fill(['interrupted', 150]));
      const again: ImportSummary[] = [];
      for (const kind of ['customers', 'accounts', 'products', 'consents'] as const) {
        again.push(await importFile(vault, kind, join(dir, bankFiles[kind])));
      }
      // The run again stores what the killed one did not, and nothing twice.
      expect(batches.rows[0]!.rows_stored + again[0]!.rowsStored).toBe(customers);
      expect(again[0]!.rowsUnchanged).toBe(batches.rows[0]!.rows_stored);
      expect(await vault.identity.customerCount()).toBe(customers);
      await ingestStatements(vault, dir);
      await importDelta(vault, dir);
      const history = await storage.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM consent_history WHERE source = 'import'",
      );
      const evidenced = await storage.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM imported_consents',
      );
      expect(history.rows[0]!.n).toBe(evidenced.rows[0]!.n);
      await expectAnswers(vault, noise, truth);
    } finally {
      await storage.close();
    }
  }, 300_000);
});
