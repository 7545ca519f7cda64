// Channel settings from the configuration: a mail server URL becomes a working email adapter, a webhook needs its secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { deliverySettingsFrom, inboxOrigin } from '../../src/app/vault-process.ts';
import { messageIdOf, startSmtp } from '../delivery/support/delivery-fixtures.ts';

describe('delivery settings from the configuration', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());

  const config = (env: Record<string, string>) => loadConfig({}, { CURTAIN_DATA_DIR: '/tmp/unused', ...env });

  it('links notices to the public URL, or to the server’s own address', () => {
    expect(inboxOrigin(config({}))).toBe('http://127.0.0.1:8080');
    expect(inboxOrigin(config({ CURTAIN_PUBLIC_URL: 'https://bank.example/app' }))).toBe(
      'https://bank.example',
    );
  });

  it('sends email through the configured mail server, from the configured sender', async () => {
    const settings = deliverySettingsFrom(
      config({
        CURTAIN_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        CURTAIN_MAIL_FROM: '"Example Bank" <notices@bank.example>',
        CURTAIN_PUBLIC_URL: 'https://bank.example',
      }),
    );
    expect(settings.adapters?.webhook).toBeUndefined();
    const sent = await settings.adapters!.email!.send({
      messageId: '0123abcd@bank.example',
      to: 'someone@example.net',
      inboxLink: 'https://bank.example/inbox/msg_x',
    });
    expect(sent.ok).toBe(true);
    const mail = smtp.mails.at(-1)!;
    expect(mail.to).toEqual(['someone@example.net']);
    expect(mail.raw).toContain('notices@bank.example');
    expect(messageIdOf(mail.raw)).toBe('0123abcd@bank.example');
  });

  it('has no email or webhook adapter unless configured, and refuses a webhook without its secret', () => {
    expect(deliverySettingsFrom(config({})).adapters).toEqual({});
    expect(() =>
      deliverySettingsFrom(config({ CURTAIN_WEBHOOK_URL: 'https://crm.bank.example/hook' })),
    ).toThrow(/CURTAIN_WEBHOOK_SECRET/);
    const withSecret = deliverySettingsFrom(
      config({
        CURTAIN_WEBHOOK_URL: 'https://crm.bank.example/hook',
        CURTAIN_WEBHOOK_SECRET: 'x'.repeat(40),
      }),
    );
    expect(withSecret.adapters?.webhook?.channel).toBe('webhook');
    const withPush = deliverySettingsFrom(
      config({ CURTAIN_PUSH_URL: 'https://push.bank.example/send', CURTAIN_PUSH_TOKEN: 'secret' }),
    );
    expect(withPush.adapters?.push?.channel).toBe('push');
    expect(withPush.adapters?.email).toBeUndefined();
  });

  it('refuses a mail server URL of another scheme, naming the setting', () => {
    expect(() => config({ CURTAIN_SMTP_URL: 'http://mail.bank.example' })).toThrow(/CURTAIN_SMTP_URL/);
  });
});
