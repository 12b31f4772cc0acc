import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { pickTransport } from './api/pick-transport.js';
import { App } from './app/app.js';
import { createServices } from './app/create-services.js';
import { ServicesContext } from './app/services.js';
import { createI18n } from './i18n/index.js';
import { windowHashLocation } from './stores/route-store.js';
import './styles/app.css';

const TOKEN_KEY = 'shiftdeck.session';

const picked = pickTransport(window);
const { services, start } = createServices({
  transport: picked.transport,
  tokenChanged: picked.tokenChanged,
  // Per tab, gone when the window closes: a reload keeps the person signed in, a new window does not.
  tokens: {
    get: () => safe(() => sessionStorage.getItem(TOKEN_KEY)),
    set: (token) =>
      void safe(() => (token ? sessionStorage.setItem(TOKEN_KEY, token) : sessionStorage.removeItem(TOKEN_KEY))),
  },
  locale: { storage: safe(() => localStorage), languages: navigator.languages },
  location: windowHashLocation(window),
});

function safe<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

const i18n = createI18n(services.locale.getState().locale);
const applyLocale = (locale: string) => {
  void i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
};
applyLocale(services.locale.getState().locale);
services.locale.subscribe((s, prev) => {
  if (s.locale !== prev.locale) applyLocale(s.locale);
});

// Touches and key presses count as activity; the session store sends at most one report per 15 s.
const onActivity = () => services.session.getState().reportActivity();
window.addEventListener('pointerdown', onActivity, { capture: true, passive: true });
window.addEventListener('keydown', onActivity, { capture: true, passive: true });

start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ServicesContext.Provider value={services}>
        <App />
      </ServicesContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
