import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/apiContext.ts';
import { SecretInput, cleanHex } from '../../components/SecretInput.tsx';
import { useOperation } from '../../hooks/useOperation.ts';
import { OperationFooter } from './OperationFooter.tsx';
import { IndexSelect } from './IndexSelect.tsx';
import { NumberField } from './NumberField.tsx';
import { PanelForm } from '../../components/PanelForm.tsx';
import { resultText } from '../../lib/errorText.ts';

/** Provisions a PIN position under a master PIN; both PINs are forgotten after the call. */
export function SetPinForm({ readerId, onDone }: { readerId: string; onDone: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
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
    <PanelForm className="tg-form" heading={t('tags.setPin.heading')} onSubmit={submit}>
      <p className="muted">{t('tags.setPin.intro')}</p>
      <div className="row">
        <NumberField label={t('tags.setPin.position')} min={1} max={251} value={position} onChange={setPosition} />
        <IndexSelect label={t('tags.setPin.masterIndex')} count={4} value={masterIndex} onChange={setMasterIndex} />
      </div>
      <SecretInput label={t('tags.setPin.masterPin')} digits={32} value={masterPin} onChange={setMasterPin} hint={t('tags.pinHint')} />
      <SecretInput label={t('tags.setPin.newPin')} digits={32} value={pin} onChange={setPin} hint={t('tags.pinHint')} />
      <OperationFooter busy={op.busy} label={t('tags.setPin.submit')} error={op.error} done={done} />
    </PanelForm>
  );
}
