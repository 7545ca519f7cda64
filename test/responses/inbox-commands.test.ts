// The inbox and advisor commands: what a demo customer and an advisor read, through commander as the CLI runs them.
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  advisorClaim,
  advisorLeads,
  inboxConnect,
  inboxDevice,
  inboxLeads,
  inboxList,
  inboxOpen,
  inboxRespond,
  registerInboxCommands,
  type InboxVault,
} from '../../src/cli/inbox-commands.ts';
import { currentNotice } from '../../src/core/consent.ts';
import { testBackends } from '../support/backends.ts';
import { piiNeedles, sampleCustomers } from '../support/sample-customers.ts';
import { createResponseVault, deliver, mortgageOffer, type ResponseVault } from './fixture.ts';

describe.each(testBackends)('inbox and advisor commands on $name', (backend) => {
  let vault: ResponseVault;
  let cli: InboxVault;
  const customers = sampleCustomers(2, 'C');
  const lines: string[] = [];
  const print = (line: string) => void lines.push(line);
  const output = () => lines.splice(0).join('\n');
  let messageId: string;

  beforeAll(async () => {
    vault = await createResponseVault(backend);
    const [id] = await vault.identity.createCustomers(customers);
    ({ messageId } = await deliver(vault, id!));
    cli = {
      identity: vault.identity,
      inbox: vault.inbox,
      responses: vault.responses,
      advisorQueue: vault.advisorQueue,
      pushDevices: vault.pushDevices,
    };
  });
  afterAll(async () => vault.dispose());

  it('walks a customer from the inbox to a lead, and an advisor from the queue to the contact', async () => {
    await inboxList(cli, 'EXT-C-0', print);
    let text = output();
    expect(text).toContain(messageId);
    expect(text).toContain(mortgageOffer.title);
    expect(text).toContain('new');

    await inboxOpen(cli, 'EXT-C-0', messageId, print);
    text = output();
    expect(text).toContain('No arrangement fee this spring.');
    expect(text).toContain('Why am I seeing this? You paid for a home inspection');
    expect(text).toContain('[Interested — Talk to a mortgage adviser]');

    await inboxRespond(cli, 'EXT-C-0', messageId, 'interested', print);
    text = output();
    expect(text).toContain('your given name, family name, email address, phone number');
    expect(text).toContain('Nothing has been revealed');
    for (const needle of piiNeedles(customers[0]!)) expect(text).not.toContain(needle);

    await expect(inboxConnect(cli, 'EXT-C-0', messageId, { consent: false }, print)).rejects.toMatchObject({
      code: 'CONSENT_REQUIRED',
    });
    await inboxConnect(cli, 'EXT-C-0', messageId, { consent: true }, print);
    text = output();
    const leadId = /Lead (lead-[a-z]+)/.exec(text)?.[1];
    expect(leadId).toBeDefined();
    expect(text).toContain('waiting for an advisor');

    await advisorLeads(cli, {}, print);
    text = output();
    expect(text).toContain(leadId);
    expect(text).toContain(mortgageOffer.title);
    for (const needle of piiNeedles(customers[0]!)) expect(text).not.toContain(needle);

    await advisorClaim(cli, leadId!, { as: 'alice' }, print);
    text = output();
    const { pii } = customers[0]!;
    expect(text).toContain(`name   ${pii.givenName} ${pii.familyName}`);
    expect(text).toContain(`email  ${pii.email}`);
    expect(text).toContain(`phone  ${pii.phone}`);

    await inboxLeads(cli, 'EXT-C-0', print);
    expect(output()).toContain('taken up by alice');
    await inboxList(cli, 'EXT-C-0', print);
    expect(output()).toContain('answered: interested');
  });

  it('refuses unknown customers and other customers’ messages', async () => {
    await expect(inboxList(cli, 'EXT-NOBODY', print)).rejects.toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
    await expect(inboxOpen(cli, 'EXT-C-1', messageId, print)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(inboxRespond(cli, 'EXT-C-1', messageId, 'not-now', print)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(inboxRespond(cli, 'EXT-C-0', messageId, 'maybe', print)).rejects.toMatchObject({
      code: 'USAGE',
    });
  });

  it('registers commands that open the vault, run, and close it', async () => {
    // A message of its own, which the customer has connected on: a later "not now" leaves the lead standing.
    const customerId = (await vault.identity.findCustomer('external_id', 'EXT-C-0'))!;
    const connected = await deliver(vault, customerId);
    expect((await vault.responses.respond(customerId, connected.messageId, 'interested')).ok).toBe(true);
    const lead = await vault.responses.connect(customerId, connected.messageId, {
      consent: true,
      noticeVersion: currentNotice('identity_reveal').id,
    });
    expect(lead.ok).toBe(true);
    const program = new Command('curtain').exitOverride();
    let closed = 0;
    registerInboxCommands(program, () =>
      Promise.resolve({
        vault: cli,
        close: () => {
          closed++;
          return Promise.resolve();
        },
      }),
    );
    const printed: string[] = [];
    const log = vi
      .spyOn(console, 'log')
      .mockImplementation((line: unknown) => void printed.push(String(line)));
    try {
      await program.parseAsync(
        ['inbox', 'respond', connected.messageId, 'not-now', '--customer', 'EXT-C-0'],
        {
          from: 'user',
        },
      );
      await program.parseAsync(['advisor', 'leads', '--partner', 'acme'], { from: 'user' });
    } finally {
      log.mockRestore();
    }
    expect(printed.join('\n')).toContain('still stands');
    expect(printed.join('\n')).toContain('Open leads for the partner “acme” (0)');
    expect(closed).toBe(2);
  });

  it('registers and removes the push device, sealed with the customer’s PII', async () => {
    const [customer] = customers;
    const id = (await vault.identity.findCustomer('external_id', customer!.externalId))!;
    await inboxDevice(cli, customer!.externalId, 'fcm:device-token-0001', print);
    expect(output()).toMatch(/Push notices now go to this device/);
    expect((await vault.identity.readPii(id)).pushEndpoint).toBe('fcm:device-token-0001');
    const { rows } = await vault.storage.query<{ ciphertext: Uint8Array }>(
      'SELECT ciphertext FROM customer_identity WHERE customer_id = $1',
      [id],
    );
    expect(Buffer.from(rows[0]!.ciphertext).toString('latin1')).not.toContain('device-token-0001');
    await expect(inboxDevice(cli, customer!.externalId, 'has a space', print)).rejects.toMatchObject({
      code: 'USAGE',
    });
    await inboxDevice(cli, customer!.externalId, undefined, print);
    expect(output()).toMatch(/No device gets push notices now/);
    expect((await vault.identity.readPii(id)).pushEndpoint).toBeUndefined();
    expect((await vault.identity.readPii(id)).email).toBe(customer!.pii.email);
  });
});
