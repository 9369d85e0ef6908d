import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigIdentity } from '../../../../shared/config/balcfg.ts';
import { checkWithSchema, identitySchema } from '../../../../shared/config/schema.ts';
import { FolderOpen } from 'lucide-react';
import { useApi } from '../../api/apiContext.ts';
import { chooseFile } from '../../lib/files.ts';
import { errorText } from '../../lib/errorText.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const FIELD_KEYS: Record<string, string> = {
  customer: 'config.file.customer',
  project: 'config.file.project',
  device: 'config.file.device',
  name: 'config.file.name',
};

/** Open, create and the recent-files list. In the web shell there is no file dialog: paths are typed. */
export function FileBar(props: {
  currentPath: string | null;
  recent: string[];
  busy: boolean;
  onOpen: (path: string) => void;
  onCreate: (path: string, identity: ConfigIdentity) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const listId = useId();
  const [path, setPath] = useState(props.currentPath ?? '');
  const [creating, setCreating] = useState(false);
  const [identity, setIdentity] = useState({ customer: '9999', project: '1', device: '0', name: '' });
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (props.currentPath) setPath(props.currentPath);
    setCreating(false);
  }, [props.currentPath]);

  const create = () => {
    setFormError(null);
    const candidate = {
      customer: Number(identity.customer.trim() || NaN),
      project: Number(identity.project.trim() || NaN),
      device: Number(identity.device.trim() || NaN),
      name: identity.name,
    };
    try {
      // The same schema the host and the file format use, so the sentence names the field at once.
      const checked = checkWithSchema(identitySchema, candidate, '');
      if (!path.trim()) throw new Error(t('config.file.pathMissing'));
      props.onCreate(path.trim(), checked);
    } catch (err) {
      const field = err && typeof err === 'object' && 'field' in err ? String(err.field).split('.')[0]! : '';
      const label = FIELD_KEYS[field] ? `${t(FIELD_KEYS[field])}: ` : '';
      setFormError(`${label}${errorText(err)}`);
    }
  };

  return (
    <div className="panel cfg-filebar">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) props.onOpen(path.trim());
        }}
      >
        <label className="cfg-grow">
          {t('config.file.path')}{' '}
          <input
            className="mono cfg-path"
            value={path}
            list={listId}
            onChange={(e) => setPath(e.target.value)}
            placeholder={t('config.file.pathPlaceholder')}
            spellCheck={false}
          />
        </label>
        <datalist id={listId}>
          {props.recent.map((f) => (
            <option key={f} value={f} />
          ))}
        </datalist>
        <button type="submit" disabled={props.busy || !path.trim()}>
          {t('config.file.open')}
        </button>
        <button
          type="button"
          disabled={props.busy}
          onClick={() =>
            void chooseFile(api, { purpose: creating ? 'save' : 'open', kind: 'balcfg', suggested: path.trim() || undefined }).then(
              (chosen) => {
                if (!chosen) return;
                setPath(chosen.path);
                if (!creating) props.onOpen(chosen.path);
              },
              (err: unknown) => setFormError(errorText(err)),
            )
          }
        >
          <FolderOpen size={14} aria-hidden /> {t('shell.files.choose')}
        </button>
        <button type="button" aria-expanded={creating} onClick={() => setCreating((c) => !c)}>
          {t('config.file.new')}
        </button>
      </form>

      {creating && (
        <form
          className="cfg-newform"
          aria-label={t('config.file.newTitle')}
          onSubmit={(e) => {
            e.preventDefault();
            create();
          }}
        >
          <p className="muted">{t('config.file.newHelp')}</p>
          <div className="row">
            <label>
              {t('config.file.name')}{' '}
              <input value={identity.name} maxLength={128} onChange={(e) => setIdentity({ ...identity, name: e.target.value })} required />
            </label>
            <label>
              {t('config.file.customer')}{' '}
              <input inputMode="numeric" size={6} value={identity.customer} onChange={(e) => setIdentity({ ...identity, customer: e.target.value })} />
            </label>
            <label>
              {t('config.file.project')}{' '}
              <input inputMode="numeric" size={5} value={identity.project} onChange={(e) => setIdentity({ ...identity, project: e.target.value })} />
            </label>
            <label>
              {t('config.file.device')}{' '}
              <input inputMode="numeric" size={5} value={identity.device} onChange={(e) => setIdentity({ ...identity, device: e.target.value })} />
            </label>
            <button type="submit" disabled={props.busy}>
              {t('config.file.create')}
            </button>
          </div>
          <ErrorAlert message={formError} />
        </form>
      )}

      {props.recent.length > 0 && (
        <details className="cfg-recent" open={!props.currentPath}>
          <summary>{t('config.file.recent')}</summary>
          <ul aria-label={t('config.file.recent')}>
            {props.recent.map((f) => (
              <li key={f}>
                <button type="button" className="linklike mono" disabled={props.busy} onClick={() => props.onOpen(f)}>
                  {f}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
