// One question asked of the vault this command opened (no server holds the data directory); closes the vault.
import { existsSync } from 'node:fs';
import type { CurtainConfig } from '../config/config.ts';
import { columnarSnapshotPath } from '../config/paths.ts';
import { budgetJson, refusalJson } from '../http/question-routes.ts';
import { HubStorage } from '../hub/hub-storage.ts';
import { requireRole } from '../hub/staff.ts';
import type { Vault } from '../vault/vault.ts';

/** The roles that may ask a question (as the route `POST /v1/questions` declares). */
const askerRoles = ['marketer', 'partner', 'operator'] as const;

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
    // The CLI acts as a named member of the hub's staff who may ask, and the log entry says so.
    await new HubStorage(vault.storage).transaction((tx) =>
      requireRole(tx, request.asker, askerRoles, 'ask questions'),
    );
    const result = await vault.questions.ask({ ...request, via: 'local-cli' });
    await vault.questionEngine.saveSnapshot(snapshot);
    return result.ok
      ? { ok: true as const, body: { ...result.value, budget: budgetJson(result.value.budget) } }
      : { ok: false as const, body: refusalJson(result.error) };
  } finally {
    await vault.close();
  }
}
