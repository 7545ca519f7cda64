// `curtain models train`: a private propensity model trained in the vault this command opens, with progress.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { columnarSnapshotPath } from '../config/paths.ts';
import { CurtainError } from '../core/errors.ts';
import { HubStorage } from '../hub/hub-storage.ts';
import { requireRole } from '../hub/staff.ts';
import { isCreditProduct } from '../models/feature-list.ts';
import {
  labelDays,
  trainPropensityModel,
  type TrainingMechanism,
  type TrainingStage,
} from '../models/train/train-model.ts';
import type { CommandScope } from './host.ts';
import { exitOf } from './output.ts';
import { progressBar } from './progress.ts';
import { withVault } from './vault-session.ts';

/** Who may train a model (and so spend the vault's (ε, δ) budget on it). */
const trainerRoles = ['operator', 'marketer'] as const;

const stages: readonly TrainingStage[] = ['charged', 'features', 'labels', 'fitted', 'stored'];

export interface TrainCommandOptions {
  readonly product: string;
  readonly epsilon: string;
  readonly asOf?: string;
  readonly purpose?: string;
  readonly mechanism?: string;
  readonly featureList?: string;
  readonly windows?: string;
  readonly steps?: string;
  readonly as?: string;
  readonly json?: boolean;
}

/** A whole-number option, or undefined when it was not given; anything else is a USAGE error naming it. */
function wholeOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CurtainError('USAGE', `${name}: a whole number (got "${value}")`);
  return Number(value);
}

function daysBefore(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

function parseEpsilon(text: string): number {
  const epsilon = Number(text);
  if (!(Number.isFinite(epsilon) && epsilon > 0)) {
    throw new CurtainError('USAGE', `--epsilon: a positive number, e.g. 1 (got "${text}")`);
  }
  return epsilon;
}

export async function trainCommand(scope: CommandScope, options: TrainCommandOptions): Promise<void> {
  const asker = options.as;
  if (asker === undefined || asker === '') {
    throw new CurtainError(
      'USAGE',
      'name the staff member the CLI acts as: --as <handle> (or CURTAIN_STAFF)',
    );
  }
  const epsilon = parseEpsilon(options.epsilon);
  const featureList = wholeOption('--feature-list', options.featureList);
  const windows = wholeOption('--windows', options.windows);
  const steps = wholeOption('--steps', options.steps);
  const cli = await scope.context();
  await withVault(cli, 'curtain models train', async (vault) => {
    await new HubStorage(vault.storage).transaction((tx) =>
      requireRole(tx, asker, trainerRoles, 'train models'),
    );
    const snapshot = columnarSnapshotPath(cli.config);
    // One step to load the columnar store (from its snapshot when there is one), then the training's stages.
    const bar = progressBar(`training ${options.product}`, stages.length + 1, 'steps');
    await vault.questionEngine.loadColumnar(existsSync(snapshot) ? { snapshotPath: snapshot } : {});
    bar.update(1);
    const purpose = options.purpose ?? (isCreditProduct(options.product) ? 'credit_offers' : 'bank_offers');
    const outcome = await trainPropensityModel(
      vault,
      {
        product: options.product,
        asOf: options.asOf ?? daysBefore(labelDays),
        epsilon,
        asker,
        purpose,
        ...(options.mechanism === undefined ? {} : { mechanism: options.mechanism as TrainingMechanism }),
        ...(featureList === undefined ? {} : { featureList }),
        ...(windows === undefined ? {} : { windows }),
        ...(steps === undefined ? {} : { steps }),
      },
      { onProgress: (stage) => bar.update(stages.indexOf(stage) + 2) },
    );
    bar.stop();
    await vault.questionEngine.saveSnapshot(snapshot);
    if (!outcome.ok) {
      if (options.json === true) console.log(JSON.stringify({ error: outcome.error }, null, 2));
      else console.error(`refused (${outcome.error.code}): ${outcome.error.message}`);
      process.exitCode = exitOf(outcome.error.code);
      return;
    }
    const { model, budget } = outcome.value;
    if (options.json === true) {
      console.log(JSON.stringify({ model, budget }, null, 2));
      return;
    }
    console.log(
      `trained ${model.product} model version ${model.version} (${model.id}), state ${model.state}: ` +
        `${model.weights.length} features (list v${model.featureListVersion}), ${model.mechanism}, ` +
        `ε = ${model.epsilon}, δ = ${model.delta}, as of ${model.trainedTo}`,
    );
    console.log(
      `charged ε ≈ ${budget.charged.toFixed(3)} to the vault's (ε, δ) budget; this period ` +
        `ε ≈ ${budget.spent.epsilon.toFixed(2)} of ${budget.budget.epsilon} at δ = ${budget.budget.delta}`,
    );
  });
}

export function defineModelsCommands(group: Command, scope: CommandScope): void {
  group
    .command('train')
    .description('train a propensity model with differential privacy on customers who allow profiling')
    .requiredOption('--product <code>', 'the product whose take-up in the next 90 days it predicts')
    .requiredOption('--epsilon <n>', 'the ε the training spends')
    .option(
      '--as-of <date>',
      'the day features are read on; labels are the 90 days after (default: 90 days ago)',
    )
    .option('--purpose <purpose>', 'credit_offers for a credit product, else bank_offers (default)')
    .option(
      '--mechanism <name>',
      'output-perturbation (pure ε, default) or noisy-newton (approximate DP at the vault’s δ; keeps more lift)',
    )
    .option('--feature-list <version>', 'the feature list version (2: the compact list of a few products)')
    .option('--windows <n>', 'noisy-newton: label windows per customer, 1 to 5 (default 3)')
    .option('--steps <n>', 'noisy-newton: Newton steps, 1 to 3 (default 1; the budget split between them)')
    .option(
      '--as <handle>',
      'the staff member the CLI acts as, charged for it (role operator or marketer) [CURTAIN_STAFF]',
      process.env['CURTAIN_STAFF'],
    )
    .option('--json', 'print the model version as JSON')
    .action(async (options: TrainCommandOptions) => trainCommand(scope, options));
}
