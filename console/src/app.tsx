// The console: who is signed in decides the navigation; the path decides the page.
import { Suspense, lazy, useEffect, useState, type ReactNode } from 'react';
import { api, get, rememberCsrf } from './api.ts';
import { Link, navigate, usePath } from './router.tsx';
import type { Body, Item, Reply, Sent } from './api/types.ts';
import { Approvals } from './pages/approvals.tsx';
import { Models } from './pages/models.tsx';
import { Campaigns } from './pages/campaigns.tsx';
import { Inbox, InsightMessageView, MessageView } from './pages/inbox.tsx';
import { Insights } from './pages/insights.tsx';
import { Leads } from './pages/leads.tsx';
import { MyData } from './pages/my-data.tsx';
import { Offers } from './pages/offers.tsx';
import { Preferences } from './pages/preferences.tsx';
import { Regions } from './pages/regions.tsx';
import { ReceiptPage } from './pages/receipt.tsx';
import { SignIn } from './pages/sign-in.tsx';
import { Page } from './ui.tsx';

// The editor (CodeMirror) and the charts (recharts) are loaded only by the roles that open them.
const SegmentEditor = lazy(() =>
  import('./pages/segment-editor.tsx').then((m) => ({ default: m.SegmentEditor })),
);
const CampaignView = lazy(() =>
  import('./pages/campaign-detail.tsx').then((m) => ({ default: m.CampaignView })),
);
// Edge mode carries the language, the engine and Privacy Pass: loaded only by the customers who open it.
const EdgeOffers = lazy(() => import('./pages/edge-offers.tsx').then((m) => ({ default: m.EdgeOffers })));
const EdgeCampaigns = lazy(() =>
  import('./pages/edge-campaigns.tsx').then((m) => ({ default: m.EdgeCampaigns })),
);
const Compliance = lazy(() => import('./pages/compliance.tsx').then((m) => ({ default: m.Compliance })));
const ComplianceWork = lazy(() =>
  import('./pages/compliance-work.tsx').then((m) => ({ default: m.ComplianceWork })),
);

type SessionOpened = Reply<'/v1/auth/session', 'post', 201>;
/** Who is signed in: what opening a session answers, or GET /v1/auth/me (it always sends kind and roles). */
type Me = Pick<SessionOpened, 'kind' | 'handle' | 'roles'>;
type Role = Item<Body<'/v1/hub/staff', 'post'>['roles']> | 'customer';

interface Section {
  readonly path: string;
  readonly label: string;
  readonly roles: readonly Role[];
}

const sections: readonly Section[] = [
  { path: '/segments', label: 'Segments', roles: ['marketer'] },
  { path: '/offers', label: 'Offers', roles: ['marketer'] },
  { path: '/campaigns', label: 'Campaigns', roles: ['marketer', 'operator'] },
  { path: '/approvals', label: 'Approvals', roles: ['approver'] },
  { path: '/regions', label: 'Regions', roles: ['operator'] },
  { path: '/models', label: 'Models', roles: ['marketer', 'approver'] },
  { path: '/edge-campaigns', label: 'Edge campaigns', roles: ['marketer', 'approver'] },
  { path: '/inbox', label: 'Inbox', roles: ['customer'] },
  { path: '/on-this-device', label: 'Offers on this device', roles: ['customer'] },
  { path: '/insights', label: 'Insights', roles: ['customer'] },
  { path: '/preferences', label: 'Preferences', roles: ['customer'] },
  { path: '/my-data', label: 'My data', roles: ['customer'] },
  { path: '/leads', label: 'Leads', roles: ['advisor'] },
  { path: '/compliance', label: 'Compliance', roles: ['compliance'] },
  { path: '/compliance/work', label: 'Requests and reports', roles: ['compliance'] },
];

const allowed = (me: Me) => sections.filter((s) => s.roles.some((role) => me.roles.includes(role)));

function route(path: string, me: Me): ReactNode {
  const campaign = /^\/campaigns\/([^/]+)$/.exec(path);
  if (campaign?.[1] !== undefined)
    return <CampaignView id={decodeURIComponent(campaign[1])} roles={me.roles} />;
  const insight = /^\/inbox\/insights\/([^/]+)$/.exec(path);
  if (insight?.[1] !== undefined) return <InsightMessageView id={decodeURIComponent(insight[1])} />;
  const message = /^\/inbox\/([^/]+)$/.exec(path);
  if (message?.[1] !== undefined) return <MessageView id={decodeURIComponent(message[1])} />;
  const section = allowed(me).find((s) => s.path === path);
  switch (section?.path) {
    case '/segments':
      return <SegmentEditor />;
    case '/offers':
      return <Offers />;
    case '/campaigns':
      return <Campaigns />;
    case '/approvals':
      return <Approvals />;
    case '/regions':
      return <Regions />;
    case '/models':
      return <Models roles={me.roles} />;
    case '/edge-campaigns':
      return <EdgeCampaigns />;
    case '/inbox':
      return <Inbox />;
    case '/on-this-device':
      return <EdgeOffers />;
    case '/insights':
      return <Insights />;
    case '/preferences':
      return <Preferences />;
    case '/my-data':
      return <MyData />;
    case '/leads':
      return <Leads />;
    case '/compliance':
      return <Compliance />;
    case '/compliance/work':
      return <ComplianceWork />;
    default:
      return (
        <Page title="Not here">
          <p>There is no such page for your role. Choose one above.</p>
        </Page>
      );
  }
}

/** Pages anyone may open, signed in or not: an erasure receipt by its id (the erased cannot sign in). */
function publicPage(path: string): ReactNode | undefined {
  const receipt = /^\/receipt(?:\/([^/]+))?$/.exec(path);
  if (receipt === null) return undefined;
  return <ReceiptPage receiptId={receipt[1] === undefined ? undefined : decodeURIComponent(receipt[1])} />;
}

export function App() {
  const path = usePath();
  const [me, setMe] = useState<Me | null>();
  useEffect(() => {
    get<Sent<Reply<'/v1/auth/me', 'get'>, 'kind' | 'roles'>>('/v1/auth/me').then(setMe, () => setMe(null));
  }, []);
  // Signed in on the root: go to the first page of the role.
  useEffect(() => {
    if (me && path === '/') {
      const first = allowed(me)[0];
      if (first !== undefined) navigate(first.path);
    }
  }, [me, path]);
  const signedIn = (session: SessionOpened) => {
    rememberCsrf(session.csrfToken);
    setMe(session);
    navigate(allowed(session)[0]?.path ?? '/');
  };
  const signOut = async () => {
    await api('DELETE', '/v1/auth/session').catch(() => undefined);
    rememberCsrf(undefined);
    setMe(null);
    navigate('/');
  };
  const who = me ? (me.kind === 'customer' ? 'customer' : `${me.handle ?? ''} (${me.roles.join(', ')})`) : '';
  return (
    <>
      <a href="#main" className="skip">
        Skip to content
      </a>
      <header>
        <p className="brand">Curtain</p>
        {me ? (
          <nav aria-label="Main">
            <ul>
              {allowed(me).map((s) => (
                <li key={s.path}>
                  <Link href={s.path} aria-current={path.startsWith(s.path) ? 'page' : undefined}>
                    {s.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {me ? (
          <div className="who">
            <span>Signed in as {who}</span>{' '}
            <button type="button" className="secondary" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        {publicPage(path) ??
          (me === undefined ? (
            <p>Loading…</p>
          ) : me === null ? (
            <SignIn signedIn={signedIn} />
          ) : (
            <Suspense fallback={<p>Loading…</p>}>{route(path, me)}</Suspense>
          ))}
      </main>
      <footer>
        <p>Curtain: offers chosen inside the bank; nobody outside it learns who you are unless you say so.</p>
      </footer>
    </>
  );
}
