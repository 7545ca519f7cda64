// Model registry contracts: frozen propensity model versions, their released cards, approval and retirement.
import { z } from 'zod';

const count = z.number().int().nullable().describe('a noised count; null where it fell under the noised k');
const rate = z.number().nullable();

/** How a federated version was trained: which round, which regions, what each vault spent and added. */
export const federatedTraining = z
  .object({
    round: z.string().describe('the round id, as the hub and every vault’s log name it'),
    regions: z.array(z.string()).describe('the vaults that trained it together, all required'),
    perVault: z
      .object({ epsilon: z.number(), delta: z.number() })
      .describe('the (ε, δ) each vault charged its own ledger'),
    noise: z.object({
      mechanism: z.string(),
      variancePerVault: z.string().describe('σ² of the discrete Gaussian each vault added, an integer'),
      minimumVaults: z
        .number()
        .int()
        .describe('the noise of any minimumVaults − 1 vaults already carries the whole (ε, δ)'),
    }),
  })
  .meta({ id: 'FederatedTraining' });

export const modelCard = z
  .object({
    releasedOn: z.string(),
    releasedBy: z.string(),
    epsilonCharged: z
      .string()
      .describe('ε the release charged to releasedBy, an exact rational such as "19/4"'),
    training: z.object({
      from: z.string(),
      to: z.string(),
      mechanism: z.string(),
      description: z
        .string()
        .optional()
        .describe(
          'the mechanism in words: what was released, with what noise (cards written since issue 20’s noisy Newton)',
        ),
      epsilon: z.number(),
      delta: z.number(),
    }),
    evaluation: z.object({
      asOf: z.string().describe('features on this day (90 days after the training window)'),
      labelsThrough: z.string().describe('take-ups counted in the 90 days after asOf'),
      selectionScore: z.number(),
    }),
    featureListVersion: z.number().int(),
    features: z.array(z.string()),
    fairLending: z.object({
      rules: z.string(),
      passed: z.boolean(),
      findings: z.array(z.object({ feature: z.string(), finding: z.string() })),
    }),
    auc: rate.describe('from the noised counts per score band'),
    liftTop10: rate.describe('lift in the top 10 % by score, estimated from the noised score bands'),
    calibration: z.array(z.object({ band: z.string(), customers: count, tookUp: count, observedRate: rate })),
    byAgeBand: z.array(
      z.object({ group: z.string(), customers: count, selected: count, selectionRate: rate }),
    ),
    federated: federatedTraining
      .extend({
        logEntries: z.array(z.number().int()).describe('this vault’s log entries about the round, by index'),
      })
      .nullable()
      .optional()
      .describe('null (or absent, on older cards) for a version trained in this vault alone'),
  })
  .meta({ id: 'ModelCard' });

export const modelVersion = z
  .object({
    id: z.string(),
    product: z.string(),
    version: z.number().int(),
    featureListVersion: z.number().int(),
    weights: z.array(z.number()).describe('the frozen weights, in the order of the feature list'),
    bias: z.number(),
    mechanism: z.string(),
    epsilon: z.number(),
    delta: z.number(),
    trainedFrom: z.string(),
    trainedTo: z.string(),
    trainedBy: z.string(),
    trainedAt: z.string(),
    state: z.enum(['trained', 'approved', 'retired']),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    approvalReason: z.string().nullable(),
    retiredBy: z.string().nullable(),
    retiredAt: z.string().nullable(),
    retirementReason: z.string().nullable(),
    card: modelCard.nullable().describe('null until its figures are released (POST …/card)'),
    federated: federatedTraining.nullable().describe('null for a version trained in this vault alone'),
  })
  .meta({ id: 'ModelVersion' });

export const modelVersionList = z
  .object({ versions: z.array(modelVersion) })
  .meta({ id: 'ModelVersionList' });

export const modelParams = z.strictObject({ id: z.uuid() });

export const modelDecision = z
  .strictObject({ reason: z.string().min(1).max(500).describe('why, in a sentence; recorded in the log') })
  .meta({ id: 'ModelDecision' });

export type ModelVersionJson = z.input<typeof modelVersion>;
