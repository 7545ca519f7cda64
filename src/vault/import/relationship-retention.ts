// Customers who left the bank: kept for the anti-money-laundering period of the one retention policy after the
// relationship ended, then erased through the erasure path, each with a signed receipt.
import type { ComplianceService } from '../compliance/compliance-service.ts';
import type { ErasureOutcome } from '../compliance/erasure.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import { yearsBefore } from '../compliance/transaction-retention.ts';
import { lapsedRelationships } from './import-store.ts';

export interface RelationshipRetentionOptions {
  /** Years a former customer's records are kept after the relationship ended: the retention policy's AML period. */
  readonly years: () => Promise<number>;
  readonly now?: () => Date;
}

export class RelationshipRetention {
  readonly #db: SqlExecutor;
  readonly #compliance: Pick<ComplianceService, 'requests' | 'erase'>;
  readonly #options: RelationshipRetentionOptions;

  constructor(
    db: SqlExecutor,
    compliance: Pick<ComplianceService, 'requests' | 'erase'>,
    options: RelationshipRetentionOptions,
  ) {
    this.#db = db;
    this.#compliance = compliance;
    this.#options = options;
  }

  /**
   * Erases every former customer whose relationship ended `years` ago or more: a verified erasure request
   * opened on their behalf (the bank's duty to erase), then the erasure path with its verification scan and
   * receipt. Returns the receipts; nothing here logs how many.
   */
  async eraseLapsed(): Promise<ErasureOutcome[]> {
    const today = (this.#options.now?.() ?? new Date()).toISOString().slice(0, 10);
    const years = await this.#options.years();
    const lapsed = await lapsedRelationships(this.#db, yearsBefore(today, years));
    const receipts: ErasureOutcome[] = [];
    for (const customerId of lapsed) {
      const request = await this.#compliance.requests.receiveFromCustomer('erasure', 'gdpr', customerId);
      receipts.push(await this.#compliance.erase(request.id));
    }
    return receipts;
  }
}
