// Small constructors for statement events, shared by every format parser.
import type {
  AccountIdentifier,
  FileNotice,
  SourceLocation,
  StatementEvent,
  StatementTransaction,
} from '../../../core/transaction.ts';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function transactionEvent(transaction: StatementTransaction): StatementEvent {
  return { kind: 'transaction', transaction };
}

export function accountEvent(account: AccountIdentifier, ownerName?: string): StatementEvent {
  return ownerName === undefined ? { kind: 'account', account } : { kind: 'account', account, ownerName };
}

export function rejectEvent(
  location: SourceLocation,
  field: string,
  code: string,
  reason: string,
  excerpt?: string,
): StatementEvent {
  const reject =
    excerpt === undefined ? { location, field, code, reason } : { location, field, code, reason, excerpt };
  return { kind: 'reject', reject };
}

export function noticeEvent(
  kind: FileNotice['kind'],
  message: string,
  location?: SourceLocation,
): StatementEvent {
  return { kind: 'notice', notice: location === undefined ? { kind, message } : { kind, message, location } };
}

const maxExcerpt = 120;

/** The raw text behind a reject, cut short; the quarantine scrubs it before storage. */
export function excerptOf(text: string): string {
  return text.length > maxExcerpt ? `${text.slice(0, maxExcerpt)}…` : text;
}

/** Account numbers are compared upper case and without spaces. */
export function normaliseAccountNumber(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const plain = (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
    if (!plain) return value.replace(/\s+/g, '').toUpperCase();
  }
  return value;
}

const ibanShape = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

export function looksLikeIban(normalised: string): boolean {
  return ibanShape.test(normalised);
}

/** A four-digit ISO 18245 code from text such as "5411" or "742" (leading zero dropped by a spreadsheet). */
export function readMcc(text: string): string | undefined {
  if (text.length < 3 || text.length > 4) return undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return text.length === 3 ? `0${text}` : text;
}
