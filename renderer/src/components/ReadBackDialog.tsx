import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReaderSummary } from '../../../shared/api/contract.ts';
import type { ReadBackReport, ReadBackValue } from '../../../shared/api/features/deploy.ts';
import { describeValue, formatValue, type ValueWords } from '../../../shared/config/catalogue.ts';
import { valueWords } from '../lib/valueWords.ts';
import { fromHex } from '../../../shared/bytes.ts';
import { useApi } from '../api/apiContext.ts';
import { ModalDialog } from './ModalDialog.tsx';
import { errorText } from '../lib/errorText.ts';
import { lineSpeedText } from '../lib/lineSpeed.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

interface Row {
  id: string;
  name: string;
  path: string;
  content: string | null;
  hex: string | null;
}

function toRow(v: ReadBackValue, words: ValueWords): Row {
  let name = v.id;
  let path = '';
  try {
    const d = describeValue(v.id);
    name = d.name;
    path = d.path;
  } catch {
    // An id the catalogue cannot parse is shown as it came.
  }
  if (v.secret || v.hex === null) return { id: v.id, name, path, content: null, hex: null };
  let content: string;
  try {
    content = formatValue(v.id, fromHex(v.hex), words);
  } catch {
    content = v.hex;
  }
  return { id: v.id, name, path, content, hex: v.hex };
}

/** Every value the reader holds, with catalogue names; secret values only say that they exist. */
export function ReadBackDialog({ reader, onClose }: { reader: ReaderSummary; onClose: () => void }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [report, setReport] = useState<ReadBackReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setReport(await api.readBack(reader.id));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoading(false);
    }
  }, [api, reader.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const words = valueWords(t, i18n.language);
  const rows = report?.values.map((v) => toRow(v, words)) ?? [];
  return (
    <ModalDialog labelledBy={`${ids}-title`} onClose={onClose} className="wide">
      <h3 id={`${ids}-title`}>{t('deploy.readback.title', { address: reader.address })}</h3>
      {loading && <p role="status">{t('deploy.readback.loading')}</p>}
      <ErrorAlert message={error} />
      {report && (
        <>
          <dl className="readback-info">
            <dt>{t('deploy.readback.firmware')}</dt>
            <dd>{report.firmware}</dd>
            <dt>{t('deploy.readback.configuration')}</dt>
            <dd data-testid="readback-config">{report.configId === null ? t('deploy.readback.none') : `${report.configId} ${report.configName ?? ''}`.trim()}</dd>
            <dt>{t('deploy.readback.securityCode')}</dt>
            <dd>{t(`deploy.readback.${report.securityCode}`)}</dd>
            {report.lineSpeed && (
              <>
                <dt>{t('deploy.readback.lineSpeed')}</dt>
                <dd data-testid="readback-line-speed">{lineSpeedText(report.lineSpeed, t, i18n.language)}</dd>
              </>
            )}
          </dl>
          {report.valueList === 'readable-only' && (
            <p className="muted" data-testid="readback-readable-only">
              {t('deploy.readback.readableOnly')}
            </p>
          )}
          {rows.length === 0 ? (
            <p>{t('deploy.readback.noValues')}</p>
          ) : (
            <div className="readback-scroll">
              <table>
                <caption>{t('deploy.readback.valuesCaption', { count: rows.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('deploy.readback.id')}</th>
                    <th scope="col">{t('deploy.readback.name')}</th>
                    <th scope="col">{t('deploy.readback.content')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id}>
                      <td className="mono">{r.id}</td>
                      <td title={r.path}>{r.name}</td>
                      <td>
                        {r.content === null ? (
                          <em className="muted">{t('deploy.readback.secret')}</em>
                        ) : (
                          <>
                            {r.content} <span className="muted mono small">[{r.hex}]</span>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <div className="row dialog-buttons">
        <button type="button" onClick={() => void load()} disabled={loading}>
          {t('deploy.readback.reload')}
        </button>
        <button type="button" onClick={onClose}>
          {t('deploy.readback.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
