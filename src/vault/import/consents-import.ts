// Consents the bank already collected, with their provenance; a decision without evidence is quarantined.
import {
  consentChannels,
  consentPurposes,
  findNotice,
  type ChannelScope,
  type ConsentPurpose,
} from '../../core/consent.ts';
import type { ImportRecord } from './import-csv.ts';
import { isProblem, problem, type CellReader, type RowProblem } from './import-rows.ts';

export interface ImportedConsent {
  readonly line: number;
  readonly ownerExternalId: string;
  readonly purpose: ConsentPurpose;
  readonly channel: ChannelScope;
  readonly granted: boolean;
  /** When the customer decided, as the bank recorded it (not when it was imported). */
  readonly decidedAt: Date;
  readonly noticeVersion: string;
  /** The bank's own reference to the proof (a signed form, a recorded call, a log entry). */
  readonly evidence: string;
}

const channelScopes: readonly ChannelScope[] = [...consentChannels, 'all'];
const timePart = /^[ T](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/;

const withoutEvidence = (field: string, what: string) =>
  problem(field, 'consent-without-evidence', `${what}: a consent without evidence is not assumed`);

/** A date in the mapping's layout, optionally with a time (UTC unless an offset is given), or ISO 8601. */
function decisionTime(record: ImportRecord, cells: CellReader): Date | RowProblem {
  const text = cells.text(record, 'decidedAt');
  if (text === '') return withoutEvidence('decidedAt', 'decidedAt is empty');
  const space = text.search(/[ T]\d/);
  const datePart = space === -1 ? text : text.slice(0, space);
  const date = cells.date({ line: record.line, fields: { decidedAt: datePart } }, 'decidedAt', true);
  if (isProblem(date)) return date;
  if (space === -1) return new Date(`${date}T00:00:00Z`);
  const time = timePart.exec(text.slice(space));
  if (!time) return problem('decidedAt', 'invalid-date', 'decidedAt has a time that cannot be read');
  const zone = time[4] === undefined || time[4] === 'Z' ? 'Z' : time[4].replace(/(\d{2})(\d{2})$/, '$1:$2');
  const at = new Date(`${date}T${time[1]}:${time[2]}:${time[3] ?? '00'}${zone}`);
  return Number.isNaN(at.getTime()) ? problem('decidedAt', 'invalid-date', 'decidedAt is not a time') : at;
}

export function readConsent(
  record: ImportRecord,
  cells: CellReader,
  now: Date,
): ImportedConsent | RowProblem {
  const ownerExternalId = cells.required(record, 'ownerExternalId');
  if (isProblem(ownerExternalId)) return ownerExternalId;
  const purpose = cells.code(record, 'purpose', consentPurposes, undefined);
  if (isProblem(purpose)) return purpose;
  const channel = cells.code(record, 'channel', channelScopes, 'all');
  if (isProblem(channel)) return channel;
  if (cells.text(record, 'granted') === '') return problem('granted', 'missing-value', 'granted is empty');
  const decidedAt = decisionTime(record, cells);
  if (isProblem(decidedAt)) return decidedAt;
  if (decidedAt.getTime() > now.getTime()) {
    return problem('decidedAt', 'invalid-date', 'decidedAt is in the future');
  }
  const version = cells.text(record, 'noticeVersion');
  if (version === '') return withoutEvidence('noticeVersion', 'noticeVersion is empty');
  const translated = cells.translate('noticeVersion', version);
  if (findNotice(purpose, translated) === undefined) {
    return problem('noticeVersion', 'unknown-notice', `noticeVersion is not a notice of ${purpose}`);
  }
  const evidence = cells.text(record, 'evidence');
  if (evidence === '') return withoutEvidence('evidence', 'evidence is empty');
  return {
    line: record.line,
    ownerExternalId,
    purpose,
    channel,
    granted: cells.flag(record, 'granted'),
    decidedAt,
    noticeVersion: translated,
    evidence,
  };
}
