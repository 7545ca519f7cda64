// A generator worker thread: drafts the ranges of customers the main thread asks for and posts them back as chunks.
import { parentPort, workerData } from 'node:worker_threads';
import { ChunkWriter, transferables, type ChunkRequest } from './chunk.ts';
import { customerBuilder } from './generate-bank.ts';
import type { GenerateBankOptions } from './types.ts';

const port = parentPort;
if (port === null) throw new Error('generate-worker runs as a worker thread');
let writer = new ChunkWriter();
const build = customerBuilder(workerData as Omit<GenerateBankOptions, 'customers'>, (draft) =>
  writer.emit(draft),
);
port.on('message', (request: ChunkRequest) => {
  writer = new ChunkWriter();
  const customers = [];
  for (let i = 0; i < request.count; i++) customers.push(build(request.first + i));
  const chunk = writer.finish(request.id, customers);
  port.postMessage(chunk, transferables(chunk));
});
