// Exactly once into the inbox, neutral emails over real SMTP, signed and retried webhooks, the inbox, results.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import type { VaultServices } from '../../src/app/vault-process.ts';
import { deriveMessageId } from '../../src/vault/delivery/channels/channel.ts';
import type { EmailChannel } from '../../src/vault/delivery/channels/email-channel.ts';
import { PushChannel } from '../../src/vault/delivery/channels/push-channel.ts';
import { WebhookChannel } from '../../src/vault/delivery/channels/webhook-channel.ts';
import { verifyWebhookSignature } from '../../src/vault/delivery/channels/webhook-signature.ts';
import { DeliveryService } from '../../src/vault/delivery/delivery-service.ts';
import { InboxService } from '../../src/vault/delivery/inbox-service.ts';
import { testBackends } from '../support/backends.ts';
import { createVaultTemplate, type VaultTemplate } from '../support/test-vault.ts';
import {
  consentingCustomers,
  emailTo,
  inboxOrigin,
  messageIdOf,
  offer,
  RecordingAdapter,
  request,
  startSmtp,
} from './support/delivery-fixtures.ts';

const t0 = Date.parse('2026-06-30T12:00:00Z');
const webhookSecret = 'webhook-secret-for-tests-0123456789abcdef';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

async function startReceiver(fail: (index: number) => boolean) {
  const requests: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(fail(requests.length) ? 503 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.each(testBackends)('delivery notices on $name', (backend) => {
  // Each test opens its own copy of the consenting customers; those that read earlier campaigns deliver them.
  let template: VaultTemplate<number[]>;
  let vault: VaultServices & { dispose(): Promise<void> };
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let email: EmailChannel;
  let clock = new Date(t0);
  let ids: number[] = [];

  const service = (adapters: ConstructorParameters<typeof DeliveryService>[2]['adapters']) =>
    new DeliveryService(vault, vault.guard, {
      currency: 'GBP',
      inboxOrigin,
      now: () => clock,
      batchSize: 32,
      noticeRetryBaseMs: 60_000,
      ...(adapters === undefined ? {} : { adapters }),
    });

  const settings = () => ({ random: seededRandomSource(`notices-${backend.name}`), now: () => clock });

  beforeAll(async () => {
    template = await createVaultTemplate(backend, (built) => consentingCustomers(built, 90, 'M'), {
      settings: settings(),
    });
    ids = template.data;
    smtp = await startSmtp();
    email = emailTo(smtp);
  }, 120_000);
  afterAll(async () => {
    email.close();
    await smtp.close();
    await template.dispose();
  });
  beforeEach(async () => {
    clock = new Date(t0);
    smtp.mails.length = 0;
    vault = await template.open(settings());
  });
  afterEach(async () => vault.dispose());

  /** Delivers the campaigns `names` by email, as earlier tests would have. */
  async function delivered(...names: string[]): Promise<void> {
    for (const name of names) expect((await service({ email }).deliver(request(name))).ok).toBe(true);
  }

  it('delivers exactly once per customer, and emails a neutral notice under the derived Message-ID', async () => {
    const delivery = service({ email });
    const progress: number[] = [];
    expect((await delivery.deliver(request('camp-e'), (f) => progress.push(f))).ok).toBe(true);
    expect((await delivery.deliver(request('camp-e'))).ok).toBe(true);
    expect(progress.at(-1)).toBe(1);
    const { rows } = await vault.storage.query<{ customer_id: number; n: number }>(
      "SELECT customer_id, count(*)::int AS n FROM inbox_messages WHERE campaign_id = 'camp-e' GROUP BY 1",
    );
    expect(rows).toHaveLength(ids.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);

    expect(smtp.mails).toHaveLength(ids.length);
    const key = vault.keys.secret('message-id');
    for (const [i, id] of ids.entries()) {
      const mail = smtp.mails.find((m) => m.to.includes(`zebulon.m${i}@example.org`));
      expect(mail).toBeDefined();
      expect(messageIdOf(mail!.raw)).toBe(
        deriveMessageId(key, { channel: 'email', campaign: 'camp-e', recipient: String(id) }, 'bank.example'),
      );
      expect(mail!.raw).not.toContain('Zero-fee');
      expect(mail!.raw.toLowerCase()).not.toContain('mortgage');
      expect(mail!.raw).toContain('You have a new message from Example Bank');
    }
  });

  it('signs webhooks, sends only the campaign and message ids, and retries a failed one', async () => {
    const receiver = await startReceiver((index) => index === 1);
    const webhook = new WebhookChannel(
      { url: receiver.url, allowedHosts: ['127.0.0.1'], secret: webhookSecret, retry: { baseDelayMs: 1 } },
      { sleep: () => Promise.resolve() },
    );
    const delivery = service({ webhook, push: new RecordingAdapter('push') });
    expect((await delivery.deliver(request('camp-w', { channels: ['webhook', 'push'] }))).ok).toBe(true);
    expect(receiver.requests).toHaveLength(ids.length + 1);
    const keys = new Set<string>();
    for (const received of receiver.requests) {
      expect(verifyWebhookSignature(webhookSecret, received.headers, received.body, 300).ok).toBe(true);
      const payload = JSON.parse(received.body) as Record<string, string>;
      expect(Object.keys(payload).sort()).toEqual(['campaign', 'channel', 'message']);
      expect(payload).toMatchObject({ campaign: 'camp-w', channel: 'webhook' });
      keys.add(String(received.headers['idempotency-key']));
    }
    // The failed request and its retry carry the same idempotency key.
    expect(keys.size).toBe(ids.length);
    const { rows } = await vault.storage.query<{
      channel: string;
      state: string;
      last_error: string | null;
      n: number;
    }>(
      `SELECT channel, state, last_error, count(*)::int AS n FROM outbound_notices
        WHERE campaign_id = 'camp-w' GROUP BY 1, 2, 3 ORDER BY 1`,
    );
    // No customer here registered a device: push notices fail, and say why.
    expect(rows).toEqual([
      { channel: 'push', state: 'failed', last_error: 'no-endpoint', n: ids.length },
      { channel: 'webhook', state: 'sent', last_error: null, n: ids.length },
    ]);
    await receiver.close();
  });

  it('reschedules a notice the receiver keeps refusing, and sends it when it is due again', async () => {
    let down = true;
    const receiver = await startReceiver(() => down);
    const webhook = new WebhookChannel({
      url: receiver.url,
      allowedHosts: ['127.0.0.1'],
      secret: webhookSecret,
      retry: { maxAttempts: 1 },
    });
    const delivery = service({ webhook });
    expect((await delivery.deliver(request('camp-r', { channels: ['webhook'] }))).ok).toBe(true);
    const pending = await vault.storage.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbound_notices WHERE campaign_id = 'camp-r' AND state = 'pending' AND attempts = 1",
    );
    expect(pending.rows[0]!.n).toBe(ids.length);
    down = false;
    expect((await delivery.sendDueNotices()).sent).toBe(0);
    clock = new Date(t0 + 61_000);
    expect((await delivery.sendDueNotices()).sent).toBe(ids.length);
    clock = new Date(t0);
    await receiver.close();
  });

  it('shows a customer their own messages with greeting and reason, opens once, hides others’ messages', async () => {
    await delivered('camp-e', 'camp-w', 'camp-r');
    const inbox = new InboxService(vault.storage, vault.identity, { now: () => clock });
    const mine = await inbox.list(ids[0]!);
    expect(mine.map((m) => m.title)).toEqual([offer.title, offer.title, offer.title]);
    const first = mine[0]!;
    expect(first.greeting).toBe('Dear ZebulonM0');
    expect(first.why.length).toBeGreaterThan(0);
    expect(first.expired).toBe(false);
    expect(first.openedAt).toBeUndefined();
    clock = new Date(t0 + 1000);
    const opened = await inbox.open(ids[0]!, first.publicId);
    clock = new Date(t0 + 5000);
    const reopened = await inbox.open(ids[0]!, first.publicId);
    expect(opened?.openedAt).toEqual(new Date(t0 + 1000));
    expect(reopened?.openedAt).toEqual(new Date(t0 + 1000));
    expect(await inbox.get(ids[1]!, first.publicId)).toBeUndefined();
    expect(await inbox.open(ids[1]!, first.publicId)).toBeUndefined();
    clock = new Date('2027-01-02T00:00:00Z');
    expect((await inbox.list(ids[0]!))[0]!.expired).toBe(true);
    clock = new Date(t0);
  });

  it('releases noised results through the guard, and refuses an unknown campaign', async () => {
    await delivered('camp-e');
    const delivery = service(undefined);
    const results = await delivery.results('camp-e', 'analyst');
    if (!results.ok) throw new Error(results.error.message);
    expect(results.value.campaignId).toBe('camp-e');
    expect(Math.abs(results.value.delivered! - ids.length)).toBeLessThan(40);
    expect(results.value.epsilon).not.toBe('0');
    const unknown = await delivery.results('camp-none', 'analyst');
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
  });

  it('pushes a neutral notice to registered devices only, through the bank’s gateway', async () => {
    const gateway = await startReceiver(() => false);
    const withDevice = ids.slice(0, 5);
    for (const [i, id] of withDevice.entries()) await vault.pushDevices.set(id, `device-token-${i}-abcdef`);
    const push = new PushChannel({
      gatewayUrl: gateway.url,
      bearerToken: 'gateway-token',
      bankName: 'Example Bank',
      inboxOrigin,
    });
    expect((await service({ push }).deliver(request('camp-p', { channels: ['push'] }))).ok).toBe(true);
    expect(gateway.requests).toHaveLength(withDevice.length);
    const tokens = new Set<string>();
    for (const received of gateway.requests) {
      expect(received.headers.authorization).toBe('Bearer gateway-token');
      const body = JSON.parse(received.body) as Record<string, string>;
      expect(Object.keys(body).sort()).toEqual(['body', 'link', 'title', 'to']);
      expect(body['title']).toBe('Example Bank');
      expect(body['body']).toContain('You have a new message from Example Bank');
      expect(body['link']).toMatch(new RegExp(`^${inboxOrigin}/inbox/msg_`));
      expect(received.body).not.toContain(offer.title);
      expect(received.body.toLowerCase()).not.toContain('mortgage');
      tokens.add(body['to']!);
    }
    expect(tokens).toEqual(new Set(withDevice.map((_, i) => `device-token-${i}-abcdef`)));
    const { rows } = await vault.storage.query<{ state: string; last_error: string | null; n: number }>(
      `SELECT state, last_error, count(*)::int AS n FROM outbound_notices
        WHERE campaign_id = 'camp-p' GROUP BY 1, 2 ORDER BY 1`,
    );
    expect(rows).toEqual([
      { state: 'failed', last_error: 'no-endpoint', n: ids.length - withDevice.length },
      { state: 'sent', last_error: null, n: withDevice.length },
    ]);
    for (const id of withDevice) await vault.pushDevices.set(id, undefined);
    await gateway.close();
  });

  it('forgets an erased customer’s messages, notices and place in every audience (invariant 7)', async () => {
    const erased = ids[0]!;
    const holding = async () => {
      const { rows } = await vault.storage.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM inbox_messages WHERE customer_id = $1)
              + (SELECT count(*) FROM outbound_notices WHERE customer_id = $1)
              + (SELECT count(*) FROM delivery_recipients WHERE customer_id = $1) AS n`,
        [erased],
      );
      return Number(rows[0]!.n);
    };
    await delivered('camp-e');
    expect(await holding()).toBeGreaterThan(0);
    await vault.identity.shred([erased]);
    expect(await holding()).toBe(0);
    expect((await service({ email }).deliver(request('camp-after-erasure'))).ok).toBe(true);
    expect(await holding()).toBe(0);
  });
});
