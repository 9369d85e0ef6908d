// The status bar: how many readers answer, how many alarms are open, how many jobs run.

import { useTranslation } from 'react-i18next';
import { Activity, Cpu, Siren } from 'lucide-react';
import { useConnectedReaders } from '../hooks/useConnectedReaders.ts';
import { useOpenAlarms } from '../hooks/useOpenAlarms.ts';
import { useReadersState } from '../stores/appStores.ts';
import { goTo } from '../stores/navigation.ts';

export function StatusBar() {
  const { t } = useTranslation();
  const readers = useConnectedReaders();
  const { jobs } = useReadersState();
  const alarms = [...useOpenAlarms().values()].reduce((n, list) => n + list.length, 0);
  const connected = readers.filter((r) => r.state === 'connected').length;
  return (
    <footer className="statusbar" data-testid="status-bar">
      <span data-testid="status-connected">
        <Cpu size={14} aria-hidden />
        {t('shell.status.connected', { count: connected, total: readers.length })}
      </span>
      <button type="button" className={`status-alarms${alarms > 0 ? ' open' : ''}`} data-testid="status-alarms" onClick={() => goTo('events')}>
        <Siren size={14} aria-hidden />
        {t('shell.status.alarms', { count: alarms })}
      </button>
      <span data-testid="status-jobs">
        <Activity size={14} aria-hidden />
        {t('shell.status.jobs', { count: jobs.length })}
      </span>
    </footer>
  );
}
