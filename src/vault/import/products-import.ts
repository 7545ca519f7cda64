// Products held from the system of record: who holds which product since when, and until when once ended.
import { productCodes, type ProductCode } from '../../core/products.ts';
import type { ImportRecord } from './import-csv.ts';
import { isProblem, problem, type CellReader, type RowProblem } from './import-rows.ts';

export interface ImportedProduct {
  readonly line: number;
  readonly ownerExternalId: string;
  readonly product: ProductCode;
  readonly since: string;
  readonly until: string | undefined;
}

export function readProduct(record: ImportRecord, cells: CellReader): ImportedProduct | RowProblem {
  const ownerExternalId = cells.required(record, 'ownerExternalId');
  if (isProblem(ownerExternalId)) return ownerExternalId;
  const product = cells.code(record, 'product', productCodes, undefined);
  if (isProblem(product)) return product;
  const since = cells.date(record, 'since', true);
  if (isProblem(since)) return since;
  const until = cells.date(record, 'until', false);
  if (isProblem(until)) return until;
  if (until !== '' && until < since) return problem('until', 'invalid-date', 'until is before since');
  return { line: record.line, ownerExternalId, product, since, until: until || undefined };
}
