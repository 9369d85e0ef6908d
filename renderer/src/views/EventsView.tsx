import { useTranslation } from 'react-i18next';

export function EventsView() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="events-heading">
      <h2 id="events-heading">{t('events.title')}</h2>
    </section>
  );
}
