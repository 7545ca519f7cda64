// DEMO ONLY: the customers the demo picker offers, found by the generator's external ids; none on a real bank.
import type { VaultServices } from '../vault/vault.ts';
import { externalIdOf } from './generate/generate-bank.ts';
import type { DemoSignIn } from '../http/auth/demo-sign-in-routes.ts';
import { demoStaff } from './demo-hub.ts';

type DemoVault = Pick<VaultServices, 'identity' | 'ingest' | 'inbox'>;

const scanned = 200;
const offered = 10;

/** Demo sign-in over a generated demo bank: customers with messages first, so the console has something to show. */
export function demoCustomers(vault: DemoVault, staff: readonly string[]): DemoSignIn {
  const findCustomer = async (externalId: string) =>
    /^C\d{8}$/.test(externalId) ? vault.identity.findCustomer('external_id', externalId) : undefined;
  return {
    staff,
    findCustomer,
    // Only a bank the demo generator wrote: its batches are the only ones of format 'generated' (no upload
    // or statement file can have it), and its first customer is C00000001. A real bank whose own ids happen
    // to look like that still gets no picker.
    enabled: async () =>
      (await vault.ingest.batches.anyOfFormat('generated')) &&
      (await findCustomer(externalIdOf(0))) !== undefined,
    async customers() {
      const found: { externalId: string; id: number }[] = [];
      for (let index = 0; index < scanned; index++) {
        const externalId = externalIdOf(index);
        const id = await findCustomer(externalId);
        if (id !== undefined) found.push({ externalId, id });
      }
      const withMessages = await vault.inbox.customersWithMessages(found.map((f) => f.id));
      return [...found]
        .sort((a, b) => Number(withMessages.has(b.id)) - Number(withMessages.has(a.id)))
        .slice(0, offered)
        .map((f) => f.externalId);
    },
  };
}

/**
 * The demo picker for a server, or undefined when demo sign-in is off. A hub served alone has no vault here
 * to ask, so it offers demo staff only.
 */
export function demoSignIn(enabled: boolean, vault: DemoVault | undefined): DemoSignIn | undefined {
  if (!enabled) return undefined;
  const staff = demoStaff.map((member) => member.handle);
  return vault
    ? demoCustomers(vault, staff)
    : {
        staff,
        enabled: () => Promise.resolve(true),
        customers: () => Promise.resolve([]),
        findCustomer: () => Promise.resolve(undefined),
      };
}
