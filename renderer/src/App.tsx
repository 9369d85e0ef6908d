import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import * as Tooltip from '@radix-ui/react-tooltip';
import { Bell, Cpu, DoorOpen, FileCog, ListTree, Send, Tag, type LucideIcon } from 'lucide-react';
import { PAGE_VIEWS, preloadPage } from './views/lazyPages.ts';
import { TamperNotifications } from './components/TamperNotifications.tsx';
import { ReaderSidebar } from './components/ReaderSidebar.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { ThemeSwitch } from './components/ThemeSwitch.tsx';
import { ConfirmDialog } from './components/ConfirmDialog.tsx';
import { FileBrowserDialog } from './components/FileBrowserDialog.tsx';
import { PageFrame } from './components/PageFrame.tsx';
import { DropZone } from './components/DropZone.tsx';
import { useApi } from './api/apiContext.ts';
import { loadAppInfo } from './stores/appInfo.ts';
import { answerLeave, goTo, PAGES, useNavigation, type Page } from './stores/navigation.ts';
import { askConfirm } from './stores/dialogs.ts';

const NAV: Record<Page, { label: string; Icon: LucideIcon }> = {
  readers: { label: 'app.nav.readers', Icon: Cpu },
  config: { label: 'config.title', Icon: FileCog },
  deploy: { label: 'deploy.title', Icon: Send },
  events: { label: 'events.title', Icon: Bell },
  frames: { label: 'frames.title', Icon: ListTree },
  doorfile: { label: 'doorfile.title', Icon: DoorOpen },
  tags: { label: 'tags.title', Icon: Tag },
};
export type { Page } from './stores/navigation.ts';

export function App() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const page = useNavigation((s) => s.page);
  const pendingPage = useNavigation((s) => s.pendingPage);
  const View = PAGE_VIEWS[page];

  useEffect(() => {
    loadAppInfo(api);
  }, [api]);

  // Leaving a page with unsaved work asks first, in the app's own dialog.
  useEffect(() => {
    if (!pendingPage) return;
    void askConfirm({
      title: t('shell.leave.title'),
      text: t('shell.leave.text'),
      confirm: t('shell.leave.leave'),
      cancel: t('shell.leave.stay'),
      danger: true,
    }).then(answerLeave);
  }, [pendingPage, t]);

  return (
    <Tooltip.Provider delayDuration={400}>
      <div className="shell">
        <header className="topbar">
          <h1 className="brand">{t('app.title')}</h1>
          <span className="grow" />
          <ThemeSwitch />
          <select
            aria-label="Language"
            className="topbar-select"
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
        <div className="side">
          <nav aria-label="main" className="mainnav">
            {PAGES.map((p) => {
              const { Icon, label } = NAV[p];
              // Pointing at a page's button starts loading its code, so the click finds it here.
              const preload = () => void preloadPage(p).catch(() => undefined);
              return (
                <button
                  key={p}
                  type="button"
                  className={page === p ? 'active' : ''}
                  aria-current={page === p ? 'page' : undefined}
                  onPointerEnter={preload}
                  onFocus={preload}
                  onClick={() => goTo(p)}
                >
                  <Icon size={16} aria-hidden />
                  <span>{t(label)}</span>
                </button>
              );
            })}
          </nav>
          <ReaderSidebar />
        </div>
        <main className="content">
          <TamperNotifications />
          <PageFrame page={page}>
            <View />
          </PageFrame>
        </main>
        <StatusBar />
      </div>
      <ConfirmDialog />
      <FileBrowserDialog />
      <DropZone />
    </Tooltip.Provider>
  );
}
