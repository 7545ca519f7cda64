// `curtain import`: customers, accounts, products or consents from a system-of-record export, locally or through the server.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CurtainError } from '../core/errors.ts';
import type { CliContext } from './host.ts';
import { parseImportMapping, type ImportKind, type ImportMapping } from '../vault/import/import-mapping.ts';
import type { ImportSummary } from '../vault/import/import-service.ts';
import { progressBar } from './progress.ts';
import { callServer, openSession } from './vault-session.ts';

export type ImportCommandKind = ImportKind | 'fdx';

async function readImportMapping(kind: ImportKind, path: string | undefined): Promise<ImportMapping> {
  if (path === undefined) {
    throw new CurtainError('USAGE', `a CSV file of ${kind} needs --mapping <file> (docs/onboarding.md)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CurtainError('MAPPING_INVALID', `cannot read mapping ${path}: ${(error as Error).message}`);
  }
  const parsed = parseImportMapping(kind, json);
  if (!parsed.ok) throw new CurtainError('MAPPING_INVALID', `${path}: ${parsed.error}`);
  return parsed.value;
}

export function printImportSummary(summary: ImportSummary): void {
  console.log(`${summary.sourceName}: ${summary.kind}, import batch ${summary.batchId}, ${summary.status}`);
  console.log(
    `  read ${summary.rowsRead}, stored ${summary.rowsStored}, unchanged ${summary.rowsUnchanged}, ` +
      `quarantined ${summary.rowsQuarantined}`,
  );
  for (const row of summary.quarantine) {
    console.log(`  line ${row.line}, ${row.field}: ${row.code}: ${row.reason}`);
  }
}

async function fileSize(file: string): Promise<number> {
  return stat(file).then(
    (info) => info.size,
    (error: NodeJS.ErrnoException) => {
      throw new CurtainError('USAGE', `cannot read ${file}: ${error.code ?? 'error'}`);
    },
  );
}

export async function importCommand(
  cli: CliContext,
  kind: ImportCommandKind,
  file: string,
  options: { readonly mapping?: string; readonly resume?: number },
): Promise<ImportSummary> {
  const mapping = kind === 'fdx' ? undefined : await readImportMapping(kind, options.mapping);
  const size = await fileSize(file);
  const session = await openSession(cli, 'curtain import', true);
  try {
    if (session.kind === 'server') {
      const query = new URLSearchParams({ source: basename(file) });
      if (mapping) query.set('mapping', JSON.stringify(mapping));
      if (options.resume !== undefined) query.set('resume', String(options.resume));
      console.error(`(through the running server at ${session.url})`);
      const summary = await callServer<ImportSummary>(session, `/v1/import/${kind}?${query.toString()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: createReadStream(file),
      });
      printImportSummary(summary);
      return summary;
    }
    const bar = progressBar(`${kind} ${basename(file)}`, size, 'bytes');
    try {
      const importOptions = {
        sourceName: basename(file),
        onProgress: (p: { bytesRead: number }) => bar.update(p.bytesRead),
        ...(options.resume === undefined ? {} : { resumeBatchId: options.resume }),
      };
      const summary =
        mapping === undefined
          ? await session.vault.imports.importFdx(createReadStream(file), importOptions)
          : await session.vault.imports.importCsv(
              kind as ImportKind,
              createReadStream(file),
              mapping,
              importOptions,
            );
      bar.update(size);
      bar.stop();
      printImportSummary(summary);
      return summary;
    } catch (error) {
      bar.stop();
      throw error;
    }
  } finally {
    if (session.kind === 'local') await session.vault.close();
  }
}
