import { useTranslation } from 'react-i18next';
import { Header } from '../components/header.js';
import { AreaScreen } from '../screens/area-screen.js';
import { HomeScreen } from '../screens/home-screen.js';
import { LockScreen } from '../screens/lock-screen.js';
import { PinPadScreen } from '../screens/pin-pad-screen.js';
import { ChangePinScreen } from '../screens/people/change-pin-screen.js';
import { useServices, useSlice } from './services.js';

/** Picks the screen from the session phase and the route; no state of its own. */
export function App() {
  const { t } = useTranslation();
  const { session, route } = useServices();
  const phase = useSlice(session, (s) => s.phase);
  const current = useSlice(route, (s) => s.route);
  const mustChangePin = useSlice(session, (s) => s.session?.user.mustChangePin ?? false);

  if (phase === 'starting') {
    return (
      <main id="main" className="starting" aria-busy="true">
        <p>{t('app.starting')}</p>
      </main>
    );
  }
  if (phase === 'signed-out') return <PinPadScreen />;
  if (phase === 'locked') return <LockScreen />;
  if (mustChangePin) return <ChangePinScreen />;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      {current.name === 'area' ? <AreaScreen key={current.area} area={current.area} /> : <HomeScreen />}
    </div>
  );
}
