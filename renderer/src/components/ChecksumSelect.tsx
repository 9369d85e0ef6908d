import { useTranslation } from 'react-i18next';
import { LINK_CHECKSUMS, type LinkChecksumKind } from '../../../shared/brp/checksum.ts';

/** 'auto' lets the kind of link decide (none on TCP and USB, CRC16 on other serial lines). */
export type ChecksumChoice = LinkChecksumKind | 'auto';

export function ChecksumSelect({
  value,
  onChange,
  label,
  disabled,
}: {
  value: ChecksumChoice;
  onChange: (v: ChecksumChoice) => void;
  label: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <label title={t('readers.checksumHelp')}>
      {label}{' '}
      <select value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as ChecksumChoice)}>
        {(['auto', ...LINK_CHECKSUMS] as const).map((c) => (
          <option key={c} value={c}>
            {t(`readers.checksumChoice.${c}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The options for api.connect: an object in every case, so the choice survives JSON on the wire. */
export function connectOptions(choice: ChecksumChoice, baud: number | 'default' = 'default'): { checksum?: LinkChecksumKind; baudRate?: number } {
  return { ...(choice === 'auto' ? {} : { checksum: choice }), ...(baud === 'default' ? {} : { baudRate: baud }) };
}
