// Signing in: staff with an API key, and on a demo bank only a picker of demo staff and demo customers.
import { useState, type FormEvent } from 'react';
import { get, messageOf, post } from '../api.ts';
import type { Reply } from '../api/types.ts';
import { Alert, Page, textOf } from '../ui.tsx';
import { useLoad } from '../use-load.ts';

type SessionOpened = Reply<'/v1/auth/session', 'post', 201>;

export function SignIn({ signedIn }: { signedIn: (session: SessionOpened) => void }) {
  const demo = useLoad(() => get<Reply<'/v1/auth/demo', 'get'>>('/v1/auth/demo'), 'demo');
  const [error, setError] = useState<string>();
  const open = async (path: string, body: unknown) => {
    setError(undefined);
    try {
      signedIn(await post<SessionOpened>(path, body));
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const withKey = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const apiKey = textOf(new FormData(event.currentTarget), 'apiKey');
    void open('/v1/auth/session', { apiKey });
  };
  return (
    <Page title="Sign in">
      {error === undefined ? null : <Alert>{error}</Alert>}
      <form onSubmit={withKey} aria-labelledby="staff-heading">
        <h2 id="staff-heading">Staff</h2>
        <label htmlFor="api-key">API key</label>
        <input id="api-key" name="apiKey" type="password" autoComplete="off" required minLength={10} />
        <p className="muted">
          An operator creates one with <code>curtain apikey create --staff &lt;handle&gt;</code>.
        </p>
        <button type="submit">Sign in</button>
      </form>
      {demo.data?.demo === true ? (
        <section aria-labelledby="demo-heading" className="demo">
          <h2 id="demo-heading">DEMO ONLY: sign in without a credential</h2>
          <p>
            <strong>{demo.data.notice}</strong>
          </p>
          <h3>Demo staff</h3>
          <div className="actions">
            {(demo.data.staff ?? []).map((handle) => (
              <button key={handle} type="button" onClick={() => void open('/v1/auth/demo/staff', { handle })}>
                Staff: {handle}
              </button>
            ))}
          </div>
          <h3>Demo customers</h3>
          {(demo.data.customers ?? []).length === 0 ? (
            <p>No demo customers here.</p>
          ) : (
            <div className="actions">
              {(demo.data.customers ?? []).map((externalId) => (
                <button
                  key={externalId}
                  type="button"
                  onClick={() => void open('/v1/auth/demo/customer', { externalId })}
                >
                  Customer {externalId}
                </button>
              ))}
            </div>
          )}
        </section>
      ) : null}
      <p>
        Asked to be erased? <a href="/receipt">See your erasure receipt with its receipt id</a>, without
        signing in.
      </p>
    </Page>
  );
}
