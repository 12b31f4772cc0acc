import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../app/services.js';
import { ConflictsBadge } from './conflicts-badge.js';
import { Icon } from './icon.js';
import { LanguageSwitch } from './language-switch.js';
import { StatusPill } from './status-pill.js';

/** The bar on every signed-in screen: home, site, sync status, who is signed in, language, sign out. */
export function Header() {
  const { t, i18n } = useTranslation();
  const { session, route, appInfo } = useServices();
  const user = useSlice(session, (s) => s.session?.user ?? null);
  const busy = useSlice(session, (s) => s.busy);
  const signOut = useSlice(session, (s) => s.signOut);
  const atHome = useSlice(route, (s) => s.route.name === 'home');
  const go = useSlice(route, (s) => s.go);
  const siteName = useSlice(appInfo, (s) => s.info?.site.name ?? '');
  const role = user ? (i18n.language === 'fr' ? user.roleName.fr : user.roleName.en) : '';

  return (
    <header className="header">
      <div className="header__start">
        {atHome ? (
          <span className="header__brand">
            <span className="header__app">{t('app.name')}</span>
            {siteName && <span className="header__site">{siteName}</span>}
          </span>
        ) : (
          <button
            type="button"
            className="button button--header"
            data-testid="go-home"
            onClick={() => go({ name: 'home' })}
          >
            <Icon name="home" size={28} />
            <span>{t('header.home')}</span>
          </button>
        )}
      </div>
      <StatusPill />
      <ConflictsBadge />
      <div className="header__end">
        {user && (
          <span className="header__user">
            <span className="header__user-name">{user.displayName}</span>
            <span className="header__user-role">{role}</span>
          </span>
        )}
        <LanguageSwitch tone="dark" />
        <button
          type="button"
          className="button button--header button--sign-out"
          data-testid="sign-out"
          disabled={busy}
          onClick={() => void signOut()}
        >
          <Icon name="signOut" size={28} />
          <span>{t('header.signOut')}</span>
        </button>
      </div>
    </header>
  );
}
