// Consent receipts without a database: every field as built, signed and opened, and every way a receipt is refused.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CompactSign } from 'jose';
import { buildReceipt, receiptMediaType, signReceipt, verifyReceipt, type PurposeState } from './receipts.ts';
import { openSignedJson, signJson } from '../identity/signed-json.ts';
import { purposeDefinitions } from '../../core/consent.ts';

const settings = {
  jurisdiction: 'GB',
  language: 'en',
  policyUrl: 'https://bank.example/privacy',
  service: 'Example Bank personalised offers',
  controllers: [
    {
      piiController: 'Example Bank plc',
      contact: 'Data Protection Officer',
      address: '1 Bank Street, London',
      email: 'dpo@bank.example',
      phone: '+44 20 7946 0000',
    },
  ],
};

const states: PurposeState[] = [
  {
    purpose: 'bank_offers',
    grantedChannels: ['email', 'inbox'],
    noticeVersion: 'bank_offers@1',
    decidedAt: new Date('2026-03-01T10:00:00.900Z'),
    source: 'console',
  },
  {
    purpose: 'partner_offers',
    grantedChannels: [],
    noticeVersion: 'partner_offers@2',
    decidedAt: new Date('2026-04-02T11:30:00.400Z'),
    source: 'gpc',
  },
  {
    purpose: 'identity_reveal',
    grantedChannels: ['inbox', 'email', 'push', 'webhook'],
    noticeVersion: 'identity_reveal@1',
    decidedAt: new Date('2026-02-01T09:00:00Z'),
    source: 'api',
  },
];

function signingKey(id: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { id, privateKey, publicKey };
}

describe('consent receipts', () => {
  it('carries the Kantara fields, the latest decision’s time and method, and one purpose per state', () => {
    const issuedAt = new Date('2026-05-01T12:00:00.999Z');
    const receipt = buildReceipt(settings, 'ref-123', 'key-1', states, issuedAt);
    expect(receipt).toMatchObject({
      version: 'KI-CR-v1.1.0',
      jurisdiction: 'GB',
      consentTimestamp: Math.floor(Date.parse('2026-04-02T11:30:00Z') / 1000),
      collectionMethod: 'Global Privacy Control signal (Sec-GPC: 1)',
      publicKey: 'key-1',
      language: 'en',
      piiPrincipalId: 'ref-123',
      piiControllers: settings.controllers,
      policyUrl: 'https://bank.example/privacy',
      sensitive: false,
      spiCat: [],
      iat: Math.floor(Date.parse('2026-05-01T12:00:00Z') / 1000),
    });
    expect(receipt.consentReceiptID).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(receipt.services).toHaveLength(1);
    expect(receipt.services[0]!.service).toBe(settings.service);
    const purposes = receipt.services[0]!.purposes;
    expect(purposes.map((p) => p.curtainPurposeCode)).toEqual([
      'bank_offers',
      'partner_offers',
      'identity_reveal',
    ]);
    const partner = purposes[1]!;
    const definition = purposeDefinitions.partner_offers;
    expect(partner).toEqual({
      purpose: definition.title,
      purposeCategory: [definition.category],
      consentType: 'EXPLICIT',
      piiCategory: definition.dataCategories,
      primaryPurpose: false,
      termination: 'Until withdrawn by the customer, at any time, in the preference centre',
      thirdPartyDisclosure: definition.thirdPartyDisclosure,
      curtainPurposeCode: 'partner_offers',
      curtainLawfulBasis: definition.lawfulBasis,
      curtainGrantedChannels: [],
      curtainNoticeVersion: 'partner_offers@2',
      curtainDecidedAt: '2026-04-02T11:30:00.400Z',
      curtainSource: 'gpc',
    });
    expect(purposes[0]!.curtainGrantedChannels).toEqual(['email', 'inbox']);
    // Each receipt has an id of its own.
    expect(buildReceipt(settings, 'ref-123', 'key-1', states, issuedAt).consentReceiptID).not.toBe(
      receipt.consentReceiptID,
    );
  });

  it('names the collection method of the latest decision, whichever its source', () => {
    const method = (source: PurposeState['source']) =>
      buildReceipt(settings, 'r', 'k', [{ ...states[0]!, source }], new Date()).collectionMethod;
    expect(method('console')).toBe('Customer preference centre (web console)');
    expect(method('api')).toBe('Bank application through the Curtain API');
    expect(method('import')).toBe('Imported from the bank’s earlier consent records');
    // Of two decisions at the same instant, the first listed names the method.
    const tie = [states[0]!, { ...states[0]!, source: 'api' as const }];
    expect(buildReceipt(settings, 'r', 'k', tie, new Date()).collectionMethod).toBe(
      'Customer preference centre (web console)',
    );
    // The latest wins even when it comes first.
    const first = buildReceipt(settings, 'r', 'k', [states[1]!, states[0]!], new Date());
    expect(first.collectionMethod).toBe('Global Privacy Control signal (Sec-GPC: 1)');
  });

  it('signs a receipt as a compact EdDSA JWS of its media type, and opens it with the key of its kid', async () => {
    const active = signingKey('key-2');
    const retired = signingKey('key-1');
    const receipt = buildReceipt(settings, 'ref-9', active.id, states, new Date('2026-05-01T00:00:00Z'));
    const jws = await signReceipt(receipt, active);
    const header = JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString('utf8')) as object;
    expect(header).toEqual({ alg: 'EdDSA', kid: 'key-2', typ: receiptMediaType });
    const opened = await verifyReceipt(`  ${jws}\n`, [retired, active]);
    expect(opened).toEqual({ ok: true, value: receipt });
  });

  it('refuses a receipt of another type, an unknown key, a forged signature, a swapped payload and garbage', async () => {
    const key = signingKey('key-1');
    const other = signingKey('key-1');
    const receipt = buildReceipt(settings, 'ref-1', key.id, states, new Date());
    const jws = await signReceipt(receipt, key);
    expect(await verifyReceipt(jws, [])).toEqual({ ok: false, error: 'unknown-key' });
    expect(await verifyReceipt(jws, [{ id: 'key-2', publicKey: key.publicKey }])).toEqual({
      ok: false,
      error: 'unknown-key',
    });
    expect(await verifyReceipt(jws, [other])).toEqual({ ok: false, error: 'bad-signature' });
    const [head, , signature] = jws.split('.');
    const swapped = Buffer.from(JSON.stringify({ ...receipt, piiPrincipalId: 'someone-else' })).toString(
      'base64url',
    );
    expect(await verifyReceipt(`${head}.${swapped}.${signature}`, [key])).toEqual({
      ok: false,
      error: 'bad-signature',
    });
    const erasure = await signJson(receipt, 'erasure-receipt+json', key);
    expect(await verifyReceipt(erasure, [key])).toEqual({ ok: false, error: 'malformed' });
    expect(await verifyReceipt('not a jws', [key])).toEqual({ ok: false, error: 'malformed' });
    // Another algorithm in the header is refused before any key is tried.
    const hmac = await new CompactSign(new TextEncoder().encode('{}'))
      .setProtectedHeader({ alg: 'HS256', kid: 'key-1', typ: receiptMediaType })
      .sign(new Uint8Array(32));
    expect(await verifyReceipt(hmac, [key])).toEqual({ ok: false, error: 'malformed' });
  });

  it('opens any signed document of its type as signed', async () => {
    const key = signingKey('k');
    const signed = await signJson({ a: 1, b: ['x'] }, 'thing+json', key);
    expect(await openSignedJson(signed, 'thing+json', [key])).toEqual({
      ok: true,
      value: { a: 1, b: ['x'] },
    });
  });
});
