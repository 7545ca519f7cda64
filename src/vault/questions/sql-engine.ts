// The question engine that runs where the data lives: a plan compiled to one SQL query on the vault's storage.
import { compilePlan } from '../../language/sql/compile-plan.ts';
import type { CustomerIds, Plan, QuestionEngine } from '../../language/plan.ts';
import type { SqlExecutor } from '../../storage/ports.ts';

export class SqlEngine implements QuestionEngine {
  readonly name = 'sql';
  readonly #storage: SqlExecutor;

  constructor(storage: SqlExecutor) {
    this.#storage = storage;
  }

  async evaluate(plan: Plan, asOf: string): Promise<CustomerIds> {
    const { sql, parameters } = compilePlan(plan, asOf);
    const { rows } = await this.#storage.query<{ customer_id: number }>(sql, parameters);
    const ids = new Int32Array(rows.length);
    rows.forEach((row, i) => {
      if (!Number.isInteger(row.customer_id) || row.customer_id < 0 || row.customer_id > 0x7fff_ffff) {
        throw new Error('a customer id does not fit the 32-bit id space of question results');
      }
      ids[i] = row.customer_id;
    });
    return ids;
  }
}
