import { useTranslation } from 'react-i18next';

export function FramesView() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="frames-heading">
      <h2 id="frames-heading">{t('frames.title')}</h2>
    </section>
  );
}
