// Child process for the crash test: opens the parent's vault and runs one delivery, under CURTAIN_FAULT.
import { readFile } from 'node:fs/promises';
import type { DeliveryRequest } from '../../../src/core/vault-door.ts';
import { assembleVault, defaultVaultSettings } from '../../../src/app/vault-process.ts';
import { openPgliteStorage } from '../../../src/storage/pglite/pglite-storage.ts';
import { openPostgresStorage } from '../../../src/storage/postgres/postgres-storage.ts';
import { EmailChannel } from '../../../src/vault/delivery/channels/email-channel.ts';
import { DeliveryService } from '../../../src/vault/delivery/delivery-service.ts';
import { faultFromEnvironment } from '../../../src/vault/delivery/faults.ts';
import { LocalKeyFile } from '../../../src/keys/local-key-file.ts';

const [connection, keyDir, requestFile, smtpPort] = process.argv.slice(2);
if (!connection || !keyDir || !requestFile || !smtpPort) {
  throw new Error('usage: crash-deliver <pglite dir | postgres url> <key dir> <request.json> <smtp port>');
}
const storage = connection.startsWith('postgres')
  ? await openPostgresStorage({ connectionString: connection })
  : await openPgliteStorage({ dataDirectory: connection });
const vault = await assembleVault(storage, await LocalKeyFile.open(keyDir), defaultVaultSettings);
const email = new EmailChannel({
  host: '127.0.0.1',
  port: Number(smtpPort),
  security: 'opportunistic',
  from: '"Example Bank" <notices@bank.example>',
  bankName: 'Example Bank',
  inboxOrigin: 'https://bank.example',
});
const fault = faultFromEnvironment(process.env);
const delivery = new DeliveryService(vault, vault.guard, {
  currency: 'GBP',
  inboxOrigin: 'https://bank.example',
  adapters: { email },
  batchSize: 20,
  ...(fault === undefined ? {} : { fault }),
});
const request = JSON.parse(await readFile(requestFile, 'utf8')) as DeliveryRequest;
const report = await delivery.deliver(request);
email.close();
await storage.close();
process.stdout.write(`${JSON.stringify(report)}\n`);
