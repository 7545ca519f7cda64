// The one "one open request per …" rule: a partial unique index refuses a second open request even when two are
// made at once, and both kinds of request (more ε; a data subject's) turn that refusal into their own error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CurtainError } from '../../src/core/errors.ts';
import { Rational } from '../../src/privacy/dp/rational.ts';
import { openOnce, violatesUniqueIndex } from '../../src/core/one-open.ts';
import { testBackends, type TestDatabase } from '../support/backends.ts';
import { sampleCustomers } from '../support/sample-customers.ts';
import { createTestVault, type TestVault } from '../support/test-vault.ts';

const alreadyOpen = () => new Error('already open');

describe.each(testBackends)('one open request per key on $name', (backend) => {
  let db: TestDatabase;
  let vault: TestVault;

  beforeAll(async () => {
    db = await backend.create();
    await db.storage.query(
      `CREATE TABLE asks (id int PRIMARY KEY, who text NOT NULL, open boolean NOT NULL)`,
    );
    await db.storage.query(`CREATE UNIQUE INDEX asks_one_open ON asks (who) WHERE open`);
    vault = await createTestVault(backend);
  }, 120_000);
  afterAll(async () => {
    await db?.dispose();
    await vault?.dispose();
  });

  const open = (id: number, who: string) =>
    openOnce(
      'asks_one_open',
      () => db.storage.query('INSERT INTO asks (id, who, open) VALUES ($1, $2, true)', [id, who]),
      alreadyOpen,
    );

  it('lets one of two requests made at once through, and another once the first is closed', async () => {
    const outcomes = await Promise.allSettled([open(1, 'ann'), open(2, 'ann')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toEqual(alreadyOpen());
    await expect(open(3, 'bob')).resolves.toBeDefined();
    await db.storage.query("UPDATE asks SET open = false WHERE who = 'ann'");
    await expect(open(4, 'ann')).resolves.toBeDefined();
  });

  it('lets every other failure through unchanged, another unique index too', async () => {
    // The primary key, not the one-open index: a different rule, so not "already open".
    const duplicateId = await open(4, 'cyd').catch((error: unknown) => error);
    expect(violatesUniqueIndex(duplicateId, 'asks_pkey')).toBe(true);
    expect(duplicateId).not.toEqual(alreadyOpen());
    await expect(
      openOnce('asks_one_open', () => Promise.reject(new Error('down')), alreadyOpen),
    ).rejects.toThrow('down');
    expect(violatesUniqueIndex(undefined, 'asks_one_open')).toBe(false);
  });

  it('refuses a second request for more ε asked at once by the same person', async () => {
    const ask = () => vault.budgetRequests.ask('ned', Rational.parse('1/8'), 'two tabs at once');
    const outcomes = await Promise.allSettled([ask(), ask()]);
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'BUDGET_REQUEST_STATE' });
    expect(await vault.budgetRequests.list({ asker: 'ned' })).toHaveLength(1);
  });

  it('refuses to verify a subject request into a second open one of its kind', async () => {
    const [customer] = sampleCustomers(1, 'O');
    const [customerId] = await vault.identity.createCustomers([customer!]);
    const requests = vault.compliance.requests;
    await requests.receiveFromCustomer('objection', 'gdpr', customerId!);
    // Recorded by an officer before anyone knew whose it was: verifying it would open a second objection.
    const recorded = await requests.receive('objection', 'gdpr');
    const claim = { externalId: customer!.externalId, email: customer!.pii.email };
    const refusal = await requests.verify(recorded.id, claim).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CurtainError);
    expect(refusal).toMatchObject({ code: 'SUBJECT_REQUEST_OPEN' });
    expect((await requests.get(recorded.id)).status).toBe('received');
  });
});
