// BALCFG, BEC2 and CSV files dropped anywhere on the window: a BALCFG opens in the editor, a BEC2
// goes to Deploy, a CSV to the door file page. The page sees only a dropped file's name and content,
// so the host keeps a copy in ReaderDesk's own folder and the page works on that.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileKindOf } from '../../../shared/api/features/files.ts';
import { useApi } from '../api/apiContext.ts';
import { errorText } from '../lib/errorText.ts';
import { goTo } from '../stores/navigation.ts';
import { useHandoff } from '../stores/handoff.ts';
import { appStores } from '../stores/appStores.ts';

function base64Of(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function DropZone() {
  const api = useApi();
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      void (async () => {
        const kind = fileKindOf(file.name);
        if (!kind) {
          setMessage({ error: true, text: t('shell.drop.wrongKind', { name: file.name }) });
          return;
        }
        try {
          const kept = await api.keepDroppedFile(file.name, base64Of(await file.arrayBuffer()));
          if (kept.kind === 'balcfg') {
            useHandoff.setState({ openConfig: kept.path });
            goTo('config');
          } else if (kept.kind === 'bec2') {
            appStores.deployJob.getState().setFile(kept.path);
            goTo('deploy');
          } else {
            useHandoff.setState({ doorCsv: kept.path });
            goTo('doorfile');
          }
          setMessage({ error: false, text: t('shell.drop.opened', { name: file.name, path: kept.path }) });
        } catch (err) {
          setMessage({ error: true, text: errorText(err) });
        }
      })();
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [api, t]);

  return (
    <>
      {over && (
        <div className="drop-overlay" aria-hidden="true">
          {t('shell.drop.hint')}
        </div>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={`drop-message ${message.error ? 'error' : 'ok'}`} data-testid="drop-message">
          {message.text}{' '}
          <button type="button" className="linklike" onClick={() => setMessage(null)}>
            {t('shell.dismiss')}
          </button>
        </p>
      )}
    </>
  );
}
