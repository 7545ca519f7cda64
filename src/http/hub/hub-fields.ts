// What the hub's routes share besides their contracts: who counts as hub staff, and the door's refusals as replies.
import type { FastifyReply } from 'fastify';
import { errorCatalogue } from '../../core/errors.ts';
import type { DoorRefusal } from '../../core/vault-door.ts';

/** Every staff role that reads the hub's catalogue and campaigns. */
export const staffAccess = { access: ['marketer', 'approver', 'partner', 'compliance', 'operator'] } as const;
export const marketerAccess = { access: ['marketer'] } as const;

/** A door refusal as an HTTP error: its code's status, its rendered diagnostics for the editor. */
export function sendRefusal(reply: FastifyReply, refusal: DoorRefusal) {
  return reply.status(errorCatalogue[refusal.code].status).send({
    error: {
      code: refusal.code,
      message: refusal.message,
      ...(refusal.rendered === undefined ? {} : { rendered: refusal.rendered }),
      ...(refusal.diagnostics === undefined ? {} : { diagnostics: refusal.diagnostics }),
      ...(refusal.budget === undefined ? {} : { budget: refusal.budget }),
    },
  });
}
