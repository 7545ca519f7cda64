// Email over SMTP (nodemailer): only the neutral notice with a link to the inbox, under the stable Message-ID.
import nodemailer, { type NodemailerError, type SMTPTransportOptions, type Transporter } from 'nodemailer';
import { CurtainError } from '../../../core/errors.ts';
import type { ChannelAdapter, NeutralNotice, SendResult } from './channel.ts';
import { checkNeutralNotice, escapeHtml, neutralText, parseInboxOrigin } from './neutral-notice.ts';

export interface EmailChannelConfig {
  readonly host: string;
  readonly port: number;
  /**
   * `tls`: TLS from the first byte (port 465); `starttls`: plain connection upgraded, and refused when the
   * server cannot upgrade (port 587); `opportunistic`: upgraded when offered, plain otherwise.
   */
  readonly security: 'tls' | 'starttls' | 'opportunistic';
  readonly auth?: { readonly user: string; readonly pass: string };
  /** The sender, e.g. `"Example Bank" <notices@bank.example>`. */
  readonly from: string;
  /** Named in the subject and the text. */
  readonly bankName: string;
  /** Every notice's inbox link must be on this origin. */
  readonly inboxOrigin: string;
  /** The name the client gives in EHLO; default the host name of the `from` address, never the machine's. */
  readonly clientName?: string;
  /** Connecting, greeting and idle socket limits; default 10 s. */
  readonly timeoutMs?: number;
}

/** SMTP errors that are wrong settings or a wrong address; sending again the same way gets the same answer. */
const permanentCodes = new Set([
  'EAUTH',
  'ENOAUTH',
  'ECONFIG',
  'EENVELOPE',
  'EMESSAGE',
  'EREQUIRETLS',
  'EOAUTH2',
]);

export class EmailChannel implements ChannelAdapter<'email'> {
  readonly channel = 'email';
  readonly #transport: Transporter;
  readonly #from: string;
  readonly #bankName: string;
  readonly #inboxOrigin: string;

  constructor(config: EmailChannelConfig) {
    if (config.bankName.trim() === '') {
      throw new CurtainError('CONFIG_INVALID', 'The email channel needs the bank name.', {
        setting: 'bankName',
      });
    }
    if (!Number.isInteger(config.port) || config.port < 1 || config.port > 65_535) {
      throw new CurtainError('CONFIG_INVALID', 'The SMTP port is not a port number.', { setting: 'port' });
    }
    const senderDomain = /@([^>\s]+)>?\s*$/.exec(config.from)?.[1];
    if (senderDomain === undefined) {
      throw new CurtainError('CONFIG_INVALID', 'The email sender is not an address.', { setting: 'from' });
    }
    this.#from = config.from;
    this.#bankName = config.bankName;
    this.#inboxOrigin = parseInboxOrigin(config.inboxOrigin, 'inboxOrigin');
    const timeout = config.timeoutMs ?? 10_000;
    const options: SMTPTransportOptions = {
      host: config.host,
      port: config.port,
      secure: config.security === 'tls',
      requireTLS: config.security === 'starttls',
      name: config.clientName ?? senderDomain,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      disableFileAccess: true,
      disableUrlAccess: true,
      ...(config.auth === undefined ? {} : { auth: { user: config.auth.user, pass: config.auth.pass } }),
    };
    this.#transport = nodemailer.createTransport(options);
  }

  async send(notice: NeutralNotice): Promise<SendResult> {
    checkNeutralNotice(notice, this.#inboxOrigin);
    const { subject, text } = neutralText(this.#bankName, notice.inboxLink);
    const link = escapeHtml(notice.inboxLink);
    const html =
      `<p>${escapeHtml(`You have a new message from ${this.#bankName}.`)}</p>` +
      `<p><a href="${link}">Read it in your inbox</a></p>`;
    try {
      const info = (await this.#transport.sendMail({
        from: this.#from,
        to: notice.to,
        subject,
        text,
        html,
        messageId: `<${notice.messageId}>`,
        textEncoding: 'quoted-printable',
      })) as { response?: unknown };
      const queued =
        typeof info.response === 'string' ? /queued as ([\w.-]+)/i.exec(info.response)?.[1] : undefined;
      return queued === undefined ? { ok: true, attempts: 1 } : { ok: true, attempts: 1, providerId: queued };
    } catch (error) {
      return { ok: false, attempts: 1, ...classify(error as NodemailerError) };
    }
  }

  /** Closes the transport's connections. */
  close(): void {
    this.#transport.close();
  }
}

/** A reason without the server's text, which may name the recipient. */
function classify(error: NodemailerError): { retryable: boolean; reason: string } {
  if (typeof error.responseCode === 'number') {
    const permanent = error.permanent ?? (error.responseCode >= 500 && error.responseCode !== 503);
    return { retryable: !permanent, reason: `smtp ${error.responseCode}` };
  }
  const code = typeof error.code === 'string' ? error.code : 'unknown';
  const original = typeof error.originalCode === 'string' ? ` ${error.originalCode}` : '';
  return { retryable: !permanentCodes.has(code), reason: `smtp ${code}${original}` };
}
