// Routes statement events to the shard that holds each account, so a customer's transactions never split.
import type { AccountIdentifier, StatementEvent } from '../../core/transaction.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import type { AccountDirectory } from '../accounts/account-directory.ts';
import type { IngestOptions, IngestService, IngestSummary } from '../ingest/ingest-service.ts';

/** What routing and ingest need of a shard: its database, its account directory and its ingest. */
export interface IngestShard {
  readonly storage: SqlExecutor;
  readonly accounts: Pick<AccountDirectory, 'find'>;
  readonly ingest: Pick<IngestService, 'ingestEvents'>;
}

export interface ShardIngestSummary {
  readonly shard: number;
  readonly summary: IngestSummary;
}

function accountOf(event: StatementEvent): AccountIdentifier | undefined {
  switch (event.kind) {
    case 'transaction':
      return event.transaction.account;
    case 'balance':
      return event.balance.account;
    case 'account':
      return event.account;
    case 'reject':
    case 'notice':
      return undefined;
  }
}

/**
 * Splits statement events by the shards whose account directories know each account. An account is created on
 * its owner's shard by import; a joint account whose owners live on different shards is known to each of
 * their shards (the primary owner's holds it as theirs, every other owner's as a joint holding), and each of
 * those shards gets its statements, so every owner is counted on their own shard, once, as one vault counts
 * them. An account no shard knows goes to shard 0, which records it unlinked as a single vault would;
 * rejected rows and notices follow the statement they are part of.
 */
export async function routeStatementEvents(
  shards: readonly IngestShard[],
  events: AsyncIterable<StatementEvent> | Iterable<StatementEvent>,
): Promise<StatementEvent[][]> {
  const shares: StatementEvent[][] = shards.map(() => []);
  const known = new Map<string, number[]>();
  const shardsOfAccount = async (account: AccountIdentifier): Promise<number[]> => {
    const key = `${account.scheme}:${account.value.replace(/\s+/g, '').toUpperCase()}`;
    let holders = known.get(key);
    if (holders === undefined) {
      const found = await Promise.all(shards.map((s) => s.accounts.find(s.storage, account)));
      holders = found.flatMap((record, index) => (record === undefined ? [] : [index]));
      if (holders.length === 0) holders = [0];
      known.set(key, holders);
    }
    return holders;
  };
  let current = [0];
  for await (const event of events) {
    const account = accountOf(event);
    if (account !== undefined) current = await shardsOfAccount(account);
    for (const shard of current) shares[shard]!.push(event);
  }
  return shares;
}

/** Ingests each shard's share of the events on that shard, all shards at once; shards with none are skipped. */
export async function ingestRouted(
  shards: readonly IngestShard[],
  events: AsyncIterable<StatementEvent> | Iterable<StatementEvent>,
  options: IngestOptions,
): Promise<ShardIngestSummary[]> {
  const shares = await routeStatementEvents(shards, events);
  const summaries = await Promise.all(
    shards.map(async (shard, index) =>
      shares[index]!.length === 0
        ? undefined
        : { shard: index, summary: await shard.ingest.ingestEvents(shares[index]!, options) },
    ),
  );
  return summaries.filter((s) => s !== undefined);
}
