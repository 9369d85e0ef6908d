import { useTranslation } from 'react-i18next';

export function TagsView() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="tags-heading">
      <h2 id="tags-heading">{t('tags.title')}</h2>
    </section>
  );
}
