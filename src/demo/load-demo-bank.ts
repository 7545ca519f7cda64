// Loads a generated bank into the vault: identities, accounts and products directly, transactions through ingest.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { StatementBalance, StatementEvent } from '../core/transaction.ts';
import type { Storage } from '../storage/ports.ts';
import type { AccountDirectory } from '../vault/accounts/account-directory.ts';
import { addProductsHeld } from '../vault/accounts/products-held.ts';
import type { IdentityStore } from '../vault/identity/identity-store.ts';
import type { ConsentLedger } from '../vault/consent/consent-ledger.ts';
import { demoConsentDecisions, toConsentDecisions } from './generate/consent.ts';
import type { IngestService, IngestSummary } from '../vault/ingest/ingest-service.ts';
import { generateBankInParallel } from './generate/parallel.ts';
import { externalIdOf, groundTruthRecord, type Density, type GeneratedCustomer } from './generate/index.ts';
import { CurtainError } from '../core/errors.ts';
import { requireDemoVault } from '../vault/vault-kind.ts';

export interface DemoBankOptions {
  readonly customers: number;
  readonly seed: number;
  /** Last day of the generated history; two years before it is the first. */
  readonly end: string;
  /** Transactions per customer (default `real`, about 58 a month; `thin` about 4): docs/generator.md. */
  readonly density?: Density;
  /** Ground truth (personas, life events) goes to this JSONL file, never into the vault. */
  readonly groundTruthFile?: string;
  /** Load customers, accounts and products only (the benchmark ingests transactions from a CSV). */
  readonly withTransactions?: boolean;
  readonly onProgress?: (customersDone: number, transactions: number) => void;
  /** Generator worker threads (0: on this thread); default one per core for a large bank, none for a small one. */
  readonly workers?: number;
  /** Customers per request to a generator worker (tests make it small). */
  readonly workerChunk?: number;
  /**
   * Into one shard of a group: only the generated customers it holds (with their accounts, products, consent
   * and transactions). Customer i depends only on the seed and i, so the shards together hold the bank.
   */
  readonly only?: (externalId: string) => boolean;
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

interface Tally {
  customers: number;
  accounts: number;
  consentDecisions: number;
  transactions: number;
}

/** Stores a round's accounts through the account directory, which remembers each; returns how many. */
async function storeAccounts(services: DemoBankServices, round: readonly GeneratedCustomer[], ids: number[]) {
  const accounts = round.flatMap((customer, i) =>
    customer.accounts.map((account) => ({
      identifier: { scheme: 'iban', value: account.iban } as const,
      customerId: ids[i]!,
      product: account.product,
      currency: account.currency,
      openedOn: account.openedOn,
    })),
  );
  return (await services.accounts.createMany(services.storage, accounts)).length;
}

/** Consent goes through the ledger like any other decision: history, current state, the log. */
async function recordConsent(
  services: DemoBankServices,
  round: readonly GeneratedCustomer[],
  ids: number[],
  options: DemoBankOptions,
) {
  const decisions = round.flatMap((customer, i) =>
    toConsentDecisions(
      ids[i]!,
      demoConsentDecisions(options.seed, customer.index, customer.persona),
      options.end,
    ),
  );
  const recorded = await services.consent.record(decisions);
  if (!recorded.ok) throw new Error(`demo consent refused: ${JSON.stringify(recorded.error[0])}`);
  return decisions.length;
}

/** Stores a round of customers: identities, accounts, products held and consent; ground truth to its file. */
async function storeRound(
  services: DemoBankServices,
  round: readonly GeneratedCustomer[],
  options: DemoBankOptions,
  tally: Tally,
  truth: WriteStream | undefined,
): Promise<void> {
  const ids = await services.identity.createCustomers(
    round.map((c) => ({ externalId: c.externalId, pii: c.pii })),
  );
  tally.accounts += await storeAccounts(services, round, ids);
  await addProductsHeld(
    services.storage,
    round.flatMap((customer, i) => customer.products.map((held) => ({ customerId: ids[i]!, ...held }))),
  );
  tally.consentDecisions += await recordConsent(services, round, ids, options);
  tally.customers += round.length;
  if (truth) for (const customer of round) truth.write(`${JSON.stringify(groundTruthRecord(customer))}\n`);
}

/**
 * The main account's booked balance on the last generated day, as a statement would state it; only the realistic
 * bank knows balances (at density `thin` there is none, and so no forecast).
 */
export function closingBalance(customer: GeneratedCustomer): StatementBalance | undefined {
  const truth = customer.truth;
  const amountMinor = truth?.dailyBalances.at(-1);
  if (truth === undefined || amountMinor === undefined) return undefined;
  const last = Date.parse(`${truth.balancesFrom}T00:00:00Z`) + (truth.dailyBalances.length - 1) * 86_400_000;
  return {
    account: { scheme: 'iban', value: customer.pii.iban },
    amountMinor,
    asOf: new Date(last).toISOString().slice(0, 10),
  };
}

/** The generated bank as ingest events: each round of customers is stored before its transactions flow. */
async function* demoEvents(
  services: DemoBankServices,
  options: DemoBankOptions,
  tally: Tally,
  truth: WriteStream | undefined,
): AsyncGenerator<StatementEvent> {
  const generated = generateBankInParallel(
    {
      customers: options.customers,
      seed: options.seed,
      start: twoYearsBefore(options.end),
      end: options.end,
      ...(options.density === undefined ? {} : { density: options.density }),
    },
    {
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(options.workerChunk === undefined ? {} : { chunk: options.workerChunk }),
    },
  );
  let round: GeneratedCustomer[] = [];
  const release = async function* () {
    await storeRound(services, round, options, tally, truth);
    if (options.withTransactions !== false) {
      for (const customer of round) {
        for (const transaction of customer.transactions) {
          tally.transactions++;
          yield { kind: 'transaction', transaction } as const;
        }
        const balance = closingBalance(customer);
        if (balance !== undefined) yield { kind: 'balance', balance } as const;
      }
    }
    round = [];
    options.onProgress?.(tally.customers, tally.transactions);
  };
  for await (const customer of generated) {
    if (options.only !== undefined && !options.only(customer.externalId)) continue;
    round.push(customer);
    if (round.length >= customersPerRound) yield* release();
  }
  if (round.length > 0) yield* release();
}

export async function loadDemoBank(
  services: DemoBankServices,
  options: DemoBankOptions,
): Promise<DemoBankReport> {
  await requireDemoVault(services.storage);
  if ((await services.identity.findCustomer('external_id', externalIdOf(0))) !== undefined) {
    throw new CurtainError(
      'USAGE',
      'this vault already holds a demo bank (customer C00000001 exists): use a fresh data directory or database',
    );
  }
  if (options.only !== undefined && (await services.identity.customerCount()) > 0) {
    throw new CurtainError(
      'USAGE',
      'this shard already holds customers of a demo bank: use a fresh data directory or database',
    );
  }
  const truth = options.groundTruthFile
    ? createWriteStream(options.groundTruthFile, { mode: 0o600 })
    : undefined;
  const tally: Tally = { customers: 0, accounts: 0, consentDecisions: 0, transactions: 0 };
  let summary: IngestSummary | undefined;
  try {
    summary = await services.ingest.ingestEvents(demoEvents(services, options, tally, truth), {
      sourceName: `demo bank (seed ${options.seed}, ${options.customers} customers)`,
      format: 'generated',
    });
  } finally {
    if (truth) {
      truth.end();
      await once(truth, 'close');
    }
  }
  const { customers, accounts, consentDecisions } = tally;
  return { customers, accounts, consentDecisions, ingest: summary };
}
