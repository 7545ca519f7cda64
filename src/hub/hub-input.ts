// Checks what staff type into the hub: zod shapes, and free text refused if it has a template slot or PII (the
// PII detector, plus the scrub's number patterns).
import type { z } from 'zod';
import { CurtainError } from '../core/errors.ts';
import { detectPii } from '../privacy/pii/detector.ts';
import type { PiiEntity } from '../privacy/pii/types.ts';
import { containsPii } from '../privacy/scrub.ts';

const placeholders = ['{{', '${', '%s', '<%'] as const;

/** How a refusal names what it found, never the value itself. */
const entityNames: Readonly<Record<PiiEntity, string>> = {
  person: "a person's name",
  email: 'an email address',
  phone: 'a phone number',
  iban: 'an IBAN',
  card: 'a card number',
  national_id: 'a national identity number',
  address: 'a postal address',
  date_of_birth: 'a date of birth',
};

/** Parses `input`, or throws HUB_INVALID naming each bad field (never echoing its value). */
export function parseOrRefuse<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  what: string,
): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || what}: ${issue.message}`);
  throw new CurtainError('HUB_INVALID', `invalid ${what}: ${problems.join('; ')}`);
}

/**
 * Refuses text the hub would store or send: templates have no slot for anything about the customer, and
 * nothing in the hub may hold personal data. `fields` maps a field name to its text.
 */
export function refuseUnsafeText(what: string, fields: Readonly<Record<string, string | undefined>>): void {
  for (const [field, text] of Object.entries(fields)) {
    if (text === undefined) continue;
    const placeholder = placeholders.find((p) => text.includes(p));
    if (placeholder !== undefined) {
      throw new CurtainError(
        'HUB_INVALID',
        `${what} ${field}: holds the template placeholder "${placeholder}"; hub texts are plain, ` +
          'with no slot for anything about the customer',
        { field },
      );
    }
    const found = detectPii(text).sort((a, b) => b.score - a.score)[0]?.entity;
    const kind =
      found !== undefined
        ? entityNames[found]
        : containsPii(text)
          ? 'an email address, IBAN, card or phone number'
          : undefined;
    if (kind !== undefined) {
      throw new CurtainError(
        'HUB_INVALID',
        `${what} ${field}: looks like personal data (${kind}); the hub holds none`,
        { field },
      );
    }
  }
}
