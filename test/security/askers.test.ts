// Issue 14, class 4: an asker is a person — the authenticated staff member, or the one the local CLI names.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHubForCli } from '../../src/app/hub-process.ts';
import { askInVault } from '../../src/cli/ask-in-vault.ts';
import { loadConfig } from '../../src/config/config.ts';
import { cliHandle } from '../../src/http/auth/local-cli-key.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { discreteLaplaceNoise } from '../../src/privacy/guard/noise.ts';
import { testBackends } from '../support/backends.ts';
import { openHarness, type Harness } from '../http/harness.ts';

const question = { expression: 'count(within: 30d) > 0', purpose: 'bank_offers' };

interface Entry {
  readonly type: string;
  readonly details: { readonly asker?: string; readonly via?: string; readonly handle?: string };
}

describe.each(testBackends)('askers on $name', (backend) => {
  let h: Harness;
  let cliKey: Record<string, string>;
  let dataDir: string;

  /** The question entries of the transparency log, with their asker and how they asked. */
  const askedEntries = async () =>
    ((await h.vault.audit.entries(0, 10_000)).map((e) => e.entry) as Entry[]).filter(
      (entry) => entry.type === 'question.asked',
    );
  const spent = async (asker: string) => (await h.vault.questions.budget(asker)).askerRemaining.toString();
  const ask = (headers: Record<string, string>, payload: object = question) =>
    h.inject({ method: 'POST', url: '/v1/questions', headers, payload });

  beforeAll(async () => {
    // Seeded noise: three questions below, each of nobody, are refused as too few by a noised comparison with the
    // noised k, which unseeded noise answered about once in 730 runs each.
    h = await openHarness(
      backend,
      {},
      { noise: discreteLaplaceNoise(seededRandomSource(`askers-${backend.name}`)) },
    );
    await h.hub.addStaff(cliHandle, ['operator']);
    cliKey = { authorization: `Bearer ${(await h.store.createApiKey(cliHandle, 'local CLI')).key}` };
    dataDir = await mkdtemp(join(tmpdir(), 'curtain-askers-'));
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('charges the authenticated member, and refuses a body that names another', async () => {
    const before = await spent('rui');
    const named = await ask(h.staff.marketer, { ...question, asker: 'rui' });
    expect(named.statusCode).toBe(400);
    expect(named.json()).toMatchObject({
      error: { code: 'USAGE', message: 'body: Unrecognized key: "asker"' },
    });
    expect(await spent('rui')).toBe(before);
    const answer = await ask(h.staff.marketer, question);
    expect(answer.json()).toMatchObject({ error: { budget: { charged: '5/8', askerRemaining: '35/8' } } });
    expect(await spent('rui')).toBe(before);
    expect(await spent('mia')).toBe('35/8');
    expect((await askedEntries()).map((entry) => entry.details.asker)).toEqual(['mia']);
  });

  it('lets no credential but the local CLI’s act as another member, not even an operator’s', async () => {
    const operator = await ask({ ...h.staff.operator, 'x-curtain-act-as': 'mia' });
    expect(operator.statusCode).toBe(403);
    expect(operator.json()).toMatchObject({ error: { code: 'AUTH_FORBIDDEN' } });
    const self = await ask({ ...h.staff.partner, 'x-curtain-act-as': 'pia' });
    expect(self.statusCode).toBe(422);
  });

  it('lets the local CLI act only as an existing member who holds an asking role; the log says so', async () => {
    const stranger = await ask({ ...cliKey, 'x-curtain-act-as': 'mallory' });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json<{ error: { message: string } }>().error.message).toMatch(/"mallory".*not on/);
    const approver = await ask({ ...cliKey, 'x-curtain-act-as': 'rui' });
    expect(approver.statusCode).toBe(403);
    expect(approver.json<{ error: { message: string } }>().error.message).toMatch(/marketer/);
    const asPia = await ask(
      { ...cliKey, 'x-curtain-act-as': 'pia' },
      { ...question, expression: 'count() > 0' },
    );
    expect(asPia.statusCode).toBe(422);
    expect((await askedEntries()).at(-1)!.details).toMatchObject({ asker: 'pia', via: 'local-cli' });
  });

  it('drives the hub from the CLI only as a member who holds the role, and every log entry says so', async () => {
    const hub = openHubForCli(h.vault);
    const product = { code: 'saver', name: 'Saver', provider: 'bank', credit: false };
    await expect(hub.addProduct(product, 'mallory')).rejects.toMatchObject({ code: 'HUB_FORBIDDEN' });
    await expect(hub.addProduct(product, 'ada')).rejects.toThrow(/needs the role/);
    await hub.addStaff('zoe', ['marketer']);
    const entries = (await h.vault.audit.entries(0, 10_000)).map((e) => e.entry) as Entry[];
    expect(entries.at(-1)).toMatchObject({
      type: 'admin.action',
      details: { handle: 'zoe', via: 'local-cli' },
    });
  });

  it('asks in the vault itself (no server) only as a member who may ask, and logs it as the CLI', async () => {
    const config = loadConfig({}, { CURTAIN_DATA_DIR: dataDir });
    const vault = { ...h.vault, lock: undefined, close: () => Promise.resolve() };
    const request = { ...question, expression: 'count(within: 7d) > 0' };
    await expect(askInVault(config, vault, { ...request, asker: 'mallory' })).rejects.toMatchObject({
      code: 'HUB_FORBIDDEN',
    });
    await expect(askInVault(config, vault, { ...request, asker: 'ada' })).rejects.toThrow(
      /needs the role marketer or partner or operator/,
    );
    const asked = await askInVault(config, vault, { ...request, asker: 'otto' });
    expect(asked.ok).toBe(false);
    expect((await askedEntries()).at(-1)!.details).toMatchObject({ asker: 'otto', via: 'local-cli' });
  });
});
