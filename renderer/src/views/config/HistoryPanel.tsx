import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Balcfg } from '../../../../shared/config/balcfg.ts';
import { valueCountsByVersion } from '../../../../shared/config/history.ts';
import { isFinalized } from '../../../../shared/config/model.ts';
import { formatTime } from '../../lib/format.ts';
import { ColumnHeaders } from '../../components/ColumnHeaders.tsx';

export function HistoryPanel(props: { cfg: Balcfg; busy: boolean; onCompare: (version: number) => void; onNewFrom: (version: number) => void }) {
  const { t, i18n } = useTranslation();
  const [confirm, setConfirm] = useState<number | null>(null);
  const history = [...props.cfg.history].reverse();
  const valueCounts = useMemo(() => valueCountsByVersion(props.cfg.history), [props.cfg.history]);
  const next = props.cfg.version + 1;
  const currentOpen = !isFinalized(props.cfg);

  if (history.length === 0) return <p className="panel">{t('config.history.none')}</p>;
  return (
    <div className="panel cfg-history">
      <table aria-label={t('config.history.title')}>
        <ColumnHeaders
          labels={[
            t('config.history.version'),
            t('config.history.finalizedAt'),
            t('config.history.configId'),
            t('config.history.file'),
            t('config.history.reader'),
            t('config.history.values'),
            <span className="visually-hidden">{t('config.history.actions')}</span>,
          ]}
        />
        <tbody>
          {history.map((h) => (
            <tr key={h.version} data-testid="history-row">
              <td>{t('config.history.versionN', { version: h.version })}</td>
              <td>{formatTime(new Date(h.finalizedAt).getTime(), i18n.language)}</td>
              <td className="mono">{h.configId}</td>
              <td className="mono" title={`SHA-256 ${h.sha256}`}>
                {h.bec2File}
              </td>
              <td className="mono">{h.readerLabel}</td>
              <td>{valueCounts.get(h.version)}</td>
              <td>
                <div className="row">
                  <button type="button" onClick={() => props.onCompare(h.version)}>
                    {t('config.history.compare')}
                  </button>
                  {confirm === h.version ? (
                    <span role="alertdialog" aria-label={t('config.history.confirmTitle')} className="row cfg-confirm">
                      <span>{currentOpen ? t('config.history.confirmOpen', { from: h.version, next, current: props.cfg.version }) : t('config.history.confirm', { from: h.version, next })}</span>
                      <button
                        type="button"
                        disabled={props.busy}
                        autoFocus
                        onClick={() => {
                          setConfirm(null);
                          props.onNewFrom(h.version);
                        }}
                      >
                        {t('config.history.confirmYes', { next })}
                      </button>
                      <button type="button" onClick={() => setConfirm(null)}>
                        {t('config.history.cancel')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" disabled={props.busy} onClick={() => setConfirm(h.version)}>
                      {t('config.history.newFrom')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
