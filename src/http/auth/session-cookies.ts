// The session's two cookies, set by API-key and demo sign-in alike.
import type { FastifyReply } from 'fastify';
import { csrfCookie, sessionCookie } from './access-control.ts';
import type { OpenedSession } from './access-store.ts';

export function setSessionCookies(reply: FastifyReply, session: OpenedSession): void {
  const common = { path: '/', secure: true, sameSite: 'strict', expires: session.expiresAt } as const;
  reply.setCookie(sessionCookie, session.token, { ...common, httpOnly: true });
  // Readable by the console's script, which echoes it in x-csrf-token (double submit).
  reply.setCookie(csrfCookie, session.csrfToken, { ...common, httpOnly: false });
}
