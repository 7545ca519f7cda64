// The one check before anything is imported: real records never go into a demo vault.
import { CurtainError } from '../../core/errors.ts';

/**
 * Refuses an import into a demo vault. `isDemoVault` is the vault kind's check; the composition root wires
 * it (`src/app/vault-process.ts`), and this is the single call site every import goes through.
 */
export async function assertImportAllowed(isDemoVault: () => Promise<boolean>): Promise<void> {
  if (await isDemoVault()) {
    throw new CurtainError(
      'IMPORT_NOT_ALLOWED',
      'this is a demo vault: import the bank’s customers, accounts, products and consents into a real vault',
    );
  }
}
