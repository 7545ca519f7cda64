// DEMO ONLY: the customers the demo picker offers, found by the generator's external ids; none on a real bank.
import type { VaultDoor } from '../core/vault-door.ts';
import type { VaultServices } from '../vault/vault.ts';
import { externalIdOf } from './generate/generate-bank.ts';
import type { DemoSignIn } from '../http/auth/demo-sign-in-routes.ts';
import { demoStaff, seedDemoHub } from './demo-hub.ts';
import type { HubService } from '../hub/hub-service.ts';

type DemoVault = Pick<VaultServices, 'identity' | 'inbox'>;

const scanned = 200;
const offered = 10;

/** Whether the vault is a demo vault: asked of the vault (through its door) at every demo request. */
type KindSource = Pick<VaultDoor, 'kind'>;

const isDemo = async (door: KindSource) => (await door.kind()) === 'demo';

/** Demo sign-in over a generated demo bank: customers with messages first, so the console has something to show. */
export function demoCustomers(vault: DemoVault, door: KindSource, staff: readonly string[]): DemoSignIn {
  const findCustomer = async (externalId: string) =>
    /^C\d{8}$/.test(externalId) ? vault.identity.findCustomer('external_id', externalId) : undefined;
  return {
    staff,
    findCustomer,
    // Only a vault that records itself as a demo vault (src/vault/vault-kind.ts): its kind was decided when
    // the generator first wrote into it, and nothing changes it.
    enabled: () => isDemo(door),
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
 * The demo picker for a server, or undefined when the server offers no demo routes at all. Either way it opens
 * only while the vault says it is a demo vault: a hub served alone asks the vault through `door` (and offers
 * demo staff only, having no customers to offer); it never decides alone.
 */
export function demoSignIn(
  offered: boolean,
  door: KindSource,
  vault: DemoVault | undefined,
  hubAlone?: HubService,
): DemoSignIn | undefined {
  if (!offered) return undefined;
  const staff = demoStaff.map((member) => member.handle);
  let seeded: Promise<void> | undefined;
  // A hub on its own database gets the demo staff the first time its vault says it is a demo vault.
  const enabledAlone = async () => {
    if (!(await isDemo(door).catch(() => false))) return false;
    seeded ??= (hubAlone === undefined ? Promise.resolve() : seedDemoHub(hubAlone)).catch(
      (error: unknown) => {
        seeded = undefined;
        throw error;
      },
    );
    await seeded;
    return true;
  };
  return vault
    ? demoCustomers(vault, door, staff)
    : {
        staff,
        enabled: enabledAlone,
        customers: () => Promise.resolve([]),
        findCustomer: () => Promise.resolve(undefined),
      };
}
