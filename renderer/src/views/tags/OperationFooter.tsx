import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** The end of every tag form: the submit button, the tag's refusal as a sentence, and the outcome. */
export function OperationFooter({ busy, label, error, done }: { busy: boolean; label: string; error: string | null | undefined; done: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="submit" disabled={busy}>
        {busy ? t('tags.working') : label}
      </button>
      <ErrorAlert message={error} />
      {done && (
        <p role="status" className="tg-ok">
          {done}
        </p>
      )}
    </>
  );
}
