// A file path a person can type (the host's one rule: ~ and relative paths count from home) or
// pick with "Choose…" (the native dialog in the desktop app, the file browser in the web shell).

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FolderOpen } from 'lucide-react';
import type { FileKind, FilePurpose } from '../../../shared/api/features/files.ts';
import { useApi } from '../api/apiContext.ts';
import { chooseFile } from '../lib/files.ts';

export function FilePathField(props: {
  label: string;
  value: string;
  onChange: (path: string) => void;
  purpose: FilePurpose;
  kind: FileKind;
  placeholder?: string;
  /** Where the dialog starts; the field's own value when left out. */
  suggested?: string;
  disabled?: boolean;
  describedBy?: string;
  onError?: (err: unknown) => void;
  className?: string;
  /** Recent files of this kind, offered while typing. */
  recent?: readonly string[];
}) {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  const pick = async () => {
    try {
      const chosen = await chooseFile(api, { purpose: props.purpose, kind: props.kind, suggested: props.suggested ?? (props.value.trim() || undefined), title: props.label });
      if (chosen) props.onChange(chosen.path);
    } catch (err) {
      props.onError?.(err);
    }
  };
  return (
    <div className={`file-field ${props.className ?? ''}`}>
      <label htmlFor={`${id}-path`}>{props.label}</label>
      <div className="row">
        <input
          id={`${id}-path`}
          className="mono grow"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          placeholder={props.placeholder}
          spellCheck={false}
          disabled={props.disabled}
          aria-describedby={props.describedBy}
          list={props.recent?.length ? `${id}-recent` : undefined}
        />
        {props.recent && props.recent.length > 0 && (
          <datalist id={`${id}-recent`}>
            {props.recent.map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
        )}
        <button type="button" onClick={() => void pick()} disabled={props.disabled}>
          <FolderOpen size={16} aria-hidden /> {t('shell.files.choose')}
        </button>
      </div>
    </div>
  );
}
