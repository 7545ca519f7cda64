// Serves the built web console (console/dist) at /, with every other path of the console falling back to it.
import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build:console` writes the console. */
export const defaultConsoleRoot = fileURLToPath(new URL('../../console/dist', import.meta.url));

/** Paths that belong to the API and its tools: an unknown one is a JSON 404, never the console's page. */
export const apiPrefixes = ['/v1', '/internal', '/openapi.json', '/docs', '/health', '/ready', '/metrics'];

const isApiPath = (path: string) =>
  apiPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Curtain: console not built</title></head>
<body><main><h1>The console has not been built</h1>
<p>The API is running (see <a href="/docs">/docs</a>). To build the web console, run
<code>npm run build:console</code> and reload this page; <code>npm start</code> builds it for you.</p>
</main></body></html>
`;

export interface ConsoleOptions {
  /** The built console; defaults to console/dist of this checkout. */
  readonly root?: string;
}

export function consoleStatic(options: ConsoleOptions = {}) {
  const root = resolve(options.root ?? defaultConsoleRoot);
  return async (app: FastifyInstance): Promise<void> => {
    // Files are sent by the route below, which declares its access like every other route.
    await app.register(fastifyStatic, { root, serve: false });
    app.get<{ Params: { '*': string } }>(
      '/*',
      { config: { access: 'public' }, schema: { hide: true } },
      (request, reply) => {
        const path = `/${request.params['*']}`;
        if (isApiPath(path)) return reply.callNotFound();
        if (!existsSync(join(root, 'index.html'))) {
          return reply.status(503).type('text/html; charset=utf-8').send(notBuiltPage);
        }
        const file = join(root, path);
        // Vite names built assets by their content hash: they never change, so they may be kept.
        if (path !== '/' && file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) {
          const immutable = path.startsWith('/assets/');
          return reply.sendFile(path.slice(1), {
            maxAge: immutable ? 365 * 86_400_000 : 0,
            immutable,
          });
        }
        // Any other path is one of the console's own pages: the app reads the path and shows it.
        return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
      },
    );
  };
}
