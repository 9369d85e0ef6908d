import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/apiContext.ts';
import { useEventLog } from '../hooks/useEventLog.ts';
import { formatTime } from '../lib/format.ts';
import { ExportForm } from '../components/ExportForm.tsx';
import './events/events.css';
import { errorText, reasonText } from '../lib/errorText.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';

/** What was done to a reader: the log's own sentence names the file, version and outcome. */
const ACTIVITY = new Set(['deploy', 'finalize', 'factory-reset']);

export function EventsView() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const { entries, error } = useEventLog();
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [ackError, setAckError] = useState<string | null>(null);
  const newestFirst = entries.slice().reverse();

  return (
    <section aria-labelledby="events-heading" className="events-page">
      <h2 id="events-heading">{t('events.title')}</h2>
      <p className="muted">{t('events.intro')}</p>
      <ErrorAlert message={error} />
      <ErrorAlert message={ackError} />
      {newestFirst.length === 0 ? (
        <p className="panel">{t('events.empty')}</p>
      ) : (
        <div className="panel table-scroll">
          <table aria-label={t('events.logLabel')} data-testid="event-log">
            <thead>
              <tr>
                <th scope="col">{t('events.col.time')}</th>
                <th scope="col">{t('events.col.reader')}</th>
                <th scope="col">{t('events.col.event')}</th>
                <th scope="col">{t('events.col.details')}</th>
                <th scope="col">{t('events.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((e) => {
                const time = formatTime(e.time, i18n.language);
                return (
                  <tr key={e.id} className={`sev-${e.severity}`} data-kind={e.kind}>
                    <td className="nowrap">{time}</td>
                    <td className="mono">{e.address}</td>
                    <td>
                      <span className={`sev-badge sev-${e.severity}`}>{t(`events.severity.${e.severity}`)}</span> {t(`events.kind.${e.kind}`)}
                    </td>
                    <td>
                      {e.kind === 'tamper-unavailable' && e.reason
                        ? t(`events.tamperUnavailable.${e.reason}`)
                        : ACTIVITY.has(e.kind)
                          ? reasonText(e.detailsText ?? e.details, i18n.language)
                          : e.reason === null
                            ? ''
                            : reasonText(e.reasonText ?? e.reason, i18n.language)}
                    </td>
                    <td>
                      {e.acknowledgedAt === null ? (
                        <button
                          aria-label={t('events.acknowledgeLabel', { reader: e.address, time })}
                          onClick={() => {
                            setAckError(null);
                            api.acknowledgeEvent(e.id).catch((err: unknown) => setAckError(errorText(err)));
                          }}
                        >
                          {t('events.acknowledge')}
                        </button>
                      ) : e.severity === 'alarm' ? (
                        <span className="muted">{t('events.acknowledgedAt', { time: formatTime(e.acknowledgedAt, i18n.language) })}</span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="panel">
        <h3>{t('events.export.title')}</h3>
        <ExportForm
          id="events-export"
          kind={format === 'csv' ? 'events-csv' : 'events-json'}
          pathLabel={t('events.export.path')}
          button={t('events.export.button')}
          busyLabel={t('events.export.busy')}
          run={async (path) => {
            const r = await api.exportEvents(path, format);
            return t('events.export.done', { count: r.count, path: r.path });
          }}
        >
          <label>
            {t('events.export.format')}{' '}
            <select value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'json')}>
              <option value="csv">{t('events.export.csv')}</option>
              <option value="json">{t('events.export.json')}</option>
            </select>
          </label>
        </ExportForm>
      </div>
    </section>
  );
}
