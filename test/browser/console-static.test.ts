// Serving the console: its files and pages at /, the API's unknown paths still JSON 404s, a page when not built.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleStatic } from '../../src/http/console-static.ts';
import { registerErrorMapping } from '../../src/http/errors.ts';
import { openHarness, type Harness } from '../http/harness.ts';
import { testBackends } from '../support/backends.ts';

async function serving(root: string): Promise<FastifyInstance> {
  const app = Fastify();
  registerErrorMapping(app);
  app.get('/v1/thing', () => ({ thing: true }));
  await app.register(consoleStatic({ root }));
  return app;
}

describe('the console’s files', () => {
  let built: string;
  let app: FastifyInstance;
  let unbuilt: FastifyInstance;

  beforeAll(async () => {
    built = await mkdtemp(join(tmpdir(), 'curtain-console-'));
    await mkdir(join(built, 'assets'));
    await writeFile(join(built, 'index.html'), '<!doctype html><title>console</title><div id="root"></div>');
    await writeFile(join(built, 'assets', 'app-1234.js'), 'console.log(1)');
    app = await serving(built);
    unbuilt = await serving(join(built, 'missing'));
  });
  afterAll(async () => {
    await app?.close();
    await unbuilt?.close();
    await rm(built, { recursive: true, force: true });
  });

  it('serves the app at / and at any of its own paths, never cached', async () => {
    for (const url of ['/', '/segments', '/campaigns/c-1', '/inbox/m-1?x=1']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<div id="root">');
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves built assets, which never change, for a year', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log(1)');
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('leaves the API its routes, and its unknown paths JSON 404s', async () => {
    expect((await app.inject({ method: 'GET', url: '/v1/thing' })).json()).toEqual({ thing: true });
    for (const url of ['/v1/nothing', '/internal/door/x', '/openapi.json/x', '/health/x', '/metrics/x']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });

  it('never serves a file outside the console', async () => {
    for (const url of ['/../package.json', '/assets/../../package.json', '/%2e%2e/%2e%2e/package.json']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.body, url).not.toContain('"dependencies"');
    }
  });

  it('says so plainly when the console was not built', async () => {
    const response = await unbuilt.inject({ method: 'GET', url: '/segments' });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build:console');
  });
});

describe.each(testBackends)('the console in the real server on $name', (backend) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await openHarness(backend);
  }, 120_000);
  afterAll(() => harness?.dispose());

  it('answers a console page with HTML, publicly, and keeps the API behind its access rules', async () => {
    const page = await harness.inject({ method: 'GET', url: '/campaigns/c-1' });
    expect([200, 503]).toContain(page.statusCode);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await harness.inject({ method: 'GET', url: '/v1/hub/campaigns' })).statusCode).toBe(401);
    const unknown = await harness.inject({ method: 'GET', url: '/v1/nothing' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
