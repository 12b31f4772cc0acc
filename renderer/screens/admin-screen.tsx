import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../app/services.js';
import { useNow } from '../app/use-now.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ErrorAlert } from '../components/error-alert.js';
import { formatTime } from '../i18n/format.js';
import type { AdminNotice, RoleSummary } from '../stores/admin-store.js';
import type { Locale } from '../stores/locale-store.js';
import { BackButton } from '../components/back-button.js';
import { BackupsPanel } from './backups/backups-panel.js';
import { DevicesPanel } from './devices/devices-panel.js';
import { UpdatesPanel } from './updates/updates-panel.js';
import { ErrorLogPanel } from './health/error-log-panel.js';
import { PeoplePanel } from './people/people-panel.js';

const roleLabel = (role: RoleSummary, lang: string) => (lang === 'fr' ? role.name.fr : role.name.en);

/** People of this site with their roles, a form to add someone, and the idle-lock delay. */
export function AdminScreen() {
  const { t, i18n } = useTranslation();
  const { admin, session } = useServices();
  const me = useSlice(session, (s) => s.session?.user.id ?? null);
  const users = useSlice(admin, (s) => s.users);
  const roles = useSlice(admin, (s) => s.roles);
  const error = useSlice(admin, (s) => s.error);
  const notice = useSlice(admin, (s) => s.notice);
  const saving = useSlice(admin, (s) => s.saving);
  const loading = useSlice(admin, (s) => s.loading);
  const now = useNow();
  const pendingRole = useSlice(admin, (s) => s.pendingRole);
  const mayBackUp = useSlice(session, (s) => s.session?.user.permissions.includes('backups.manage') ?? false);
  const maySet = useSlice(session, (s) => s.session?.user.permissions.includes('settings.manage') ?? false);
  const mayDevices = useSlice(session, (s) => s.session?.user.permissions.includes('devices.manage') ?? false);

  useEffect(() => {
    void admin.getState().load();
  }, [admin]);

  return (
    <main id="main" className="screen" data-testid="screen-admin">
      <div className="screen__head">
        <h1 className="screen-title">{t('admin.title')}</h1>
        <BackButton />
      </div>
      <ErrorAlert error={error} />
      {notice && (
        <p className="alert alert--success" role="status" data-testid="admin-notice">
          {describeNotice(t, notice)}
        </p>
      )}
      {loading && !users && <p className="screen-hint">{t('common.loading')}</p>}
      {users && (
        <>
          <section className="panel" aria-labelledby="people-heading">
            <h2 id="people-heading" className="section-title">
              {t('admin.peopleTitle')}
            </h2>
            <ul className="admin-people" data-testid="admin-people">
              {users.map((u) => (
                <li key={u.id} className="admin-people__row" data-user-id={u.id}>
                  <span className="admin-people__name">{u.displayName}</span>
                  {u.lockedUntil && new Date(u.lockedUntil).getTime() > now && (
                    <span className="admin-people__locked">
                      {t('admin.lockedUntil', { time: formatTime(u.lockedUntil, i18n.language) })}
                    </span>
                  )}
                  <label className="sr-only" htmlFor={`role-${u.id}`}>
                    {t('admin.roleFor', { name: u.displayName })}
                  </label>
                  <select
                    id={`role-${u.id}`}
                    className="field__control admin-people__role"
                    data-testid="role-select"
                    value={u.roleId}
                    disabled={saving || !u.changeable}
                    aria-describedby={u.changeable ? undefined : `role-why-${u.id}`}
                    onChange={(e) => admin.getState().askRole(u.id, e.target.value)}
                  >
                    {roles.map((r) => (
                      <option key={r.id} value={r.id} disabled={!r.grantable && r.id !== u.roleId}>
                        {r.grantable || r.id === u.roleId
                          ? roleLabel(r, i18n.language)
                          : t('admin.roleBeyondYou', { role: roleLabel(r, i18n.language) })}
                      </option>
                    ))}
                  </select>
                  {!u.changeable && (
                    <p id={`role-why-${u.id}`} className="admin-people__own" data-testid="role-locked-why">
                      {u.id === me ? t('admin.ownRole') : t('admin.personAboveYou')}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <AddPersonForm roles={roles.filter((r) => r.grantable)} />
          <PeoplePanel />
          <IdleLockForm />
          {maySet && <TimezoneForm />}
          {mayBackUp && <BackupsPanel />}
          {mayDevices && <DevicesPanel />}
          {maySet && <UpdatesPanel />}
          {maySet && <ErrorLogPanel />}
        </>
      )}
      {pendingRole && users && (
        <RoleChangeDialog
          name={users.find((u) => u.id === pendingRole.userId)?.displayName ?? ''}
          from={roles.find((r) => r.id === users.find((u) => u.id === pendingRole.userId)?.roleId)}
          to={roles.find((r) => r.id === pendingRole.roleId)}
          busy={saving}
        />
      )}
    </main>
  );
}

function RoleChangeDialog({
  name,
  from,
  to,
  busy,
}: {
  name: string;
  from?: RoleSummary;
  to?: RoleSummary;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { admin } = useServices();
  return (
    <ConfirmDialog
      testId="role-confirm"
      title={t('admin.confirmRole.title')}
      body={t('admin.confirmRole.body', {
        name,
        from: from ? roleLabel(from, i18n.language) : '—',
        to: to ? roleLabel(to, i18n.language) : '—',
      })}
      confirmLabel={t('admin.confirmRole.confirm')}
      cancelLabel={t('common.cancel')}
      busy={busy}
      onConfirm={() => void admin.getState().confirmRole()}
      onCancel={() => admin.getState().cancelRole()}
    />
  );
}

function describeNotice(t: (key: string, options?: Record<string, unknown>) => string, notice: AdminNotice): string {
  switch (notice.kind) {
    case 'role-changed':
      return t('admin.notices.roleChanged', { name: notice.name });
    case 'user-created':
      return t('admin.notices.userCreated', { name: notice.name });
    case 'idle-lock-saved':
      return t('admin.notices.idleLockSaved', { seconds: notice.seconds });
    case 'timezone-saved':
      return t('admin.notices.timezoneSaved', { zone: notice.timezone });
  }
}

function AddPersonForm({ roles }: { roles: RoleSummary[] }) {
  const { t, i18n } = useTranslation();
  const { admin } = useServices();
  const saving = useSlice(admin, (s) => s.saving);
  const id = useId();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [locale, setLocale] = useState<Locale>(i18n.language === 'fr' ? 'fr' : 'en');
  const [roleId, setRoleId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setProblem('admin.nameRequired');
    if (!/^\d{4,8}$/.test(pin)) return setProblem('admin.pinFormat');
    if (!roleId) return setProblem('admin.roleRequired');
    setProblem(null);
    if (await admin.getState().createUser({ displayName: name.trim(), pin, locale, roleId })) {
      setName('');
      setPin('');
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {t('admin.addTitle')}
      </h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="add-person">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('admin.name')}</label>
          <input
            id={`${id}-name`}
            className="field__control"
            value={name}
            maxLength={80}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-pin`}>{t('admin.pin')}</label>
          <input
            id={`${id}-pin`}
            className="field__control"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={8}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-locale`}>{t('admin.language')}</label>
          <select
            id={`${id}-locale`}
            className="field__control"
            value={locale}
            onChange={(e) => setLocale(e.target.value as Locale)}
          >
            <option value="en">{t('language.en')}</option>
            <option value="fr">{t('language.fr')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('admin.role')}</label>
          <select
            id={`${id}-role`}
            className="field__control"
            value={roleId}
            onChange={(e) => setRoleId(e.target.value)}
          >
            <option value="" disabled>
              —
            </option>
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                {roleLabel(r, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        {problem && (
          <p className="alert alert--error form__full" role="alert">
            {t(problem)}
          </p>
        )}
        <button
          type="submit"
          className="button button--primary form__full"
          disabled={saving}
          data-testid="add-person-submit"
        >
          {t('admin.add')}
        </button>
      </form>
    </section>
  );
}

function IdleLockForm() {
  const { t } = useTranslation();
  const { admin, session } = useServices();
  const saving = useSlice(admin, (s) => s.saving);
  const current = useSlice(session, (s) => s.session?.idleLockSeconds ?? 120);
  const [value, setValue] = useState(String(current));
  const [problem, setProblem] = useState(false);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const seconds = Number(value);
    if (!Number.isInteger(seconds) || seconds < 15 || seconds > 3600) return setProblem(true);
    setProblem(false);
    await admin.getState().setIdleLock(seconds);
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {t('admin.idleTitle')}
      </h2>
      <form className="form form--inline" onSubmit={(e) => void submit(e)} noValidate data-testid="idle-lock">
        <div className="field">
          <label htmlFor={`${id}-seconds`}>{t('admin.idleLabel')}</label>
          <p id={`${id}-hint`} className="field__hint field__hint--above">
            {t('admin.idleHint')}
          </p>
          <input
            id={`${id}-seconds`}
            className="field__control"
            type="number"
            inputMode="numeric"
            min={15}
            max={3600}
            step={1}
            value={value}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setValue(e.target.value)}
          />
        </div>
        {problem && (
          <p className="alert alert--error form__full" role="alert">
            {t('admin.idleRange')}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={saving} data-testid="idle-lock-submit">
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}

/** Every zone the runtime knows, UTC first: a list to pick from, never a zone typed by hand. */
const ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];

/** The site's time zone (schedules, due dates and charts follow it on every kiosk of the site). */
function TimezoneForm() {
  const { t } = useTranslation();
  const { admin, appInfo } = useServices();
  const saving = useSlice(admin, (s) => s.saving);
  const current = useSlice(appInfo, (s) => s.info?.site.timezone ?? 'UTC');
  const [value, setValue] = useState(current);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await admin.getState().setTimezone(value)) await appInfo.getState().load();
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {t('admin.zoneTitle')}
      </h2>
      <form className="form form--inline" onSubmit={(e) => void submit(e)} noValidate data-testid="site-timezone">
        <div className="field">
          <label htmlFor={`${id}-zone`}>{t('admin.zoneLabel')}</label>
          <p id={`${id}-hint`} className="field__hint field__hint--above">
            {t('admin.zoneHint', { zone: current })}
          </p>
          <select
            id={`${id}-zone`}
            className="field__control"
            data-testid="site-timezone-select"
            value={value}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setValue(e.target.value)}
          >
            {(ZONES.includes(current) ? ZONES : [current, ...ZONES]).map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={saving || value === current}
          data-testid="site-timezone-submit"
        >
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}
