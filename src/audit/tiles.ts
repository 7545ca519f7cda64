// Tiles of the transparency log's Merkle tree: 64 leaves hashed once and stored with their inner levels; the
// complete subtrees above the tiles live in memory (UpperLevels).
import { hashSize, nodeHash, type Subtree } from './merkle.ts';

/** Leaves per stored tile: 2^tileHeight. */
export const tileHeight = 6;
export const tileWidth = 2 ** tileHeight;

/** Complete subtrees at levels ≥ tileHeight, one growable buffer per level; append-only. */
export class UpperLevels {
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

/** The tile a subtree below tile height lies in. */
export const tileOf = (n: Subtree) => Math.floor((n.index * 2 ** n.level) / tileWidth);

/** Where level `level` (1 to tileHeight − 1) starts in a tile's `nodes`, in hashes. */
const levelOffset = (level: number) => tileWidth - 2 * (tileWidth / 2 ** level);

export function innerNode(nodes: Uint8Array | undefined, n: Subtree): Uint8Array | undefined {
  if (nodes === undefined) return undefined;
  const at = levelOffset(n.level) + (n.index % (tileWidth / 2 ** n.level));
  return nodes.subarray(at * hashSize, (at + 1) * hashSize);
}

/** A full tile's root and its inner levels 1 to tileHeight − 1, concatenated. */
export function tileNodes(leaves: readonly Buffer[]): { hash: Buffer; nodes: Buffer } {
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
export function completeRoot(leaves: readonly Buffer[]): Buffer {
  let level = [...leaves];
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(nodeHash(level[i]!, level[i + 1]!));
    level = next;
  }
  return level[0]!;
}
