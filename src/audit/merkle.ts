// RFC 6962 / RFC 9162 Merkle tree: hashing, roots, and inclusion and consistency proofs over a NodeSource.
import { hash } from 'node:crypto';

export const hashSize = 32;

// One-shot hashing (`crypto.hash`) of one buffer: no Hash object per call. The scratch buffers are filled and
// hashed synchronously, so they are never shared between two calls.
const nodeInput = Buffer.alloc(1 + 2 * hashSize, 1);
const leafInput = Buffer.alloc(64 * 1024);

/** SHA-256(0x00 ‖ data). */
export function leafHash(data: Uint8Array): Buffer {
  if (data.length >= leafInput.length)
    return hash('sha256', Buffer.concat([Buffer.alloc(1), data]), 'buffer');
  leafInput[0] = 0;
  leafInput.set(data, 1);
  return hash('sha256', leafInput.subarray(0, data.length + 1), 'buffer');
}

/** SHA-256(0x00 ‖ UTF-8 of text), in hex: the leaf hash of a JSON entry as the log stores it. */
export function leafHashHexOfText(text: string): string {
  // U+0000 is the single byte 0x00 in UTF-8: the leaf prefix.
  return hash('sha256', '\0' + text, 'hex');
}

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== hashSize || right.length !== hashSize) {
    return hash('sha256', Buffer.concat([nodeInput.subarray(0, 1), left, right]), 'buffer');
  }
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + hashSize);
  return hash('sha256', nodeInput, 'buffer');
}

/** The root of the empty tree: SHA-256 of nothing. */
export const emptyRoot: Buffer = hash('sha256', Buffer.alloc(0), 'buffer');

/** A complete subtree: the 2^level leaves starting at index · 2^level. */
export interface Subtree {
  readonly level: number;
  readonly index: number;
}

/** Serves hashes of complete subtrees, in the order asked; storage implements it with few round trips. */
export interface NodeSource {
  hashes(nodes: readonly Subtree[]): Promise<readonly Uint8Array[]> | readonly Uint8Array[];
}

/** A range [start, end) of leaves whose MTH is one element of a proof. */
export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/** The largest power of two strictly smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The complete subtrees whose hashes, folded right to left, give MTH(D[start:end]). Every range that
 * RFC 6962's recursion produces starts at a multiple of a power of two at least as large as its pieces.
 */
export function rangeSubtrees(range: LeafRange): Subtree[] {
  const pieces: Subtree[] = [];
  let start = range.start;
  let size = range.end - range.start;
  while (size > 0) {
    let level = 0;
    while (2 ** (level + 1) <= size) level++;
    const width = 2 ** level;
    pieces.push({ level, index: start / width });
    start += width;
    size -= width;
  }
  return pieces;
}

/** PATH(m, D[n]) of RFC 6962 §2.1.1, as leaf ranges, leaf to root. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  if (!(index >= 0 && index < size)) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const ranges: LeafRange[] = [];
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      ranges.push({ start: start + k, end });
      end = start + k;
    } else {
      ranges.push({ start, end: start + k });
      start += k;
    }
  }
  return ranges.reverse();
}

/** PROOF(m, D[n]) of RFC 6962 §2.1.2, as leaf ranges in proof order. */
export function consistencyRanges(oldSize: number, size: number): LeafRange[] {
  if (!(oldSize > 0 && oldSize <= size)) {
    throw new RangeError(`no consistency proof from ${oldSize} to ${size}`);
  }
  const ranges: LeafRange[] = [];
  let m = oldSize;
  let start = 0;
  let end = size;
  let complete = true;
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      ranges.push({ start: start + k, end });
      end = start + k;
    } else {
      ranges.push({ start, end: start + k });
      m -= k;
      start += k;
      complete = false;
    }
  }
  if (!complete) ranges.push({ start, end });
  return ranges.reverse();
}

/** Hashes of the given ranges, fetching every distinct complete subtree from the source once. */
export async function rangeHashes(ranges: readonly LeafRange[], source: NodeSource): Promise<Buffer[]> {
  const plans = ranges.map(rangeSubtrees);
  const wanted = new Map<string, Subtree>();
  for (const plan of plans) for (const s of plan) wanted.set(`${s.level}:${s.index}`, s);
  const nodes = [...wanted.values()];
  const hashes = await source.hashes(nodes);
  const byKey = new Map(nodes.map((s, i) => [`${s.level}:${s.index}`, hashes[i]!]));
  return plans.map((plan) => {
    let hash = byKey.get(`${plan.at(-1)!.level}:${plan.at(-1)!.index}`)!;
    for (let i = plan.length - 2; i >= 0; i--)
      hash = nodeHash(byKey.get(`${plan[i]!.level}:${plan[i]!.index}`)!, hash);
    return Buffer.from(hash);
  });
}

export async function inclusionProof(index: number, size: number, source: NodeSource): Promise<Buffer[]> {
  return rangeHashes(inclusionRanges(index, size), source);
}

export async function consistencyProof(oldSize: number, size: number, source: NodeSource): Promise<Buffer[]> {
  if (oldSize === size) return [];
  return rangeHashes(consistencyRanges(oldSize, size), source);
}

export async function treeRoot(size: number, source: NodeSource): Promise<Buffer> {
  if (size === 0) return Buffer.from(emptyRoot);
  const [root] = await rangeHashes([{ start: 0, end: size }], source);
  return root!;
}

/**
 * Builds a tree leaf by leaf, keeping only the right edge (one hash per level). `onComplete` sees
 * every complete subtree as it closes, which is how the log learns the subtrees it stores.
 */
export class TreeBuilder {
  readonly #edge: { level: number; hash: Buffer }[] = [];
  #size = 0;

  constructor(readonly onComplete?: (node: Subtree, hash: Buffer) => void) {}

  get size(): number {
    return this.#size;
  }

  push(leaf: Buffer): void {
    let level = 0;
    let hash = leaf;
    let index = this.#size;
    this.onComplete?.({ level, index }, hash);
    for (;;) {
      const top = this.#edge.at(-1);
      if (top === undefined || top.level !== level) break;
      this.#edge.pop();
      hash = nodeHash(top.hash, hash);
      level++;
      index = Math.floor(index / 2);
      this.onComplete?.({ level, index }, hash);
    }
    this.#edge.push({ level, hash });
    this.#size++;
  }

  root(): Buffer {
    if (this.#edge.length === 0) return Buffer.from(emptyRoot);
    let hash = this.#edge.at(-1)!.hash;
    for (let i = this.#edge.length - 2; i >= 0; i--) hash = nodeHash(this.#edge[i]!.hash, hash);
    return hash;
  }
}

/** MTH of leaf hashes held in memory. */
export function rootOfLeaves(leaves: readonly Buffer[]): Buffer {
  const builder = new TreeBuilder();
  for (const leaf of leaves) builder.push(leaf);
  return builder.root();
}
