// The hub's only way to its tables: every statement runs in a transaction under the role that has no vault grant.
import { CurtainError } from '../core/errors.ts';
import type { QueryResult, Storage } from '../storage/ports.ts';
import { hubRole } from '../storage/postgres-core/migrations/0007-hub.ts';

/** What hub code may do inside a transaction: parameterised statements, nothing else. */
export interface HubExecutor {
  query<Row = Record<string, unknown>>(
    sql: string,
    parameters?: readonly unknown[],
  ): Promise<QueryResult<Row>>;
}

// The role is a guard against hub bugs, not against hostile SQL; refusing statements that change the role
// keeps a careless statement from quietly leaving it.
const roleChange = /\b(?:set|reset)\s+(?:(?:local|session)\s+)?(?:role|session\s+authorization)\b/i;

/**
 * Wraps the database so that each unit of hub work is one transaction that begins with
 * `SET LOCAL ROLE curtain_hub`: the hub can read and write schema `hub` and nothing of the vault.
 */
export class HubStorage {
  readonly #storage: Storage;

  constructor(storage: Storage) {
    this.#storage = storage;
  }

  transaction<T>(work: (tx: HubExecutor) => Promise<T>): Promise<T> {
    return this.#storage.transaction(async (tx) => {
      await tx.query(`SET LOCAL ROLE ${hubRole}`);
      return work({
        query: <Row>(sql: string, parameters: readonly unknown[] = []) => {
          if (roleChange.test(sql)) {
            throw new CurtainError('INTERNAL', 'hub statements may not change the database role');
          }
          return tx.query<Row>(sql, parameters);
        },
      });
    });
  }

  /** One statement in a transaction of its own (reads too go through the role). */
  query<Row = Record<string, unknown>>(
    sql: string,
    parameters?: readonly unknown[],
  ): Promise<QueryResult<Row>> {
    return this.transaction((tx) => tx.query<Row>(sql, parameters));
  }
}
