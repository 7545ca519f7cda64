// Hub staff over HTTP: the operator's bootstrap — who works in the hub, and in which roles.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody, listOf } from '../../contracts/common.ts';
import { handleParams, staffInput, staffMember, staffRolesChange } from '../../contracts/hub-staff.ts';
import { CurtainError } from '../../core/errors.ts';
import type { HubService } from '../../hub/hub-service.ts';
import { staffOf } from '../auth/access-control.ts';

const tags = ['staff'];
const config = { access: ['operator'] } as const;

const list = {
  config,
  schema: { summary: 'Hub staff and their roles', tags, response: { 200: listOf('staff', staffMember) } },
};

const add = {
  config,
  schema: {
    summary: 'Add a staff member, or give one more roles',
    tags,
    body: staffInput,
    response: { 201: staffMember, '4xx': errorBody },
  },
};

const removeRoles = {
  config,
  schema: {
    summary: 'Remove roles from a staff member: their console sessions end at once',
    description:
      'Refused with STAFF_LAST_HOLDER when it would leave no active approver or operator (two-person rules).',
    tags,
    params: handleParams,
    body: staffRolesChange,
    response: { 200: staffMember, '4xx': errorBody },
  },
};

const disable = {
  config,
  schema: {
    summary: 'Disable a staff member: their API keys are revoked and their sessions end at once',
    description: 'Refused with STAFF_LAST_HOLDER for the last active approver or operator.',
    tags,
    params: handleParams,
    response: { 200: staffMember, '4xx': errorBody },
  },
};

export function staffRoutes(hub: HubService) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/hub/staff', list, async () => ({ staff: await hub.listStaff() }));
    app.post('/v1/hub/staff', add, async (request, reply) => {
      if (request.body.handle === staffOf(request).handle) {
        throw new CurtainError('HUB_FORBIDDEN', 'an operator may not change their own roles');
      }
      return reply.status(201).send(await hub.addStaff(request.body.handle, request.body.roles));
    });
    app.post('/v1/hub/staff/:handle/remove-roles', removeRoles, (request) =>
      hub.removeStaffRoles(request.params.handle, request.body.roles, staffOf(request).handle),
    );
    app.post('/v1/hub/staff/:handle/disable', disable, (request) =>
      hub.disableStaff(request.params.handle, staffOf(request).handle),
    );
    return Promise.resolve();
  };
}
