import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../app/services.js';
import { can } from '../../shared/permissions.js';

/**
 * In the header, for people who may resolve conflicts, while any is open: how many, as a large
 * button to the Sync screen where they are listed.
 */
export function ConflictsBadge() {
  const { t } = useTranslation();
  const { status, session, route } = useServices();
  const count = useSlice(status, (x) => x.status?.conflictCount ?? 0);
  const supervisor = useSlice(session, (x) => can(x.session?.user.permissions ?? [], 'conflicts.resolve'));
  const go = useSlice(route, (s) => s.go);
  if (!supervisor || count === 0) return null;
  return (
    <button
      type="button"
      className="button button--header header__badge"
      data-testid="conflicts-badge"
      data-count={count}
      aria-label={t('conflicts.badgeLabel', { count })}
      onClick={() => go({ name: 'area', area: 'sync' })}
    >
      <span className="header__badge-count" aria-hidden="true">
        {count}
      </span>
      <span>{t('conflicts.badge')}</span>
    </button>
  );
}
