// Global tamper-alarm notifications, rendered on every page: an alarm stays until someone acknowledges it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/apiContext.ts';
import { useEventLog } from '../hooks/useEventLog.ts';
import { formatTime } from '../lib/format.ts';
import '../views/events/events.css';
import { errorText } from '../lib/errorText.ts';

export function TamperNotifications() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const { entries } = useEventLog();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const open = entries.filter((e) => e.severity === 'alarm' && e.acknowledgedAt === null);
  if (open.length === 0) return null;

  const acknowledge = async (id: string) => {
    try {
      await api.acknowledgeEvent(id);
    } catch (err) {
      setErrors((m) => ({ ...m, [id]: errorText(err) }));
    }
  };

  return (
    <section className="alarms" aria-label={t('events.alarm.region')}>
      {open.map((alarm) => {
        const time = formatTime(alarm.time, i18n.language);
        const closed = entries.find((e) => e.kind === 'tamper-off' && e.readerId === alarm.readerId && e.time >= alarm.time);
        return (
          <div
            key={alarm.id}
            className="alarm"
            role="alert"
            data-testid="tamper-alarm"
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                void acknowledge(alarm.id);
              }
            }}
          >
            <span className="alarm-icon" aria-hidden="true">
              ⚠
            </span>
            <div className="alarm-body">
              <strong>{t('events.alarm.title')}</strong>
              <p>{t('events.alarm.text', { reader: alarm.address, time })}</p>
              {closed && <p className="alarm-closed">{t('events.alarm.closed', { time: formatTime(closed.time, i18n.language) })}</p>}
              {errors[alarm.id] && <p className="alarm-error">{errors[alarm.id]}</p>}
            </div>
            <button
              className="alarm-ack"
              aria-label={t('events.acknowledgeLabel', { reader: alarm.address, time })}
              title={t('events.alarm.hint')}
              onClick={() => void acknowledge(alarm.id)}
            >
              {t('events.acknowledge')}
            </button>
          </div>
        );
      })}
    </section>
  );
}
