// Issue 14, class 7: revocation means now — keys, disabled staff and removed roles end sessions at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { openHarness, type Harness } from '../http/harness.ts';

interface Entry {
  readonly type: string;
  readonly details: { readonly action?: string; readonly handle?: string; readonly by?: string };
}

describe.each(testBackends)('revocation on $name', (backend) => {
  let h: Harness;

  /** A console session opened with a new API key of `handle`: its cookie, and the key's id and header. */
  const signIn = async (handle: string) => {
    const { id, key } = await h.store.createApiKey(handle, 'revocation test');
    const response = await h.inject({ method: 'POST', url: '/v1/auth/session', payload: { apiKey: key } });
    expect(response.statusCode).toBe(201);
    const cookie = response.cookies.find((c) => c.name === 'curtain_session')!;
    return {
      id,
      key: { authorization: `Bearer ${key}` },
      session: { cookie: `curtain_session=${cookie.value}` },
    };
  };
  const me = (headers: Record<string, string>) => h.inject({ method: 'GET', url: '/v1/auth/me', headers });
  const staffChange = (url: string, payload?: object) =>
    h.inject({ method: 'POST', url, headers: h.staff.operator, ...(payload ? { payload } : {}) });
  const adminEntries = async () =>
    ((await h.vault.audit.entries(0, 10_000)).map((e) => e.entry) as Entry[]).filter(
      (entry) => entry.type === 'admin.action',
    );

  beforeAll(async () => {
    h = await openHarness(backend);
  }, 120_000);
  afterAll(() => h.dispose());

  it('ends the sessions opened with an API key when the key is revoked, and only those', async () => {
    const revoked = await signIn('cleo');
    const other = await signIn('cleo');
    expect((await me(revoked.session)).statusCode).toBe(200);
    expect(await h.store.revokeApiKey(revoked.id)).toBe(true);
    expect((await me(revoked.session)).statusCode).toBe(401);
    expect((await me(revoked.key)).statusCode).toBe(401);
    expect((await me(other.session)).statusCode).toBe(200);
  });

  it('disables a member over the API: keys and sessions stop at once, the hub refuses them, the log says who', async () => {
    const ada = await signIn('ada');
    const disabled = await staffChange('/v1/hub/staff/ada/disable');
    expect(disabled.statusCode).toBe(200);
    expect((await me(ada.session)).statusCode).toBe(401);
    expect((await me(ada.key)).statusCode).toBe(401);
    expect((await me(h.staff.advisor)).statusCode).toBe(401);
    await expect(h.hub.removeStaffRoles('mia', ['marketer'], 'ada')).rejects.toThrow(/ada is disabled/);
    expect((await adminEntries()).at(-1)!.details).toMatchObject({
      action: 'hub.staff.disabled',
      handle: 'ada',
      by: 'otto',
    });
  });

  it('removes a role over the API: the member’s sessions end and the role is gone from their key', async () => {
    await h.hub.addStaff('pia', ['marketer']);
    const pia = await signIn('pia');
    const removed = await staffChange('/v1/hub/staff/pia/remove-roles', { roles: ['marketer'] });
    expect(removed.json()).toEqual({ handle: 'pia', roles: ['partner'] });
    expect((await me(pia.session)).statusCode).toBe(401);
    expect((await me(pia.key)).json()).toMatchObject({ roles: ['partner'] });
    const segments = await h.inject({
      method: 'POST',
      url: '/v1/hub/segments',
      headers: pia.key,
      payload: { name: 'x', expression: 'count() > 0', purpose: 'bank_offers' },
    });
    expect(segments.statusCode).toBe(403);
    expect((await adminEntries()).at(-1)!.details).toMatchObject({
      action: 'hub.staff.roles_removed',
      handle: 'pia',
      by: 'otto',
    });
  });

  it('keeps the last approver until another holds the role (the two-person rule needs one)', async () => {
    const last = await staffChange('/v1/hub/staff/rui/disable');
    expect(last.statusCode).toBe(409);
    expect(last.json()).toMatchObject({ error: { code: 'STAFF_LAST_HOLDER' } });
    expect((await me(h.staff.approver)).statusCode).toBe(200);
    await h.hub.addStaff('ina', ['approver']);
    expect((await staffChange('/v1/hub/staff/rui/disable')).statusCode).toBe(200);
    await expect(h.hub.disableStaff('ina', 'otto')).rejects.toMatchObject({ code: 'STAFF_LAST_HOLDER' });
  });

  it('lets no one change their own access, and only an operator change anyone’s', async () => {
    await expect(h.hub.disableStaff('otto', 'otto')).rejects.toMatchObject({ code: 'HUB_FORBIDDEN' });
    await expect(h.hub.removeStaffRoles('mia', ['marketer'], 'cleo')).rejects.toMatchObject({
      code: 'HUB_FORBIDDEN',
    });
  });
});
