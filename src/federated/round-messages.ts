// What the hub asks of a vault in a federated round, step by step, and what the vault answers.
import type { KeyBundle, SealedShares, Unmasking } from './secure-aggregation.ts';

/** Round 0: the plan and the training it serves; the vault charges its ledger before answering. */
export interface RoundBegin {
  readonly round: string;
  readonly participants: readonly string[];
  readonly threshold: number;
  readonly minimum: number;
  /** A product code, e.g. "savings": the model trained and its frozen feature list. */
  readonly product: string;
  /** Features read on this day, labels in the 90 days after (as for a local model). */
  readonly asOf: string;
  /** The (ε at the vault budget's δ) the round costs each vault. */
  readonly epsilon: number;
  /** The staff handle that started the round, charged as for a question. */
  readonly asker: string;
  readonly purpose: string;
}

/** A vault's side of one round, as the hub reaches it (in process, or over the door). */
export interface RoundParty {
  begin(request: RoundBegin): Promise<KeyBundle>;
  share(round: string, bundles: readonly KeyBundle[]): Promise<SealedShares[]>;
  mask(round: string, shares: readonly SealedShares[]): Promise<Uint32Array>;
  unmask(round: string, survivors: readonly string[]): Promise<Unmasking>;
  /** The released sum: the vault decodes it, takes the Newton step and stores the model awaiting approval. */
  finish(round: string, sum: Uint32Array): Promise<{ readonly model: string; readonly version: number }>;
  /** Forgets the round's secrets (after an abort); nothing when it holds none. */
  abort(round: string, why: string): Promise<void>;
}
