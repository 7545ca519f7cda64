// Generation on all cores: worker threads give the single-thread generator's bank, byte for byte and in order.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateBank } from './generate-bank.ts';
import { defaultWorkers, generateBankInParallel, type ParallelOptions } from './parallel.ts';
import type { GenerateBankOptions, GeneratedCustomer } from './types.ts';

const end = '2026-11-01';

/** A digest of every field of every customer, in the order received (JSON keeps key order too). */
async function digest(customers: AsyncIterable<GeneratedCustomer> | Iterable<GeneratedCustomer>) {
  const hash = createHash('sha256');
  let count = 0;
  let lines = 0;
  for await (const customer of customers) {
    hash.update(JSON.stringify(customer));
    count++;
    lines += customer.transactions.length;
  }
  return { count, lines, hash: hash.digest('hex') };
}

async function compare(options: GenerateBankOptions, parallel: ParallelOptions) {
  const alone = await digest(generateBank(options));
  const oneWorker = await digest(generateBankInParallel(options, { ...parallel, workers: 1 }));
  const twoWorkers = await digest(generateBankInParallel(options, { ...parallel, workers: 2 }));
  expect(alone.count).toBe(options.customers);
  expect(oneWorker).toEqual(alone);
  expect(twoWorkers).toEqual(alone);
  return alone;
}

describe('generation in worker threads', () => {
  it('gives the same realistic bank with 1 worker, 2 workers and none, chunk edges included', async () => {
    // 30 customers in chunks of 7: four full chunks and a short one, dealt to the workers in turn.
    const bank = await compare({ customers: 30, seed: 11, end }, { chunk: 7 });
    expect(bank.lines).toBeGreaterThan(30 * 1000);
  }, 60_000);

  it('gives the same thin bank from a later first index', async () => {
    await compare({ customers: 70, seed: 3, end, density: 'thin', firstIndex: 500 }, { chunk: 16 });
  }, 60_000);

  it('stops its workers when the reader stops early, and rejects bad options as generateBank does', async () => {
    const first: string[] = [];
    for await (const customer of generateBankInParallel(
      { customers: 400, seed: 2, end, density: 'thin' },
      { workers: 2, chunk: 10 },
    )) {
      first.push(customer.externalId);
      if (first.length === 3) break;
    }
    expect(first).toEqual(['C00000001', 'C00000002', 'C00000003']);
    const bad = generateBankInParallel({ customers: 100, seed: 2, end: '2026-13-01' }, { workers: 2 });
    await expect(bad.next()).rejects.toThrow(/end is not a YYYY-MM-DD date/);
  }, 60_000);

  it('spawns no worker for small banks nor on two cores, and one per core but one for a large bank', () => {
    expect(defaultWorkers({ customers: 2_000, density: 'thin' }, 8)).toBe(0);
    expect(defaultWorkers({ customers: 7_000, density: 'real' }, 8)).toBe(0);
    expect(defaultWorkers({ customers: 20_000 }, 2)).toBe(0);
    expect(defaultWorkers({ customers: 20_000 }, 8)).toBe(7);
    expect(defaultWorkers({ customers: 50_000, density: 'thin' }, 4)).toBe(3);
  });
});
