import { useTranslation } from 'react-i18next';

export function DeployView() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="deploy-heading">
      <h2 id="deploy-heading">{t('deploy.title')}</h2>
    </section>
  );
}
