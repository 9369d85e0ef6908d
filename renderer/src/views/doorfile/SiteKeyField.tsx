import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteKeySource } from '../../../../shared/api/features/doorfile.ts';
import { SecretInput, cleanHex } from '../../components/SecretInput.tsx';

export interface SiteKeyValue {
  mode: 'typed' | 'file';
  hex: string;
  file: string;
}

export const EMPTY_SITE_KEY: SiteKeyValue = { mode: 'typed', hex: '', file: '' };

/** The key as the host takes it, or the sentence saying what is wrong (never the key). */
export function siteKeySource(v: SiteKeyValue): { source: SiteKeySource } | { problem: string } {
  if (v.mode === 'file') return v.file.trim() ? { source: { file: v.file.trim() } } : { problem: 'doorfile.key.missingFile' };
  const hex = cleanHex(v.hex, 64);
  return hex ? { source: { hex } } : { problem: 'doorfile.key.invalid' };
}

/** Typed (masked) or read by the host from a file the user names; the web shell has no file dialog. */
export function SiteKeyField({ value, onChange }: { value: SiteKeyValue; onChange: (v: SiteKeyValue) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="sitekey">
      <legend>{t('doorfile.key.legend')}</legend>
      <div className="row" role="radiogroup" aria-label={t('doorfile.key.legend')}>
        <label>
          <input type="radio" name={`${id}-mode`} checked={value.mode === 'typed'} onChange={() => onChange({ ...value, mode: 'typed', file: '' })} />{' '}
          {t('doorfile.key.typed')}
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} checked={value.mode === 'file'} onChange={() => onChange({ ...value, mode: 'file', hex: '' })} />{' '}
          {t('doorfile.key.file')}
        </label>
      </div>
      {value.mode === 'typed' ? (
        <SecretInput label={t('doorfile.key.hex')} hint={t('doorfile.key.hexHint')} digits={64} value={value.hex} onChange={(hex) => onChange({ ...value, hex })} />
      ) : (
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('doorfile.key.path')}</label>
          <input id={`${id}-file`} className="mono" size={60} maxLength={4096} value={value.file} onChange={(e) => onChange({ ...value, file: e.target.value })} />
        </div>
      )}
    </fieldset>
  );
}
