// The one text email and push may carry: a bank's name and a link to the inbox, the same for every offer.
import { CurtainError } from '../../../core/errors.ts';
import { isMessageId, type NeutralNotice } from './channel.ts';

export interface NeutralText {
  readonly subject: string;
  readonly text: string;
}

export function neutralText(bankName: string, inboxLink: string): NeutralText {
  const subject = `You have a new message from ${bankName}`;
  return { subject, text: `${subject}. Read it in your inbox: ${inboxLink}` };
}

/** Parses the configured inbox origin (`https://…`, or `http://` on a loopback host); throws CONFIG_INVALID. */
export function parseInboxOrigin(value: string, setting: string): string {
  const url = parseHttpUrl(value, setting);
  return url.origin;
}

/** Parses an endpoint URL: https, or http on a loopback host only; no credentials in it. Throws CONFIG_INVALID. */
export function parseHttpUrl(value: string, setting: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CurtainError('CONFIG_INVALID', `${setting} is not a URL.`, { setting });
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new CurtainError('CONFIG_INVALID', `${setting} must use https (http only on a loopback host).`, {
      setting,
    });
  }
  if (url.username !== '' || url.password !== '') {
    throw new CurtainError('CONFIG_INVALID', `${setting} must not hold credentials.`, { setting });
  }
  return url;
}

/** Checks a notice before it leaves; a malformed one is a bug in the caller and throws. */
export function checkNeutralNotice(notice: NeutralNotice, inboxOrigin: string): void {
  if (!isMessageId(notice.messageId)) throw new TypeError('The notice has a malformed message id.');
  if (notice.to.trim() === '') throw new TypeError('The notice has no recipient.');
  let origin: string;
  try {
    origin = new URL(notice.inboxLink).origin;
  } catch {
    throw new TypeError('The notice has a malformed inbox link.');
  }
  if (origin !== inboxOrigin) throw new TypeError('The notice links outside the configured inbox origin.');
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);
