import { useTranslation } from 'react-i18next';

export function DoorfileView() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="doorfile-heading">
      <h2 id="doorfile-heading">{t('doorfile.title')}</h2>
    </section>
  );
}
