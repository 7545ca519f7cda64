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
 * Splits statement events by the shard whose account directory knows each account (an account is created on
 * its owner's shard by import, so the owner's shard is the account's). An account no shard knows goes to shard
 * 0, which records it unlinked as a single vault would; rejected rows and notices follow the statement they
 * are part of.
 */
export async function routeStatementEvents(
  shards: readonly IngestShard[],
  events: AsyncIterable<StatementEvent> | Iterable<StatementEvent>,
): Promise<StatementEvent[][]> {
  const shares: StatementEvent[][] = shards.map(() => []);
  const known = new Map<string, number>();
  const shardOfAccount = async (account: AccountIdentifier): Promise<number> => {
    const key = `${account.scheme}:${account.value.replace(/\s+/g, '').toUpperCase()}`;
    let shard = known.get(key);
    if (shard === undefined) {
      const found = await Promise.all(shards.map((s) => s.accounts.find(s.storage, account)));
      shard = Math.max(
        0,
        found.findIndex((record) => record !== undefined),
      );
      known.set(key, shard);
    }
    return shard;
  };
  let current = 0;
  for await (const event of events) {
    const account = accountOf(event);
    if (account !== undefined) current = await shardOfAccount(account);
    shares[current]!.push(event);
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
