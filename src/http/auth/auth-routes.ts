// Signing in and out: a console session from an API key, and, on a demo bank only, a demo picker.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CurtainError } from '../../core/errors.ts';
import { errorSchema } from '../schemas.ts';
import { csrfCookie, sessionCookie } from './access-control.ts';
import type { AccessStore, OpenedSession } from './access-store.ts';
import { roles, principalRoles } from './roles.ts';

/** Demo only: sign in as a demo staff member or a generated demo customer, without a credential. */
export interface DemoSignIn {
  /** Demo staff handles. */
  readonly staff: readonly string[];
  /** Whether the vault served here is a generated demo bank (always, for a hub served alone). */
  enabled(): Promise<boolean>;
  /** A few demo customers' external ids, those with messages first; none when no vault is served here. */
  customers(): Promise<readonly string[]>;
  /** The internal id of a demo customer, or undefined. */
  findCustomer(externalId: string): Promise<number | undefined>;
}

export const demoNotice =
  'DEMO ONLY: sign-in without a credential exists because this server runs a generated demo bank; ' +
  'a real deployment has no such route.';

const sessionSchema = {
  type: 'object',
  required: ['kind', 'roles', 'csrfToken', 'expiresAt'],
  properties: {
    kind: { type: 'string', enum: ['staff', 'customer'] },
    handle: { type: 'string' },
    roles: { type: 'array', items: { type: 'string' } },
    csrfToken: { type: 'string', description: 'send it as x-csrf-token on POST, PUT, PATCH and DELETE' },
    expiresAt: { type: 'string', format: 'date-time' },
  },
} as const;

const externalId = { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' } as const;
const handle = { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' } as const;

function setSessionCookies(reply: FastifyReply, session: OpenedSession): void {
  const common = { path: '/', secure: true, sameSite: 'strict', expires: session.expiresAt } as const;
  reply.setCookie(sessionCookie, session.token, { ...common, httpOnly: true });
  // Readable by the console's script, which echoes it in x-csrf-token (double submit).
  reply.setCookie(csrfCookie, session.csrfToken, { ...common, httpOnly: false });
}

export function authRoutes(store: AccessStore, demo: DemoSignIn | undefined) {
  return (app: FastifyInstance): Promise<void> => {
    const tags = ['auth'];

    app.post<{ Body: { apiKey: string } }>(
      '/v1/auth/session',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Sign a staff member in to the console with an API key: sets an httpOnly session cookie',
          tags,
          body: {
            type: 'object',
            required: ['apiKey'],
            additionalProperties: false,
            properties: { apiKey: { type: 'string', minLength: 10, maxLength: 200 } },
          },
          response: { 201: sessionSchema, '4xx': errorSchema },
        },
      },
      async (request, reply) => {
        const principal = await store.staffByApiKey(request.body.apiKey);
        if (principal?.kind !== 'staff') throw new CurtainError('AUTH_REQUIRED', 'the API key is not valid');
        const session = await store.openStaffSession(principal.handle);
        setSessionCookies(reply, session);
        const { csrfToken, expiresAt } = session;
        return reply
          .status(201)
          .send({ kind: 'staff', handle: principal.handle, roles: principal.roles, csrfToken, expiresAt });
      },
    );

    app.delete(
      '/v1/auth/session',
      {
        config: { access: roles },
        schema: { summary: 'Sign out: ends the console session', tags, response: { 204: { type: 'null' } } },
      },
      async (request, reply) => {
        const cookie = request.cookies[sessionCookie];
        if (cookie !== undefined) await store.closeSession(cookie);
        reply.clearCookie(sessionCookie, { path: '/' }).clearCookie(csrfCookie, { path: '/' });
        return reply.status(204).send();
      },
    );

    app.get(
      '/v1/auth/me',
      {
        config: { access: roles },
        schema: {
          summary:
            'Who the request is signed in as (a customer is not named: the console needs only the role)',
          tags,
          response: {
            200: {
              type: 'object',
              properties: {
                kind: { type: 'string', enum: ['staff', 'customer'] },
                handle: { type: 'string' },
                roles: { type: 'array', items: { type: 'string' } },
                via: { type: 'string', enum: ['api-key', 'session'] },
              },
            },
          },
        },
      },
      (request) => {
        const principal = request.principal;
        if (principal?.kind === 'staff') {
          return { kind: 'staff', handle: principal.handle, roles: principal.roles, via: principal.via };
        }
        return { kind: 'customer', roles: principalRoles(principal), via: 'session' };
      },
    );

    app.get(
      '/v1/auth/demo',
      {
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
      },
      async () => {
        if (demo === undefined || !(await demo.enabled())) return { demo: false };
        return { demo: true, notice: demoNotice, staff: demo.staff, customers: await demo.customers() };
      },
    );

    app.post<{ Body: { handle: string } }>(
      '/v1/auth/demo/staff',
      {
        config: { access: 'public' },
        schema: {
          summary: 'DEMO ONLY: sign in as a demo staff member, without a credential',
          tags,
          body: { type: 'object', required: ['handle'], additionalProperties: false, properties: { handle } },
          response: { 201: sessionSchema, '4xx': errorSchema },
        },
      },
      async (request, reply) => {
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
      },
    );

    app.post<{ Body: { externalId: string } }>(
      '/v1/auth/demo/customer',
      {
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
      },
      async (request, reply) => {
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
      },
    );
    return Promise.resolve();
  };
}
