// Import mappings the import tests share: a consents file with one column per field, named after the field.
import { parseImportMapping, type ImportMapping } from '../../src/vault/import/import-mapping.ts';

/** Header `id,purpose,channel,granted,at,notice,evidence`. */
export const consentsMappingInput = {
  columns: {
    ownerExternalId: 'id',
    purpose: 'purpose',
    channel: 'channel',
    granted: 'granted',
    decidedAt: 'at',
    noticeVersion: 'notice',
    evidence: 'evidence',
  },
} as const;

export const consentsHeader = 'id,purpose,channel,granted,at,notice,evidence';

export function consentsMapping(): ImportMapping {
  const mapping = parseImportMapping('consents', consentsMappingInput);
  if (!mapping.ok) throw new Error(mapping.error);
  return mapping.value;
}
