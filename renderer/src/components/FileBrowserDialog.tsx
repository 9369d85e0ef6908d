// The web shell's answer to chooseFile: a file browser over the host's folders. It starts in the
// last folder used (then home), has breadcrumbs, a type filter and a file name field (a new name
// when saving; a typed path works too, by the host's one rule for typed paths).

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { useTranslation } from 'react-i18next';
import { ArrowUp, File as FileIcon, Folder, House } from 'lucide-react';
import type { FolderListing } from '../../../shared/api/features/files.ts';
import { FILE_KIND_EXTENSIONS } from '../../../shared/api/features/files.ts';
import { useApi } from '../api/apiContext.ts';
import { answerBrowse, restoreFocus, useDialogs } from '../stores/dialogs.ts';
import { errorText } from '../lib/errorText.ts';
import { formatNumber } from '../lib/format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

function joinPath(folder: string, name: string, sep: string): string {
  if (/^([/\\~]|[A-Za-z]:)/.test(name)) return name;
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

export function FileBrowserDialog() {
  const request = useDialogs((s) => s.browse);
  return (
    <Dialog.Root open={request !== null} onOpenChange={(open) => !open && answerBrowse(null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        {request && <Browser key={`${request.purpose}-${request.kind}`} />}
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function Browser() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const request = useDialogs((s) => s.browse)!;
  const ids = useId();
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [filtered, setFiltered] = useState(true);
  const [name, setName] = useState(() => (request.suggested ? (request.suggested.split(/[/\\]/).pop() ?? '') : ''));
  const [error, setError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const startFolder = useRef<string | null>(request.suggested && /[/\\]/.test(request.suggested) ? request.suggested.replace(/[/\\][^/\\]*$/, '') || null : null);

  const load = useCallback(
    async (folder: string | null) => {
      setError(null);
      try {
        setListing(await api.listFolder(folder, filtered ? request.kind : null));
      } catch (err) {
        setError(errorText(err));
      }
    },
    [api, filtered, request.kind],
  );

  useEffect(() => {
    void load(listing?.path ?? startFolder.current);
    // Reload when the type filter changes, in the folder shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filtered]);

  const choose = async (fileName = name) => {
    const typed = fileName.trim();
    if (!typed || !listing) return;
    const full = joinPath(listing.path, typed, listing.separator);
    try {
      const check = await api.checkPath(full);
      if (check.isFolder) {
        setName('');
        await load(check.path);
        return;
      }
      if (request.purpose === 'open' && !check.exists) {
        setError(t('shell.files.noSuchFile', { file: check.path }));
        return;
      }
      answerBrowse(check.path);
    } catch (err) {
      setError(errorText(err));
    }
  };

  const exts = FILE_KIND_EXTENSIONS[request.kind].map((e) => `*.${e}`).join(', ');
  const title = request.title ?? t(request.purpose === 'open' ? 'shell.files.openTitle' : 'shell.files.saveTitle');
  return (
    <Dialog.Content
      className="dialog file-browser"
      data-testid="file-browser"
      aria-describedby={`${ids}-where`}
      onOpenAutoFocus={(e) => {
        e.preventDefault();
        nameRef.current?.focus();
      }}
      onCloseAutoFocus={restoreFocus}
    >
      <Dialog.Title className="dialog-title">{title}</Dialog.Title>
      <div className="row fb-toolbar">
        <button type="button" className="icon-button" aria-label={t('shell.files.home')} title={t('shell.files.home')} onClick={() => listing && void load(listing.home)}>
          <House size={16} aria-hidden />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('shell.files.up')}
          title={t('shell.files.up')}
          disabled={!listing?.parent}
          onClick={() => listing?.parent && void load(listing.parent)}
        >
          <ArrowUp size={16} aria-hidden />
        </button>
        <nav aria-label={t('shell.files.crumbs')} className="fb-crumbs" id={`${ids}-where`}>
          {listing?.crumbs.map((c, i) => (
            <span key={c.path} className="fb-crumb">
              {i > 1 && (
                <span className="muted" aria-hidden="true">
                  {listing.separator}
                </span>
              )}
              <button type="button" className="linklike" aria-current={i === listing.crumbs.length - 1 ? 'location' : undefined} onClick={() => void load(c.path)}>
                {c.name}
              </button>
            </span>
          ))}
        </nav>
        <label className="fb-filter">
          {t('shell.files.type')}{' '}
          <select value={filtered ? 'kind' : 'all'} onChange={(e) => setFiltered(e.target.value === 'kind')}>
            <option value="kind">{t(`shell.files.kind.${request.kind}`)} ({exts})</option>
            <option value="all">{t('shell.files.allFiles')}</option>
          </select>
        </label>
      </div>
      <ul className="fb-list" aria-label={t('shell.files.entries')} data-testid="file-list">
        {listing?.entries.length === 0 && <li className="muted">{t('shell.files.empty')}</li>}
        {listing?.entries.map((e) => (
          <li key={e.name}>
            <button
              type="button"
              className={`fb-entry ${e.kind}${e.name === name ? ' selected' : ''}`}
              onClick={() => (e.kind === 'folder' ? void load(joinPath(listing.path, e.name, listing.separator)) : setName(e.name))}
              onDoubleClick={() => e.kind === 'file' && void choose(e.name)}
            >
              {e.kind === 'folder' ? <Folder size={16} aria-hidden /> : <FileIcon size={16} aria-hidden />}
              <span className="fb-name">{e.name}</span>
              {e.size !== null && <span className="muted small">{t('shell.files.bytes', { size: formatNumber(e.size, i18n.language) })}</span>}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="row fb-name-row"
        onSubmit={(e) => {
          e.preventDefault();
          void choose();
        }}
      >
        <label className="grow">
          {t(request.purpose === 'save' ? 'shell.files.newName' : 'shell.files.fileName')}{' '}
          <input ref={nameRef} className="mono" value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} />
        </label>
        <div className="dialog-actions">
          <Dialog.Close asChild>
            <button type="button">{t('shell.cancel')}</button>
          </Dialog.Close>
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t(request.purpose === 'save' ? 'shell.files.save' : 'shell.files.open')}
          </button>
        </div>
      </form>
      <ErrorAlert message={error} />
    </Dialog.Content>
  );
}
