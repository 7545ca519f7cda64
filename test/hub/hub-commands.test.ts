// `curtain hub …` through commander against a test hub: the whole campaign flow, human output and --json.
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerHubCommands } from '../../src/cli/hub-commands.ts';
import { err } from '../../src/core/result.ts';
import { testBackends } from '../support/backends.ts';
import { addTestCatalogue, addTestStaff, createTestHub, type TestHub } from './hub-fixture.ts';

describe.each(testBackends)('hub commands on $name', (backend) => {
  let t: TestHub;
  let closed = 0;
  let printed: string[] = [];

  // A hub of its own for each test: the flow below builds its staff and catalogue through the commands.
  beforeEach(async () => {
    t = await createTestHub(backend);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
    await t.dispose();
  });

  async function curtain(...args: string[]): Promise<string> {
    printed = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line));
    const program = new Command('curtain').exitOverride();
    registerHubCommands(program, () =>
      Promise.resolve({
        hub: t.hub,
        close: () => {
          closed++;
          return Promise.resolve();
        },
      }),
    );
    await program.parseAsync(['hub', ...args], { from: 'user' });
    vi.restoreAllMocks();
    return printed.join('\n');
  }

  const json = async (...args: string[]): Promise<Record<string, unknown>> =>
    JSON.parse(await curtain(...args, '--json')) as Record<string, unknown>;

  it('runs a campaign from staff to results', async () => {
    expect(await curtain('staff', 'add', 'mia', '--role', 'marketer', 'compliance')).toBe(
      'mia: compliance, marketer',
    );
    await curtain('staff', 'add', 'abe', '--role', 'approver');
    await curtain('staff', 'add', 'ola', '--role', 'operator');
    expect(await curtain('product', 'add', 'mortgage', '--name', 'Mortgage', '--credit', '--as', 'mia')).toBe(
      'product mortgage: Mortgage, by bank, credit',
    );
    const offer = await json(
      'offer',
      'add',
      '--product',
      'mortgage',
      '--title',
      'A new home?',
      '--body',
      'Fixed rates.',
      '--cta',
      'Talk to an adviser',
      '--category',
      'mortgage',
      '--valid-until',
      '2030-12-31',
      '--as',
      'mia',
    );
    expect(offer).toMatchObject({ purpose: 'credit_offers', validFrom: '2030-03-01' });
    const offerId = String(offer['id']);
    expect(
      await curtain(
        'segment',
        'add',
        'movers',
        '--expression',
        'holds("savings")',
        '--purpose',
        'credit_offers',
        '--as',
        'mia',
      ),
    ).toMatch(/^segment .* "movers" \(credit_offers\)/);
    await curtain('segment', 'link', 'movers', offerId, '--as', 'mia');
    expect(await curtain('offer', 'list', '--segment', 'movers')).toContain(`offer ${offerId}: A new home?`);

    const drafted = await json(
      'campaign',
      'create',
      '--name',
      'spring',
      '--offer',
      offerId,
      '--segment',
      'movers',
      '--channel',
      'email',
      'push',
      '--starts-at',
      '2030-03-01T08:00:00Z',
      '--cap',
      '2/30',
      '--as',
      'mia',
    );
    expect(drafted).toMatchObject({
      status: 'draft',
      channels: ['email', 'push'],
      frequencyCap: { messages: 2, days: 30 },
    });
    const id = String(drafted['id']);
    expect(await curtain('campaign', 'approve', id, '--as', 'abe')).toContain(
      `campaign ${id} "spring": approved`,
    );
    expect(await curtain('campaign', 'run', id, '--as', 'ola')).toContain(': finished');
    expect(await curtain('campaign', 'results', id, '--as', 'mia')).toMatch(
      /delivered about 120, opened about 60, interested suppressed \(ε 1\/20\)/,
    );
    const shown = await curtain('campaign', 'show', id);
    expect(shown).toMatch(/drafted\s+mia/);
    expect(shown).toMatch(/finished\s+ola/);
    expect(await curtain('campaign', 'list', '--status', 'finished')).toContain(id);
    expect(closed).toBeGreaterThan(10);
  });

  it('prints a refusal by the vault and sets the exit status', async () => {
    await addTestStaff(t.hub);
    const offers = await addTestCatalogue(t.hub);
    const drafted = await t.hub.createCampaign(
      { name: 'small', audience: 'holds("savings")', offerId: offers.mortgage, startsAt: t.clock.now },
      'mia',
    );
    await t.hub.approve(drafted.id, 'abe');
    t.door.nextDelivery = err({ code: 'DELIVERY_AUDIENCE_TOO_SMALL', message: 'the audience is too small' });
    const out = await curtain('campaign', 'run-due', '--as', 'ola');
    expect(out).toBe(`${drafted.id}: refused (DELIVERY_AUDIENCE_TOO_SMALL)`);
    expect(process.exitCode).toBe(3);
  });

  it('lets a refusal by the hub reach the caller with its code', async () => {
    await addTestStaff(t.hub);
    const offers = await addTestCatalogue(t.hub);
    const drafted = await t.hub.createCampaign(
      { name: 'done', audience: 'holds("savings")', offerId: offers.mortgage, startsAt: t.clock.now },
      'mia',
    );
    await t.hub.approve(drafted.id, 'abe');
    expect((await t.hub.run(drafted.id, 'ola')).campaign.status).toBe('finished');
    await expect(curtain('campaign', 'cancel', drafted.id, '--as', 'ola')).rejects.toMatchObject({
      code: 'HUB_FORBIDDEN',
    });
  });
});
