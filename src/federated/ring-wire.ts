// Ring vectors (Z / 2^32) on the wire: little-endian uint32 in base64, and back, refusing anything malformed.
import { aborted } from './secure-aggregation.ts';

export function ringToWire(vector: Uint32Array): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, i) => bytes.writeUInt32LE(value, i * 4));
  return bytes.toString('base64');
}

/** The vector, or FEDERATED_ROUND_ABORTED naming `what` when the bytes are not whole elements of `dimension`. */
export function ringFromWire(wire: string, what: string, dimension?: number): Uint32Array {
  const bytes = Buffer.from(wire, 'base64');
  if (bytes.length % 4 !== 0) throw aborted(`${what} is not a whole number of ring elements`);
  const vector = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < vector.length; i++) vector[i] = bytes.readUInt32LE(i * 4);
  if (dimension !== undefined && vector.length !== dimension) {
    throw aborted(`${what} has ${vector.length} ring elements where the round has ${dimension}`);
  }
  return vector;
}
