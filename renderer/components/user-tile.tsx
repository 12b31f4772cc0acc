import { useTranslation } from 'react-i18next';
import type { UserTile as UserTileData } from '../stores/session-store.js';
import { formatTime } from '../i18n/format.js';
import { Icon } from './icon.js';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

/** A person to tap on the PIN pad: initials, name, role, and a lock badge while locked out. */
export function UserTile({ user, onSelect, now }: { user: UserTileData; onSelect(id: string): void; now: number }) {
  const { t, i18n } = useTranslation();
  const role = i18n.language === 'fr' ? user.roleName.fr : user.roleName.en;
  const locked =
    user.lockedUntil && new Date(user.lockedUntil).getTime() > now ? formatTime(user.lockedUntil, i18n.language) : null;
  return (
    <li className="people__item">
      <button
        type="button"
        className="user-tile"
        data-testid="user-tile"
        data-user-id={user.id}
        data-role={user.roleCode}
        onClick={() => onSelect(user.id)}
      >
        <span className="user-tile__avatar" aria-hidden="true">
          {initials(user.displayName)}
        </span>
        <span className="user-tile__name">{user.displayName}</span>
        <span className="user-tile__role">{role}</span>
        {locked && (
          <span className="user-tile__locked">
            <Icon name="lock" size={18} />
            {t('pin.lockedUntil', { time: locked })}
          </span>
        )}
      </button>
    </li>
  );
}
