// Hub staff and their roles: every hub action names an actor, refused unless the actor holds a role for it.
import { CurtainError } from '../core/errors.ts';
import type { HubExecutor } from './hub-storage.ts';
import { parseOrRefuse } from './hub-input.ts';
import { staffInput, type StaffMember, type StaffRole } from '../contracts/hub-staff.ts';

export { staffRoles } from '../contracts/hub-staff.ts';
export type { StaffMember, StaffRole } from '../contracts/hub-staff.ts';

/** Adds a member, or gives an existing member the roles they do not hold yet. */
export async function addStaff(
  tx: HubExecutor,
  handle: string,
  roles: readonly string[],
): Promise<StaffMember> {
  const input = parseOrRefuse(staffInput, { handle, roles }, 'staff member');
  const { rows } = await tx.query<{ handle: string; roles: StaffRole[] }>(
    `INSERT INTO hub.staff (handle, roles) VALUES ($1, $2)
     ON CONFLICT (handle) DO UPDATE
       SET roles = ARRAY(SELECT DISTINCT r FROM unnest(hub.staff.roles || EXCLUDED.roles) AS r ORDER BY r)
     RETURNING handle, roles`,
    [input.handle, [...new Set(input.roles)].sort()],
  );
  const row = rows[0];
  if (row === undefined) throw new CurtainError('INTERNAL', 'staff insert returned no row');
  return row;
}

export async function listStaff(tx: HubExecutor): Promise<StaffMember[]> {
  const { rows } = await tx.query<StaffMember>('SELECT handle, roles FROM hub.staff ORDER BY handle');
  return rows;
}

/**
 * Refuses with HUB_FORBIDDEN unless `actor` is on the staff and holds one of `allowed`.
 * `action` completes "… may not <action>".
 */
export async function requireRole(
  tx: HubExecutor,
  actor: string,
  allowed: readonly StaffRole[],
  action: string,
): Promise<StaffMember> {
  const { rows } = await tx.query<StaffMember & { disabled: boolean }>(
    'SELECT handle, roles, disabled_at IS NOT NULL AS disabled FROM hub.staff WHERE handle = $1',
    [actor],
  );
  const found = rows[0];
  if (found === undefined) {
    throw new CurtainError('HUB_FORBIDDEN', `"${actor}" is not on the hub's staff and may not ${action}`);
  }
  if (found.disabled) throw new CurtainError('HUB_FORBIDDEN', `${actor} is disabled and may not ${action}`);
  const member: StaffMember = { handle: found.handle, roles: found.roles };
  if (!member.roles.some((role) => allowed.includes(role))) {
    const held = member.roles.length === 0 ? 'none' : member.roles.join(', ');
    throw new CurtainError(
      'HUB_FORBIDDEN',
      `${actor} may not ${action}: that needs the role ${allowed.join(' or ')} (holds ${held})`,
    );
  }
  return member;
}
