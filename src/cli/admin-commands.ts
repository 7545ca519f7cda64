// Operator commands: keys, crypto-shredding, backup and restore.
import { CurtainError } from '../core/errors.ts';
import type { CurtainConfig } from '../config.ts';
import { pgliteDirectory } from '../main.ts';
import { lockDataDir } from '../storage/data-dir-lock.ts';
import { backupDirectory, backupPostgres, restoreDirectory, restorePostgres } from '../storage/backup.ts';
import { progressBar } from './progress.ts';
import type { SigningPurpose } from '../vault/identity/key-provider.ts';
import { busyError, withVault } from './vault-session.ts';

export async function keysListCommand(config: CurtainConfig) {
  await withVault(config, 'curtain keys list', (vault) => {
    for (const key of vault.keys.inventory()) {
      console.log(`${key.id}\t${key.purpose}\t${key.status}\tcreated ${key.createdAt}`);
    }
    return Promise.resolve();
  });
}

/** Public halves of the signing keys, so that anyone can verify signed heads and consent receipts. */
export async function keysPublishCommand(config: CurtainConfig) {
  await withVault(config, 'curtain keys publish', (vault) => {
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

export async function keysRotateCommand(config: CurtainConfig, purpose: 'kek' | SigningPurpose = 'kek') {
  if (purpose !== 'kek') {
    return withVault(config, 'curtain keys rotate', async (vault) => {
      const id = await vault.keys.rotateSigningKey(purpose);
      await vault.audit.record([{ type: 'key.rotated', details: { purpose, keyId: id } }]);
      console.log(`new ${purpose} key ${id}; the previous one is retired: it verifies, it no longer signs`);
      return id;
    });
  }
  return withVault(config, 'curtain keys rotate', async (vault) => {
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

export async function keysDestroyRetiredCommand(config: CurtainConfig) {
  await withVault(config, 'curtain keys destroy-retired', async (vault) => {
    const destroyed = await vault.identity.destroyRetiredKeks();
    console.log(
      destroyed.length ? `destroyed ${destroyed.join(', ')}` : 'no retired key-encryption key to destroy',
    );
  });
}

export async function shredCommand(config: CurtainConfig, externalIds: readonly string[]) {
  return withVault(config, 'curtain customers shred', async (vault) => {
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

export async function backupCommand(config: CurtainConfig, file: string) {
  if (config.databaseUrl) {
    await backupPostgres(config.databaseUrl, file);
  } else {
    const lock = await lockDataDir(config.dataDir, 'curtain backup');
    if (!lock.ok) throw busyError(lock.owner);
    try {
      await backupDirectory(pgliteDirectory(config.dataDir), file);
    } finally {
      await lock.lock.release();
    }
  }
  console.log(`backup written to ${file} (keys are not in it: back up ${config.keyDir} separately)`);
}

export async function restoreCommand(config: CurtainConfig, file: string) {
  if (config.databaseUrl) {
    await restorePostgres(config.databaseUrl, file);
  } else {
    const lock = await lockDataDir(config.dataDir, 'curtain restore');
    if (!lock.ok) throw busyError(lock.owner);
    try {
      await restoreDirectory(file, pgliteDirectory(config.dataDir));
    } finally {
      await lock.lock.release();
    }
  }
  // Opening the vault re-applies every shred recorded since the backup was taken.
  const reshredded = await withVault(config, 'curtain restore', (vault) =>
    Promise.resolve(vault.reshreddedAtOpen),
  );
  console.log(`restored from ${file}; ${reshredded} customer(s) erased since the backup were shredded again`);
}
