// A vault that answers outside the door contract: the hub gets DOOR_CONTRACT, not a crash and not the bad value.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CurtainError } from '../../src/core/errors.ts';
import { HubService } from '../../src/hub/hub-service.ts';
import { HubStorage } from '../../src/hub/hub-storage.ts';
import { HttpVaultDoor } from '../../src/http/http-vault-door.ts';
import { testBackends } from '../support/backends.ts';
import { randomUUID } from 'node:crypto';
import { DoorRoundParty } from '../../src/federated/door-round-party.ts';
import { pinnedVerifier } from '../../src/federated/bundle-keys.ts';
import { runFederatedRound } from '../../src/federated/round-coordinator.ts';
import { RecordingDoor } from '../hub/recording-door.ts';

/** What the stub vault answers on each door path: a status and a raw body. */
const answers: Record<string, { status: number; body: string }> = {};
const exactCount = 12_345;

async function refusal(promise: Promise<unknown>): Promise<CurtainError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CurtainError)) throw new Error(`expected a CurtainError, got ${String(error)}`);
  return error;
}

describe('a vault answering outside the door contract', () => {
  let server: Server;
  let door: HttpVaultDoor;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const answer = answers[request.url ?? ''] ?? { status: 404, body: '' };
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    door = new HttpVaultDoor({ url: `http://127.0.0.1:${port}`, key: 'door-key-for-tests' });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    for (const path of Object.keys(answers)) delete answers[path];
  });

  const answer = (path: string, status: number, body: unknown) => {
    answers[`/internal/door/${path}`] = {
      status,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    };
  };

  it('refuses a wrong shape, naming the field and never the value', async () => {
    answer('count', 200, {
      ok: true,
      value: { count: -exactCount, repeated: 'no', epsilon: '1/10', budget: {} },
    });
    const error = await refusal(door.count('count(within: 90d) > 0', 'bank_offers', 'mia'));
    expect(error.code).toBe('DOOR_CONTRACT');
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/^the vault answered VaultDoor\.count with something the door contract/);
    expect(error.message).toContain('value.count');
    expect(error.message).toContain('value.repeated');
    expect(error.message).not.toContain(String(exactCount));
  });

  it('refuses an unknown refusal code, an extra state, an unknown kind', async () => {
    answer('check', 200, { ok: false, error: { code: 'NOT_A_CODE', message: 'no' } });
    expect((await refusal(door.check('x', 'bank_offers'))).code).toBe('DOOR_CONTRACT');
    answer('results', 200, { ok: true, value: { campaignId: 'c', delivered: 1.5 } });
    expect((await refusal(door.results('c', 'mia'))).code).toBe('DOOR_CONTRACT');
    answer('kind', 200, { kind: 'maybe' });
    expect((await refusal(door.kind())).code).toBe('DOOR_CONTRACT');
  });

  it('refuses a body that is not JSON, an error without an error body, and content where 204 is due', async () => {
    answer('check', 200, 'not json');
    expect((await refusal(door.check('x', 'bank_offers'))).code).toBe('DOOR_CONTRACT');
    answer('check', 500, '<html>oops</html>');
    expect((await refusal(door.check('x', 'bank_offers'))).code).toBe('DOOR_CONTRACT');
    answer('record', 200, { recorded: 1 });
    expect((await refusal(door.record([]))).code).toBe('DOOR_CONTRACT');
  });

  it('passes a well-formed answer and a coded error through', async () => {
    answer('check', 200, { ok: true, value: { explanation: 'people who paid' } });
    expect(await door.check('x', 'bank_offers')).toEqual({
      ok: true,
      value: { explanation: 'people who paid' },
    });
    answer('check', 400, { error: { code: 'USAGE', message: 'body.purpose: too long' } });
    expect((await refusal(door.check('x', 'bank_offers'))).code).toBe('USAGE');
  });

  // Broken once: with the coordinator taking a breach for a dropout, the round stopped as "1 of 2 vaults
  // advertised keys" and this test failed on the message naming the vault.
  it('a vault answering a round step outside the contract aborts the round, and every vault forgets it', async () => {
    const home = new RecordingDoor();
    home.rounds.pins.set('north', home.publicKey);
    answer('round/begin', 200, { participant: 'north', cipherKey: 'short', maskKey: 'short', signature: '' });
    answer('round/abort', 204, '');
    const parties = new Map([
      ['home', new DoorRoundParty(home, 'home')],
      ['north', new DoorRoundParty(door, 'north')],
    ]);
    const round = randomUUID();
    const error = await refusal(
      runFederatedRound(
        parties,
        { round, product: 'savings', asOf: '2026-07-01', epsilon: 1, asker: 'mia', purpose: 'bank_offers' },
        { verify: pinnedVerifier(new Map([['home', home.publicKey]])) },
      ),
    );
    expect(error.code).toBe('FEDERATED_ROUND_ABORTED');
    expect(error.message).toContain('the vault of "north" answered outside the door contract');
    expect(error.message).toContain('cipherKey');
    expect(home.rounds.steps).toEqual([`begin ${round}`, `abort ${round}`]);
  });

  it.each(testBackends)('gives the hub the coded error ($name)', async (backend) => {
    const database = await backend.createMigrated();
    try {
      const hub = new HubService(new HubStorage(database.storage), door);
      answer('record', 204, '');
      await hub.addStaff('mia', ['marketer']);
      answer('check', 200, { ok: true, value: { explanation: exactCount } });
      const error = await refusal(
        hub.addSegment({ name: 'all', expression: 'count(within: 90d) > 0', purpose: 'bank_offers' }, 'mia'),
      );
      expect(error.code).toBe('DOOR_CONTRACT');
      expect(error.message).not.toContain(String(exactCount));
      expect(await hub.listSegments()).toEqual([]);
    } finally {
      await database.dispose();
    }
  });
});
