import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract.js';
import { useServices } from '../../app/services.js';
import { Dialog } from '../../components/dialog.js';
import { PinEntry } from '../../components/pin-entry.js';
import type { ErrorData } from '../../../shared/errors.js';

type Person = MethodOutput<'auth.users'>[number];

/**
 * A void or comp on the waiter's screen: the manager picks their name, says why and types their
 * own PIN on the keypad. The core checks the PIN and that the person may approve.
 */
export function ApproveDialog({
  kind,
  itemName,
  busy,
  error,
  onApprove,
  onCancel,
}: {
  kind: 'void' | 'comp';
  itemName: string;
  busy: boolean;
  error: ErrorData | null;
  onApprove(a: { approverId: string; pin: string; reason: string }): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const id = useId();
  const [people, setPeople] = useState<Person[]>([]);
  const [approverId, setApproverId] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    void api.call('auth.users', {}).then((r) => {
      if (!r.ok) return;
      setPeople(r.value);
      // Managers first: they are the ones who approve.
      const manager = r.value.find((p) => ['manager', 'owner', 'admin'].includes(p.roleCode));
      if (manager) setApproverId(manager.id);
    });
  }, [api]);
  return (
    <Dialog className="dialog--wide" labelId={id} testId="approve-dialog" onClose={onCancel}>
      <PinEntry
        busy={busy}
        error={error}
        onSubmit={(pin) => onApprove({ approverId, pin, reason: reason.trim() })}
        header={
          <>
            <h2 id={id} className="section-title">
              {t(`tables.approveTitle.${kind}`, { item: itemName })}
            </h2>
            <p className="screen-hint">{t('tables.approveHint')}</p>
            <label className="field">
              <span>{t('tables.approver')}</span>
              <select
                className="field__control"
                value={approverId}
                onChange={(e) => setApproverId(e.target.value)}
                data-testid="approver"
              >
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('tables.reason')}</span>
              <input
                className="field__control"
                maxLength={200}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                data-testid="approve-reason"
              />
            </label>
          </>
        }
        footer={
          <button type="button" className="button button--secondary" onClick={onCancel} data-testid="dialog-cancel">
            {t('tables.approveCancel')}
          </button>
        }
      />
    </Dialog>
  );
}
