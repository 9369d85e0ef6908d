import { useTranslation } from 'react-i18next';

export function ConfigView() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="config-heading">
      <h2 id="config-heading">{t('config.title')}</h2>
    </section>
  );
}
