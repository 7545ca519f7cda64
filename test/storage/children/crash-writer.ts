// Child process for the crash test: commits numbered rows one transaction at a time and reports each commit.
import { openPgliteStorage } from '../../../src/storage/pglite/pglite-storage.ts';

const directory = process.argv[2];
if (!directory) throw new Error('usage: crash-writer <data-dir>');
const storage = await openPgliteStorage({ dataDirectory: directory });
await storage.exec('CREATE TABLE IF NOT EXISTS crash_probe (n int PRIMARY KEY, payload text NOT NULL)');
const start = (await storage.query<{ n: number }>('SELECT coalesce(max(n), 0)::int AS n FROM crash_probe'))
  .rows[0]!.n;
for (let n = start + 1; ; n++) {
  await storage.transaction(async (tx) => {
    await tx.query('INSERT INTO crash_probe VALUES ($1, $2)', [n, 'x'.repeat(2000)]);
  });
  process.stdout.write(`${n}\n`);
}
