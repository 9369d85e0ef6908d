import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_MAX_BAUD, MAX_BAUD_CHOICES } from '../../../shared/api/contract.ts';

/** The fastest rate a serial port is raised to for uploads and read-backs (a setting of the port). */
export function MaxBaudSelect({ value, onChange, disabled }: { value: number; onChange: (v: number) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  // A rate kept from elsewhere that is no longer offered still shows as it is.
  const choices = MAX_BAUD_CHOICES.includes(value) ? MAX_BAUD_CHOICES : [...MAX_BAUD_CHOICES, value].sort((a, b) => a - b);
  return (
    <span className="field-inline" title={t('shell.readers.maxBaudHint')}>
      <label htmlFor={id}>{t('shell.readers.maxBaudForPort')}</label>
      <select id={id} value={String(value)} disabled={disabled} onChange={(e) => onChange(Number(e.target.value))}>
        {[...choices].reverse().map((b) => (
          <option key={b} value={String(b)}>
            {b === DEFAULT_MAX_BAUD ? t('shell.readers.maxBaudDefault', { rate: String(b) }) : b}
          </option>
        ))}
      </select>
    </span>
  );
}
