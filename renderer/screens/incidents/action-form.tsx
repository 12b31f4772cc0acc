import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { createIncidentsStore } from '../../stores/incidents-store.js';

type Store = ReturnType<typeof createIncidentsStore>;

/** Adds a corrective or preventive action to the open incident. */
export function ActionForm({ store, people }: { store: Store; people: { id: string; displayName: string }[] }) {
  const { t } = useTranslation();
  const busy = useStore(store, (s) => s.busy);
  const [kind, setKind] = useState<'corrective' | 'preventive'>('corrective');
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  return (
    <form
      className="incident-action-form"
      data-testid="action-form"
      onSubmit={(e) => {
        e.preventDefault();
        void store
          .getState()
          .addAction({ kind, title, ownerId: ownerId || null, dueDate })
          .then((ok) => {
            if (ok) {
              setTitle('');
              setDueDate('');
            }
          });
      }}
    >
      <div className="incident-choices" role="group">
        {(['corrective', 'preventive'] as const).map((k) => (
          <button
            key={k}
            type="button"
            className="incident-choice"
            aria-pressed={kind === k}
            data-testid={`action-kind-${k}`}
            onClick={() => setKind(k)}
          >
            {t(`incidents.action.kind.${k}`)}
          </button>
        ))}
      </div>
      <label className="incident-field">
        <span>{t('incidents.action.title')}</span>
        <input data-testid="action-title" maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <div className="incident-fields">
        <label className="incident-field">
          <span>{t('incidents.action.owner')}</span>
          <select data-testid="action-owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            <option value="">{t('incidents.action.nobody')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </select>
        </label>
        <label className="incident-field">
          <span>{t('incidents.action.due')}</span>
          <input type="date" data-testid="action-due" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </label>
      </div>
      <button
        type="submit"
        className="button button--primary"
        disabled={busy || !title.trim() || !dueDate}
        data-testid="action-add"
      >
        {t('incidents.action.add')}
      </button>
    </form>
  );
}
