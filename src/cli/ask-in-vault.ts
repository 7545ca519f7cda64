// One question asked of the vault this command opened (no server holds the data directory); closes the vault.
import { existsSync } from 'node:fs';
import type { CurtainConfig } from '../config/config.ts';
import { columnarSnapshotPath } from '../config/paths.ts';
import { budgetJson, refusalJson } from '../http/question-routes.ts';
import type { Vault } from '../vault/vault.ts';

export async function askInVault(
  config: CurtainConfig,
  vault: Vault,
  request: { readonly expression: string; readonly purpose: string; readonly asker: string },
) {
  try {
    // A snapshot starts the columnar engine in seconds; without one, the SQL engine answers.
    const snapshot = columnarSnapshotPath(config);
    if (existsSync(snapshot)) {
      await vault.questionEngine.loadColumnar({ snapshotPath: snapshot });
    }
    const result = await vault.questions.ask(request);
    await vault.questionEngine.saveSnapshot(snapshot);
    return result.ok
      ? { ok: true as const, body: { ...result.value, budget: budgetJson(result.value.budget) } }
      : { ok: false as const, body: refusalJson(result.error) };
  } finally {
    await vault.close();
  }
}
