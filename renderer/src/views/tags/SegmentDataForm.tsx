import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/apiContext.ts';
import { SecretInput, cleanHex } from '../../components/SecretInput.tsx';
import { useOperation } from '../../hooks/useOperation.ts';
import { OperationFooter } from './OperationFooter.tsx';
import { IndexSelect } from './IndexSelect.tsx';
import { NumberField } from './NumberField.tsx';
import { PanelForm } from '../../components/PanelForm.tsx';
import { resultText } from '../../lib/errorText.ts';

function toText(hex: string): string {
  let s = '';
  for (let i = 0; i < hex.length; i += 2) {
    const b = parseInt(hex.slice(i, i + 2), 16);
    s += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
  }
  return s;
}

function textToHex(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads or writes segment data; the optional PIN is the one the segment's unit names for that kind of access. */
export function SegmentDataForm({ readerId, mode, onDone }: { readerId: string; mode: 'read' | 'write'; onDone: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  const [segment, setSegment] = useState('0');
  const [offset, setOffset] = useState('0');
  const [length, setLength] = useState('16');
  const [format, setFormat] = useState<'text' | 'hex'>('text');
  const [data, setData] = useState('');
  const [pin, setPin] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [readHex, setReadHex] = useState<string | null>(null);
  const op = useOperation();

  const submit = async () => {
    setResult(null);
    setReadHex(null);
    const off = Number(offset);
    if (!Number.isInteger(off) || off < 0 || off > 255) return op.setError(t('tags.data.offsetInvalid'));
    let pinHex: string | undefined;
    if (pin.trim()) {
      const p = cleanHex(pin, 32);
      if (!p) return op.setError(t('tags.pinInvalid'));
      pinHex = p;
    }
    const base = { segment: Number(segment), offset: off, ...(pinHex ? { pinHex } : {}) };
    if (mode === 'read') {
      const len = Number(length);
      if (!Number.isInteger(len) || len < 1 || off + len > 256) return op.setError(t('tags.data.lengthInvalid'));
      const r = await op.run(() => api.tagRead(readerId, { ...base, length: len }));
      setPin('');
      if (r) setReadHex(r.hex);
    } else {
      const hex = format === 'text' ? textToHex(data) : data.replace(/[\s:]/g, '');
      if (!/^([0-9a-fA-F]{2})+$/.test(hex)) return op.setError(t('tags.data.dataInvalid'));
      if (off + hex.length / 2 > 256) return op.setError(t('tags.data.tooLong'));
      const r = await op.run(() => api.tagWrite(readerId, { ...base, dataHex: hex }));
      setPin('');
      if (r) {
        setResult(resultText(r));
        onDone();
      }
    }
  };

  return (
    <PanelForm className="tg-form" heading={mode === 'read' ? t('tags.data.readHeading') : t('tags.data.writeHeading')} onSubmit={submit}>
      <div className="row">
        <IndexSelect label={t('tags.segment')} count={16} value={segment} onChange={setSegment} />
        <NumberField label={t('tags.data.offset')} min={0} max={255} value={offset} onChange={setOffset} />
        {mode === 'read' && <NumberField label={t('tags.data.length')} min={1} max={256} value={length} onChange={setLength} />}
        {mode === 'write' && (
          <div className="field">
            <label htmlFor={`${id}-fmt`}>{t('tags.data.format')}</label>
            <select id={`${id}-fmt`} value={format} onChange={(e) => setFormat(e.target.value as 'text' | 'hex')}>
              <option value="text">{t('tags.data.asText')}</option>
              <option value="hex">{t('tags.data.asHex')}</option>
            </select>
          </div>
        )}
      </div>
      {mode === 'write' && (
        <div className="field">
          <label htmlFor={`${id}-data`}>{t('tags.data.data')}</label>
          <input id={`${id}-data`} className="mono" size={60} maxLength={800} value={data} onChange={(e) => setData(e.target.value)} />
        </div>
      )}
      <SecretInput label={mode === 'read' ? t('tags.data.readPin') : t('tags.data.writePin')} digits={32} value={pin} onChange={setPin} hint={t('tags.data.pinHint')} />
      <OperationFooter busy={op.busy} label={mode === 'read' ? t('tags.data.read') : t('tags.data.write')} error={op.error} done={result} />
      {readHex !== null && (
        <div role="status" data-testid="tag-read-result">
          <p className="mono tg-hex">{readHex}</p>
          <p className="mono muted">{toText(readHex)}</p>
        </div>
      )}
    </PanelForm>
  );
}
