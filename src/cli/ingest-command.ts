// `curtain ingest`: statement files into the vault, or through the running server when one holds it.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CurtainError } from '../core/errors.ts';
import type { StatementFormat } from '../core/transaction.ts';
import type { CliContext } from './host.ts';
import { parseCsvMapping } from '../vault/ingest/formats/csv-mapping.ts';
import type { CsvMapping } from '../vault/ingest/formats/csv-mapping.ts';
import type { IngestSummary } from '../vault/ingest/ingest-service.ts';
import { printIngestSummary } from './output.ts';
import { progressBar } from './progress.ts';
import { callServer, openSession } from './vault-session.ts';

export async function readMapping(path: string | undefined): Promise<CsvMapping | undefined> {
  if (path === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CurtainError('MAPPING_INVALID', `cannot read mapping ${path}: ${(error as Error).message}`);
  }
  const parsed = parseCsvMapping(json);
  if (!parsed.ok) throw new CurtainError('MAPPING_INVALID', `${path}: ${parsed.error}`);
  return parsed.value;
}

export interface IngestCommandOptions {
  readonly format?: StatementFormat;
  readonly mapping?: string;
  readonly customer?: string;
  readonly currency?: string;
  readonly resume?: number;
}

export async function ingestCommand(
  cli: CliContext,
  files: readonly string[],
  options: IngestCommandOptions,
) {
  if (options.resume !== undefined && files.length !== 1) {
    throw new CurtainError(
      'USAGE',
      '--resume takes up one batch: give exactly one file, the one it was reading',
    );
  }
  const mapping = await readMapping(options.mapping);
  const session = await openSession(cli, 'curtain ingest', true);
  const summaries: IngestSummary[] = [];
  try {
    for (const file of files) {
      const size = await stat(file).then(
        (info) => info.size,
        (error: NodeJS.ErrnoException) => {
          throw new CurtainError('USAGE', `cannot read ${file}: ${error.code ?? 'error'}`);
        },
      );
      if (session.kind === 'server') {
        const query = new URLSearchParams({ source: basename(file) });
        if (options.format) query.set('format', options.format);
        if (mapping) query.set('mapping', JSON.stringify(mapping));
        if (options.customer) query.set('customer', options.customer);
        if (options.currency) query.set('currency', options.currency);
        if (options.resume !== undefined) query.set('resume', String(options.resume));
        console.error(`(through the running server at ${session.url})`);
        const summary = await callServer<IngestSummary>(session, `/v1/ingest?${query.toString()}`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream' },
          body: createReadStream(file),
        });
        summaries.push(summary);
        printIngestSummary(summary);
        continue;
      }
      const { vault } = session;
      let customerId: number | undefined;
      if (options.customer) {
        customerId = await vault.identity.findCustomer('external_id', options.customer);
        if (customerId === undefined)
          throw new CurtainError('CUSTOMER_NOT_FOUND', 'no customer has that external id');
      }
      const bar = progressBar(basename(file), size, 'bytes');
      try {
        const summary = await vault.ingest.ingestStream(createReadStream(file), {
          sourceName: basename(file),
          ...(options.format ? { format: options.format } : {}),
          ...(mapping ? { mapping } : {}),
          ...(customerId !== undefined ? { customerId } : {}),
          ...(options.currency ? { defaultCurrency: options.currency } : {}),
          ...(options.resume !== undefined ? { resumeBatchId: options.resume } : {}),
          onProgress: (p) => bar.update(p.bytesRead ?? 0),
        });
        bar.update(size);
        summaries.push(summary);
        bar.stop();
        printIngestSummary(summary);
      } catch (error) {
        bar.stop();
        throw error;
      }
    }
  } finally {
    if (session.kind === 'local') await session.vault.close();
  }
  return summaries;
}
