// Shared pieces of the model registry suites: a small demo bank and a frozen model with known weights.
import type { VaultSettings } from '../../src/app/vault-process.ts';
import { insertModelVersion, type ModelVersion } from '../../src/models/registry/model-store.ts';
import { featureExpressions, featureListVersion } from '../../src/models/registry/features-port.ts';
import type { TestBackend } from '../support/backends.ts';
import { createDemoBankVault, type TestVault } from '../support/test-vault.ts';

export const end = '2026-10-31';
export const now = () => new Date(`${end}T12:00:00Z`);

/** A copy of the compliance suites' small demo bank (seed 11), with the clock on its last day. */
export const modelBankVault = (
  backend: TestBackend,
  customers = 40,
  settings: Partial<VaultSettings> = {},
): Promise<TestVault> => createDemoBankVault(backend, { customers, seed: 11, end }, { now, ...settings });

/** Known weights: the frozen model is public output, so a test may write one as a training run would. */
export const knownWeights = [1.5, 2, -1, 0.5, 1, 0.8, 1.2];

export function frozenModel(
  vault: TestVault,
  product = 'mortgage',
  trainedBy = 'trainer.ann',
): Promise<ModelVersion> {
  if (knownWeights.length !== featureExpressions.length) throw new Error('one weight per feature');
  return insertModelVersion(vault.storage, {
    product,
    featureListVersion,
    weights: knownWeights,
    bias: -1.2,
    mechanism: 'output-perturbation',
    epsilon: 1,
    delta: 0,
    trainedFrom: '2025-10-01',
    trainedTo: '2026-04-30',
    trainedBy,
  });
}

/** Every log entry's parsed JSON. */
export async function logEntries(
  vault: TestVault,
): Promise<{ type: string; details: Record<string, unknown> }[]> {
  const stored = await vault.audit.entries(0, 100_000);
  return stored.map((s) => s.entry as { type: string; details: Record<string, unknown> });
}
