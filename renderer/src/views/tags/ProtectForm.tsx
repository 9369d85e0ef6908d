import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagProtectRequest } from '../../../../shared/api/features/tags.ts';
import { useApi } from '../../api/apiContext.ts';
import { SecretInput, cleanHex } from '../../components/SecretInput.tsx';
import { useOperation } from '../../hooks/useOperation.ts';
import { OperationFooter } from './OperationFooter.tsx';
import { IndexSelect } from './IndexSelect.tsx';
import { NumberField } from './NumberField.tsx';
import { PanelForm } from '../../components/PanelForm.tsx';
import { resultText } from '../../lib/errorText.ts';

type Allow = 'keep' | 'allow' | 'deny';
type PinChoice = 'keep' | 'none' | 'index';

function index(value: string): number | null {
  return /^\d+$/.test(value) && Number(value) <= 255 ? Number(value) : null;
}

/** Changes a segment's management unit after presenting its edit PIN; fields left on "keep" stay as they are. */
export function ProtectForm({ readerId, onDone }: { readerId: string; onDone: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  const [segment, setSegment] = useState('0');
  const [editPin, setEditPin] = useState('');
  const [read, setRead] = useState<Allow>('keep');
  const [write, setWrite] = useState<Allow>('keep');
  const [readPin, setReadPin] = useState<PinChoice>('keep');
  const [readIndex, setReadIndex] = useState('1');
  const [writePin, setWritePin] = useState<PinChoice>('keep');
  const [writeIndex, setWriteIndex] = useState('1');
  const [editIndex, setEditIndex] = useState('');
  const [lock, setLock] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const op = useOperation();

  const submit = async () => {
    setDone(null);
    const pin = cleanHex(editPin, 32);
    if (!pin) return op.setError(t('tags.pinInvalid'));
    const req: TagProtectRequest = { segment: Number(segment), editPinHex: pin };
    if (read !== 'keep') req.read = read === 'allow';
    if (write !== 'keep') req.write = write === 'allow';
    for (const [choice, value, key] of [
      [readPin, readIndex, 'readPinIndex'],
      [writePin, writeIndex, 'writePinIndex'],
    ] as const) {
      if (choice === 'none') req[key] = null;
      if (choice === 'index') {
        const n = index(value);
        if (n === null) return op.setError(t('tags.protect.indexInvalid'));
        req[key] = n;
      }
    }
    if (editIndex.trim()) {
      const n = index(editIndex.trim());
      if (n === null) return op.setError(t('tags.protect.indexInvalid'));
      req.editPinIndex = n;
    }
    if (lock) req.lock = true;
    if (Object.keys(req).length === 2) return op.setError(t('tags.protect.nothing'));
    const r = await op.run(() => api.tagProtect(readerId, req));
    setEditPin('');
    if (r) {
      setDone(resultText(r));
      setLock(false);
      onDone();
    }
  };

  const allowSelect = (label: string, value: Allow, set: (v: Allow) => void, key: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={value} onChange={(e) => set(e.target.value as Allow)}>
        <option value="keep">{t('tags.protect.keep')}</option>
        <option value="allow">{t('tags.protect.allow')}</option>
        <option value="deny">{t('tags.protect.deny')}</option>
      </select>
    </div>
  );
  const pinSelect = (label: string, value: PinChoice, set: (v: PinChoice) => void, idx: string, setIdx: (v: string) => void, key: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <div className="row">
        <select id={`${id}-${key}`} value={value} onChange={(e) => set(e.target.value as PinChoice)}>
          <option value="keep">{t('tags.protect.keep')}</option>
          <option value="none">{t('tags.protect.noPin')}</option>
          <option value="index">{t('tags.protect.pinAt')}</option>
        </select>
        {value === 'index' && (
          <input aria-label={t('tags.protect.indexOf', { what: label })} type="number" min={0} max={255} value={idx} onChange={(e) => setIdx(e.target.value)} />
        )}
      </div>
    </div>
  );

  return (
    <PanelForm className="tg-form" heading={t('tags.protect.heading')} onSubmit={submit}>
      <div className="row">
        <IndexSelect label={t('tags.segment')} count={16} value={segment} onChange={setSegment} />
        {allowSelect(t('tags.protect.reads'), read, setRead, 'rd')}
        {pinSelect(t('tags.protect.readPin'), readPin, setReadPin, readIndex, setReadIndex, 'rdpin')}
        {allowSelect(t('tags.protect.writes'), write, setWrite, 'wr')}
        {pinSelect(t('tags.protect.writePin'), writePin, setWritePin, writeIndex, setWriteIndex, 'wrpin')}
        <NumberField label={t('tags.protect.editIndex')} min={0} max={255} placeholder={t('tags.protect.keep')} value={editIndex} onChange={setEditIndex} />
      </div>
      <label className="tg-lock">
        <input type="checkbox" checked={lock} onChange={(e) => setLock(e.target.checked)} /> {t('tags.protect.lock')}
      </label>
      <SecretInput label={t('tags.protect.editPin')} digits={32} value={editPin} onChange={setEditPin} hint={t('tags.protect.editPinHint')} />
      <OperationFooter busy={op.busy} label={t('tags.protect.submit')} error={op.error} done={done} />
    </PanelForm>
  );
}
