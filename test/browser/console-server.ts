// The real server in-process for browser tests and screenshots: a demo bank on PGlite, the hub, the built console
// (which the server serves at /).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import type { VaultDoor } from '../../src/core/vault-door.ts';
import { demoSignIn } from '../../src/demo/demo-sign-in.ts';
import { seedDemoHub } from '../../src/demo/demo-hub.ts';
import type { HubService } from '../../src/hub/hub-service.ts';
import { defaultConsoleRoot } from '../../src/http/console-static.ts';
import { buildServer } from '../../src/http/server.ts';
import { openHub } from '../../src/app/hub-process.ts';
import { type VaultServices } from '../../src/app/vault-process.ts';
import type { NoiseSampler } from '../../src/privacy/guard/noise.ts';
import { testBackends } from '../support/backends.ts';
import { createDemoBankVault } from '../support/test-vault.ts';

const consoleDir = fileURLToPath(new URL('../../console/', import.meta.url));

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Builds the console with Vite when console/dist is missing or older than its sources. */
export function ensureConsoleBuilt(): void {
  const built = join(defaultConsoleRoot, 'index.html');
  const sources = [
    ...['src', 'index.html', 'vite.config.ts'].map((name) => newestChange(join(consoleDir, name))),
    // Edge mode's page bundles the edge package (and the language and engine it imports).
    ...['edge', 'language', 'vault/questions'].map((name) =>
      newestChange(join(consoleDir, '..', 'src', name)),
    ),
  ];
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources)) return;
  const build = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', 'console', '--logLevel', 'warn'],
    {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) throw new Error('the console did not build');
}

export interface ConsoleServer {
  /** The console's address, on localhost (a secure context, so the session's Secure cookies are kept). */
  readonly url: string;
  readonly vault: VaultServices;
  readonly hub: HubService;
  close(): Promise<void>;
}

export interface ConsoleServerOptions {
  /** The hub's clock (a test moves it to bring a scheduled campaign's start); the real time by default. */
  readonly now?: () => Date;
  /** The door the hub talks to the vault through, from the vault's own (a test may wrap it). */
  readonly door?: (door: VaultDoor) => VaultDoor;
  /** The guard's noise (a seeded sampler where a suite asserts a noised outcome); cryptographic by default. */
  readonly noise?: NoiseSampler;
}

/** A demo bank of `customers` on PGlite, seeded like `curtain start`, serving the API and the console. */
export async function startConsoleServer(
  customers = 2_000,
  options: ConsoleServerOptions = {},
): Promise<ConsoleServer> {
  const pglite = testBackends.find((backend) => backend.name === 'pglite')!;
  // The run's template of this bank when a suite of the same size built it already (a copy, not a new bank).
  const vault = await createDemoBankVault(
    pglite,
    { density: 'thin', customers, seed: 1, end: new Date().toISOString().slice(0, 10) },
    options.noise === undefined ? {} : { noise: options.noise },
  );
  const door = options.door?.(vault.door) ?? vault.door;
  const hub = openHub({ storage: vault.storage, door }, options.now);
  return serveConsole(vault, hub, () => vault.dispose(), door);
}

/**
 * The console and API over `vault` (its home vault: sign-in, budget) and `hub`, the demo staff added to the hub;
 * `dispose` runs after the server closed; `door` is the one the hub reaches the home vault through.
 */
export async function serveConsole(
  vault: Awaited<ReturnType<typeof createDemoBankVault>>,
  hub: HubService,
  dispose: () => Promise<void>,
  door: VaultDoor = vault.door,
): Promise<ConsoleServer> {
  ensureConsoleBuilt();
  await seedDemoHub(hub);
  const app = await buildServer(
    { vault, hub: { service: hub, door, storage: vault.storage } },
    { logLevel: 'silent', rateLimitPerMinute: false, demo: demoSignIn(true, vault.door, vault) },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    vault,
    hub,
    async close() {
      await app.close();
      await dispose();
    },
  };
}

/** Debian's Chromium, headless (installed by .ci/run when missing). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
