// The transparency log: audit events as leaves of an RFC 6962 Merkle tree in the vault's database, appended in
// signed batches. Tiles of 64 leaves are hashed once and stored; the levels above them live in memory.
import type { KeyObject } from 'node:crypto';
import type { AuditEvent, TransactionalAuditSink } from '../core/audit-event.ts';
import type { SqlExecutor, Storage } from '../storage/ports.ts';
import type { SigningKey } from '../keys/key-provider.ts';
import {
  logKeyName,
  noteVerifier,
  openCheckpoint,
  signCheckpoint,
  verifierKeyString,
  type NoteVerifier,
} from './checkpoint.ts';
import { jsonString } from './canonical.ts';
import { entryJson, isCanonical, prepare, refusePii, type AuditEntry, type Prepared } from './log-entries.ts';
import {
  readLogEntries,
  readLogEntryTexts,
  searchLogEntries,
  type LogQuery,
  type StoredLogEntry,
} from './log-entry-store.ts';
import * as store from './log-store.ts';
import {
  consistencyProof,
  emptyRoot,
  inclusionProof,
  leafHash,
  leafHashHexOfText,
  nodeHash,
  rangeSubtrees,
  TreeBuilder,
  type NodeSource,
  type Subtree,
} from './merkle.ts';
import { completeRoot, innerNode, tileHeight, tileNodes, tileOf, tileWidth, UpperLevels } from './tiles.ts';

export type { AuditEntry } from './log-entries.ts';

/** The keys the log needs: its active signing key, and every key that ever signed a head. */
export interface LogKeys {
  signingKey(purpose: 'log-signing'): SigningKey & { readonly privateKey: KeyObject };
  verificationKeys(purpose: 'log-signing'): readonly SigningKey[];
}

export interface SignedHead {
  readonly size: number;
  readonly rootHash: Buffer;
  /** The checkpoint as a signed note. */
  readonly checkpoint: string;
  readonly keyId: string;
}

export interface ProvenEntry {
  readonly index: number;
  readonly entry: AuditEntry;
  /** The exact bytes that were hashed (UTF-8). */
  readonly json: string;
  readonly leafHash: Buffer;
  /** Inclusion proof (RFC 9162 §2.1.3) against `head`. */
  readonly proof: readonly Buffer[];
  readonly head: SignedHead;
}

export interface ConsistencyResult {
  readonly oldSize: number;
  readonly proof: readonly Buffer[];
  readonly head: SignedHead;
}

export type LogVerdict =
  | { readonly ok: true; readonly size: number; readonly rootHash: Buffer }
  | { readonly ok: false; readonly reason: string; readonly index?: number };

export interface TransparencyLogOptions {
  /** Most events written in one transaction (one signed head). */
  readonly maxBatch?: number;
}

const verifyPage = 320 * tileWidth;

interface Pending {
  readonly events: readonly Prepared[];
  /** Outbox rows these events came from (same order): deleted in the transaction that logs them. */
  readonly outboxIds?: readonly number[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

interface State {
  readonly head: SignedHead;
  /** Leaf hashes of the last, incomplete tile. */
  readonly partial: readonly Buffer[];
}

export class TransparencyLog implements TransactionalAuditSink<SqlExecutor> {
  readonly #storage: Storage;
  readonly #keys: LogKeys;
  readonly #maxBatch: number;
  readonly origin: string;
  #upper = new UpperLevels();
  #state: State;
  #queue: Pending[] = [];
  #flushing: Promise<unknown> = Promise.resolve();
  #writing = false;

  private constructor(
    storage: Storage,
    keys: LogKeys,
    origin: string,
    state: State,
    options: TransparencyLogOptions,
  ) {
    this.#storage = storage;
    this.#keys = keys;
    this.origin = origin;
    this.#state = state;
    this.#maxBatch = options.maxBatch ?? 50_000;
  }

  /** Opens the log of a migrated database, signing the empty tree's head if the log is new. */
  static async open(
    storage: Storage,
    keys: LogKeys,
    origin: string,
    options: TransparencyLogOptions = {},
  ): Promise<TransparencyLog> {
    const key = keys.signingKey('log-signing');
    const empty = signCheckpoint({ origin, size: 0, rootHash: emptyRoot }, key);
    await store.insertEmptyHead(storage, emptyRoot, empty, key.id);
    const placeholder: State = {
      head: { size: 0, rootHash: emptyRoot, checkpoint: empty, keyId: key.id },
      partial: [],
    };
    const log = new TransparencyLog(storage, keys, origin, placeholder, options);
    await log.#load(storage);
    // Events of changes that committed before a crash, not yet logged.
    await log.flush();
    return log;
  }

  /** The latest signed checkpoint. */
  head(): SignedHead {
    return this.#state.head;
  }

  /** Note verifiers of every key that signed heads of this log, for `openCheckpoint`. */
  verifiers(): NoteVerifier[] {
    return this.#keys
      .verificationKeys('log-signing')
      .map((k) => noteVerifier(logKeyName(this.origin, k.id), k.publicKey));
  }

  /** The published verifier keys, `<name>+<key hash>+<key>`. */
  publicKeys(): string[] {
    return this.verifiers().map(verifierKeyString);
  }

  /** Queues events; they are in the log and under a signed head when the promise resolves. */
  record(events: readonly AuditEvent[]): Promise<void> {
    for (const event of events) refusePii(event);
    if (events.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      // Serialised now, so the log holds the events as they were checked; a throw here rejects this call only.
      this.#queue.push({ events: events.map(prepare), resolve, reject });
      if (!this.#writing) void this.#drain();
    });
  }

  /**
   * Writes events in the caller's transaction, so they commit or roll back with the change they record;
   * `flush` moves them into the log after the commit (and `open` moves whatever a crash left behind).
   */
  async enqueue(tx: SqlExecutor, events: readonly AuditEvent[]): Promise<void> {
    for (const event of events) refusePii(event);
    if (events.length === 0) return;
    await store.insertIntoOutbox(tx, events);
  }

  /** Logs every committed event of the outbox, oldest first; each exactly once, across processes too. */
  flush(): Promise<void> {
    const next = this.#flushing.then(() => this.#flushOutbox());
    this.#flushing = next.catch(() => undefined);
    return next;
  }

  async #flushOutbox(): Promise<void> {
    for (let after = 0; ;) {
      const rows = await store.outboxAfter(this.#storage, after, this.#maxBatch);
      if (rows.length === 0) return;
      await new Promise<void>((resolve, reject) => {
        this.#queue.push({
          events: rows.map((r) => prepare(r.event)),
          outboxIds: rows.map((r) => Number(r.id)),
          resolve,
          reject,
        });
        if (!this.#writing) void this.#drain();
      });
      after = Number(rows.at(-1)!.id);
    }
  }

  /** Entries from `from` on, at most `limit`, under the current head; without proofs (see `entry`). */
  entries(from: number, limit: number): Promise<StoredLogEntry[]> {
    return readLogEntries(this.#storage, from, this.#state.head.size, limit);
  }

  /** A page of the entries under the current head that match `query`, and how many match in all. */
  search(query: LogQuery): Promise<{ matched: number; entries: StoredLogEntry[] }> {
    return searchLogEntries(this.#storage, query, this.#state.head.size);
  }

  /**
   * Entries from `from` on, at most `limit`, under the current head, as the exact canonical JSON texts that were
   * hashed: an outside verifier hashes each line's UTF-8 bytes as is, without re-canonicalising.
   */
  exportEntries(from: number, limit: number): Promise<string[]> {
    return readLogEntryTexts(this.#storage, from, this.#state.head.size, limit);
  }

  /** Entry `index` with its inclusion proof against the current head; undefined beyond the head. */
  async entry(index: number): Promise<ProvenEntry | undefined> {
    const { head } = this.#state;
    if (!Number.isSafeInteger(index) || index < 0 || index >= head.size) return undefined;
    let stored: { json: string; leaf: Buffer } | undefined;
    const source = this.#source(this.#state, { index, found: (json, leaf) => (stored = { json, leaf }) });
    const proof = await inclusionProof(index, head.size, source);
    const row = stored as { json: string; leaf: Buffer } | undefined;
    if (row === undefined) throw new Error(`transparency log entry ${index} is missing`);
    return {
      index,
      entry: JSON.parse(row.json) as AuditEntry,
      json: row.json,
      leafHash: row.leaf,
      proof,
      head,
    };
  }

  /** Proof that the tree of `oldSize` is a prefix of the current head. */
  async consistency(oldSize: number): Promise<ConsistencyResult> {
    const state = this.#state;
    if (!Number.isSafeInteger(oldSize) || oldSize < 0 || oldSize > state.head.size) {
      throw new RangeError(`no tree of size ${oldSize} before the head of ${state.head.size}`);
    }
    const proof = oldSize === 0 ? [] : await consistencyProof(oldSize, state.head.size, this.#source(state));
    return { oldSize, proof, head: state.head };
  }

  /**
   * A customer's own entries, each with an inclusion proof. References are fresh per entry (unlinkable),
   * so the entries are found by testing each reference with `isMine` — a check under the customer's own
   * audit key — page by page over the references only. With `indexed` (the references the vault recorded
   * for the customer as it minted them), only entries below `firstIndexedIdx` are scanned; from there on the
   * listed references are looked up directly, and each hit is still confirmed with `isMine`.
   */
  async entriesFor(
    isMine: (subjectRef: string) => boolean,
    indexed?: { readonly refs: readonly string[]; readonly firstIndexedIdx: number },
  ): Promise<ProvenEntry[]> {
    const size = this.#state.head.size;
    const scanBelow = indexed === undefined ? size : Math.min(size, indexed.firstIndexedIdx);
    const page = 50_000;
    const mine: number[] = [];
    for (let after = -1; after < scanBelow - 1;) {
      const rows = await store.subjectRefsBetween(this.#storage, after, scanBelow, page);
      for (const row of rows) if (isMine(row.subject_ref)) mine.push(Number(row.idx));
      if (rows.length < page) break;
      after = Number(rows.at(-1)!.idx);
    }
    if (indexed !== undefined && indexed.refs.length > 0 && scanBelow < size) {
      const rows = await store.subjectRefsAmong(this.#storage, indexed.refs, scanBelow, size);
      for (const row of rows) if (isMine(row.subject_ref)) mine.push(Number(row.idx));
    }
    const entries: ProvenEntry[] = [];
    for (const index of mine) {
      const proven = await this.entry(index);
      if (proven !== undefined) entries.push(proven);
    }
    return entries;
  }

  /**
   * Recomputes the tree from the stored entries and checks it against the latest signed head in the
   * database: names the first entry whose JSON does not hash to its leaf, or the first tile that differs.
   */
  async verifyAll(): Promise<LogVerdict> {
    const opened = openCheckpoint(await store.latestCheckpoint(this.#storage), this.verifiers());
    if (!opened.ok) return { ok: false, reason: `the latest head does not verify: ${opened.reason}` };
    const { size, rootHash, origin } = opened.checkpoint;
    if (origin !== this.origin)
      return { ok: false, reason: `the latest head is for another log (${origin})` };
    let tileLeaves: Buffer[] = [];
    const builder = new TreeBuilder();
    for (let next = 0; next < size;) {
      const limit = Math.min(verifyPage, size - next);
      const [entries, storedTiles] = await Promise.all([
        store.entriesFrom(this.#storage, next, limit),
        store.tilesBetween(
          this.#storage,
          Math.floor(next / tileWidth),
          Math.ceil((next + limit) / tileWidth),
        ),
      ]);
      for (const row of entries) {
        const index = Number(row.idx);
        if (index !== next) return { ok: false, reason: `entry ${next} is missing`, index: next };
        const computed = leafHash(Buffer.from(row.entry, 'utf8'));
        if (!computed.equals(Buffer.from(row.leaf_hash, 'hex'))) {
          return { ok: false, reason: `entry ${index} does not match its leaf hash`, index };
        }
        if (!isCanonical(row.entry))
          return { ok: false, reason: `entry ${index} is not canonical JSON`, index };
        builder.push(computed);
        tileLeaves.push(computed);
        if (tileLeaves.length === tileWidth) {
          const tile = (index + 1) / tileWidth - 1;
          const stored = storedTiles.get(tile);
          const { hash, nodes } = tileNodes(tileLeaves);
          if (stored === undefined || !stored.hash.equals(hash) || !stored.nodes.equals(nodes)) {
            const first = tile * tileWidth;
            return {
              ok: false,
              reason: `entries ${first}..${first + tileWidth - 1} do not match their stored tile`,
              index: first,
            };
          }
          tileLeaves = [];
        }
        next++;
      }
      if (entries.length === 0) return { ok: false, reason: `entry ${next} is missing`, index: next };
    }
    if (!builder.root().equals(rootHash)) {
      return { ok: false, reason: `the entries do not hash to the signed root of size ${size}` };
    }
    if (await store.anyEntryFrom(this.#storage, size)) {
      return { ok: false, reason: `entries beyond the signed head of size ${size}`, index: size };
    }
    return { ok: true, size, rootHash };
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    // Let callers of the same tick join the first batch.
    await Promise.resolve();
    try {
      while (this.#queue.length > 0) {
        const batch: Pending[] = [];
        let count = 0;
        while (
          this.#queue.length > 0 &&
          (batch.length === 0 || count + this.#queue[0]!.events.length <= this.#maxBatch)
        ) {
          const next = this.#queue.shift()!;
          batch.push(next);
          count += next.events.length;
        }
        try {
          await this.#append(
            batch.flatMap((p) => p.events),
            batch.flatMap((p): (number | undefined)[] => [...(p.outboxIds ?? p.events.map(() => undefined))]),
          );
          for (const p of batch) p.resolve();
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.#writing = false;
    }
  }

  /** Appends one batch: entries, completed tiles and the new signed head commit together or not at all. */
  async #append(all: readonly Prepared[], outboxIds: readonly (number | undefined)[]): Promise<void> {
    const at = new Date().toISOString();
    const head = `{"at":${jsonString(at)}`;
    const key = this.#keys.signingKey('log-signing');
    let tilesBefore: number | undefined;
    try {
      const state = await this.#storage.transaction(async (tx) => {
        if ((await store.lockForAppend(tx)) !== this.#state.head.size) await this.#load(tx);
        const events = await takeFromOutbox(tx, all, outboxIds);
        if (events.length === 0) return this.#state;
        const start = this.#state.head.size;
        tilesBefore = this.#upper.tiles;
        let partial = [...this.#state.partial];
        const lines: string[] = new Array<string>(events.length);
        const tileRows: string[] = [];
        for (let i = 0; i < events.length; i++) {
          const { event, tail } = events[i]!;
          const json = tail === undefined ? entryJson(event, at) : head + tail;
          const leafHex = leafHashHexOfText(json);
          lines[i] = store.entryCopyLine(start + i, json, leafHex, event.subjectRef);
          partial.push(Buffer.from(leafHex, 'hex'));
          if (partial.length === tileWidth) {
            const { hash, nodes } = tileNodes(partial);
            this.#upper.addTile(hash);
            const tile = (start + i + 1) / tileWidth - 1;
            tileRows.push(store.tileCopyLine(tile, hash, nodes));
            partial = [];
          }
        }
        await store.copyEntriesAndTiles(tx, lines, tileRows);
        const size = start + events.length;
        const rootHash = this.#root(size, partial);
        const checkpoint = signCheckpoint({ origin: this.origin, size, rootHash }, key);
        const signed: SignedHead = { size, rootHash, checkpoint, keyId: key.id };
        await store.insertHead(tx, signed);
        return { head: signed, partial };
      });
      this.#state = state;
    } catch (error) {
      if (tilesBefore !== undefined) this.#upper.truncate(tilesBefore);
      throw error;
    }
  }

  /** Reads the latest head, the stored tiles under it and the leaves of its last incomplete tile. */
  async #load(db: SqlExecutor): Promise<void> {
    const head = await store.latestHead(db);
    if (head === undefined) throw new Error('the transparency log has no head');
    const tiles = Math.floor(head.size / tileWidth);
    const upper = new UpperLevels();
    const tileHashes = await store.tileHashesBelow(db, tiles);
    if (tileHashes.length !== tiles) throw new Error('the transparency log is missing stored tiles');
    for (const hash of tileHashes) upper.addTile(hash);
    const partial = await store.leafHashesBetween(db, tiles * tileWidth, head.size);
    this.#upper = upper;
    this.#state = { head, partial };
  }

  #root(size: number, partial: readonly Buffer[]): Buffer {
    if (size === 0) return Buffer.from(emptyRoot);
    const pieces = rangeSubtrees({ start: 0, end: size }).map((s) => this.#memoryNode(s, size, partial));
    let hash = pieces.at(-1)!;
    for (let i = pieces.length - 2; i >= 0; i--) hash = nodeHash(pieces[i]!, hash);
    return hash;
  }

  /** A subtree held in memory: an upper level, or one inside the incomplete last tile. */
  #memoryNode(node: Subtree, size: number, partial: readonly Buffer[]): Buffer | undefined {
    if (node.level >= tileHeight) return this.#upper.get(node.level, node.index);
    const partialStart = size - partial.length;
    const start = node.index * 2 ** node.level;
    if (start < partialStart) return undefined;
    return completeRoot(partial.slice(start - partialStart, start - partialStart + 2 ** node.level));
  }

  /**
   * Serves subtrees for proofs against `state`: memory first, then one query for stored leaves and tiles,
   * which also brings the entry being proven when there is one.
   */
  #source(state: State, entry?: { index: number; found: (json: string, leaf: Buffer) => void }): NodeSource {
    const { head, partial } = state;
    return {
      hashes: async (nodes) => {
        const found = nodes.map((n) => this.#memoryNode(n, head.size, partial));
        const missing = nodes.filter((_, i) => found[i] === undefined);
        if (missing.length === 0 && entry === undefined) return found as Buffer[];
        const leaves = missing.filter((n) => n.level === 0).map((n) => n.index);
        if (entry !== undefined) leaves.push(entry.index);
        const tiles = [...new Set(missing.filter((n) => n.level > 0).map((n) => tileOf(n)))];
        const rows = await store.leavesAndTiles(this.#storage, leaves, tiles, entry?.index ?? -1);
        const leafRows = new Map<number, Buffer>();
        const tileRows = new Map<number, Buffer>();
        for (const r of rows) {
          if (r.nodes !== null) tileRows.set(Number(r.key), Buffer.from(r.nodes, 'hex'));
          else if (r.leaf_hash !== null) {
            const leaf = Buffer.from(r.leaf_hash, 'hex');
            leafRows.set(Number(r.key), leaf);
            if (r.entry !== null && entry !== undefined) entry.found(r.entry, leaf);
          }
        }
        return nodes.map((n, i) => {
          const hash =
            found[i] ?? (n.level === 0 ? leafRows.get(n.index) : innerNode(tileRows.get(tileOf(n)), n));
          if (hash === undefined)
            throw new Error(`transparency log subtree ${n.level}:${n.index} is missing`);
          return hash;
        });
      },
    };
  }
}

/**
 * Deletes the outbox rows of this batch and keeps only the events whose rows this transaction deleted: under
 * the append lock, an event another process logged first is not logged again.
 */
async function takeFromOutbox(
  tx: SqlExecutor,
  events: readonly Prepared[],
  outboxIds: readonly (number | undefined)[],
): Promise<readonly Prepared[]> {
  const ids = outboxIds.filter((id): id is number => id !== undefined);
  if (ids.length === 0) return events;
  const taken = await store.deleteFromOutbox(tx, ids);
  return events.filter((_, i) => {
    const id = outboxIds[i];
    return id === undefined || taken.has(id);
  });
}
