// Child process for the lock test: takes the data-directory lock, announces a URL, and waits to be killed.
import { lockDataDir } from '../../../src/storage/data-dir-lock.ts';

const directory = process.argv[2];
if (!directory) throw new Error('usage: lock-holder <data-dir>');
const outcome = await lockDataDir(directory, 'lock-holder');
if (!outcome.ok) throw new Error('lock already held');
await outcome.lock.announce('http://127.0.0.1:1');
process.stdout.write('locked\n');
setInterval(() => undefined, 1000);
