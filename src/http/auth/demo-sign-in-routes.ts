// DEMO ONLY: the demo picker's routes — sign in as a demo staff member or a generated demo customer.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  demoCustomerSignIn,
  demoPicker,
  demoStaffSignIn,
  sessionOpened,
  type DemoPicker,
  type SessionOpened,
} from '../../contracts/auth.ts';
import { errorBody } from '../../contracts/common.ts';
import { CurtainError } from '../../core/errors.ts';
import type { AccessStore } from './access-store.ts';
import { principalRoles } from './roles.ts';
import { setSessionCookies } from './session-cookies.ts';

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

const picker = {
  config: { access: 'public' },
  schema: {
    summary: 'DEMO ONLY: whether demo sign-in is on, and whom the demo picker offers',
    tags,
    response: { 200: demoPicker },
  },
} as const;

const asStaff = {
  config: { access: 'public' },
  schema: {
    summary: 'DEMO ONLY: sign in as a demo staff member, without a credential',
    tags,
    body: demoStaffSignIn,
    response: { 201: sessionOpened, '4xx': errorBody },
  },
} as const;

const asCustomer = {
  config: { access: 'public' },
  schema: {
    summary: 'DEMO ONLY: sign in as a generated demo customer, without a credential',
    tags,
    body: demoCustomerSignIn,
    response: { 201: sessionOpened, '4xx': errorBody },
  },
} as const;

async function offered(demo: DemoSignIn | undefined): Promise<DemoPicker> {
  if (demo === undefined || !(await demo.enabled())) return { demo: false };
  return { demo: true, notice: demoNotice, staff: [...demo.staff], customers: [...(await demo.customers())] };
}

/** Answers 201 with the session it opened. */
type Sign<Body> = (request: FastifyRequest<{ Body: Body }>, reply: FastifyReply) => Promise<SessionOpened>;

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
    void reply.status(201);
    return {
      kind: 'staff',
      handle: request.body.handle,
      roles: [...principalRoles(me?.principal)],
      csrfToken,
      expiresAt,
    };
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
    void reply.status(201);
    return { kind: 'customer', roles: ['customer'], csrfToken, expiresAt };
  };
}

export function demoSignInRoutes(store: AccessStore, demo: DemoSignIn | undefined) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/auth/demo', picker, () => offered(demo));
    app.post('/v1/auth/demo/staff', asStaff, signInStaff(store, demo));
    app.post('/v1/auth/demo/customer', asCustomer, signInCustomer(store, demo));
    return Promise.resolve();
  };
}
