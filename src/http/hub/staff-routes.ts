// Hub staff over HTTP: the operator's bootstrap — who works in the hub, and in which roles.
import type { FastifyInstance } from 'fastify';
import { CurtainError } from '../../core/errors.ts';
import type { HubService } from '../../hub/hub-service.ts';
import { staffRoles } from '../../hub/staff.ts';
import { staffOf } from '../auth/access-control.ts';
import { errorSchema } from '../schemas.ts';
import { code } from './hub-fields.ts';
import { listOf, staffSchema } from './hub-schemas.ts';

const tags = ['staff'];
const config = { access: ['operator'] } as const;

const list = {
  config,
  schema: { summary: 'Hub staff and their roles', tags, response: { 200: listOf('staff', staffSchema) } },
} as const;

const add = {
  config,
  schema: {
    summary: 'Add a staff member, or give one more roles',
    tags,
    body: {
      type: 'object',
      required: ['handle', 'roles'],
      additionalProperties: false,
      properties: {
        handle: code,
        roles: { type: 'array', minItems: 1, items: { type: 'string', enum: [...staffRoles] } },
      },
    },
    response: { 201: staffSchema, '4xx': errorSchema },
  },
} as const;

export function staffRoutes(hub: HubService) {
  return (app: FastifyInstance): Promise<void> => {
    app.get('/v1/hub/staff', list, async () => ({ staff: await hub.listStaff() }));
    app.post<{ Body: { handle: string; roles: string[] } }>('/v1/hub/staff', add, async (request, reply) => {
      if (request.body.handle === staffOf(request).handle) {
        throw new CurtainError('HUB_FORBIDDEN', 'an operator may not change their own roles');
      }
      return reply.status(201).send(await hub.addStaff(request.body.handle, request.body.roles));
    });
    return Promise.resolve();
  };
}
