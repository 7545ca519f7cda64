// Shared pieces of the model registry suites: a small demo bank and a frozen model with known weights.
import type { VaultSettings } from '../../src/app/vault-process.ts';
import { featureListVersion, featuresFor } from '../../src/models/features.ts';
import { insertModelVersion, type ModelVersion } from '../../src/models/model-store.ts';
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

/** Known weights by feature name: the frozen model is public output, so a test may write one as training would. */
export const knownWeights: Readonly<Record<string, number>> = {
  spent_groceries_90d: 9,
  received_salary_90d: 12,
  spent_rent_90d: -6,
  count_all_30d: 3,
  holds_credit_card: 6,
  holds_savings: 5,
  tenure: 7,
};

/** One weight per feature of `product`'s list, in its order, looked up by name (0 for the others). */
export function weightsFor(product: string, byName: Readonly<Record<string, number>>): number[] {
  const features = featuresFor(product);
  for (const name of Object.keys(byName)) {
    if (!features.some((f) => f.name === name)) throw new Error(`no feature ${name} for ${product}`);
  }
  return features.map((f) => byName[f.name] ?? 0);
}

export function frozenModel(
  vault: TestVault,
  product = 'mortgage',
  trainedBy = 'trainer.ann',
): Promise<ModelVersion> {
  return insertModelVersion(vault.storage, {
    product,
    featureListVersion,
    weights: weightsFor(product, knownWeights),
    bias: -1.2,
    mechanism: 'output-perturbation',
    epsilon: 1,
    delta: 0,
    trainedFrom: '2025-10-01',
    trainedTo: '2026-04-30',
    trainedBy,
  });
}

/** A version's stored scores by customer, read from the vault's table. */
export async function storedScores(vault: TestVault, model: string): Promise<Map<number, number>> {
  const { rows } = await vault.storage.query<{ customer_id: number | string; score: number }>(
    'SELECT customer_id, score FROM model_scores WHERE model_version = $1::uuid',
    [model],
  );
  return new Map(rows.map((r) => [Number(r.customer_id), Number(r.score)]));
}

/** Every log entry's parsed JSON. */
export async function logEntries(
  vault: TestVault,
): Promise<{ type: string; details: Record<string, unknown> }[]> {
  const stored = await vault.audit.entries(0, 100_000);
  return stored.map((s) => s.entry as { type: string; details: Record<string, unknown> });
}
