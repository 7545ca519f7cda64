// Three regional vaults, each a whole vault on its own database behind its own HTTP door, and one hub.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { activeVerifierKey } from '../../src/audit/door-identity.ts';
import type { VaultDoor } from '../../src/core/vault-door.ts';
import { HubService } from '../../src/hub/hub-service.ts';
import { HubStorage } from '../../src/hub/hub-storage.ts';
import type { VaultDoors } from '../../src/hub/regional-vaults.ts';
import { keyProofs } from '../../src/app/regional-doors.ts';
import { HttpVaultDoor } from '../../src/http/http-vault-door.ts';
import { buildServer } from '../../src/http/server.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { postgresTestUrl, testBackends, type TestDatabase } from '../support/backends.ts';
import { createDemoBankVault, type TestVault } from '../support/test-vault.ts';
import { doorKey } from '../http/harness.ts';

export const end = '2026-11-01';
export const now = () => new Date(`${end}T10:00:00Z`);

/** PostgreSQL when the run has a server (three databases on it), else PGlite directories. */
export const backend = testBackends.find((b) => b.name === (postgresTestUrl ? 'postgres' : 'pglite'))!;

export interface RegionalVault {
  readonly region: string;
  readonly vault: TestVault;
  readonly url: string;
  readonly publicKey: string;
  /** Stops the vault's server at once: its door answers nothing more. */
  kill(): Promise<void>;
  /** Starts the vault's server again on the same address, as after a restart. */
  revive(): Promise<void>;
  dispose(): Promise<void>;
}

/** The three regions every multi-vault suite uses, each with its demo bank's seed. */
export const regions = ['london', 'north', 'scotland'] as const;
const regionalSeeds: Record<(typeof regions)[number], number> = { london: 11, north: 12, scotland: 13 };
/** Customers in each region's bank: enough that every region releases an "everyone active" count. */
export const regionalCustomers = 2_000;

/**
 * The three regions' vaults. Their banks are the run's demo-bank templates (built once per run, under a lock),
 * so every suite that opens them copies the same three banks instead of generating its own.
 */
export const openRegionalVaults = (): Promise<RegionalVault[]> =>
  Promise.all(regions.map((region) => openRegionalVault(region, regionalSeeds[region], regionalCustomers)));

/** A region's vault: a demo bank of its own (its own seed), its own keys, log origin and server. */
export async function openRegionalVault(region: string, seed: number, customers: number) {
  const vault = await createDemoBankVault(
    backend,
    { customers, seed, end },
    { now, random: seededRandomSource(`region-${region}`), logOrigin: `bank.example/vault-${region}` },
  );
  const serve = () => buildServer({ vault }, { logLevel: 'silent', doorKey, rateLimitPerMinute: false });
  let server: FastifyInstance | undefined = await serve();
  const url = await server.listen({ host: '127.0.0.1', port: 0 });
  const kill = async () => {
    const closing = server;
    server = undefined;
    await closing?.close();
  };
  return {
    region,
    vault,
    url,
    publicKey: activeVerifierKey(vault.keys, vault.audit.origin),
    kill,
    async revive() {
      if (server !== undefined) return;
      server = await serve();
      await server.listen({ host: '127.0.0.1', port: Number(new URL(url).port) });
    },
    async dispose() {
      await kill();
      await vault.dispose();
    },
  } satisfies RegionalVault;
}

/** Registers every region's vault with the hub under the key the vault proves, as the operator `by`. */
export async function registerRegions(
  hub: Pick<HubService, 'registerVault'>,
  vaults: readonly Pick<RegionalVault, 'region' | 'url' | 'publicKey'>[],
  by: string,
): Promise<void> {
  for (const v of vaults)
    await hub.registerVault({ region: v.region, url: v.url, publicKey: v.publicKey }, by);
}

export interface RegionalHub {
  readonly hub: HubService;
  readonly database: TestDatabase;
  /** Regions whose vault is killed the moment the hub calls its door for `method`. */
  readonly killOn: Map<string, keyof VaultDoor>;
  /** Regions whose door call `method` goes to a vault that accepts it and never answers (timeout 0.5 s). */
  readonly hangOn: Map<string, keyof VaultDoor>;
  /** How many times the hub called each region's door for a method, keyed `region.method`. */
  readonly calls: Map<string, number>;
  /** Door methods the hub calls and never hears back from, nor sends: the hub's process frozen, then gone. */
  readonly freezeOn: Set<keyof VaultDoor>;
  /** A new hub on the same database and doors, as after the hub's process died and was started again. */
  restart(): HubService;
  dispose(): Promise<void>;
}

/** A server that takes every request and never answers, as a vault stuck on a lock or a dead disk would. */
async function hangingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer(() => undefined);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * The hub on a database of its own, reaching each vault over HTTP. Its home door (staff events) is the first
 * vault's; `killOn` lets a test stop a vault in the middle of a fan-out, after the others were asked.
 */
export async function openRegionalHub(vaults: readonly RegionalVault[]): Promise<RegionalHub> {
  const database = await backend.createMigrated();
  const killOn = new Map<string, keyof VaultDoor>();
  const hangOn = new Map<string, keyof VaultDoor>();
  const calls = new Map<string, number>();
  const freezeOn = new Set<keyof VaultDoor>();
  const hanging = await hangingServer();
  const stuck = new HttpVaultDoor({ url: hanging.url, key: doorKey, timeoutMs: 500, deliveryTimeoutMs: 500 });
  const byRegion = new Map(vaults.map((v) => [v.region, v]));
  const vaultDoors: VaultDoors = ({ region, url }) => {
    const door = new HttpVaultDoor({ url, key: doorKey });
    return new Proxy(door, {
      get(target, property: keyof VaultDoor) {
        const method = Reflect.get(target, property, target) as unknown;
        if (typeof method !== 'function') return method;
        return async (...args: unknown[]) => {
          const key = `${region}.${String(property)}`;
          calls.set(key, (calls.get(key) ?? 0) + 1);
          if (freezeOn.has(property)) return new Promise<never>(() => undefined);
          if (killOn.get(region) === property) await byRegion.get(region)?.kill();
          const to = hangOn.get(region) === property ? stuck : target;
          return (Reflect.get(to, property, to) as (...a: unknown[]) => Promise<unknown>).apply(to, args);
        };
      },
    });
  };
  const home = new HttpVaultDoor({ url: vaults[0]!.url, key: doorKey });
  const open = () =>
    new HubService(new HubStorage(database.storage), home, {
      now,
      regional: { open: vaultDoors, proofs: keyProofs },
    });
  const hub = open();
  await hub.addStaff('olga', ['operator']);
  await hub.addStaff('mia', ['marketer']);
  return {
    hub,
    database,
    killOn,
    hangOn,
    calls,
    freezeOn,
    restart: open,
    async dispose() {
      await hanging.close();
      await database.dispose();
    },
  };
}
