/** The staff application: login gate, navigation shell, pages by path. */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { MeT, RoleT, SettingsT } from '../../schema/api';
import { api, onUnauthorized } from './api';
import { Icon, type IconName } from './components/icons';
import { NotificationBell } from './components/notifications';
import { Loading, Toasts, roleWord } from './components/ui';
import { getLang, setLang as storeLang, t, type Lang } from './i18n';
import { CatalogPage } from './pages/catalog';
import { ComparePage } from './pages/compare';
import { CrowdfundingPage } from './pages/crowdfunding';
import { CustomerPage, CustomersPage } from './pages/customers';
import { LoginPage } from './pages/login';
import { MailPage } from './pages/mail';
import { NotFoundPage } from './pages/not-found';
import { OrderPage } from './pages/order';
import { ProjectPage } from './pages/project';
import { QueuePage } from './pages/queue';
import { QuoteEditorPage } from './pages/quote-editor';
import { QuotesPage } from './pages/quotes';
import { ReportPage } from './pages/report';
import { RequestPage, RequestsPage } from './pages/requests';
import { SettingsPage } from './pages/settings';
import { UsersPage } from './pages/users';
import { Link, match, navigate, useLocation } from './router';
import { SessionContext, type Session } from './session';

interface PageDef {
  path: string;
  roles?: RoleT[];
  render: (params: Record<string, string>) => ComponentChildren;
}

const PAGES: PageDef[] = [
  { path: '/quotes', roles: ['admin', 'manager'], render: () => <QuotesPage /> },
  { path: '/quotes/:id', render: (p) => <QuoteEditorPage id={Number(p.id)} /> },
  { path: '/customers', render: () => <CustomersPage /> },
  { path: '/customers/:id', render: (p) => <CustomerPage id={Number(p.id)} /> },
  { path: '/orders/:id', render: (p) => <OrderPage id={Number(p.id)} /> },
  { path: '/queue', render: () => <QueuePage /> },
  { path: '/reports', render: () => <ReportPage /> },
  { path: '/crowdfunding', render: () => <CrowdfundingPage /> },
  { path: '/crowdfunding/compare', render: () => <ComparePage /> },
  { path: '/crowdfunding/:id', render: (p) => <ProjectPage id={Number(p.id)} /> },
  { path: '/catalog', render: () => <CatalogPage /> },
  { path: '/settings', roles: ['admin'], render: () => <SettingsPage /> },
  { path: '/users', roles: ['admin'], render: () => <UsersPage /> },
  { path: '/mail', roles: ['admin'], render: () => <MailPage /> },
  { path: '/requests', render: () => <RequestsPage /> },
  { path: '/requests/:id', render: (p) => <RequestPage id={Number(p.id)} /> },
];

interface NavDef {
  href: string;
  label:
    | 'quotes'
    | 'navRequests'
    | 'customers'
    | 'navQueue'
    | 'navReport'
    | 'navCrowdfunding'
    | 'priceList'
    | 'settings'
    | 'users'
    | 'navMail';
  icon: IconName;
  roles?: RoleT[];
}

const NAV: NavDef[] = [
  // The quote list is sales' (API.md); the accountant opens a quote from an order or a customer.
  { href: '/quotes', label: 'quotes', icon: 'quotes', roles: ['admin', 'manager'] },
  // Service requests: the managers' inbox (every staff role may open one from a link).
  { href: '/requests', label: 'navRequests', icon: 'inbox', roles: ['admin', 'manager'] },
  { href: '/customers', label: 'customers', icon: 'customers' },
  { href: '/queue', label: 'navQueue', icon: 'queue' },
  { href: '/reports', label: 'navReport', icon: 'report' },
  { href: '/crowdfunding', label: 'navCrowdfunding', icon: 'crowdfunding' },
  { href: '/catalog', label: 'priceList', icon: 'catalog' },
  { href: '/settings', label: 'settings', icon: 'settings', roles: ['admin'] },
  { href: '/users', label: 'users', icon: 'users', roles: ['admin'] },
  { href: '/mail', label: 'navMail', icon: 'mail', roles: ['admin'] },
];

/** Where each role starts: sales at the quotes, the accountant at the month. */
export const homeOf = (role: RoleT) => (role === 'accountant' ? '/reports' : '/quotes');

export function App() {
  const [lang, setLangState] = useState<Lang>(getLang());
  const [me, setMe] = useState<MeT | null | undefined>(undefined);
  const [settings, setSettings] = useState<SettingsT | null>(null);
  const location = useLocation();

  const setLang = useCallback((l: Lang) => {
    storeLang(l);
    setLangState(l);
  }, []);

  const loadSession = useCallback(async () => {
    try {
      const [user, s] = await Promise.all([api('GET /api/me'), api('GET /api/settings')]);
      setSettings(s);
      setMe(user);
    } catch {
      setMe(null);
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    void loadSession();
    return onUnauthorized(() => setMe(null));
  }, []);

  if (me === undefined) return <Loading />;
  if (me === null || !settings) {
    return (
      <>
        <LoginPage lang={lang} setLang={setLang} onLoggedIn={loadSession} />
        <Toasts />
      </>
    );
  }

  const session: Session = {
    me,
    settings,
    lang,
    setLang,
    logout: async () => {
      await api('POST /api/auth/logout').catch(() => undefined);
      setMe(null);
      navigate('/');
    },
    refreshSettings: async () => setSettings(await api('GET /api/settings')),
  };

  const home = homeOf(me.role);
  const path = location.path === '/' ? home : location.path;
  if (location.path === '/') navigate(home, { replace: true });
  let content: ComponentChildren = <NotFoundPage />;
  for (const page of PAGES) {
    const params = match(page.path, path);
    if (!params) continue;
    content = page.roles && !page.roles.includes(me.role) ? <NotFoundPage forbidden /> : page.render(params);
    break;
  }

  return (
    <SessionContext.Provider value={session}>
      <div class="shell" key={lang}>
        <a class="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <aside class="sidebar">
          <div class="brand">
            <span class="brand-mark" aria-hidden="true">
              N
            </span>
            <span>
              {t('appName')}
              <small>{session.settings.companyName}</small>
            </span>
          </div>
          <nav class="nav" aria-label={t('navMain')}>
            {NAV.filter((n) => !n.roles || n.roles.includes(me.role)).map((n) => (
              <Link key={n.href} href={n.href} aria-current={path.startsWith(n.href) ? 'page' : undefined}>
                <Icon name={n.icon} />
                {t(n.label)}
              </Link>
            ))}
          </nav>
          <div class="sidebar-foot">
            <div class="who">
              {me.name}
              <small>
                {me.email} · {roleWord(me.role)}
              </small>
            </div>
            <NotificationBell />
            <button
              type="button"
              class="btn btn-ghost"
              lang={lang === 'ru' ? 'en' : 'ru'}
              aria-label={t('langSwitchLabel')}
              onClick={() => setLang(lang === 'ru' ? 'en' : 'ru')}
            >
              <Icon name="globe" /> {t('langSwitch')}
            </button>
            <button type="button" class="btn btn-ghost" onClick={() => void session.logout()}>
              <Icon name="logout" /> {t('logout')}
            </button>
          </div>
        </aside>
        <main class="main" id="main" tabIndex={-1}>
          {content}
        </main>
      </div>
      <Toasts />
    </SessionContext.Provider>
  );
}
