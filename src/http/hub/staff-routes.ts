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

const handleParams = {
  type: 'object',
  required: ['handle'],
  properties: { handle: code },
} as const;

const removeRoles = {
  config,
  schema: {
    summary: 'Remove roles from a staff member: their console sessions end at once',
    description:
      'Refused with STAFF_LAST_HOLDER when it would leave no active approver or operator (two-person rules).',
    tags,
    params: handleParams,
    body: {
      type: 'object',
      required: ['roles'],
      additionalProperties: false,
      properties: {
        roles: { type: 'array', minItems: 1, items: { type: 'string', enum: [...staffRoles] } },
      },
    },
    response: { 200: staffSchema, '4xx': errorSchema },
  },
} as const;

const disable = {
  config,
  schema: {
    summary: 'Disable a staff member: their API keys are revoked and their sessions end at once',
    description: 'Refused with STAFF_LAST_HOLDER for the last active approver or operator.',
    tags,
    params: handleParams,
    response: { 200: staffSchema, '4xx': errorSchema },
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
    app.post<{ Params: { handle: string }; Body: { roles: string[] } }>(
      '/v1/hub/staff/:handle/remove-roles',
      removeRoles,
      (request) => hub.removeStaffRoles(request.params.handle, request.body.roles, staffOf(request).handle),
    );
    app.post<{ Params: { handle: string } }>('/v1/hub/staff/:handle/disable', disable, (request) =>
      hub.disableStaff(request.params.handle, staffOf(request).handle),
    );
    return Promise.resolve();
  };
}
