import { describe, expect, it } from 'vitest';
import type { StatementEvent } from '../../../core/transaction.ts';
import { eventsFromBatches } from './batches.ts';
import { noticeEvent } from './events.ts';

const event = (n: number): StatementEvent => noticeEvent('empty-statement', String(n));
/** Producers wait for input between batches. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('eventsFromBatches', () => {
  it('hands out every event of every batch in order, skipping empty batches', async () => {
    async function* batches() {
      await tick();
      yield [event(1), event(2)];
      yield [];
      yield [event(3)];
      yield [];
    }
    const seen: string[] = [];
    for await (const e of eventsFromBatches(batches())) if (e.kind === 'notice') seen.push(e.notice.message);
    expect(seen).toEqual(['1', '2', '3']);
  });

  it('stops the batches when the consumer stops early', async () => {
    let stopped = false;
    let produced = 0;
    async function* batches() {
      try {
        for (;;) {
          await tick();
          produced++;
          yield [event(produced), event(produced)];
        }
      } finally {
        stopped = true;
      }
    }
    let count = 0;
    for await (const e of eventsFromBatches(batches())) {
      void e;
      if (++count === 3) break;
    }
    expect(stopped).toBe(true);
    expect(produced).toBe(2);
  });

  it('passes on a failure of the producer', async () => {
    async function* batches(): AsyncGenerator<StatementEvent[], void, undefined> {
      yield [event(1)];
      await tick();
      throw new Error('disk gone');
    }
    const iterate = async () => {
      for await (const e of eventsFromBatches(batches())) void e;
    };
    await expect(iterate()).rejects.toThrow('disk gone');
  });
});
