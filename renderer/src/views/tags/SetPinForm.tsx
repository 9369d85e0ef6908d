import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/apiContext.ts';
import { SecretInput, cleanHex } from '../../components/SecretInput.tsx';
import { useOperation } from '../../hooks/useOperation.ts';
import { OperationFooter } from './OperationFooter.tsx';
import { resultText } from '../../lib/errorText.ts';

/** Provisions a PIN position under a master PIN; both PINs are forgotten after the call. */
export function SetPinForm({ readerId, onDone }: { readerId: string; onDone: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  const [position, setPosition] = useState('1');
  const [masterIndex, setMasterIndex] = useState('0');
  const [masterPin, setMasterPin] = useState('');
  const [pin, setPin] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const op = useOperation();

  const submit = async () => {
    setDone(null);
    const pos = Number(position);
    const master = cleanHex(masterPin, 32);
    const newPin = cleanHex(pin, 32);
    if (!Number.isInteger(pos) || pos < 1 || pos > 251) return op.setError(t('tags.setPin.positionInvalid'));
    if (!master || !newPin) return op.setError(t('tags.pinInvalid'));
    const r = await op.run(() => api.tagSetPin(readerId, { position: pos, masterIndex: Number(masterIndex), masterPinHex: master, pinHex: newPin }));
    setMasterPin('');
    setPin('');
    if (r) {
      setDone(resultText(r));
      onDone();
    }
  };

  return (
    <form
      className="panel tg-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-h`}>{t('tags.setPin.heading')}</h3>
      <p className="muted">{t('tags.setPin.intro')}</p>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-pos`}>{t('tags.setPin.position')}</label>
          <input id={`${id}-pos`} type="number" min={1} max={251} value={position} onChange={(e) => setPosition(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-mi`}>{t('tags.setPin.masterIndex')}</label>
          <select id={`${id}-mi`} value={masterIndex} onChange={(e) => setMasterIndex(e.target.value)}>
            {[0, 1, 2, 3].map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </div>
      </div>
      <SecretInput label={t('tags.setPin.masterPin')} digits={32} value={masterPin} onChange={setMasterPin} hint={t('tags.pinHint')} />
      <SecretInput label={t('tags.setPin.newPin')} digits={32} value={pin} onChange={setPin} hint={t('tags.pinHint')} />
      <OperationFooter busy={op.busy} label={t('tags.setPin.submit')} error={op.error} done={done} />
    </form>
  );
}
