// Global tamper-alarm notifications, rendered on every page: alarms stay until someone acknowledges
// them. Repeated alarms of one reader are one notification, with "acknowledge all".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Siren } from 'lucide-react';
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
  const byReader = new Map<string, typeof open>();
  for (const a of open) byReader.set(a.readerId, [...(byReader.get(a.readerId) ?? []), a]);

  const acknowledge = async (readerId: string, alarms: typeof open) => {
    try {
      if (alarms.length === 1) await api.acknowledgeEvent(alarms[0]!.id);
      else await api.acknowledgeReaderAlarms(readerId);
    } catch (err) {
      setErrors((m) => ({ ...m, [readerId]: errorText(err) }));
    }
  };

  return (
    <section className="alarms" aria-label={t('events.alarm.region')}>
      {[...byReader.entries()].map(([readerId, alarms]) => {
        const first = alarms[0]!;
        const last = alarms[alarms.length - 1]!;
        const time = formatTime(last.time, i18n.language);
        const closed = entries.find((e) => e.kind === 'tamper-off' && e.readerId === readerId && e.time >= last.time);
        const many = alarms.length > 1;
        return (
          <div
            key={readerId}
            className="alarm"
            role="alert"
            data-testid="tamper-alarm"
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                void acknowledge(readerId, alarms);
              }
            }}
          >
            <Siren className="alarm-icon" size={20} aria-hidden />
            <div className="alarm-body">
              <strong>{t('events.alarm.title')}</strong>
              <p>
                {many
                  ? t('events.alarm.textMany', { reader: last.address, time, count: alarms.length, first: formatTime(first.time, i18n.language) })
                  : t('events.alarm.text', { reader: last.address, time })}
              </p>
              {closed && <p className="alarm-closed">{t('events.alarm.closed', { time: formatTime(closed.time, i18n.language) })}</p>}
              {errors[readerId] && <p className="alarm-error">{errors[readerId]}</p>}
            </div>
            <button
              type="button"
              className="alarm-ack"
              aria-label={
                many ? t('events.acknowledgeAllLabel', { reader: last.address, count: alarms.length }) : t('events.acknowledgeLabel', { reader: last.address, time })
              }
              title={t('events.alarm.hint')}
              onClick={() => void acknowledge(readerId, alarms)}
            >
              {many ? t('events.acknowledgeAll', { count: alarms.length }) : t('events.acknowledge')}
            </button>
          </div>
        );
      })}
    </section>
  );
}
