// The verifier: checks inclusion and consistency proofs (RFC 9162 §2.1.3.2, §2.1.4.2). Shares only the two
// hash primitives with the writer, so that a bug in proof generation cannot hide itself here.
import { timingSafeEqual } from 'node:crypto';
import { hashSize, nodeHash } from './merkle.ts';

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const ok: Verdict = { ok: true };
const fail = (reason: string): Verdict => ({ ok: false, reason });

function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === hashSize && b.length === hashSize && timingSafeEqual(a, b);
}

const isSize = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** RFC 9162 §2.1.3.2: does `proof` show that `leafHash` is leaf `index` of the tree of `size` with `root`? */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Verdict {
  if (!isSize(index) || !isSize(size)) return fail('index and size must be non-negative integers');
  if (index >= size) return fail('leaf index is not smaller than the tree size');
  if (leafHash.length !== hashSize || proof.some((h) => h.length !== hashSize)) {
    return fail('a hash has the wrong length');
  }
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leafHash;
  for (const p of proof) {
    if (sn === 0) return fail('proof is longer than the path');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return fail('proof is shorter than the path');
  return sameHash(r, root) ? ok : fail('computed root does not match');
}

/** RFC 9162 §2.1.4.2: does `proof` show that the tree (`size1`, `root1`) is a prefix of (`size2`, `root2`)? */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): Verdict {
  if (!isSize(size1) || !isSize(size2)) return fail('sizes must be non-negative integers');
  if (size1 > size2) return fail('the old tree is larger than the new one');
  if (proof.some((h) => h.length !== hashSize)) return fail('a hash has the wrong length');
  if (size1 === size2) {
    if (proof.length !== 0) return fail('a proof between equal sizes must be empty');
    return sameHash(root1, root2) ? ok : fail('roots of equal sizes differ');
  }
  if (size1 === 0) {
    // Every tree extends the empty one; RFC 9162 defines no proof for it.
    return proof.length === 0 ? ok : fail('a proof from the empty tree must be empty');
  }
  if (proof.length === 0) return fail('proof is empty');
  const path: readonly Uint8Array[] = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Uint8Array = path[0]!;
  let sr: Uint8Array = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return fail('proof is longer than needed');
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return fail('proof is shorter than needed');
  if (!sameHash(fr, root1)) return fail('proof does not match the old root');
  if (!sameHash(sr, root2)) return fail('proof does not match the new root');
  return ok;
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1) {
    if (n % 2 === 1) return false;
    n /= 2;
  }
  return n === 1;
}
