// Loads a generated bank into the vault: identities, accounts and products directly, transactions through ingest.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { StatementEvent } from '../core/transaction.ts';
import type { Storage } from '../storage/ports.ts';
import { copyRow } from '../storage/postgres-core/copy-text.ts';
import { maskAccountNumber, type AccountDirectory } from '../vault/accounts/account-directory.ts';
import type { IdentityStore } from '../vault/identity/identity-store.ts';
import type { ConsentLedger } from '../vault/consent/consent-ledger.ts';
import { demoConsentDecisions, toConsentDecisions } from './generate/consent.ts';
import type { IngestService, IngestSummary } from '../vault/ingest/ingest-service.ts';
import { externalIdOf, generateBank, groundTruthRecord, type GeneratedCustomer } from './generate/index.ts';
import { CurtainError } from '../core/errors.ts';

export interface DemoBankOptions {
  readonly customers: number;
  readonly seed: number;
  /** Last day of the generated history; two years before it is the first. */
  readonly end: string;
  /** Ground truth (personas, life events) goes to this JSONL file, never into the vault. */
  readonly groundTruthFile?: string;
  /** Load customers, accounts and products only (the benchmark ingests transactions from a CSV). */
  readonly withTransactions?: boolean;
  readonly onProgress?: (customersDone: number, transactions: number) => void;
}

export interface DemoBankServices {
  readonly storage: Storage;
  readonly identity: IdentityStore;
  readonly accounts: AccountDirectory;
  readonly ingest: IngestService;
  readonly consent: ConsentLedger;
}

export interface DemoBankReport {
  readonly customers: number;
  readonly accounts: number;
  readonly consentDecisions: number;
  readonly ingest: IngestSummary | undefined;
}

const customersPerRound = 1_000;

export function twoYearsBefore(end: string): string {
  const date = new Date(`${end}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 2);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export async function loadDemoBank(
  services: DemoBankServices,
  options: DemoBankOptions,
): Promise<DemoBankReport> {
  if ((await services.identity.findCustomer('external_id', externalIdOf(0))) !== undefined) {
    throw new CurtainError(
      'USAGE',
      'this vault already holds a demo bank (customer C00000001 exists): use a fresh data directory or database',
    );
  }
  const truth = options.groundTruthFile
    ? createWriteStream(options.groundTruthFile, { mode: 0o600 })
    : undefined;
  const generated = generateBank({
    customers: options.customers,
    seed: options.seed,
    start: twoYearsBefore(options.end),
    end: options.end,
  });
  let customers = 0;
  let accounts = 0;
  let consentDecisions = 0;
  let transactions = 0;

  async function storeRound(round: GeneratedCustomer[]): Promise<void> {
    const ids = await services.identity.createCustomers(
      round.map((c) => ({ externalId: c.externalId, pii: c.pii })),
    );
    const refs: Buffer[] = [];
    const owners: number[] = [];
    const products: (string | null)[] = [];
    const currencies: string[] = [];
    const opened: string[] = [];
    const masks: string[] = [];
    const productRows: string[] = [];
    round.forEach((customer, i) => {
      for (const account of customer.accounts) {
        refs.push(services.accounts.accountRef({ scheme: 'iban', value: account.iban }));
        owners.push(ids[i]!);
        products.push(account.product);
        currencies.push(account.currency);
        opened.push(account.openedOn);
        masks.push(maskAccountNumber(account.iban));
      }
      for (const held of customer.products) {
        productRows.push(copyRow([ids[i]!, held.product, held.since, held.until ?? null]));
      }
      if (truth) truth.write(`${JSON.stringify(groundTruthRecord(customer))}\n`);
    });
    const inserted = await services.storage.query<{ id: number; customer_id: number }>(
      `INSERT INTO accounts (account_ref, customer_id, product_code, currency, opened_on, masked_number)
       SELECT * FROM unnest($1::bytea[], $2::bigint[], $3::text[], $4::text[], $5::date[], $6::text[])
       RETURNING id, customer_id`,
      [refs, owners, products, currencies, opened, masks],
    );
    let k = 0;
    round.forEach((customer) => {
      for (const account of customer.accounts) {
        const row = inserted.rows[k++]!;
        services.accounts.remember(
          { scheme: 'iban', value: account.iban },
          { id: row.id, customerId: row.customer_id },
        );
      }
    });
    await services.storage.copyFrom(
      'products_held',
      ['customer_id', 'product_code', 'since', 'until'],
      productRows,
    );
    // Consent goes through the ledger like any other decision: history, current state, the log.
    const decisions = round.flatMap((customer, i) =>
      toConsentDecisions(
        ids[i]!,
        demoConsentDecisions(options.seed, customer.index, customer.persona),
        options.end,
      ),
    );
    const recorded = await services.consent.record(decisions);
    if (!recorded.ok) throw new Error(`demo consent refused: ${JSON.stringify(recorded.error[0])}`);
    consentDecisions += decisions.length;
    customers += round.length;
    accounts += inserted.rows.length;
  }

  async function* events(): AsyncGenerator<StatementEvent> {
    let round: GeneratedCustomer[] = [];
    const release = async function* () {
      await storeRound(round);
      if (options.withTransactions !== false) {
        for (const customer of round) {
          for (const transaction of customer.transactions) {
            transactions++;
            yield { kind: 'transaction', transaction } as const;
          }
        }
      }
      round = [];
      options.onProgress?.(customers, transactions);
    };
    for (const customer of generated) {
      round.push(customer);
      if (round.length >= customersPerRound) yield* release();
    }
    if (round.length > 0) yield* release();
  }

  let summary: IngestSummary | undefined;
  try {
    summary = await services.ingest.ingestEvents(events(), {
      sourceName: `demo bank (seed ${options.seed}, ${options.customers} customers)`,
      format: 'generated',
    });
  } finally {
    if (truth) {
      truth.end();
      await once(truth, 'close');
    }
  }
  return { customers, accounts, consentDecisions, ingest: summary };
}
