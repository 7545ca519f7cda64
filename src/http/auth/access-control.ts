// Denied by default: every route declares its access, every request is authenticated, then authorised.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CurtainError } from '../../core/errors.ts';
import type { AccessStore } from './access-store.ts';
import { actAsHeader, cliHandle } from './local-cli-key.ts';
import { allows, describeAccess, type Access, type Principal } from './roles.ts';

export const sessionCookie = 'curtain_session';
export const csrfCookie = 'curtain_csrf';
export const csrfHeader = 'x-csrf-token';
export const doorKeyHeader = 'x-curtain-door-key';

export interface AccessControlOptions {
  readonly store: AccessStore;
  /** The key the hub process presents on the vault's internal door routes; door routes refuse all without it. */
  readonly doorKey?: string | undefined;
  /** Routes added by plugins that cannot declare access (the docs page): public, and nothing else is. */
  readonly publicPrefixes?: readonly string[];
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const digest = (value: string) => createHash('sha256').update(value).digest();

function sameSecret(given: string | undefined, expected: string | undefined): boolean {
  if (given === undefined || expected === undefined) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

async function authenticate(
  request: FastifyRequest,
  access: Access,
  options: AccessControlOptions,
): Promise<Principal | undefined> {
  if (access === 'door') {
    return sameSecret(header(request, doorKeyHeader), options.doorKey) ? { kind: 'door' } : undefined;
  }
  const authorization = header(request, 'authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const principal = match?.[1] === undefined ? undefined : await options.store.staffByApiKey(match[1]);
    if (principal === undefined) throw new CurtainError('AUTH_REQUIRED', 'the API key is not valid');
    return actingAs(request, principal, options.store);
  }
  const cookie = request.cookies[sessionCookie];
  if (cookie === undefined) return undefined;
  const session = await options.store.session(cookie);
  if (session === undefined)
    throw new CurtainError('AUTH_REQUIRED', 'the session has expired; sign in again');
  // Cookies ride along on cross-site requests; the CSRF token, which only our own pages can read, does not.
  if (!safeMethods.has(request.method) && !sameSecret(header(request, csrfHeader), session.csrfToken)) {
    throw new CurtainError(
      'CSRF_INVALID',
      `a session's state-changing request needs the ${csrfHeader} header`,
    );
  }
  return actingAs(request, session.principal, options.store);
}

/**
 * The staff member a request acts for: its credential's holder. Only the local CLI's key (issued into the
 * data directory, readable by the server's own user) may name another, who must be on the staff and not
 * disabled; the request then holds that member's roles, and nothing more.
 */
async function actingAs(
  request: FastifyRequest,
  principal: Principal,
  store: AccessStore,
): Promise<Principal> {
  const named = header(request, actAsHeader);
  if (named === undefined || principal.kind !== 'staff' || named === principal.handle) return principal;
  if (principal.handle !== cliHandle || principal.via !== 'api-key') {
    throw new CurtainError('AUTH_FORBIDDEN', `a credential acts for its holder only, not for "${named}"`);
  }
  const member = await store.activeStaff(named, 'local-cli');
  if (member === undefined) {
    throw new CurtainError(
      'AUTH_FORBIDDEN',
      `the local CLI acts as "${named}", who is not on the hub's staff or is disabled: ` +
        'add them with `curtain hub staff add`, or name another with --as',
    );
  }
  return member;
}

export interface DeclaredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: Access;
}

const declaredByServer = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Every route of a server with its access, in registration order (the role × route test walks them). */
export const declaredRoutes = (app: FastifyInstance): readonly DeclaredRoute[] =>
  declaredByServer.get(app) ?? [];

/** Installs the rule on the root instance, before any route is registered. */
export function installAccessControl(app: FastifyInstance, options: AccessControlOptions): void {
  const declared: DeclaredRoute[] = [];
  declaredByServer.set(app, declared);
  app.decorateRequest('principal', undefined);
  app.addHook('onRoute', (route) => {
    let access = route.config?.access;
    if (
      access === undefined &&
      (options.publicPrefixes ?? []).some((prefix) => route.url.startsWith(prefix))
    ) {
      access = 'public';
      route.config = { ...route.config, access };
    }
    if (access === undefined) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no access (config.access)`);
    }
    for (const method of [route.method].flat()) declared.push({ method, url: route.url, access });
    if (route.schema !== undefined && route.schema.hide !== true) {
      const described = [route.schema.description, describeAccess(access)].filter(Boolean).join('\n\n');
      route.schema = {
        ...route.schema,
        description: described,
        ...(access === 'public'
          ? { security: [] }
          : access === 'door'
            ? { security: [{ doorKey: [] }] }
            : { security: [{ apiKey: [] }, { session: [] }] }),
      };
    }
  });
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (access === undefined) throw new CurtainError('AUTH_FORBIDDEN', 'this route declares no access');
    if (access === 'public') return;
    const principal = await authenticate(request, access, options);
    if (!allows(access, principal)) {
      if (principal === undefined || access === 'door') {
        throw new CurtainError('AUTH_REQUIRED', 'sign in or send an API key');
      }
      throw new CurtainError('AUTH_FORBIDDEN', `this needs the role ${access.join(' or ')}`);
    }
    request.principal = principal;
  });
}

/** The staff member a route acts for; routes that call it declare staff roles only. */
export function staffOf(request: FastifyRequest): {
  readonly handle: string;
  readonly roles: readonly string[];
} {
  const principal = request.principal;
  if (principal?.kind !== 'staff') throw new CurtainError('AUTH_FORBIDDEN', 'staff only');
  return principal;
}

/** The signed-in customer's internal id: customer routes never take one from the request. */
export function customerOf(request: FastifyRequest): number {
  const principal = request.principal;
  if (principal?.kind !== 'customer') throw new CurtainError('AUTH_FORBIDDEN', 'customers only');
  return principal.customerId;
}
