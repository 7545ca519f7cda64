// The hub's staff contracts: who works in the hub and in which roles, as the operator changes them.
import { z } from 'zod';
import { codePattern } from './common.ts';

export const staffRoles = ['marketer', 'approver', 'partner', 'advisor', 'compliance', 'operator'] as const;

/** A staff member's handle: shaped like a code (it names them in the log, in sessions and API keys). */
export const handle = z
  .string()
  .regex(codePattern, 'a handle is lower-case letters, digits, ".", "_" or "-" (1–64)');

const roles = z
  .array(z.enum(staffRoles))
  .min(1, 'name at least one role')
  .max(staffRoles.length, `at most ${staffRoles.length} roles`);

export const staffInput = z.strictObject({ handle, roles }).meta({ id: 'NewStaffMember' });

export const staffRolesChange = z.strictObject({ roles }).meta({ id: 'StaffRoleRemoval' });

export const handleParams = z.strictObject({ handle });

export const staffMember = z
  .object({ handle: z.string(), roles: z.array(z.enum(staffRoles)) })
  .meta({ id: 'StaffMember' });

export type StaffRole = (typeof staffRoles)[number];
export type StaffMember = z.output<typeof staffMember>;
