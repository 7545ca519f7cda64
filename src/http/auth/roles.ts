// Who may call a route: the roles, the principals a request authenticates as, and each route's declaration.
import type { StaffRole } from '../../hub/staff.ts';

export type Role = StaffRole | 'customer';

export const roles: readonly Role[] = [
  'marketer',
  'approver',
  'partner',
  'advisor',
  'compliance',
  'operator',
  'customer',
];

/** Whom a request speaks for: a staff member (by key or console session), a customer, or the hub's door. */
export type Principal =
  | {
      readonly kind: 'staff';
      readonly handle: string;
      readonly roles: readonly StaffRole[];
      readonly via: Via;
    }
  | { readonly kind: 'customer'; readonly customerId: number; readonly via: 'session' }
  | { readonly kind: 'door' };

/** `local-cli`: the local CLI's key, acting as the staff member it names (x-curtain-act-as). */
export type Via = 'api-key' | 'session' | 'local-cli';

/**
 * Every route declares who may call it: `public`, `door` (the hub process, by its shared key), or the roles
 * allowed. A route without a declaration fails to register.
 */
export type Access = 'public' | 'door' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}

export function principalRoles(principal: Principal | undefined): readonly Role[] {
  if (principal === undefined || principal.kind === 'door') return [];
  return principal.kind === 'customer' ? ['customer'] : principal.roles;
}

export function allows(access: Access, principal: Principal | undefined): boolean {
  if (access === 'public') return true;
  if (access === 'door') return principal?.kind === 'door';
  const held = principalRoles(principal);
  return access.some((role) => held.includes(role));
}

export const describeAccess = (access: Access): string =>
  access === 'public'
    ? 'No authentication.'
    : access === 'door'
      ? 'Internal: the hub process only, with the door key (x-curtain-door-key).'
      : `Roles: ${access.join(', ')}.`;
