// A test vault with the response services wired, and inbox messages written straight into the table.
import { randomBytes } from 'node:crypto';
import type { OfferContent } from '../../src/core/vault-door.ts';
import type { VaultServices } from '../../src/app/vault-process.ts';
import type { ReceiptSettings } from '../../src/vault/consent/receipts.ts';
import { AdvisorQueue } from '../../src/vault/responses/advisor-queue.ts';
import { ResponseService } from '../../src/vault/responses/response-service.ts';
import type { TestBackend } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

export const receiptSettings: ReceiptSettings = {
  jurisdiction: 'GB',
  language: 'en',
  policyUrl: 'https://bank.example/privacy',
  service: 'Curtain personalisation',
  controllers: [
    {
      piiController: 'Demo Bank plc',
      contact: 'Data Protection Officer',
      address: '1 Example Street, London',
      email: 'privacy@bank.example',
      phone: '+44 20 7946 0000',
    },
  ],
};

export const mortgageOffer: OfferContent = {
  offerId: 'offer-mortgage-fix',
  title: 'A fixed-rate mortgage for your new home',
  body: 'Fix your rate for five years.\nNo arrangement fee this spring.',
  callToAction: 'Talk to a mortgage adviser',
  category: 'mortgage',
  credit: true,
  validUntil: '2099-12-31',
};

export const insuranceOffer: OfferContent = {
  offerId: 'offer-home-cover',
  title: 'Home cover from Acme Insurance',
  body: 'Cover for your home and contents.',
  callToAction: 'Get a call from Acme',
  category: 'home_insurance',
  partner: 'acme',
  credit: false,
  validUntil: '2099-12-31',
};

export type ResponseVault = VaultServices & {
  readonly responses: ResponseService;
  readonly advisorQueue: AdvisorQueue;
  dispose(): Promise<void>;
};

export async function createResponseVault(backend: TestBackend, now?: () => Date): Promise<ResponseVault> {
  const vault = await createTestVault(backend);
  const responses = new ResponseService(
    vault.storage,
    vault.identity,
    vault.preferences,
    vault.keys,
    vault.audit,
    now === undefined ? { receipts: receiptSettings } : { receipts: receiptSettings, now },
  );
  const advisorQueue = new AdvisorQueue(vault.storage, vault.identity, vault.keys, vault.audit);
  return { ...vault, responses, advisorQueue };
}

// Letters only: digits in an id could read as a phone number to the log's PII check.
const letters = (n: number) => [...randomBytes(n)].map((b) => String.fromCharCode(97 + (b % 26))).join('');

/** Puts an offer in a customer's inbox as delivery would; returns the message's public id. */
export async function deliver(
  vault: VaultServices,
  customerId: number,
  offer: OfferContent = mortgageOffer,
  campaignId = `cmp-test-${letters(8)}`,
): Promise<{ messageId: string; campaignId: string }> {
  const messageId = `msg-${randomBytes(9).toString('base64url')}`;
  await vault.storage.query(
    `INSERT INTO inbox_messages (public_id, campaign_id, customer_id, offer, explanation)
     VALUES ($1, $2, $3, $4::jsonb, $5)`,
    [
      messageId,
      campaignId,
      customerId,
      JSON.stringify(offer),
      'You paid for a home inspection in the last 90 days and hold no mortgage with us.',
    ],
  );
  return { messageId, campaignId };
}
