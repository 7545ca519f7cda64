// Signing in and out: a console session from a staff API key, signing out, and who a request speaks for.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiKeySignIn, me, sessionOpened, type Me, type SessionOpened } from '../../contracts/auth.ts';
import { errorBody } from '../../contracts/common.ts';
import { CurtainError } from '../../core/errors.ts';
import { csrfCookie, sessionCookie } from './access-control.ts';
import type { AccessStore } from './access-store.ts';
import { principalRoles, roles } from './roles.ts';
import { setSessionCookies } from './session-cookies.ts';

const tags = ['auth'];

const signIn = {
  config: { access: 'public' },
  schema: {
    summary: 'Sign a staff member in to the console with an API key: sets an httpOnly session cookie',
    tags,
    body: apiKeySignIn,
    response: { 201: sessionOpened, '4xx': errorBody },
  },
} as const;

const signOut = {
  config: { access: roles },
  schema: {
    summary: 'Sign out: ends the console session',
    tags,
    response: { 204: z.null().describe('no content') },
  },
} as const;

const whoAmIRoute = {
  config: { access: roles },
  schema: {
    summary: 'Who the request is signed in as (a customer is not named: the console needs only the role)',
    tags,
    response: { 200: me },
  },
} as const;

async function signInWithKey(store: AccessStore, apiKey: string, reply: FastifyReply) {
  const principal = await store.apiKeyHolder(apiKey);
  if (principal === undefined) throw new CurtainError('AUTH_REQUIRED', 'the API key is not valid');
  const session = await store.openStaffSession(principal.handle, principal.keyId);
  setSessionCookies(reply, session);
  const { csrfToken, expiresAt } = session;
  return reply.status(201).send({
    kind: 'staff',
    handle: principal.handle,
    roles: [...principal.roles],
    csrfToken,
    expiresAt,
  } satisfies SessionOpened);
}

async function signOutOf(store: AccessStore, request: FastifyRequest, reply: FastifyReply) {
  const cookie = request.cookies[sessionCookie];
  if (cookie !== undefined) await store.closeSession(cookie);
  reply.clearCookie(sessionCookie, { path: '/' }).clearCookie(csrfCookie, { path: '/' });
  return reply.status(204).send();
}

function whoAmI(request: FastifyRequest): Me {
  const principal = request.principal;
  if (principal?.kind === 'staff') {
    return { kind: 'staff', handle: principal.handle, roles: [...principal.roles], via: principal.via };
  }
  return { kind: 'customer', roles: [...principalRoles(principal)], via: 'session' };
}

export function sessionRoutes(store: AccessStore) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.post('/v1/auth/session', signIn, (request, reply) =>
      signInWithKey(store, request.body.apiKey, reply),
    );
    app.delete('/v1/auth/session', signOut, (request, reply) => signOutOf(store, request, reply));
    app.get('/v1/auth/me', whoAmIRoute, whoAmI);
    return Promise.resolve();
  };
}
