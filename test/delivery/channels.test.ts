// Channel adapters against real receivers: an SMTP server for email, local HTTP servers for push and webhooks.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerError } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { CurtainError } from '../../src/core/errors.ts';
import {
  deriveMessageId,
  EmailChannel,
  isMessageId,
  PushChannel,
  signWebhook,
  verifyWebhookSignature,
  WebhookChannel,
  type NeutralNotice,
  type OutboundNotice,
} from '../../src/vault/delivery/channels/index.ts';
import { parseRetryAfter } from '../../src/vault/delivery/channels/http-delivery.ts';

const offer = {
  title: 'Zero-fee mortgage switch for young families',
  body: 'Homeowners in the Summer-Refinance segment get 1.9 % fixed for ten years.',
  campaign: 'summer-refinance-2026',
  segment: 'homeowners-with-children',
};
const inboxOrigin = 'https://bank.example';
const inboxLink = 'https://bank.example/inbox/m/7f3a9c';
const key = 'vault-message-id-key-for-tests-only-0123456789';
const idFor = (channel: 'email' | 'push' | 'webhook', recipient = 'c-1'): string =>
  deriveMessageId(key, { channel, campaign: offer.campaign, recipient }, 'curtain.bank.example');

// ---------- receivers ----------

interface ReceivedMail {
  readonly raw: string;
  readonly mailFrom: string | undefined;
  readonly rcptTo: readonly string[];
  readonly helo: string;
}

async function startSmtp(): Promise<{ port: number; mails: ReceivedMail[]; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = /^reject(\d{3})@/.exec(address.address)?.[1];
      if (code === undefined) return callback();
      const error: SMTPServerError = new Error('Recipient refused');
      error.responseCode = Number(code);
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          raw: Buffer.concat(chunks).toString('utf8'),
          mailFrom: session.envelope.mailFrom === false ? undefined : session.envelope.mailFrom.address,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          helo: session.hostNameAppearsAs,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise((resolve) => server.close(resolve)) };
}

interface ReceivedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly path: string;
}

type Reply = (request: ReceivedRequest, res: ServerResponse, index: number) => void;

async function startHttp(): Promise<{
  url: string;
  requests: ReceivedRequest[];
  reply: (handler: Reply) => void;
  close: () => Promise<void>;
}> {
  const requests: ReceivedRequest[] = [];
  let handler: Reply = (_request, res) => res.writeHead(204).end();
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        path: req.url ?? '',
      };
      requests.push(request);
      handler(request, res, requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (next) => {
      handler = next;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The message with quoted-printable undone and headers unfolded, for searching. */
const decodeQuotedPrintable = (raw: string): string =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r?\n[ \t]+/g, ' ');

const headerOf = (raw: string, name: string): string | undefined => {
  const head = raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, ' ') ?? '';
  return new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1];
};

const mustNotLeak = [offer.title, offer.body, offer.campaign, offer.segment, 'mortgage', 'Summer'];

// ---------- message ids ----------

describe('deriveMessageId', () => {
  it('is stable for a campaign, customer and channel, and differs across channels and customers', () => {
    expect(idFor('email')).toBe(idFor('email'));
    expect(isMessageId(idFor('email'))).toBe(true);
    expect(idFor('email')).toMatch(/^[0-9a-f]{32}@curtain\.bank\.example$/);
    expect(new Set([idFor('email'), idFor('push'), idFor('webhook'), idFor('email', 'c-2')]).size).toBe(4);
    expect(idFor('email')).not.toContain('c-1');
  });
});

// ---------- email ----------

describe('EmailChannel', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let email: EmailChannel;

  beforeAll(async () => {
    smtp = await startSmtp();
    email = new EmailChannel({
      host: '127.0.0.1',
      port: smtp.port,
      security: 'opportunistic',
      from: '"Example Bank" <notices@bank.example>',
      bankName: 'Example Bank',
      inboxOrigin,
      timeoutMs: 5_000,
    });
  });
  afterAll(async () => {
    email.close();
    await smtp.close();
  });
  afterEach(() => {
    smtp.mails.length = 0;
  });

  it('accepts no offer fields: a notice is only an id, an address and a link', () => {
    expectTypeOf<keyof OutboundNotice<'email'>>().toEqualTypeOf<'messageId' | 'to' | 'inboxLink'>();
    expectTypeOf<keyof OutboundNotice<'push'>>().toEqualTypeOf<'messageId' | 'to' | 'inboxLink'>();
    expectTypeOf<Parameters<EmailChannel['send']>[0]>().toEqualTypeOf<NeutralNotice>();
  });

  it('delivers the neutral notice with the link and the stable Message-ID, and nothing of the offer', async () => {
    // A caller holding a richer object cannot pass its offer on: the adapter reads only the notice's fields.
    const rendered = { messageId: idFor('email'), to: 'ada@customer.example', inboxLink, ...offer };
    const result = await email.send(rendered);
    expect(result).toEqual({ ok: true, attempts: 1 });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.mailFrom).toBe('notices@bank.example');
    expect(mail.rcptTo).toEqual(['ada@customer.example']);
    expect(headerOf(mail.raw, 'From')).toBe('Example Bank <notices@bank.example>');
    expect(headerOf(mail.raw, 'To')).toBe('ada@customer.example');
    expect(headerOf(mail.raw, 'Subject')).toBe('You have a new message from Example Bank');
    expect(headerOf(mail.raw, 'Message-ID')).toBe(`<${idFor('email')}>`);
    // No X-Mailer or other extra header, and the machine's own name is not given in EHLO.
    const headerNames = [...(mail.raw.split(/\r?\n\r?\n/)[0] ?? '').matchAll(/^([\w-]+):/gm)].map(
      (m) => m[1],
    );
    expect(headerNames).toEqual([
      'From',
      'To',
      'Subject',
      'Message-ID',
      'Date',
      'MIME-Version',
      'Content-Type',
    ]);
    expect(mail.helo).toBe('bank.example');
    const decoded = decodeQuotedPrintable(mail.raw);
    expect(decoded).toContain(
      `You have a new message from Example Bank. Read it in your inbox: ${inboxLink}`,
    );
    expect(decoded).toContain(`<a href="${inboxLink}">Read it in your inbox</a>`);
    for (const text of mustNotLeak) {
      expect(mail.raw).not.toContain(text);
      expect(decoded).not.toContain(text);
    }
  });

  it('sends a repeat under the same Message-ID, recognisable as the same message', async () => {
    const notice = { messageId: idFor('email', 'c-9'), to: 'bob@customer.example', inboxLink };
    await email.send(notice);
    await email.send(notice);
    expect(smtp.mails.map((m) => headerOf(m.raw, 'Message-ID'))).toEqual([
      `<${notice.messageId}>`,
      `<${notice.messageId}>`,
    ]);
  });

  it('reports a permanent refusal as not retryable and a temporary one as retryable, without the address', async () => {
    const refused = await email.send({
      messageId: idFor('email'),
      to: 'reject550@customer.example',
      inboxLink,
    });
    expect(refused).toEqual({ ok: false, retryable: false, reason: 'smtp 550', attempts: 1 });
    const deferred = await email.send({
      messageId: idFor('email'),
      to: 'reject451@customer.example',
      inboxLink,
    });
    expect(deferred).toEqual({ ok: false, retryable: true, reason: 'smtp 451', attempts: 1 });
    expect(smtp.mails).toHaveLength(0);
  });

  it('reports a refused connection as retryable', async () => {
    const offline = new EmailChannel({
      host: '127.0.0.1',
      port: await closedPort(),
      security: 'opportunistic',
      from: 'notices@bank.example',
      bankName: 'Example Bank',
      inboxOrigin,
      timeoutMs: 2_000,
    });
    const result = await offline.send({ messageId: idFor('email'), to: 'ada@customer.example', inboxLink });
    offline.close();
    expect(result).toMatchObject({ ok: false, retryable: true, attempts: 1 });
    expect(result.ok === false && result.reason).toMatch(/^smtp E\w+/);
  });

  it('throws on a notice that links outside the inbox, and on a malformed id', async () => {
    await expect(
      email.send({
        messageId: idFor('email'),
        to: 'ada@customer.example',
        inboxLink: 'https://partner.example/x',
      }),
    ).rejects.toThrow(/inbox origin/);
    await expect(
      email.send({ messageId: '<not an id>', to: 'ada@customer.example', inboxLink }),
    ).rejects.toThrow(/message id/);
    expect(smtp.mails).toHaveLength(0);
  });
});

// ---------- push ----------

describe('PushChannel', () => {
  let gateway: Awaited<ReturnType<typeof startHttp>>;
  beforeAll(async () => {
    gateway = await startHttp();
  });
  afterAll(() => gateway.close());
  afterEach(() => {
    gateway.requests.length = 0;
  });

  it('posts the neutral notice with the stable id as Idempotency-Key, and retries a 503 under the same key', async () => {
    gateway.reply((_request, res, index) => res.writeHead(index === 1 ? 503 : 202).end());
    const push = new PushChannel({
      gatewayUrl: `${gateway.url}/v1/notify`,
      bearerToken: 'gateway-token',
      bankName: 'Example Bank',
      inboxOrigin,
      retry: { baseDelayMs: 5 },
    });
    const rendered = { messageId: idFor('push'), to: 'device:abc123', inboxLink, ...offer };
    expect(await push.send(rendered)).toEqual({ ok: true, attempts: 2 });
    expect(gateway.requests).toHaveLength(2);
    for (const request of gateway.requests) {
      expect(request.path).toBe('/v1/notify');
      expect(request.headers['idempotency-key']).toBe(idFor('push'));
      expect(request.headers.authorization).toBe('Bearer gateway-token');
      expect(JSON.parse(request.body)).toEqual({
        to: 'device:abc123',
        title: 'Example Bank',
        body: 'You have a new message from Example Bank',
        link: inboxLink,
      });
      for (const text of mustNotLeak) expect(request.body).not.toContain(text);
    }
  });
});

// ---------- webhooks ----------

describe('WebhookChannel', () => {
  const secret = 'webhook-secret-for-tests-0123456789abcdef';
  const payload = { event: 'offer.delivered', offer: offer.title, audience: 'tok_1' };
  let bank: Awaited<ReturnType<typeof startHttp>>;
  let host: string;

  const webhook = (retry = {}, clock = {}): WebhookChannel =>
    new WebhookChannel(
      { url: `${bank.url}/hooks/curtain`, allowedHosts: [host], secret, retry: { baseDelayMs: 5, ...retry } },
      clock,
    );

  beforeAll(async () => {
    bank = await startHttp();
    host = new URL(bank.url).host;
  });
  afterAll(() => bank.close());
  afterEach(() => {
    bank.requests.length = 0;
    bank.reply((_request, res) => res.writeHead(204).end());
  });

  it('signs the body so that the receiver verifies it, and refuses a tampered body or an old timestamp', async () => {
    expect(await webhook().send({ messageId: idFor('webhook'), payload })).toEqual({ ok: true, attempts: 1 });
    const [request] = bank.requests;
    expect(request).toBeDefined();
    const { headers, body } = request!;
    expect(JSON.parse(body)).toEqual(payload);
    expect(headers['idempotency-key']).toBe(idFor('webhook'));
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-curtain-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, headers, body, 300)).toMatchObject({ ok: true });
    expect(verifyWebhookSignature(secret, headers, body.replace('tok_1', 'tok_2'), 300)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyWebhookSignature('another-secret-0123456789abcdef0123', headers, body, 300)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    const sentAt = Number(headers['x-curtain-timestamp']);
    expect(verifyWebhookSignature(secret, headers, body, 300, sentAt + 301)).toEqual({
      ok: false,
      reason: 'stale-timestamp',
    });
    expect(verifyWebhookSignature(secret, { 'idempotency-key': 'x' }, body, 300)).toEqual({
      ok: false,
      reason: 'missing-header',
    });
  });

  it('refuses a replay of an old, validly signed request', () => {
    const body = JSON.stringify(payload);
    const old = signWebhook(secret, body, 1_700_000_000);
    expect(verifyWebhookSignature(secret, new Headers(old), body, 300, 1_700_000_000 + 10)).toMatchObject({
      ok: true,
    });
    expect(verifyWebhookSignature(secret, new Headers(old), body, 300, 1_700_000_000 + 3600)).toEqual({
      ok: false,
      reason: 'stale-timestamp',
    });
  });

  it('retries 503 twice then succeeds: three attempts, one idempotency key, each freshly signed', async () => {
    bank.reply((_request, res, index) => res.writeHead(index <= 2 ? 503 : 200).end());
    const sleeps: number[] = [];
    const clock = { sleep: (ms: number) => (sleeps.push(ms), Promise.resolve()), random: () => 0 };
    expect(await webhook({}, clock).send({ messageId: idFor('webhook'), payload })).toEqual({
      ok: true,
      attempts: 3,
    });
    expect(bank.requests.map((r) => r.headers['idempotency-key'])).toEqual(Array(3).fill(idFor('webhook')));
    for (const r of bank.requests)
      expect(verifyWebhookSignature(secret, r.headers, r.body, 300).ok).toBe(true);
    expect(sleeps).toEqual([3, 5]); // base 5 ms doubled, scaled by the jitter into [½, 1)
  });

  it('does not retry a 400', async () => {
    bank.reply((_request, res) => res.writeHead(400).end());
    expect(await webhook().send({ messageId: idFor('webhook'), payload })).toEqual({
      ok: false,
      retryable: false,
      reason: 'http 400',
      attempts: 1,
    });
    expect(bank.requests).toHaveLength(1);
  });

  it('honours Retry-After, and hands a wait longer than it sleeps back to the caller', async () => {
    bank.reply((_request, res, index) =>
      index === 1 ? res.writeHead(429, { 'retry-after': '2' }).end() : res.writeHead(200).end(),
    );
    const sleeps: number[] = [];
    const clock = { sleep: (ms: number) => (sleeps.push(ms), Promise.resolve()) };
    expect(await webhook({}, clock).send({ messageId: idFor('webhook'), payload })).toEqual({
      ok: true,
      attempts: 2,
    });
    expect(sleeps).toEqual([2000]);

    bank.requests.length = 0;
    bank.reply((_request, res) => res.writeHead(503, { 'retry-after': '3600' }).end());
    expect(await webhook({}, clock).send({ messageId: idFor('webhook'), payload })).toEqual({
      ok: false,
      retryable: true,
      reason: 'http 503',
      attempts: 1,
      retryAfterMs: 3_600_000,
    });
    expect(bank.requests).toHaveLength(1);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-06-01T12:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Mon, 01 Jun 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 01 Jun 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('gives up after the maximum attempts with a retryable failure', async () => {
    bank.reply((_request, res) => res.writeHead(500).end());
    expect(await webhook({ maxAttempts: 3 }).send({ messageId: idFor('webhook'), payload })).toEqual({
      ok: false,
      retryable: true,
      reason: 'http 500',
      attempts: 3,
    });
    expect(bank.requests).toHaveLength(3);
  });

  it('retries a network error', async () => {
    const port = await closedPort();
    const offline = new WebhookChannel(
      {
        url: `http://127.0.0.1:${port}/hooks`,
        allowedHosts: ['127.0.0.1'],
        secret,
        retry: { maxAttempts: 2 },
      },
      { sleep: () => Promise.resolve() },
    );
    expect(await offline.send({ messageId: idFor('webhook'), payload })).toEqual({
      ok: false,
      retryable: true,
      reason: 'network ECONNREFUSED',
      attempts: 2,
    });
  });

  it('never follows a redirect', async () => {
    bank.reply((request, res) =>
      request.path === '/hooks/curtain'
        ? res.writeHead(307, { location: 'https://partner.example/collect' }).end()
        : res.writeHead(200).end(),
    );
    expect(await webhook().send({ messageId: idFor('webhook'), payload })).toEqual({
      ok: false,
      retryable: false,
      reason: 'http 307 redirect refused',
      attempts: 1,
    });
    expect(bank.requests).toHaveLength(1);
  });

  it('refuses to be built for a host that is not the bank’s own', () => {
    const build =
      (url: string, allowedHosts = ['hooks.bank.example']) =>
      () =>
        new WebhookChannel({ url, allowedHosts, secret });
    expect(build('https://hooks.bank.example/curtain')).not.toThrow();
    expect(build('https://crm.partner.example/curtain')).toThrow(CurtainError);
    expect(build('https://crm.partner.example/curtain')).toThrow(/not one of the bank's own hosts/);
    expect(build('https://hooks.bank.example.partner.example/x')).toThrow(/not one of the bank's own hosts/);
    expect(build('http://hooks.bank.example/curtain')).toThrow(/https/);
    expect(() => new WebhookChannel({ url: bank.url, allowedHosts: [host], secret: 'short' })).toThrow(
      /32 bytes/,
    );
    try {
      build('https://crm.partner.example/curtain')();
    } catch (error) {
      expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
    }
  });
});
