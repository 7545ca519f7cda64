// A vault on a test backend: migrated storage, a fresh key directory, the real services; and templates of
// vaults (a demo bank, a suite's customers) that each test copies instead of building again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assembleVault,
  defaultVaultSettings,
  type VaultServices,
  type VaultSettings,
} from '../../src/app/vault-process.ts';
import type { Density } from '../../src/demo/generate/index.ts';
import { loadDemoBank } from '../../src/demo/load-demo-bank.ts';
import { LocalKeyFile } from '../../src/keys/local-key-file.ts';
import type { TestBackend, TestDatabase } from './backends.ts';
import { copyDirectory, runTemplate } from './run-templates.ts';

export type TestVault = VaultServices & {
  /** Where the vault keeps its rows and keys: what a template copies once the storage is closed. */
  readonly files: VaultFiles;
  dispose(): Promise<void>;
};

export interface VaultFiles {
  /** The database's `connection` (see TestDatabase). */
  readonly connection: string;
  readonly keyDir: string;
}

async function assembleTestVault(
  database: TestDatabase,
  keyDir: string,
  settings: Partial<VaultSettings>,
): Promise<TestVault> {
  try {
    const services = await assembleVault(database.storage, await LocalKeyFile.open(keyDir), {
      ...defaultVaultSettings,
      ...settings,
    });
    return {
      ...services,
      files: { connection: database.connection, keyDir },
      async dispose() {
        await database.dispose();
        await rm(keyDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database.dispose();
    await rm(keyDir, { recursive: true, force: true });
    throw error;
  }
}

export async function createTestVault(
  backend: TestBackend,
  settings: Partial<VaultSettings> = {},
): Promise<TestVault> {
  const database = await backend.createMigrated();
  return assembleTestVault(database, await mkdtemp(join(tmpdir(), 'curtain-test-keys-')), settings);
}

/** A vault built once and closed: `open` gives each caller its own copy (database and keys). */
export interface VaultTemplate<Data> {
  /** What `populate` returned (ids of the customers it created, say): the same in every copy. */
  readonly data: Data;
  open(settings?: Partial<VaultSettings>): Promise<TestVault>;
  dispose(): Promise<void>;
}

async function copyKeys(keyDir: string): Promise<string> {
  const copy = join(await mkdtemp(join(tmpdir(), 'curtain-test-keys-')), 'keys');
  await copyDirectory(keyDir, copy);
  return copy;
}

async function openCopy(
  backend: TestBackend,
  files: VaultFiles,
  settings: Partial<VaultSettings>,
): Promise<TestVault> {
  const keyDir = await copyKeys(files.keyDir);
  return assembleTestVault(await backend.copy(files.connection), keyDir, settings);
}

export interface VaultTemplateOptions {
  /** The settings the template is built with (each copy takes its own in `open`). */
  readonly settings?: Partial<VaultSettings>;
  /** Start from a copy of this demo bank rather than an empty vault. */
  readonly bank?: DemoBank;
}

/**
 * Builds a vault, lets `populate` fill it, and keeps it closed as a template, so that each test can open its
 * own copy of the suite's starting point instead of sharing one vault with the tests before it.
 */
export async function createVaultTemplate<Data>(
  backend: TestBackend,
  populate: (vault: TestVault) => Promise<Data>,
  options: VaultTemplateOptions = {},
): Promise<VaultTemplate<Data>> {
  const { settings = {}, bank } = options;
  const vault =
    bank === undefined
      ? await createTestVault(backend, settings)
      : await createDemoBankVault(backend, bank, settings);
  let data: Data;
  try {
    data = await populate(vault);
    await vault.storage.close();
  } catch (error) {
    await vault.dispose();
    throw error;
  }
  return {
    data,
    open: (openSettings = {}) => openCopy(backend, vault.files, openSettings),
    dispose: () => vault.dispose(),
  };
}

export interface DemoBank {
  readonly customers: number;
  readonly seed: number;
  /** Last day of the generated history. */
  readonly end: string;
  /** Default `thin`: the test suite's banks stay small (docs/generator.md). */
  readonly density?: Density;
}

/**
 * A vault holding the demo bank `bank`: a copy of the run's template of that bank on this backend (loaded
 * once per run by the first suite that asks), or, outside a vitest run, a new vault the bank is loaded into.
 * The bank is loaded with the default settings: `settings` apply to the copy (loading reads no clock and
 * draws no noise).
 */
export async function createDemoBankVault(
  backend: TestBackend,
  bank: DemoBank,
  settings: Partial<VaultSettings> = {},
): Promise<TestVault> {
  const density = bank.density ?? 'thin';
  const key = `${backend.name}-bank-${bank.customers}-${bank.seed}-${bank.end}-${density}`;
  const shared = runTemplate(key, async (directory) => {
    const database = await backend.createMigrated();
    const vault = await assembleTestVault(database, join(directory, 'keys'), {});
    await loadDemoBank(vault, { ...bank, density });
    await database.storage.close();
    return database.connection;
  });
  if (shared === undefined) {
    const vault = await createTestVault(backend, settings);
    await loadDemoBank(vault, { ...bank, density });
    return vault;
  }
  const { directory, meta: connection } = await shared;
  return openCopy(backend, { connection, keyDir: join(directory, 'keys') }, settings);
}
