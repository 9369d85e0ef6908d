import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadersView } from './views/ReadersView.tsx';

type Page = 'readers';

export function App() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState<Page>('readers');
  return (
    <div className="app">
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        <nav aria-label="main">
          <button className={page === 'readers' ? 'active' : ''} onClick={() => setPage('readers')}>
            {t('app.nav.readers')}
          </button>
        </nav>
        <select
          aria-label="Language"
          value={i18n.language}
          onChange={(e) => {
            localStorage.setItem('readerdesk.lang', e.target.value);
            void i18n.changeLanguage(e.target.value);
          }}
        >
          <option value="en">English</option>
          <option value="de">Deutsch</option>
        </select>
      </header>
      <main>{page === 'readers' && <ReadersView />}</main>
    </div>
  );
}
