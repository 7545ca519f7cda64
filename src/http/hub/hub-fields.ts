// Request pieces the hub's routes share: field shapes, who counts as hub staff, and the door's refusals as replies.
import type { FastifyReply } from 'fastify';
import { errorCatalogue } from '../../core/errors.ts';
import type { DoorRefusal } from '../../core/vault-door.ts';

export const code = { type: 'string', pattern: '^[a-z0-9][a-z0-9_.-]{0,63}$' } as const;
export const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;
export const id = { type: 'string', minLength: 1, maxLength: 200 } as const;
export const idParams = { type: 'object', required: ['id'], properties: { id } } as const;
export const date = { type: 'string', format: 'date' } as const;

/** Every staff role that reads the hub's catalogue and campaigns. */
export const staffAccess = { access: ['marketer', 'approver', 'partner', 'compliance', 'operator'] } as const;
export const marketerAccess = { access: ['marketer'] } as const;

/** What a request cost in ε and what is left, for the asker and the vault (core/vault-door.ts `PrivacyCost`). */
export const costSchema = {
  type: 'object',
  required: ['charged', 'askerRemaining', 'vaultRemaining', 'resetsAt'],
  properties: {
    charged: { type: 'string', description: 'ε this request charged, an exact rational such as "3/8"' },
    askerRemaining: { type: 'string', description: 'ε left to the asker this period' },
    vaultRemaining: { type: 'string', description: 'ε left to the vault this period' },
    resetsAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const refusalSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        rendered: { type: 'string' },
        budget: costSchema,
      },
    },
  },
} as const;

/** A door refusal as an HTTP error: its code's status, its rendered diagnostics for the editor. */
export function sendRefusal(reply: FastifyReply, refusal: DoorRefusal) {
  return reply.status(errorCatalogue[refusal.code].status).send({
    error: {
      code: refusal.code,
      message: refusal.message,
      ...(refusal.rendered === undefined ? {} : { rendered: refusal.rendered }),
      ...(refusal.budget === undefined ? {} : { budget: refusal.budget }),
    },
  });
}
