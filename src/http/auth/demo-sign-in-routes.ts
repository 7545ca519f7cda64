// DEMO ONLY: the demo picker's routes — sign in as a demo staff member or a generated demo customer.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CurtainError } from '../../core/errors.ts';
import { errorSchema } from '../schemas.ts';
import type { AccessStore } from './access-store.ts';
import { principalRoles } from './roles.ts';
import { sessionSchema, setSessionCookies } from './session-cookies.ts';

/** Demo only: sign in as a demo staff member or a generated demo customer, without a credential. */
export interface DemoSignIn {
  /** Demo staff handles. */
  readonly staff: readonly string[];
  /** Whether the vault says it is a demo vault (asked through the door by a hub served alone). */
  enabled(): Promise<boolean>;
  /** A few demo customers' external ids, those with messages first; none when no vault is served here. */
  customers(): Promise<readonly string[]>;
  /** The internal id of a demo customer, or undefined. */
  findCustomer(externalId: string): Promise<number | undefined>;
}

export const demoNotice =
  'DEMO ONLY: sign-in without a credential exists because this server runs a generated demo bank; ' +
  'a real deployment has no such route.';

const tags = ['auth'];
const externalId = { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' } as const;
const handle = { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' } as const;

const picker = {
  config: { access: 'public' },
  schema: {
    summary: 'DEMO ONLY: whether demo sign-in is on, and whom the demo picker offers',
    tags,
    response: {
      200: {
        type: 'object',
        properties: {
          demo: { type: 'boolean' },
          notice: { type: 'string' },
          staff: { type: 'array', items: { type: 'string' } },
          customers: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const;

const asStaff = {
  config: { access: 'public' },
  schema: {
    summary: 'DEMO ONLY: sign in as a demo staff member, without a credential',
    tags,
    body: { type: 'object', required: ['handle'], additionalProperties: false, properties: { handle } },
    response: { 201: sessionSchema, '4xx': errorSchema },
  },
} as const;

const asCustomer = {
  config: { access: 'public' },
  schema: {
    summary: 'DEMO ONLY: sign in as a generated demo customer, without a credential',
    tags,
    body: {
      type: 'object',
      required: ['externalId'],
      additionalProperties: false,
      properties: { externalId },
    },
    response: { 201: sessionSchema, '4xx': errorSchema },
  },
} as const;

async function offered(demo: DemoSignIn | undefined) {
  if (demo === undefined || !(await demo.enabled())) return { demo: false };
  return { demo: true, notice: demoNotice, staff: demo.staff, customers: await demo.customers() };
}

type Sign<Body> = (request: FastifyRequest<{ Body: Body }>, reply: FastifyReply) => Promise<FastifyReply>;

function signInStaff(store: AccessStore, demo: DemoSignIn | undefined): Sign<{ handle: string }> {
  return async (request, reply) => {
    if (demo === undefined || !demo.staff.includes(request.body.handle) || !(await demo.enabled())) {
      throw new CurtainError('DEMO_DISABLED', 'demo sign-in is off, or that is not a demo staff member');
    }
    request.log.warn('DEMO ONLY: staff signed in through the demo picker');
    const session = await store.openStaffSession(request.body.handle);
    setSessionCookies(reply, session);
    const me = await store.session(session.token);
    const { csrfToken, expiresAt } = session;
    return reply.status(201).send({
      kind: 'staff',
      handle: request.body.handle,
      roles: principalRoles(me?.principal),
      csrfToken,
      expiresAt,
    });
  };
}

function signInCustomer(store: AccessStore, demo: DemoSignIn | undefined): Sign<{ externalId: string }> {
  return async (request, reply) => {
    const on = demo !== undefined && (await demo.enabled());
    const customerId = on ? await demo.findCustomer(request.body.externalId) : undefined;
    if (customerId === undefined) {
      throw new CurtainError('DEMO_DISABLED', 'demo sign-in is off, or that is not a demo customer');
    }
    request.log.warn('DEMO ONLY: a customer signed in through the demo picker');
    const session = await store.openCustomerSession(customerId);
    setSessionCookies(reply, session);
    const { csrfToken, expiresAt } = session;
    return reply.status(201).send({ kind: 'customer', roles: ['customer'], csrfToken, expiresAt });
  };
}

export function demoSignInRoutes(store: AccessStore, demo: DemoSignIn | undefined) {
  return (app: FastifyInstance): Promise<void> => {
    app.get('/v1/auth/demo', picker, () => offered(demo));
    app.post<{ Body: { handle: string } }>('/v1/auth/demo/staff', asStaff, signInStaff(store, demo));
    app.post<{ Body: { externalId: string } }>(
      '/v1/auth/demo/customer',
      asCustomer,
      signInCustomer(store, demo),
    );
    return Promise.resolve();
  };
}
