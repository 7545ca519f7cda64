// Products a customer holds (or held), as the bank's systems of record say: loaded in bulk.
import type { ProductCode } from '../../core/products.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import { copyRow } from '../../storage/postgres-core/copy-text.ts';

export interface ProductHolding {
  readonly customerId: number;
  readonly product: ProductCode;
  /** YYYY-MM-DD */
  readonly since: string;
  /** YYYY-MM-DD, or undefined while still held. */
  readonly until?: string | undefined;
}

/** Appends holdings by COPY; returns how many were stored. */
export function addProductsHeld(db: SqlExecutor, holdings: readonly ProductHolding[]): Promise<number> {
  return db.copyFrom(
    'products_held',
    ['customer_id', 'product_code', 'since', 'until'],
    holdings.map((h) => copyRow([h.customerId, h.product, h.since, h.until ?? null])),
  );
}
