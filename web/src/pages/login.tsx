/** Staff login with a language switch. */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useSubmit } from '../components/submit';
import { ErrorNote, Field } from '../components/ui';
import { t, type Lang } from '../i18n';

export function LoginPage({ lang, setLang, onLoggedIn }: { lang: Lang; setLang(l: Lang): void; onLoggedIn(): Promise<void> }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmit();

  useEffect(() => {
    document.title = `${t('loginTitle')} · ${t('appName')}`;
  }, [lang]);

  async function submit(e: Event) {
    e.preventDefault();
    await run(async () => {
      await api('POST /api/auth/login', { body: { email, password } });
      await onLoggedIn();
    });
  }

  return (
    <main class="login-page" key={lang}>
      <div class="card login-card">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true" style="color:#fff">
            N
          </span>
          <span>
            {t('appName')}
            <small>{t('appTagline')}</small>
          </span>
        </div>
        <h1 style="font-size:18px;margin-bottom:14px">{t('loginTitle')}</h1>
        <ErrorNote error={error} />
        <form onSubmit={submit} noValidate>
          <Field label={t('email')}>
            {(id) => (
              <input
                id={id}
                type="email"
                autoComplete="username"
                required
                value={email}
                onInput={(e) => setEmail(e.currentTarget.value)}
                autoFocus
              />
            )}
          </Field>
          <Field label={t('password')}>
            {(id) => (
              <input
                id={id}
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            )}
          </Field>
          <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy}>
            {busy ? t('loggingIn') : t('logIn')}
          </button>
        </form>
        <div class="login-foot">
          <span>{t('appTagline')}</span>
          <button
            type="button"
            class="btn btn-ghost btn-small"
            lang={lang === 'ru' ? 'en' : 'ru'}
            aria-label={t('langSwitchLabel')}
            onClick={() => setLang(lang === 'ru' ? 'en' : 'ru')}
          >
            {t('langSwitch')}
          </button>
        </div>
      </div>
    </main>
  );
}
