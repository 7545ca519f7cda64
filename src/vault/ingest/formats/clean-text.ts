// Text no statement row may carry into storage: control characters (PostgreSQL refuses NUL) and undecodable bytes.
import type { StatementEvent, StatementTransaction } from '../../../core/transaction.ts';
import type { StatementParser } from './parser.ts';
import { codePointName, firstControlCharacter } from '../../../core/control-characters.ts';

/** What a decoder writes for bytes that are not valid in the file's encoding. */
const replacementCharacter = 0xfffd;

/** What is wrong with a text, if anything: a control character or bytes the encoding could not decode. */
export function textProblem(text: string): { code: string; reason: string } | undefined {
  const control = firstControlCharacter(text);
  if (control !== undefined) {
    return { code: 'text.control', reason: `holds the control character ${codePointName(control.code)}` };
  }
  if (text.includes(String.fromCharCode(replacementCharacter))) {
    return {
      code: 'text.encoding',
      reason: 'holds bytes that are not valid in the file’s character encoding',
    };
  }
  return undefined;
}

/** The same text with every control character and unpaired surrogate shown as U+FFFD, for excerpts and messages. */
export function printable(text: string): string {
  let out = text;
  for (let found = firstControlCharacter(out); found !== undefined; found = firstControlCharacter(out)) {
    out = out.slice(0, found.index) + String.fromCharCode(replacementCharacter) + out.slice(found.index + 1);
  }
  return out;
}

const transactionTexts = [
  'currency',
  'bookingDate',
  'valueDate',
  'merchantName',
  'mcc',
  'description',
  'counterpartyName',
  'counterpartyAccount',
  'bankReference',
] as const satisfies readonly (keyof StatementTransaction)[];

function firstProblem(
  fields: readonly [string, string | undefined][],
): { field: string; code: string; reason: string } | undefined {
  for (const [field, value] of fields) {
    const problem = value === undefined ? undefined : textProblem(value);
    if (problem !== undefined) return { field, ...problem };
  }
  return undefined;
}

/** One event with its text checked: a row holding a bad character becomes a reject naming the field. */
export function cleanEvent(event: StatementEvent): StatementEvent {
  switch (event.kind) {
    case 'transaction': {
      const t = event.transaction;
      const problem = firstProblem([
        ['account', t.account.value],
        ['account.bankId', t.account.bankId],
        ...transactionTexts.map((field): [string, string | undefined] => [field, t[field]]),
      ]);
      if (problem === undefined) return event;
      return {
        kind: 'reject',
        reject: {
          location: t.location,
          field: problem.field,
          code: problem.code,
          reason: `${problem.field} ${problem.reason}`,
        },
      };
    }
    case 'account': {
      const problem = firstProblem([
        ['account', event.account.value],
        ['account.bankId', event.account.bankId],
        ['account.currency', event.account.currency],
        ['ownerName', event.ownerName],
      ]);
      if (problem === undefined) return event;
      return {
        kind: 'reject',
        reject: {
          location: {},
          field: problem.field,
          code: problem.code,
          reason: `${problem.field} ${problem.reason}`,
        },
      };
    }
    case 'reject': {
      const { reject } = event;
      return {
        kind: 'reject',
        reject: {
          ...reject,
          reason: printable(reject.reason),
          field: printable(reject.field),
          ...(reject.excerpt === undefined ? {} : { excerpt: printable(reject.excerpt) }),
        },
      };
    }
    case 'notice':
      return { kind: 'notice', notice: { ...event.notice, message: printable(event.notice.message) } };
    case 'balance': {
      const problem = firstProblem([
        ['account', event.balance.account.value],
        ['account.bankId', event.balance.account.bankId],
      ]);
      if (problem === undefined) return event;
      return {
        kind: 'notice',
        notice: { kind: 'invalid-file', message: `balance not read: ${problem.field} ${problem.reason}` },
      };
    }
  }
}

/** A parser whose rows never carry a control character or undecodable bytes into storage. */
export function withCleanText(parser: StatementParser): StatementParser {
  return async function* (input, options) {
    for await (const event of parser(input, options)) yield cleanEvent(event);
  };
}
