// The persistent reader list of every page: a status dot, the reader's name and configuration, an
// open alarm, the security risk of a reader without project settings; the port path in a tooltip. A
// click shows the reader on the Readers page.

import * as Tooltip from '@radix-ui/react-tooltip';
import { useTranslation } from 'react-i18next';
import { ShieldAlert, Siren } from 'lucide-react';
import type { ReaderSummary } from '../../../shared/api/contract.ts';
import { useConnectedReaders } from '../hooks/useConnectedReaders.ts';
import { useOpenAlarms } from '../hooks/useOpenAlarms.ts';
import { readerLabel } from '../lib/readers.ts';
import { goTo } from '../stores/navigation.ts';

export function StateDot({ state }: { state: ReaderSummary['state'] }) {
  const { t } = useTranslation();
  return <span className={`dot ${state}`} role="img" aria-label={t(`readers.state.${state}`)} />;
}

export function ReaderSidebar() {
  const { t } = useTranslation();
  const readers = useConnectedReaders();
  const alarms = useOpenAlarms();
  return (
    <aside className="sidebar">
      <p className="sidebar-title">
        {t('shell.sidebar.title')}
      </p>
      {readers.length === 0 && <p className="muted small">{t('shell.sidebar.none')}</p>}
      <ul className="sidebar-list">
        {readers.map((r) => {
          const open = alarms.get(r.id)?.length ?? 0;
          return (
            <li key={r.id}>
              <Tooltip.Root>
                <Tooltip.Trigger asChild>
                  <button
                    type="button"
                    className={`sidebar-reader ${r.state}`}
                    data-testid="sidebar-reader"
                    onClick={() => {
                      goTo('readers');
                      requestAnimationFrame(() => document.getElementById(`reader-${r.id}`)?.focus());
                    }}
                  >
                    <StateDot state={r.state} />
                    <span className="sidebar-text">
                      <span className="sidebar-name">{readerLabel(r)}</span>
                      <span className="sidebar-config muted small">
                        {r.state === 'connected'
                          ? r.configId === null
                            ? t('readers.noConfiguration')
                            : `${r.configId} ${r.configName ?? ''}`.trim()
                          : t(`readers.state.${r.state}`)}
                      </span>
                    </span>
                    {r.state === 'connected' && r.projectSettings === false && (
                      <span className="sidebar-risk" data-testid="sidebar-risk" title={`${t('readers.riskBadge')}. ${t('readers.riskText')}`}>
                        <ShieldAlert size={14} aria-hidden />
                        <span className="visually-hidden">{t('readers.riskBadge')}</span>
                      </span>
                    )}
                    {open > 0 && (
                      <span className="sidebar-alarm" data-testid="sidebar-alarm" title={t('shell.sidebar.alarm', { count: open })}>
                        <Siren size={14} aria-hidden />
                        <span className="visually-hidden">{t('shell.sidebar.alarm', { count: open })}</span>
                      </span>
                    )}
                  </button>
                </Tooltip.Trigger>
                <Tooltip.Portal>
                  <Tooltip.Content className="tooltip" side="right" sideOffset={6}>
                    {r.address}
                  </Tooltip.Content>
                </Tooltip.Portal>
              </Tooltip.Root>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
