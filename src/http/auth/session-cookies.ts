// The session's two cookies and the JSON that answers a sign-in: shared by API-key and demo sign-in.
import type { FastifyReply } from 'fastify';
import { csrfCookie, sessionCookie } from './access-control.ts';
import type { OpenedSession } from './access-store.ts';

export const sessionSchema = {
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

export function setSessionCookies(reply: FastifyReply, session: OpenedSession): void {
  const common = { path: '/', secure: true, sameSite: 'strict', expires: session.expiresAt } as const;
  reply.setCookie(sessionCookie, session.token, { ...common, httpOnly: true });
  // Readable by the console's script, which echoes it in x-csrf-token (double submit).
  reply.setCookie(csrfCookie, session.csrfToken, { ...common, httpOnly: false });
}
