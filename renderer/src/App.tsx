import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadersView } from './views/ReadersView.tsx';
import { ConfigView } from './views/ConfigView.tsx';
import { DeployView } from './views/DeployView.tsx';
import { EventsView } from './views/EventsView.tsx';
import { FramesView } from './views/FramesView.tsx';
import { DoorfileView } from './views/DoorfileView.tsx';
import { TagsView } from './views/TagsView.tsx';
import { TamperNotifications } from './components/TamperNotifications.tsx';

const PAGES = {
  readers: { label: 'app.nav.readers', View: ReadersView },
  config: { label: 'config.title', View: ConfigView },
  deploy: { label: 'deploy.title', View: DeployView },
  events: { label: 'events.title', View: EventsView },
  frames: { label: 'frames.title', View: FramesView },
  doorfile: { label: 'doorfile.title', View: DoorfileView },
  tags: { label: 'tags.title', View: TagsView },
} as const;
export type Page = keyof typeof PAGES;

export function App() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState<Page>('readers');
  const { View } = PAGES[page];
  return (
    <div className="app">
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        <nav aria-label="main">
          {(Object.keys(PAGES) as Page[]).map((p) => (
            <button key={p} className={page === p ? 'active' : ''} aria-current={page === p ? 'page' : undefined} onClick={() => setPage(p)}>
              {t(PAGES[p].label)}
            </button>
          ))}
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
      <TamperNotifications />
      <main>
        <View />
      </main>
    </div>
  );
}
