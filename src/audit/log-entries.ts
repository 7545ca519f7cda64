// What a leaf of the transparency log holds: an event as canonical JSON with the time it was logged, made ready
// when the event is recorded; and the check that refuses any event that carries personal data.
import canonicalize from 'canonicalize';
import type { AuditEvent, AuditEventType, JsonValue } from '../core/audit-event.ts';
import { containsPiiBesidesIds } from '../privacy/scrub.ts';
import { canonicalJson, jsonString } from './canonical.ts';

/** What a leaf holds: the event and the time it was logged, as canonical JSON (RFC 8785). */
export interface AuditEntry {
  readonly at: string;
  readonly type: AuditEventType;
  readonly subjectRef?: string;
  readonly details: { readonly [key: string]: JsonValue };
}

/** An event made ready for the log when it is recorded: its canonical JSON but for the time. */
export interface Prepared {
  readonly event: AuditEvent;
  /** The entry's JSON around `at`: `{"at":` + JSON of the time + `tail`; undefined: not plain JSON. */
  readonly tail: string | undefined;
}

/** Everything of an entry's canonical JSON after its first member, `at` (keys sort as at, details, subjectRef, type). */
export function prepare(event: AuditEvent): Prepared {
  const details = canonicalJson(event.details);
  if (details === undefined || typeof event.type !== 'string') return { event, tail: undefined };
  const subject =
    event.subjectRef === undefined
      ? ''
      : typeof event.subjectRef === 'string'
        ? `,"subjectRef":${jsonString(event.subjectRef)}`
        : undefined;
  if (subject === undefined) return { event, tail: undefined };
  return { event, tail: `,"details":${details}${subject},"type":${jsonString(event.type)}}` };
}

/** The entry's canonical JSON by the library: for events that are not plain JSON. */
export function entryJson(event: AuditEvent, at: string): string {
  const entry: AuditEntry = {
    at,
    type: event.type,
    details: event.details,
    ...(event.subjectRef === undefined ? {} : { subjectRef: event.subjectRef }),
  };
  const json = canonicalize(entry);
  if (json === undefined) throw new Error('audit event is not JSON');
  return json;
}

export function isCanonical(json: string): boolean {
  try {
    return canonicalize(JSON.parse(json)) === json;
  } catch {
    return false;
  }
}

// Verdicts of `containsPiiBesidesIds` per distinct string: events repeat the same identifiers over and over.
const piiVerdicts = new Map<string, boolean>();
const maxVerdicts = 100_000;

function hasPii(text: string): boolean {
  let verdict = piiVerdicts.get(text);
  if (verdict === undefined) {
    verdict = containsPiiBesidesIds(text);
    if (piiVerdicts.size >= maxVerdicts) piiVerdicts.clear();
    piiVerdicts.set(text, verdict);
  }
  return verdict;
}

function anyPii(value: JsonValue): boolean {
  if (typeof value === 'string') return hasPii(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (anyPii(item)) return true;
    return false;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (hasPii(key) || anyPii(value[key]!)) return true;
  }
  return false;
}

/** A bug in the caller, not an expected failure: the log must never hold personal data. */
export function refusePii(event: AuditEvent): void {
  if (anyPii(event.details)) {
    throw new Error(`audit event ${event.type} carries personal data; log references and hashes only`);
  }
}
