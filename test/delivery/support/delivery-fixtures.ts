// Shared pieces of the delivery suites: consenting customers, a request, receivers and a recording adapter.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { EmailChannel } from '../../../src/vault/delivery/channels/email-channel.ts';
import { consentChannels, currentNotice, type ChannelScope } from '../../../src/core/consent.ts';
import type { DeliveryRequest, OfferContent } from '../../../src/core/vault-door.ts';
import type { VaultServices } from '../../../src/app/vault-process.ts';
import type {
  ChannelAdapter,
  ChannelKind,
  OutboundNotice,
  SendResult,
} from '../../../src/vault/delivery/channels/channel.ts';
import { sampleCustomers } from '../../support/sample-customers.ts';

export const inboxOrigin = 'https://bank.example';
/** Matches every customer without a mortgage: all customers these suites create. */
export const everyone = 'not holds("mortgage")';

export const offer: OfferContent = {
  offerId: 'offer-1',
  title: 'Zero-fee mortgage switch for young families',
  body: 'Switch your mortgage to 1.9 % fixed for ten years.',
  callToAction: 'Talk to a mortgage adviser',
  category: 'mortgage',
  partner: 'acme',
  credit: false,
  validUntil: '2026-12-31',
};

export function request(campaignId: string, changes: Partial<DeliveryRequest> = {}): DeliveryRequest {
  return {
    campaignId,
    requestedBy: 'marketer',
    purpose: 'bank_offers',
    audience: everyone,
    offer,
    channels: ['email'],
    frequencyCap: { messages: 10, days: 30 },
    ...changes,
  };
}

/** Creates customers who consented to bank offers on every channel (or the ones given). */
export async function consentingCustomers(
  vault: Pick<VaultServices, 'identity' | 'consent'>,
  count: number,
  tag: string,
  channels: readonly ChannelScope[] = ['all'],
): Promise<number[]> {
  const ids = await vault.identity.createCustomers(sampleCustomers(count, tag));
  const recorded = await vault.consent.record(
    ids.flatMap((customerId) =>
      channels.map((channel) => ({
        customerId,
        purpose: 'bank_offers' as const,
        channel,
        granted: true,
        source: 'console' as const,
        noticeVersion: currentNotice('bank_offers').id,
        decidedAt: new Date('2026-01-01T00:00:00Z'),
      })),
    ),
  );
  if (!recorded.ok) throw new Error(JSON.stringify(recorded.error));
  return ids;
}

export const allChannels = consentChannels;

/** An adapter that records what it was asked to send and answers with `reply`. */
export class RecordingAdapter<C extends ChannelKind> implements ChannelAdapter<C> {
  readonly channel: C;
  readonly sent: OutboundNotice<C>[] = [];
  reply: (notice: OutboundNotice<C>) => SendResult = () => ({ ok: true, attempts: 1 });

  constructor(channel: C) {
    this.channel = channel;
  }

  send(notice: OutboundNotice<C>): Promise<SendResult> {
    this.sent.push(notice);
    return Promise.resolve(this.reply(notice));
  }
}

export interface ReceivedMail {
  readonly raw: string;
  readonly to: readonly string[];
}

/** A real SMTP server on a loopback port that keeps every mail it accepts. */
export async function startSmtp(): Promise<{
  port: number;
  mails: ReceivedMail[];
  close: () => Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          raw: Buffer.concat(chunks).toString('utf8'),
          to: session.envelope.rcptTo.map((r) => r.address),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** An email adapter that sends to the local SMTP server of `startSmtp`, links on `origin`. */
export function emailTo(smtp: { readonly port: number }, origin = inboxOrigin): EmailChannel {
  return new EmailChannel({
    host: '127.0.0.1',
    port: smtp.port,
    security: 'opportunistic',
    from: '"Example Bank" <notices@bank.example>',
    bankName: 'Example Bank',
    inboxOrigin: origin,
    timeoutMs: 5_000,
  });
}

/** The Message-ID header of a raw mail, without angle brackets. */
export function messageIdOf(raw: string): string | undefined {
  return /^Message-ID:\s*<([^>]+)>/im.exec(raw)?.[1];
}
