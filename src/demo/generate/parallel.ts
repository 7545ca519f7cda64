// Generates the demo bank on all cores: worker threads draft ranges of customers, the caller receives them in order.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readChunk, type Chunk, type ChunkRequest } from './chunk.ts';
import { customerBuilder, generateBank } from './generate-bank.ts';
import { materialise } from './materialise.ts';
import type { Density, GenerateBankOptions, GeneratedCustomer } from './types.ts';

export interface ParallelOptions {
  /** Worker threads; 0 generates on the calling thread. Default: `defaultWorkers`. */
  readonly workers?: number;
  /** Customers per request to a worker (default: about 40,000 transactions' worth). */
  readonly chunk?: number;
}

/**
 * Below this many customers' worth of work (in customers at real density) a worker does not pay for its start;
 * and on two cores or fewer the workers and the thread that builds their lines compete for the cores and lost at
 * every size measured (docs/generator.md, "Generation on all cores").
 */
export const workerCrossover = 8_000;

/** Work of one customer relative to one at real density (the thin bank has about a fifteenth of the lines). */
function relativeWork(density: Density | undefined): number {
  if (density === 'thin') return 0.2;
  if (typeof density === 'number') return Math.max(0.05, density / 40);
  return 1;
}

/** A worker per core but one (this thread builds the lines) for a large bank on more than two cores, else none. */
export function defaultWorkers(
  options: Pick<GenerateBankOptions, 'customers' | 'density'>,
  cores = availableParallelism(),
): number {
  if (cores <= 2 || options.customers * relativeWork(options.density) < workerCrossover) return 0;
  return cores - 1;
}

function chunkSize(density: Density | undefined): number {
  return Math.max(8, Math.round(32 / relativeWork(density)));
}

/** The worker module beside this one: compiled JavaScript in dist/, TypeScript (through tsx) from the sources. */
function startWorker(options: Omit<GenerateBankOptions, 'customers'>): Worker {
  const self = fileURLToPath(import.meta.url);
  const extension = self.endsWith('.ts') ? '.ts' : '.js';
  const entry = new URL(`./generate-worker${extension}`, import.meta.url);
  if (extension === '.js') return new Worker(entry, { workerData: options });
  // The ESM entry of tsx's API: its CommonJS one registers hooks a worker cannot resolve.
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsx = pathToFileURL(join(dirname(tsxPackage), 'dist', 'esm', 'api', 'index.mjs')).href;
  const script =
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); ` +
    `return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(script, { eval: true, workerData: options });
}

interface Pending {
  readonly promise: Promise<Chunk>;
  resolve(chunk: Chunk): void;
  reject(error: unknown): void;
}

function pending(): Pending {
  let resolve!: (chunk: Chunk) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<Chunk>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Awaited in order later; until then a worker's failure must not count as an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * The same customers as `generateBank(options)`, byte for byte and in the same order, drafted by worker threads:
 * customer i depends only on the seed and i, so ranges are independent. At most two requests per worker are
 * outstanding, so a slow reader holds back the workers rather than filling memory.
 */
export async function* generateBankInParallel(
  options: GenerateBankOptions,
  parallel: ParallelOptions = {},
): AsyncGenerator<GeneratedCustomer, void, undefined> {
  const workerCount = Math.min(
    parallel.workers ?? defaultWorkers(options),
    Math.ceil(options.customers / Math.max(1, parallel.chunk ?? chunkSize(options.density))),
  );
  if (workerCount < 1) {
    yield* generateBank(options);
    return;
  }
  const size = parallel.chunk ?? chunkSize(options.density);
  const first = options.firstIndex ?? 0;
  const chunks = Math.ceil(options.customers / size);
  const shared: Omit<GenerateBankOptions, 'customers'> = { ...options, firstIndex: 0 };
  customerBuilder(shared, materialise); // bad options throw here, as generateBank's do, not in a worker
  const waiting = new Map<number, Pending>();
  const workers = Array.from({ length: workerCount }, () => {
    const worker = startWorker(shared);
    worker.on('message', (chunk: Chunk) => waiting.get(chunk.id)?.resolve(chunk));
    const fail = (error: unknown) => {
      for (const p of waiting.values()) p.reject(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a generator worker stopped (exit code ${code})`)));
    return worker;
  });
  let dispatched = 0;
  const dispatch = () => {
    const id = dispatched++;
    waiting.set(id, pending());
    const request: ChunkRequest = {
      id,
      first: first + id * size,
      count: Math.min(size, options.customers - id * size),
    };
    workers[id % workerCount]!.postMessage(request);
  };
  const isoDays = new Map<number, string>();
  try {
    for (let next = 0; next < chunks; next++) {
      while (dispatched < chunks && dispatched < next + 2 * workerCount) dispatch();
      const chunk = await waiting.get(next)!.promise;
      waiting.delete(next);
      yield* readChunk(chunk, isoDays);
    }
  } finally {
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
