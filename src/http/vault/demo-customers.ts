// DEMO ONLY: the customers the demo picker offers, found by the generator's external ids; none on a real bank.
import type { VaultServices } from '../../main.ts';
import { externalIdOf } from '../../vault/generate/generate-bank.ts';
import type { DemoSignIn } from '../auth/auth-routes.ts';

const scanned = 200;
const offered = 10;

/** Demo sign-in over a generated demo bank: customers with messages first, so the console has something to show. */
export function demoCustomers(
  vault: Pick<VaultServices, 'identity' | 'storage'>,
  staff: readonly string[],
): DemoSignIn {
  const findCustomer = async (externalId: string) =>
    /^C\d{8}$/.test(externalId) ? vault.identity.findCustomer('external_id', externalId) : undefined;
  return {
    staff,
    findCustomer,
    // A generated bank starts at C00000001; a real bank's ids do not look like that.
    enabled: async () => (await findCustomer(externalIdOf(0))) !== undefined,
    async customers() {
      const found: { externalId: string; id: number }[] = [];
      for (let index = 0; index < scanned; index++) {
        const externalId = externalIdOf(index);
        const id = await findCustomer(externalId);
        if (id !== undefined) found.push({ externalId, id });
      }
      const { rows } = await vault.storage.query<{ customer_id: number | bigint }>(
        'SELECT DISTINCT customer_id FROM inbox_messages WHERE customer_id = ANY($1)',
        [found.map((f) => f.id)],
      );
      const withMessages = new Set(rows.map((r) => Number(r.customer_id)));
      return [...found]
        .sort((a, b) => Number(withMessages.has(b.id)) - Number(withMessages.has(a.id)))
        .slice(0, offered)
        .map((f) => f.externalId);
    },
  };
}
