import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { deviceEntry } from '../../../shared/devices/contract.js';
import type { ErrorData } from '../../../shared/errors.js';
import { useServices, useSlice } from '../../app/services.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatAgo, formatDateTime } from '../../i18n/format.js';
import { isSilent } from '../../../shared/devices/silence.js';
import '../../styles/devices.css';

type Device = z.infer<typeof deviceEntry>;
type Listing = { devices: Device[]; now: string };
type Notice = { kind: 'renamed' | 'revoked'; name: string } | null;

/** One device: its state in words, and Rename / Revoke as large buttons (no hover, no swipe). */
function DeviceRow({
  device,
  now,
  busy,
  onRename,
  onRevoke,
}: {
  device: Device;
  now: number;
  busy: boolean;
  onRename(name: string): Promise<boolean>;
  onRevoke(): void;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(device.name);
  const id = useId();
  const ago = (iso: string) => formatAgo(iso, i18n.language, now) ?? iso;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await onRename(name)) setEditing(false);
  };
  // A report two quarter-hours old says nothing of the link now: the device itself is not heard from.
  const silent = !device.self && !device.revokedAt && isSilent(device.reportedAt, now);
  const link = silent
    ? t('devices.silent')
    : device.online
      ? device.route
        ? t('devices.onlineVia', { route: device.route })
        : t('devices.online')
      : t('devices.offline');
  return (
    <li
      className={`device${device.revokedAt ? ' device--revoked' : ''}`}
      data-testid="device"
      data-device-id={device.id}
      data-revoked={device.revokedAt ? 'true' : 'false'}
      aria-labelledby={`${id}-name`}
    >
      <div className="device__head">
        <span id={`${id}-name`} className="device__name" data-testid="device-name">
          {device.name}
        </span>
        {device.self && <span className="device__tag">{t('devices.self')}</span>}
      </div>
      <ul className="device__facts">
        <li>{t('devices.version', { version: device.appVersion })}</li>
        <li data-testid="device-seen">{t('devices.lastSeen', { ago: ago(device.reportedAt) })}</li>
        <li className={device.online && !silent ? 'device__up' : 'device__down'} data-testid="device-link">
          {link}
        </li>
        <li data-testid="device-pending">
          {device.pending === 0
            ? t('devices.pendingNone')
            : `${t('devices.pending', { count: device.pending })}${
                device.oldestPendingAt ? ` (${t('devices.pendingSince', { ago: ago(device.oldestPendingAt) })})` : ''
              }`}
        </li>
        {device.revokedAt && (
          <li className="device__down" data-testid="device-revoked">
            {t('devices.revoked', { ago: ago(device.revokedAt) })}
          </li>
        )}
      </ul>
      {!device.revokedAt &&
        (editing ? (
          <form className="form form--inline" onSubmit={(e) => void submit(e)} noValidate data-testid="device-rename">
            <div className="field">
              <label htmlFor={`${id}-input`}>{t('devices.nameLabel', { name: device.name })}</label>
              <input
                id={`${id}-input`}
                className="field__control"
                value={name}
                maxLength={80}
                autoFocus
                onChange={(e) => setName(e.target.value)}
                data-testid="device-name-input"
              />
            </div>
            <button type="submit" className="button button--primary" disabled={busy} data-testid="device-name-save">
              {t('devices.saveName')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
              {t('devices.cancel')}
            </button>
          </form>
        ) : (
          <div className="device__actions">
            <button
              type="button"
              className="button button--secondary"
              aria-label={t('devices.renameFor', { name: device.name })}
              onClick={() => {
                setName(device.name);
                setEditing(true);
              }}
              data-testid="device-rename-open"
            >
              {t('devices.rename')}
            </button>
            {device.self ? (
              <p className="field__hint">{t('devices.selfHint')}</p>
            ) : (
              <button
                type="button"
                className="button button--danger"
                aria-label={t('devices.revokeFor', { name: device.name })}
                disabled={busy}
                onClick={onRevoke}
                data-testid="device-revoke"
              >
                {t('devices.revoke')}
              </button>
            )}
          </div>
        ))}
    </li>
  );
}

type NewCode = { code: string; expiresAt: string; payload: string; qr: string };

/** A one-time code for a new kiosk of the site, shown large with its QR code, made at shore. */
function NewCodeSection() {
  const { t, i18n } = useTranslation();
  const { api, appInfo } = useServices();
  const zone = useSlice(appInfo, (x) => x.info?.site.timezone);
  const [made, setMade] = useState<NewCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const id = useId();
  const make = async () => {
    setBusy(true);
    const r = await api.call('devices.newCode', {});
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setMade(r.value);
  };
  return (
    <div className="devices__new" aria-labelledby={`${id}-title`} data-testid="devices-new-code">
      <h3 id={`${id}-title`} className="devices__subtitle">
        {t('devices.newCode.title')}
      </h3>
      <p className="screen-hint">{t('devices.newCode.explain')}</p>
      <ErrorAlert error={error} testId="devices-new-code-error" />
      {made && (
        <div className="devices__code" role="status">
          <img className="devices__qr" src={made.qr} alt={t('devices.newCode.qrAlt')} data-testid="devices-qr" />
          <div>
            <p className="devices__code-label">{t('devices.newCode.codeLabel')}</p>
            <p className="devices__code-text" data-testid="devices-code">
              {made.code}
            </p>
            <p className="field__hint">
              {t('devices.newCode.validUntil', {
                time: formatDateTime(made.expiresAt, i18n.language, { timeZone: zone }),
              })}
            </p>
          </div>
        </div>
      )}
      <button
        type="button"
        className="button button--primary"
        disabled={busy}
        onClick={() => void make()}
        data-testid="devices-make-code"
      >
        {busy ? t('devices.newCode.making') : made ? t('devices.newCode.another') : t('devices.newCode.make')}
      </button>
    </div>
  );
}

/** For administrators: the site's devices as they report themselves; rename one, revoke a lost one. */
export function DevicesPanel() {
  const { t } = useTranslation();
  const { api } = useServices();
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [revoking, setRevoking] = useState<Device | null>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    void api.call('devices.list', {}).then((r) => {
      if (!live) return;
      if (r.ok) setListing(r.value);
      setError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const rename = async (device: Device, name: string) => {
    setBusy(true);
    const r = await api.call('devices.rename', { deviceId: device.id, name });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return false;
    }
    setListing(r.value);
    setError(null);
    setNotice({ kind: 'renamed', name: name.trim() });
    return true;
  };
  const revoke = async (device: Device) => {
    setBusy(true);
    const r = await api.call('devices.revoke', { deviceId: device.id });
    setBusy(false);
    setRevoking(null);
    if (!r.ok) return setError(r.error);
    setListing(r.value);
    setError(null);
    setNotice({ kind: 'revoked', name: device.name });
  };

  const now = listing ? Date.parse(listing.now) : 0;
  return (
    <section className="panel devices" aria-labelledby={`${id}-title`} data-testid="devices-panel">
      <h2 id={`${id}-title`} className="section-title">
        {t('devices.title')}
      </h2>
      <p className="screen-hint">{t('devices.explain')}</p>
      <ErrorAlert error={error} testId="devices-error" />
      {notice && (
        <p className="alert alert--success" role="status" data-testid="devices-notice">
          {t(notice.kind === 'renamed' ? 'devices.renamed' : 'devices.revokedNotice', { name: notice.name })}
        </p>
      )}
      {listing && listing.devices.length === 0 && <p className="screen-hint">{t('devices.empty')}</p>}
      {listing && listing.devices.length > 0 && (
        <ul className="devices__list">
          {listing.devices.map((d) => (
            <DeviceRow
              key={`${d.id}-${d.name}-${d.revokedAt ?? ''}`}
              device={d}
              now={now}
              busy={busy}
              onRename={(name) => rename(d, name)}
              onRevoke={() => setRevoking(d)}
            />
          ))}
        </ul>
      )}
      <NewCodeSection />
      {revoking && (
        <ConfirmDialog
          testId="device-revoke-confirm"
          title={t('devices.revokeTitle', { name: revoking.name })}
          body={t('devices.revokeBody')}
          confirmLabel={t('devices.revokeConfirm')}
          cancelLabel={t('devices.cancel')}
          busy={busy}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        />
      )}
    </section>
  );
}
