// The transparency log on the command line: head, inclusion proofs, full verification, consistency.
import { activeVerifierKey } from '../audit/door-identity.ts';
import { CurtainError } from '../core/errors.ts';
import type { CliContext } from './host.ts';
import { withVault } from './vault-session.ts';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export async function auditHeadCommand(cli: CliContext) {
  await withVault(cli, 'curtain audit head', (vault) => {
    process.stdout.write(vault.audit.head().checkpoint);
    return Promise.resolve();
  });
}

/** The log's active verifier key, for a hub to pin (`curtain vaults add --public-key`). */
export async function auditKeyCommand(cli: CliContext) {
  await withVault(cli, 'curtain audit key', (vault) => {
    console.log(activeVerifierKey(vault.keys, vault.audit.origin));
    return Promise.resolve();
  });
}

export async function auditProveCommand(cli: CliContext, index: number) {
  await withVault(cli, 'curtain audit prove', async (vault) => {
    const proven = await vault.audit.entry(index);
    if (!proven)
      throw new CurtainError('NOT_FOUND', `no entry ${index}: the log has ${vault.audit.head().size}`);
    const output = {
      index: proven.index,
      entry: proven.json,
      leafHash: b64(proven.leafHash),
      treeSize: proven.head.size,
      rootHash: b64(proven.head.rootHash),
      inclusionProof: proven.proof.map(b64),
      checkpoint: proven.head.checkpoint,
    };
    console.log(JSON.stringify(output, null, 2));
  });
}

/** Writes entries as NDJSON: each line the exact UTF-8 bytes whose SHA-256(0x00 ‖ line) is the leaf hash. */
export async function auditExportCommand(cli: CliContext, from: number, limit?: number) {
  await withVault(cli, 'curtain audit export', async (vault) => {
    const size = vault.audit.head().size;
    const end = limit === undefined ? size : Math.min(size, from + limit);
    if (from < 0 || from > size) throw new CurtainError('USAGE', `--from must be between 0 and ${size}`);
    for (let at = from; at < end;) {
      const lines = await vault.audit.exportEntries(at, Math.min(10_000, end - at));
      if (lines.length === 0) break;
      process.stdout.write(`${lines.join('\n')}\n`);
      at += lines.length;
    }
  });
}

export async function auditVerifyCommand(cli: CliContext) {
  await withVault(cli, 'curtain audit verify', async (vault) => {
    const verdict = await vault.audit.verifyAll();
    if (!verdict.ok) {
      throw new CurtainError(
        'AUDIT_MISMATCH',
        verdict.index === undefined ? verdict.reason : `entry ${verdict.index}: ${verdict.reason}`,
      );
    }
    console.log(`ok: ${verdict.size} entries match the signed head (root ${b64(verdict.rootHash)})`);
  });
}

export async function auditConsistencyCommand(cli: CliContext, oldSize: number) {
  await withVault(cli, 'curtain audit consistency', async (vault) => {
    const size = vault.audit.head().size;
    if (oldSize < 0 || oldSize > size)
      throw new CurtainError('USAGE', `old size must be between 0 and ${size}`);
    const result = await vault.audit.consistency(oldSize);
    console.log(
      JSON.stringify(
        {
          oldSize: result.oldSize,
          treeSize: result.head.size,
          rootHash: b64(result.head.rootHash),
          consistencyProof: result.proof.map(b64),
          checkpoint: result.head.checkpoint,
        },
        null,
        2,
      ),
    );
  });
}
