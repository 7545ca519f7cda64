// How the CLI prints: summaries to stdout, errors to stderr with their stable code and exit status.
import { CurtainError, errorCatalogue, type ErrorCode } from '../core/errors.ts';
import type { IngestSummary } from '../vault/ingest/ingest-service.ts';

export function printIngestSummary(summary: IngestSummary): void {
  const head = `${summary.sourceName}: ${summary.format}, batch ${summary.batchId}, ${summary.status}`;
  console.log(head);
  console.log(
    `  read ${summary.read}, stored ${summary.stored}, duplicates ${summary.duplicates}, ` +
      `quarantined ${summary.quarantined}, uncategorised ${summary.uncategorised}`,
  );
  if (summary.accountsCreated > 0 || summary.accountsUnlinked > 0) {
    console.log(
      `  accounts: ${summary.accountsCreated} new, ${summary.accountsUnlinked} not linked to a customer ` +
        '(stored; linked when the system of record pushes the customer, or pass --customer)',
    );
  }
  if (summary.retention !== undefined) console.log(`  ${summary.retention}`);
  for (const notice of summary.notices) console.log(`  ${notice.kind}: ${notice.message}`);
}

/** The exit status of a stable error code; 1 for a code the catalogue does not know. */
export function exitOf(code: string): number {
  return code in errorCatalogue ? errorCatalogue[code as ErrorCode].exit : 1;
}

export function failAndExit(error: unknown): never {
  if (error instanceof CurtainError) {
    console.error(`curtain: ${error.code}: ${error.message}`);
    process.exit(error.exitCode);
  }
  console.error('curtain: INTERNAL: unexpected failure');
  console.error(error);
  process.exit(70);
}
