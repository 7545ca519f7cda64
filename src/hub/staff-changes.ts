// Taking access away: roles removed and staff disabled, at once (their sessions end), never the last holder.
import { CurtainError } from '../core/errors.ts';
import type { HubExecutor } from './hub-storage.ts';
import { parseOrRefuse } from './hub-input.ts';
import { staffRolesChange, type StaffMember, type StaffRole } from '../contracts/hub-staff.ts';

/**
 * Roles that a two-person rule needs someone to hold: an approver approves what another drafted, and an
 * operator changes the staff (never their own roles). The last active holder of either stays until a
 * replacement holds it too.
 */
export const twoPersonRoles: readonly StaffRole[] = ['approver', 'operator'];

export interface StaffChange {
  readonly member: StaffMember;
  /** Console sessions that ended with the change. */
  readonly sessionsEnded: number;
}

async function activeMember(tx: HubExecutor, handle: string): Promise<StaffMember> {
  const { rows } = await tx.query<StaffMember & { disabled: boolean }>(
    `SELECT handle, roles, disabled_at IS NOT NULL AS disabled FROM hub.staff WHERE handle = $1 FOR UPDATE`,
    [handle],
  );
  const row = rows[0];
  if (row === undefined) throw new CurtainError('NOT_FOUND', `"${handle}" is not on the hub's staff`);
  if (row.disabled) throw new CurtainError('NOT_FOUND', `"${handle}" is disabled already`);
  return { handle: row.handle, roles: row.roles };
}

/** Refuses with STAFF_LAST_HOLDER when `member` is the last active holder of a two-person role in `losing`. */
async function keepTwoPersonRoles(tx: HubExecutor, member: StaffMember, losing: readonly StaffRole[]) {
  // Locks every active holder, so that two removals at once cannot each leave the other as the last.
  const { rows } = await tx.query<{ roles: StaffRole[] }>(
    'SELECT roles FROM hub.staff WHERE disabled_at IS NULL AND handle <> $1 ORDER BY handle FOR UPDATE',
    [member.handle],
  );
  for (const role of losing.filter((r) => twoPersonRoles.includes(r) && member.roles.includes(r))) {
    if (!rows.some((other) => other.roles.includes(role))) {
      throw new CurtainError(
        'STAFF_LAST_HOLDER',
        `${member.handle} is the last active ${role}, whom a two-person rule needs: give another member ` +
          `the role ${role} first`,
      );
    }
  }
}

async function endSessions(tx: HubExecutor, handle: string): Promise<number> {
  const { rows } = await tx.query('DELETE FROM access.staff_sessions WHERE handle = $1 RETURNING handle', [
    handle,
  ]);
  return rows.length;
}

/** Removes roles from a member (at least one role stays: disable the member instead); their sessions end. */
export async function removeRoles(
  tx: HubExecutor,
  handle: string,
  roles: readonly string[],
): Promise<StaffChange> {
  const { roles: removing } = parseOrRefuse(staffRolesChange, { roles }, 'staff roles');
  const member = await activeMember(tx, handle);
  const kept = member.roles.filter((role) => !removing.includes(role));
  if (kept.length === 0) {
    throw new CurtainError('USAGE', `that would leave ${handle} with no role: disable them instead`);
  }
  await keepTwoPersonRoles(tx, member, removing);
  const { rows } = await tx.query<StaffMember>(
    'UPDATE hub.staff SET roles = $2 WHERE handle = $1 RETURNING handle, roles',
    [handle, kept],
  );
  return { member: rows[0]!, sessionsEnded: await endSessions(tx, handle) };
}

/** Disables a member: their keys are revoked and their sessions end; their history keeps their name. */
export async function disableStaff(tx: HubExecutor, handle: string, at: Date): Promise<StaffChange> {
  const member = await activeMember(tx, handle);
  await keepTwoPersonRoles(tx, member, member.roles);
  await tx.query('UPDATE hub.staff SET disabled_at = $2 WHERE handle = $1', [handle, at]);
  await tx.query('UPDATE access.api_keys SET revoked_at = $2 WHERE handle = $1 AND revoked_at IS NULL', [
    handle,
    at,
  ]);
  return { member, sessionsEnded: await endSessions(tx, handle) };
}
