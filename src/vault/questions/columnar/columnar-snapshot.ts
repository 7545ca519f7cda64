// A binary snapshot of the columnar store, so a process starts answering without re-reading every row.
//
// Layout (little-endian): 32-byte header — magic "CURTCOL\n", u32 format version, u32 JSON length,
// f64 transaction count, f64 highest transaction id covered — then the JSON (dictionaries, counts,
// applied batches), then each typed array raw, every part padded to 8 bytes, then a u32 CRC-32 of
// everything before it.
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { Result } from '../../../core/result.ts';
import {
  columnarArrays,
  Dictionary,
  KindDictionary,
  type ColumnarCoverage,
  type ColumnarData,
  type Dictionaries,
} from './columnar-data.ts';

export const snapshotFormatVersion = 2;
const magic = Buffer.from('CURTCOL\n', 'latin1');
const headerBytes = 32;

export interface SnapshotProblem {
  readonly code:
    | 'snapshot.missing'
    | 'snapshot.not-a-snapshot'
    | 'snapshot.version'
    | 'snapshot.truncated'
    | 'snapshot.corrupt';
  readonly message: string;
}

interface SnapshotHeader {
  readonly customers: number;
  readonly productRows: number;
  readonly batches: [number, number][];
  readonly dictionaries: {
    readonly categories: string[];
    readonly currencies: string[];
    readonly merchants: string[];
    readonly products: string[];
    readonly kinds: { readonly category: number[]; readonly currency: number[]; readonly credit: number[] };
  };
}

type ArrayKind = 'i32' | 'u16' | 'i16' | 'f64';
const constructors = { i32: Int32Array, u16: Uint16Array, i16: Int16Array, f64: Float64Array } as const;

/** Every array in file order, with its element type and its length from the counts. */
function layout(customers: number, transactions: number, productRows: number): [ArrayKind, number][] {
  return [
    ['i32', customers], // customers.ids
    ['i32', customers + 1], // customers.txStart
    ['i32', customers], // customers.firstOpenDay
    ['i32', customers + 1], // customers.productStart
    ['i32', customers], // customers.birthMonth
    ['u16', transactions], // transactions.day
    ['f64', transactions], // transactions.amount
    ['u16', transactions], // transactions.kind
    ['i16', transactions], // transactions.mcc
    ['i32', transactions], // transactions.merchant
    ['u16', productRows], // products.code
    ['i32', productRows], // products.since
    ['i32', productRows], // products.until
  ];
}

const padded = (bytes: number) => Math.ceil(bytes / 8) * 8;

function bytesOf(array: ArrayBufferView): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

export async function writeSnapshot(
  path: string,
  data: ColumnarData,
  dictionaries: Dictionaries,
  coverage: ColumnarCoverage,
): Promise<void> {
  const { customers, transactions, products } = data;
  const header: SnapshotHeader = {
    customers: customers.ids.length,
    productRows: products.code.length,
    batches: [...coverage.batches],
    dictionaries: {
      categories: dictionaries.categories.values,
      currencies: dictionaries.currencies.values,
      merchants: dictionaries.merchants.values,
      products: dictionaries.products.values,
      kinds: {
        category: dictionaries.kinds.category,
        currency: dictionaries.kinds.currency,
        credit: dictionaries.kinds.credit,
      },
    },
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const fixed = Buffer.alloc(headerBytes);
  magic.copy(fixed, 0);
  fixed.writeUInt32LE(snapshotFormatVersion, 8);
  fixed.writeUInt32LE(json.length, 12);
  fixed.writeDoubleLE(transactions.day.length, 16);
  fixed.writeDoubleLE(coverage.maxTransactionId, 24);
  const arrays = columnarArrays(data);
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, 'w', 0o600);
  try {
    let crc = 0;
    const write = async (bytes: Buffer) => {
      crc = crc32(bytes, crc);
      await file.write(bytes);
      const padding = padded(bytes.length) - bytes.length;
      if (padding > 0) {
        const zeros = Buffer.alloc(padding);
        crc = crc32(zeros, crc);
        await file.write(zeros);
      }
    };
    await write(fixed);
    await write(json);
    for (const array of arrays) await write(bytesOf(array));
    const trailer = Buffer.alloc(4);
    trailer.writeUInt32LE(crc >>> 0, 0);
    await file.write(trailer);
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  await rename(temporary, path);
}

export interface SnapshotContents {
  readonly data: ColumnarData;
  readonly dictionaries: Dictionaries;
  readonly coverage: ColumnarCoverage;
}

const problem = (code: SnapshotProblem['code'], message: string): Result<never, SnapshotProblem> => ({
  ok: false,
  error: { code, message },
});

export async function readSnapshot(path: string): Promise<Result<SnapshotContents, SnapshotProblem>> {
  let file;
  try {
    file = await open(path, 'r');
  } catch {
    return problem('snapshot.missing', `no readable snapshot at ${path}`);
  }
  try {
    return await readOpenSnapshot(file, path);
  } finally {
    await file.close();
  }
}

async function readOpenSnapshot(
  file: FileHandle,
  path: string,
): Promise<Result<SnapshotContents, SnapshotProblem>> {
  const size = (await file.stat()).size;
  const head = await readHead(file, path, size);
  if (!head.ok) return head;
  const arrays = await readArrays(file, path, size, head.value);
  if (!arrays.ok) return arrays;
  return contentsOf(arrays.value, head.value, path);
}

/** The fixed header and the JSON after it, checked for magic, version and length. */
interface SnapshotHead {
  readonly fixed: Buffer;
  /** The JSON with its padding, as the checksum covers it. */
  readonly json: Buffer;
  readonly header: SnapshotHeader;
  readonly transactionCount: number;
  readonly maxTransactionId: number;
}

async function readHead(
  file: FileHandle,
  path: string,
  size: number,
): Promise<Result<SnapshotHead, SnapshotProblem>> {
  const fixed = Buffer.alloc(headerBytes);
  const got = (await file.read(fixed, 0, headerBytes, 0)).bytesRead;
  if (got >= magic.length && !fixed.subarray(0, magic.length).equals(magic)) {
    return problem('snapshot.not-a-snapshot', `${path} is not a columnar snapshot`);
  }
  if (got < headerBytes) return problem('snapshot.truncated', `${path} ends inside its header`);
  const version = fixed.readUInt32LE(8);
  if (version !== snapshotFormatVersion) {
    return problem(
      'snapshot.version',
      `${path} has snapshot format ${version}; this code reads format ${snapshotFormatVersion}`,
    );
  }
  const jsonLength = fixed.readUInt32LE(12);
  const transactionCount = fixed.readDoubleLE(16);
  const maxTransactionId = fixed.readDoubleLE(24);
  if (!Number.isSafeInteger(transactionCount) || !Number.isSafeInteger(maxTransactionId)) {
    return problem('snapshot.corrupt', `${path} has a damaged header`);
  }
  if (headerBytes + padded(jsonLength) > size) return problem('snapshot.truncated', `${path} is truncated`);
  const json = Buffer.alloc(padded(jsonLength));
  await file.read(json, 0, json.length, headerBytes);
  let header: SnapshotHeader;
  try {
    header = JSON.parse(json.subarray(0, jsonLength).toString('utf8')) as SnapshotHeader;
  } catch {
    return problem('snapshot.corrupt', `${path} has a damaged header`);
  }
  return { ok: true, value: { fixed, json, header, transactionCount, maxTransactionId } };
}

type SnapshotArray = Int32Array | Uint16Array | Int16Array | Float64Array;

/** Every typed array in file order, once the file's size matches the counts and its checksum holds. */
async function readArrays(
  file: FileHandle,
  path: string,
  size: number,
  { fixed, json, header, transactionCount }: SnapshotHead,
): Promise<Result<SnapshotArray[], SnapshotProblem>> {
  const parts = layout(header.customers, transactionCount, header.productRows);
  let position = headerBytes + json.length;
  const expectedSize =
    position +
    parts.reduce((sum, [kind, length]) => sum + padded(length * constructors[kind].BYTES_PER_ELEMENT), 0) +
    4;
  if (size < expectedSize) return problem('snapshot.truncated', `${path} is truncated`);
  if (size > expectedSize) return problem('snapshot.corrupt', `${path} has trailing bytes`);
  let crc = crc32(json, crc32(fixed));
  const arrays: SnapshotArray[] = [];
  for (const [kind, length] of parts) {
    const array = new constructors[kind](length);
    const bytes = bytesOf(array);
    if (bytes.length > 0) await file.read(bytes, 0, bytes.length, position);
    crc = crc32(bytes, crc);
    const padding = padded(bytes.length) - bytes.length;
    if (padding > 0) {
      const zeros = Buffer.alloc(padding);
      await file.read(zeros, 0, padding, position + bytes.length);
      crc = crc32(zeros, crc);
    }
    position += bytes.length + padding;
    arrays.push(array);
  }
  const trailer = Buffer.alloc(4);
  await file.read(trailer, 0, 4, position);
  if (trailer.readUInt32LE(0) !== crc >>> 0) return problem('snapshot.corrupt', `${path} fails its checksum`);
  return { ok: true, value: arrays };
}

/** The columnar data, dictionaries and coverage the arrays and header describe, if they agree with each other. */
function contentsOf(
  arrays: SnapshotArray[],
  { header, transactionCount, maxTransactionId }: SnapshotHead,
  path: string,
): Result<SnapshotContents, SnapshotProblem> {
  const [
    ids,
    txStart,
    firstOpenDay,
    productStart,
    birthMonth,
    day,
    amount,
    kind,
    mcc,
    merchant,
    code,
    since,
    until,
  ] = arrays as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Uint16Array,
    Float64Array,
    Uint16Array,
    Int16Array,
    Int32Array,
    Uint16Array,
    Int32Array,
    Int32Array,
  ];
  const dictionaries = rebuildDictionaries(header.dictionaries);
  if (
    !dictionaries ||
    !ascending(txStart, transactionCount) ||
    !ascending(productStart, header.productRows)
  ) {
    return problem('snapshot.corrupt', `${path} is internally inconsistent`);
  }
  return {
    ok: true,
    value: {
      data: {
        customers: { ids, txStart, firstOpenDay, birthMonth, productStart },
        transactions: { day, amount, kind, mcc, merchant },
        products: { code, since, until },
      },
      dictionaries,
      coverage: { maxTransactionId, batches: new Map(header.batches) },
    },
  };
}

function ascending(start: Int32Array, total: number): boolean {
  if (start[0] !== 0 || start[start.length - 1] !== total) return false;
  for (let i = 1; i < start.length; i++) if (start[i]! < start[i - 1]!) return false;
  return true;
}

function rebuildDictionaries(saved: SnapshotHeader['dictionaries']): Dictionaries | undefined {
  const dictionary = (values: string[]) => {
    const built = new Dictionary(values);
    return built.values.length === values.length ? built : undefined;
  };
  const categories = dictionary(saved.categories);
  const currencies = dictionary(saved.currencies);
  const merchants = dictionary(saved.merchants);
  const products = dictionary(saved.products);
  if (!categories || !currencies || !merchants || !products) return undefined;
  const kinds = new KindDictionary();
  const { category, currency, credit } = saved.kinds;
  for (let i = 0; i < category.length; i++) {
    if (kinds.intern(category[i]!, currency[i]!, credit[i]!) !== i) return undefined;
  }
  return { categories, currencies, merchants, products, kinds };
}
