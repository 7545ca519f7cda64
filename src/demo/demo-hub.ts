// The demo bank's hub: one staff member per role and the products of the tutorial, added once.
import type { HubService } from '../hub/hub-service.ts';
import type { StaffRole } from '../hub/staff.ts';

/** Demo handles, one per role, so that a second person can approve what the first drafted. */
export const demoStaff: readonly { readonly handle: string; readonly roles: readonly StaffRole[] }[] = [
  { handle: 'mia', roles: ['marketer'] },
  { handle: 'rui', roles: ['approver'] },
  { handle: 'ada', roles: ['advisor'] },
  { handle: 'cleo', roles: ['compliance'] },
  { handle: 'otto', roles: ['operator'] },
];

const demoProducts = [
  { code: 'mortgage', name: 'Home mortgage', provider: 'bank', credit: true },
  { code: 'home_insurance', name: 'Home insurance', provider: 'acme_insurance', credit: false },
] as const;

/** Adds the demo staff and products that are missing; running it again changes nothing. */
export async function seedDemoHub(hub: HubService): Promise<void> {
  for (const member of demoStaff) await hub.addStaff(member.handle, member.roles);
  const existing = new Set((await hub.listProducts()).map((p) => p.code));
  for (const product of demoProducts) {
    if (!existing.has(product.code)) await hub.addProduct(product, 'mia');
  }
}
