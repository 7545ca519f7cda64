// Small shared pieces of the console: page frame, alerts, and a button that shows it is busy.
import { useState, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { messageOf } from './api.ts';

export function Page({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      {children}
    </section>
  );
}

export function Alert({
  children,
  kind = 'error',
}: {
  children: ReactNode;
  kind?: 'error' | 'success' | 'info';
}) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Loading({ error }: { error: string | undefined }) {
  return error === undefined ? <p aria-live="polite">Loading…</p> : <Alert>{error}</Alert>;
}

/** A button that runs an async action, is disabled meanwhile, and reports a failure under itself. */
export function ActionButton({
  action,
  children,
  ...rest
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick'> & { action: () => Promise<unknown> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" {...rest} disabled={busy || rest.disabled === true} onClick={() => void run()}>
        {children}
      </button>
      {error === undefined ? null : <Alert>{error}</Alert>}
    </>
  );
}

export const formatDate = (iso: string | null | undefined): string =>
  iso === null || iso === undefined
    ? '—'
    : new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** A text field of a submitted form ('' when absent). */
export function textOf(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
