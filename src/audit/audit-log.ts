// The transparency log: audit events as leaves of an RFC 6962 Merkle tree in the vault's database, appended in
// signed batches. Tiles of 64 leaves are hashed once and stored; the levels above them live in memory.
import canonicalize from 'canonicalize';
import type { KeyObject } from 'node:crypto';
import type { AuditEvent, AuditEventType, JsonValue, TransactionalAuditSink } from '../core/audit-event.ts';
import { containsPiiBesidesIds } from '../privacy/scrub.ts';
import type { SqlExecutor, Storage } from '../storage/ports.ts';
import { copyField } from '../storage/postgres-core/copy-text.ts';
import type { SigningKey } from '../keys/key-provider.ts';
import {
  logKeyName,
  noteVerifier,
  openCheckpoint,
  signCheckpoint,
  verifierKeyString,
  type NoteVerifier,
} from './checkpoint.ts';
import { canonicalJson, jsonString } from './canonical.ts';
import { readLogEntries, type StoredLogEntry } from './log-entry-store.ts';
import {
  consistencyProof,
  emptyRoot,
  hashSize,
  inclusionProof,
  leafHash,
  leafHashHexOfText,
  nodeHash,
  rangeSubtrees,
  TreeBuilder,
  type NodeSource,
  type Subtree,
} from './merkle.ts';

/** The keys the log needs: its active signing key, and every key that ever signed a head. */
export interface LogKeys {
  signingKey(purpose: 'log-signing'): SigningKey & { readonly privateKey: KeyObject };
  verificationKeys(purpose: 'log-signing'): readonly SigningKey[];
}

/** What a leaf holds: the event and the time it was logged, as canonical JSON (RFC 8785). */
export interface AuditEntry {
  readonly at: string;
  readonly type: AuditEventType;
  readonly subjectRef?: string;
  readonly details: { readonly [key: string]: JsonValue };
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

/** Leaves per stored tile: 2^tileHeight. */
export const tileHeight = 6;
const tileWidth = 2 ** tileHeight;
// An arbitrary constant: the advisory lock that serialises appends across processes.
const appendLockKey = 727_002;
const verifyPage = 320 * tileWidth;

/** An event made ready for the log when it is recorded: its canonical JSON but for the time. */
interface Prepared {
  readonly event: AuditEvent;
  /** The entry's JSON around `at`: `{"at":` + JSON of the time + `tail`; undefined: not plain JSON. */
  readonly tail: string | undefined;
}

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

/** Complete subtrees at levels ≥ tileHeight, one growable buffer per level; append-only. */
class UpperLevels {
  readonly #levels: { buffer: Buffer; count: number }[] = [];

  get(level: number, index: number): Buffer {
    const l = this.#levels[level - tileHeight];
    if (l === undefined || index >= l.count) throw new Error(`missing subtree ${level}:${index}`);
    return l.buffer.subarray(index * hashSize, (index + 1) * hashSize);
  }

  get tiles(): number {
    return this.#levels[0]?.count ?? 0;
  }

  addTile(hash: Uint8Array): void {
    let j = 0;
    this.#push(j, hash);
    while (this.#levels[j]!.count % 2 === 0) {
      const l = this.#levels[j]!;
      const left = l.buffer.subarray((l.count - 2) * hashSize, (l.count - 1) * hashSize);
      const right = l.buffer.subarray((l.count - 1) * hashSize, l.count * hashSize);
      this.#push(++j, nodeHash(left, right));
    }
  }

  /** Forgets tiles from `tiles` on (a batch that did not commit). */
  truncate(tiles: number): void {
    this.#levels.forEach((l, j) => (l.count = Math.min(l.count, Math.floor(tiles / 2 ** j))));
  }

  #push(j: number, hash: Uint8Array): void {
    let l = this.#levels[j];
    if (l === undefined) {
      l = { buffer: Buffer.alloc(hashSize * 64), count: 0 };
      this.#levels[j] = l;
    }
    if ((l.count + 1) * hashSize > l.buffer.length) {
      const grown = Buffer.alloc(l.buffer.length * 2);
      l.buffer.copy(grown);
      l.buffer = grown;
    }
    l.buffer.set(hash, l.count * hashSize);
    l.count++;
  }
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
    await storage.query(
      `INSERT INTO audit_heads (tree_size, root_hash, checkpoint, key_id) VALUES (0, $1, $2, $3)
       ON CONFLICT (tree_size) DO NOTHING`,
      [emptyRoot, empty, key.id],
    );
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
    await tx.query('INSERT INTO audit_outbox (event) SELECT * FROM unnest($1::jsonb[])', [
      events.map((e) => JSON.stringify(e)),
    ]);
  }

  /** Logs every committed event of the outbox, oldest first; each exactly once, across processes too. */
  flush(): Promise<void> {
    const next = this.#flushing.then(() => this.#flushOutbox());
    this.#flushing = next.catch(() => undefined);
    return next;
  }

  async #flushOutbox(): Promise<void> {
    for (let after = 0; ;) {
      const { rows } = await this.#storage.query<{ id: number; event: AuditEvent }>(
        'SELECT id, event FROM audit_outbox WHERE id > $1 ORDER BY id LIMIT $2',
        [after, this.#maxBatch],
      );
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
      const { rows } = await this.#storage.query<{ idx: number | bigint; subject_ref: string }>(
        `SELECT idx, subject_ref FROM audit_entries
          WHERE subject_ref IS NOT NULL AND idx > $1 AND idx < $2 ORDER BY idx LIMIT $3`,
        [after, scanBelow, page],
      );
      for (const row of rows) if (isMine(row.subject_ref)) mine.push(Number(row.idx));
      if (rows.length < page) break;
      after = Number(rows.at(-1)!.idx);
    }
    if (indexed !== undefined && indexed.refs.length > 0 && scanBelow < size) {
      const { rows } = await this.#storage.query<{ idx: number | bigint; subject_ref: string }>(
        `SELECT idx, subject_ref FROM audit_entries
          WHERE subject_ref = ANY($1::text[]) AND idx >= $2 AND idx < $3 ORDER BY idx`,
        [indexed.refs, scanBelow, size],
      );
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
    const { rows: heads } = await this.#storage.query<{ checkpoint: string }>(
      'SELECT checkpoint FROM audit_heads ORDER BY tree_size DESC LIMIT 1',
    );
    const opened = openCheckpoint(heads[0]?.checkpoint ?? '', this.verifiers());
    if (!opened.ok) return { ok: false, reason: `the latest head does not verify: ${opened.reason}` };
    const { size, rootHash, origin } = opened.checkpoint;
    if (origin !== this.origin)
      return { ok: false, reason: `the latest head is for another log (${origin})` };
    let tileLeaves: Buffer[] = [];
    const builder = new TreeBuilder();
    for (let next = 0; next < size;) {
      const limit = Math.min(verifyPage, size - next);
      const [entries, tiles] = await Promise.all([
        this.#storage.query<{ idx: number | bigint; entry: string; leaf_hash: string }>(
          `SELECT idx, entry, encode(leaf_hash, 'hex') AS leaf_hash FROM audit_entries
            WHERE idx >= $1 ORDER BY idx LIMIT $2`,
          [next, limit],
        ),
        this.#storage.query<{ tile: number | bigint; hash: string; nodes: string }>(
          `SELECT tile, encode(hash, 'hex') AS hash, encode(nodes, 'hex') AS nodes FROM audit_tiles
            WHERE tile >= $1 AND tile < $2`,
          [Math.floor(next / tileWidth), Math.ceil((next + limit) / tileWidth)],
        ),
      ]);
      const storedTiles = new Map(
        tiles.rows.map((t) => [
          Number(t.tile),
          { hash: Buffer.from(t.hash, 'hex'), nodes: Buffer.from(t.nodes, 'hex') },
        ]),
      );
      for (const row of entries.rows) {
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
      if (entries.rows.length === 0) return { ok: false, reason: `entry ${next} is missing`, index: next };
    }
    if (!builder.root().equals(rootHash)) {
      return { ok: false, reason: `the entries do not hash to the signed root of size ${size}` };
    }
    const { rows: beyond } = await this.#storage.query<{ n: number | bigint }>(
      'SELECT count(*) AS n FROM audit_entries WHERE idx >= $1',
      [size],
    );
    if (Number(beyond[0]?.n ?? 0) > 0) {
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
        await tx.query('SELECT pg_advisory_xact_lock($1)', [appendLockKey]);
        const { rows } = await tx.query<{ size: number | bigint | null }>(
          'SELECT max(tree_size) AS size FROM audit_heads',
        );
        if (Number(rows[0]?.size ?? 0) !== this.#state.head.size) await this.#load(tx);
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
          const ref = event.subjectRef === undefined ? '\\N' : copyField(event.subjectRef);
          lines[i] = `${start + i}\t${copyField(json)}\t\\\\x${leafHex}\t${ref}\n`;
          partial.push(Buffer.from(leafHex, 'hex'));
          if (partial.length === tileWidth) {
            const { hash, nodes } = tileNodes(partial);
            this.#upper.addTile(hash);
            const tile = (start + i + 1) / tileWidth - 1;
            tileRows.push(`${tile}\t\\\\x${hash.toString('hex')}\t\\\\x${nodes.toString('hex')}\n`);
            partial = [];
          }
        }
        await tx.copyFrom('audit_entries', ['idx', 'entry', 'leaf_hash', 'subject_ref'], [lines.join('')]);
        if (tileRows.length > 0)
          await tx.copyFrom('audit_tiles', ['tile', 'hash', 'nodes'], [tileRows.join('')]);
        const size = start + events.length;
        const rootHash = this.#root(size, partial);
        const checkpoint = signCheckpoint({ origin: this.origin, size, rootHash }, key);
        await tx.query(
          'INSERT INTO audit_heads (tree_size, root_hash, checkpoint, key_id) VALUES ($1, $2, $3, $4)',
          [size, rootHash, checkpoint, key.id],
        );
        return { head: { size, rootHash, checkpoint, keyId: key.id }, partial };
      });
      this.#state = state;
    } catch (error) {
      if (tilesBefore !== undefined) this.#upper.truncate(tilesBefore);
      throw error;
    }
  }

  /** Reads the latest head, the stored tiles under it and the leaves of its last incomplete tile. */
  async #load(db: SqlExecutor): Promise<void> {
    const { rows: heads } = await db.query<{
      tree_size: number | bigint;
      root_hash: Uint8Array;
      checkpoint: string;
      key_id: string;
    }>('SELECT tree_size, root_hash, checkpoint, key_id FROM audit_heads ORDER BY tree_size DESC LIMIT 1');
    const row = heads[0];
    if (row === undefined) throw new Error('the transparency log has no head');
    const size = Number(row.tree_size);
    const tiles = Math.floor(size / tileWidth);
    const upper = new UpperLevels();
    // Hashes travel as hex text: decoding it is native, where a bytea column is parsed byte by byte.
    const { rows: tileRows } = await db.query<{ hash: string }>(
      "SELECT encode(hash, 'hex') AS hash FROM audit_tiles WHERE tile < $1 ORDER BY tile",
      [tiles],
    );
    if (tileRows.length !== tiles) throw new Error('the transparency log is missing stored tiles');
    for (const t of tileRows) upper.addTile(Buffer.from(t.hash, 'hex'));
    const { rows: leaves } = await db.query<{ leaf_hash: string }>(
      "SELECT encode(leaf_hash, 'hex') AS leaf_hash FROM audit_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx",
      [tiles * tileWidth, size],
    );
    this.#upper = upper;
    this.#state = {
      head: { size, rootHash: Buffer.from(row.root_hash), checkpoint: row.checkpoint, keyId: row.key_id },
      partial: leaves.map((l) => Buffer.from(l.leaf_hash, 'hex')),
    };
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
        const { rows } = await this.#storage.query<{
          key: number | bigint;
          leaf_hash: string | null;
          entry: string | null;
          nodes: string | null;
        }>(
          `SELECT idx AS key, encode(leaf_hash, 'hex') AS leaf_hash, CASE WHEN idx = $3 THEN entry END AS entry,
                  NULL AS nodes
             FROM audit_entries WHERE idx = ANY($1::bigint[])
           UNION ALL
           SELECT tile, NULL, NULL, encode(nodes, 'hex') FROM audit_tiles WHERE tile = ANY($2::bigint[])`,
          [leaves, tiles, entry?.index ?? -1],
        );
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
  const { rows } = await tx.query<{ id: number }>(
    'DELETE FROM audit_outbox WHERE id = ANY($1::bigint[]) RETURNING id',
    [ids],
  );
  const taken = new Set(rows.map((r) => Number(r.id)));
  return events.filter((_, i) => {
    const id = outboxIds[i];
    return id === undefined || taken.has(id);
  });
}

const tileOf = (n: Subtree) => Math.floor((n.index * 2 ** n.level) / tileWidth);

/** Where level `level` (1 to tileHeight − 1) starts in a tile's `nodes`, in hashes. */
const levelOffset = (level: number) => tileWidth - 2 * (tileWidth / 2 ** level);

function innerNode(nodes: Uint8Array | undefined, n: Subtree): Uint8Array | undefined {
  if (nodes === undefined) return undefined;
  const at = levelOffset(n.level) + (n.index % (tileWidth / 2 ** n.level));
  return nodes.subarray(at * hashSize, (at + 1) * hashSize);
}

/** A full tile's root and its inner levels 1 to tileHeight − 1, concatenated. */
function tileNodes(leaves: readonly Buffer[]): { hash: Buffer; nodes: Buffer } {
  const nodes = Buffer.allocUnsafe((tileWidth - 2) * hashSize);
  let below: readonly Uint8Array[] = leaves;
  let at = 0;
  while (below.length > 2) {
    const level: Uint8Array[] = [];
    for (let i = 0; i < below.length; i += 2) {
      const hash = nodeHash(below[i]!, below[i + 1]!);
      nodes.set(hash, at * hashSize);
      level.push(nodes.subarray(at * hashSize, (at + 1) * hashSize));
      at++;
    }
    below = level;
  }
  return { hash: nodeHash(below[0]!, below[1]!), nodes };
}

/** The hash of a complete subtree (a power-of-two count of leaves), bottom-up in place. */
function completeRoot(leaves: readonly Buffer[]): Buffer {
  let level = [...leaves];
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(nodeHash(level[i]!, level[i + 1]!));
    level = next;
  }
  return level[0]!;
}

/** Everything of an entry's canonical JSON after its first member, `at` (keys sort as at, details, subjectRef, type). */
function prepare(event: AuditEvent): Prepared {
  const details = canonicalJson(event.details);
  if (details === undefined || typeof event.type !== 'string') return { event, tail: undefined };
  const subject =
    event.subjectRef === undefined
      ? ''
      : typeof event.subjectRef === 'string'
        ? `,"subjectRef":${jsonString(event.subjectRef)}`
        : undefined;
  if (subject === undefined) return { event, tail: undefined };
  return { event, tail: `,"details":${details}${subject},"type":${jsonString(event.type)}}` };
}

/** The entry's canonical JSON by the library: for events that are not plain JSON. */
function entryJson(event: AuditEvent, at: string): string {
  const entry: AuditEntry = {
    at,
    type: event.type,
    details: event.details,
    ...(event.subjectRef === undefined ? {} : { subjectRef: event.subjectRef }),
  };
  const json = canonicalize(entry);
  if (json === undefined) throw new Error('audit event is not JSON');
  return json;
}

function isCanonical(json: string): boolean {
  try {
    return canonicalize(JSON.parse(json)) === json;
  } catch {
    return false;
  }
}

// Verdicts of `containsPiiBesidesIds` per distinct string: events repeat the same identifiers over and over.
const piiVerdicts = new Map<string, boolean>();
const maxVerdicts = 100_000;

function hasPii(text: string): boolean {
  let verdict = piiVerdicts.get(text);
  if (verdict === undefined) {
    verdict = containsPiiBesidesIds(text);
    if (piiVerdicts.size >= maxVerdicts) piiVerdicts.clear();
    piiVerdicts.set(text, verdict);
  }
  return verdict;
}

function anyPii(value: JsonValue): boolean {
  if (typeof value === 'string') return hasPii(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (anyPii(item)) return true;
    return false;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (hasPii(key) || anyPii(value[key]!)) return true;
  }
  return false;
}

/** A bug in the caller, not an expected failure: the log must never hold personal data. */
function refusePii(event: AuditEvent): void {
  if (anyPii(event.details)) {
    throw new Error(`audit event ${event.type} carries personal data; log references and hashes only`);
  }
}
