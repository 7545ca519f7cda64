// Signing in and out: what the console sends to open a session (an API key, or a demo pick) and gets back.
import { z } from 'zod';

const principalKinds = ['staff', 'customer'] as const;

export const apiKeySignIn = z
  .strictObject({ apiKey: z.string().min(10).max(200) })
  .meta({ id: 'ApiKeySignIn' });

export const sessionOpened = z
  .object({
    kind: z.enum(principalKinds),
    handle: z.string().optional().describe('a staff member’s handle; a customer is not named'),
    roles: z.array(z.string()),
    csrfToken: z.string().describe('send it as x-csrf-token on POST, PUT, PATCH and DELETE'),
    expiresAt: z.date(),
  })
  .meta({ id: 'SessionOpened' });
export type SessionOpened = z.output<typeof sessionOpened>;

/** Who a request is signed in as; a customer is not named: the console needs only the role. */
export const me = z
  .object({
    kind: z.enum(principalKinds),
    handle: z.string().optional(),
    roles: z.array(z.string()),
    via: z.enum(['api-key', 'session', 'local-cli']),
  })
  .meta({ id: 'Me' });
export type Me = z.output<typeof me>;

/** DEMO ONLY: whether demo sign-in is on, and whom the picker offers. */
export const demoPicker = z
  .object({
    demo: z.boolean(),
    notice: z.string().optional(),
    staff: z.array(z.string()).optional(),
    customers: z.array(z.string()).optional().describe('demo customers’ external ids'),
  })
  .meta({ id: 'DemoPicker' });
export type DemoPicker = z.output<typeof demoPicker>;

export const demoStaffSignIn = z
  .strictObject({
    handle: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'a staff handle: lower-case letters, digits, ".", "_" or "-"'),
  })
  .meta({ id: 'DemoStaffSignIn' });

export const demoCustomerSignIn = z
  .strictObject({
    externalId: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'an external id: 1–64 letters, digits, ".", "_" or "-"'),
  })
  .meta({ id: 'DemoCustomerSignIn' });
