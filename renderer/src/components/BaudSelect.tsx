import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BAUD_RATES, DEFAULT_BAUD_RATE } from '../../../shared/api/contract.ts';

/** 'default' is 115200, the BRP default; TCP and USB HID have no baud rate. */
export type BaudChoice = number | 'default';

export function BaudSelect({ value, onChange, label, disabled }: { value: BaudChoice; onChange: (v: BaudChoice) => void; label: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <span className="field-inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={String(value)} disabled={disabled} onChange={(e) => onChange(e.target.value === 'default' ? 'default' : Number(e.target.value))}>
        <option value="default">{t('shell.readers.baudDefault')}</option>
        {BAUD_RATES.filter((b) => b !== DEFAULT_BAUD_RATE).map((b) => (
          <option key={b} value={String(b)}>
            {b}
          </option>
        ))}
      </select>
    </span>
  );
}
