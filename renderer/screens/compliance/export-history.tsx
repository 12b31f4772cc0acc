import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract.js';
import { useServices } from '../../app/services.js';
import { formatDateTime } from '../../i18n/format.js';

type Exports = MethodOutput<'compliance.exports'>;

/**
 * Who exported this report, in which format and when (newest first): the recorded exports,
 * read again whenever `version` changes (after an export from this screen).
 */
export function ExportHistory({ reportId, version, lang }: { reportId: string; version: number; lang: 'en' | 'fr' }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [rows, setRows] = useState<Exports | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('compliance.exports', { id: reportId }).then((r) => live && r.ok && setRows(r.value));
    return () => void (live = false);
  }, [api, reportId, version]);
  if (!rows?.length) return null;
  return (
    <section className="compliance-panel" aria-labelledby="exports-title" data-testid="export-history">
      <h2 id="exports-title" className="screen-subtitle">
        {t('exports.historyTitle')}
      </h2>
      <ul className="compliance-history">
        {rows.map((r, i) => (
          <li key={i}>
            {t('exports.historyLine', {
              format: t(`exports.formats.${r.format}.name`),
              name: r.userName ?? '?',
              time: formatDateTime(r.at, lang),
            })}{' '}
            <code title={r.contentHash}>{r.contentHash.slice(0, 12)}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
