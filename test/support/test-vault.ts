// A vault on a test backend: migrated storage, a fresh key directory, the real services.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assembleVault,
  defaultVaultSettings,
  type VaultServices,
  type VaultSettings,
} from '../../src/app/vault-process.ts';
import { migrate } from '../../src/storage/postgres-core/migrations.ts';
import { LocalKeyFile } from '../../src/keys/local-key-file.ts';
import type { TestBackend } from './backends.ts';

export async function createTestVault(
  backend: TestBackend,
  settings: Partial<VaultSettings> = {},
): Promise<VaultServices & { dispose(): Promise<void> }> {
  const { storage, dispose } = await backend.create();
  const migrated = await migrate(storage);
  if (!migrated.ok) throw new Error(migrated.reason);
  const keyDir = await mkdtemp(join(tmpdir(), 'curtain-test-keys-'));
  const services = await assembleVault(storage, await LocalKeyFile.open(keyDir), {
    ...defaultVaultSettings,
    ...settings,
  });
  return {
    ...services,
    async dispose() {
      await dispose();
      await rm(keyDir, { recursive: true, force: true });
    },
  };
}
