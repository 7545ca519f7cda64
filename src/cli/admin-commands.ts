// Operator commands: keys, crypto-shredding, backup and restore.
import { CurtainError } from '../core/errors.ts';
import type { CliContext } from './host.ts';
import { pgliteDirectory } from '../config/paths.ts';
import { lockDataDir } from '../storage/data-dir-lock.ts';
import { backupDirectory, backupPostgres, restoreDirectory, restorePostgres } from '../storage/backup.ts';
import { progressBar } from './progress.ts';
import type { SigningPurpose } from '../keys/key-provider.ts';
import { busyError, withVault } from './vault-session.ts';

export async function keysListCommand(cli: CliContext) {
  await withVault(cli, 'curtain keys list', (vault) => {
    for (const key of vault.keys.inventory()) {
      console.log(`${key.id}\t${key.purpose}\t${key.status}\tcreated ${key.createdAt}`);
    }
    return Promise.resolve();
  });
}

/** Public halves of the signing keys, so that anyone can verify signed heads and consent receipts. */
export async function keysPublishCommand(cli: CliContext) {
  await withVault(cli, 'curtain keys publish', (vault) => {
    const published = (['log-signing', 'receipt-signing'] as const).flatMap((purpose) =>
      vault.keys.verificationKeys(purpose).map((key) => ({
        id: key.id,
        purpose,
        status: key.status,
        createdAt: key.createdAt,
        algorithm: 'Ed25519',
        jwk: { ...key.publicKey.export({ format: 'jwk' }), kid: key.id, use: 'sig', alg: 'EdDSA' },
        pem: key.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      })),
    );
    // The log's keys also in the signed-note verifier form that transparency-dev tools read.
    console.log(JSON.stringify({ keys: published, noteVerifiers: vault.audit.publicKeys() }, null, 2));
    return Promise.resolve();
  });
}

export async function keysRotateCommand(cli: CliContext, purpose: 'kek' | SigningPurpose = 'kek') {
  if (purpose !== 'kek') {
    return withVault(cli, 'curtain keys rotate', async (vault) => {
      const id = await vault.keys.rotateSigningKey(purpose);
      await vault.audit.record([{ type: 'key.rotated', details: { purpose, keyId: id } }]);
      console.log(`new ${purpose} key ${id}; the previous one is retired: it verifies, it no longer signs`);
      return id;
    });
  }
  return withVault(cli, 'curtain keys rotate', async (vault) => {
    let bar: ReturnType<typeof progressBar> | undefined;
    const report = await vault.identity.rotateKek((done, total) => {
      bar ??= progressBar('re-wrapping data keys', total, 'keys');
      bar.update(done);
    });
    bar?.stop();
    console.log(
      `new key-encryption key ${report.newKekId}; ${report.rewrapped} data keys re-wrapped, no data touched`,
    );
    if (report.retired.length > 0) {
      console.log(`retired (unwrap only, for older backups): ${report.retired.join(', ')}`);
      console.log(
        'destroy them with `curtain keys destroy-retired` once backups older than today have expired',
      );
    }
    return report;
  });
}

export async function keysDestroyRetiredCommand(cli: CliContext) {
  await withVault(cli, 'curtain keys destroy-retired', async (vault) => {
    const destroyed = await vault.identity.destroyRetiredKeks();
    console.log(
      destroyed.length ? `destroyed ${destroyed.join(', ')}` : 'no retired key-encryption key to destroy',
    );
  });
}

export async function shredCommand(cli: CliContext, externalIds: readonly string[]) {
  return withVault(cli, 'curtain customers shred', async (vault) => {
    const ids: number[] = [];
    for (const externalId of externalIds) {
      const id = await vault.identity.findCustomer('external_id', externalId);
      if (id === undefined)
        throw new CurtainError('CUSTOMER_NOT_FOUND', `no customer has external id #${ids.length + 1}`);
      ids.push(id);
    }
    const shredded = await vault.identity.shred(ids);
    console.log(
      `shredded ${shredded} customer(s): their data keys are destroyed, their PII is unrecoverable`,
    );
    return shredded;
  });
}

export async function backupCommand(cli: CliContext, file: string) {
  if (cli.config.databaseUrl) {
    await backupPostgres(cli.config.databaseUrl, file);
  } else {
    const lock = await lockDataDir(cli.config.dataDir, 'curtain backup');
    if (!lock.ok) throw busyError(lock.owner);
    try {
      await backupDirectory(pgliteDirectory(cli.config.dataDir), file);
    } finally {
      await lock.lock.release();
    }
  }
  console.log(`backup written to ${file} (keys are not in it: back up ${cli.config.keyDir} separately)`);
}

export async function restoreCommand(cli: CliContext, file: string) {
  if (cli.config.databaseUrl) {
    await restorePostgres(cli.config.databaseUrl, file);
  } else {
    const lock = await lockDataDir(cli.config.dataDir, 'curtain restore');
    if (!lock.ok) throw busyError(lock.owner);
    try {
      await restoreDirectory(file, pgliteDirectory(cli.config.dataDir));
    } finally {
      await lock.lock.release();
    }
  }
  // Opening the vault re-applies every shred recorded since the backup was taken.
  const reshredded = await withVault(cli, 'curtain restore', (vault) =>
    Promise.resolve(vault.reshreddedAtOpen),
  );
  console.log(`restored from ${file}; ${reshredded} customer(s) erased since the backup were shredded again`);
}
